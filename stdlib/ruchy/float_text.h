// Doubles as text, character for character as std::to_chars prints them, without linking
// std::to_chars for floating point: both libc++ and libstdc++ implement it with Ryu, whose
// shortest-form code calls its fixed-precision printer, so one formatted double pulls about 110 KB
// of tables into a bootstrap (issue 18: a third of the musl hello bootstrap). These routines
// compute with exact big integers instead (Steele & White / Burger & Dybvig's free-format
// algorithm for the shortest form, long division for a precision) and cost a few kilobytes; they
// are slower (about 0.4 us a double against 0.1 us, more at extreme exponents), which only
// float-heavy output notices. float_text_test compares them with std::to_chars on a million random
// doubles in three forms each and the edge cases, with both C++ libraries.
#ifndef RUCHY_STD_FLOAT_TEXT_H_
#define RUCHY_STD_FLOAT_TEXT_H_

#include <string>

namespace rt {

enum class FloatForm {
  kPlain,       // std::to_chars(first, last, v): fixed or scientific, whichever is shorter
  kFixed,       // std::chars_format::fixed
  kScientific,  // std::chars_format::scientific
};

// Appends what std::to_chars(first, last, v, form) writes: the fewest digits that read back as V
// (the closest such, ties to even). "inf" and "nan" with a '-' when the sign bit is set (libc++
// writes "-nan(ind)" for the default NaN; this is libstdc++'s text).
void AppendShortestFloat(std::string& out, double v, FloatForm form);

// Appends what std::to_chars(first, last, v, form, precision) writes: PRECISION digits after the
// point, exactly rounded (ties to even); FORM is kFixed or kScientific. PRECISION must be >= 0.
void AppendFloatWithPrecision(std::string& out, double v, FloatForm form, int precision);

}  // namespace rt

#endif  // RUCHY_STD_FLOAT_TEXT_H_
