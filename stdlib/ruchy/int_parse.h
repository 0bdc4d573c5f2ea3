// Integers from text with Rust's rules (`str::parse`, `from_str_radix`): shared by `parse::<T>()`
// (collections.h) and `T::from_str_radix` (text.h).
#ifndef RUCHY_STD_INT_PARSE_H_
#define RUCHY_STD_INT_PARSE_H_

#include <cstdint>
#include <string_view>
#include <type_traits>

namespace rt {

enum class IntParseError { kNone, kEmpty, kInvalidDigit, kPosOverflow, kNegOverflow };

// Rust's text for each error ("invalid digit found in string", ...).
const char* IntParseMessage(IntParseError e);

// The value of a digit in a radix of 2..=36 (letters in either case), or -1.
constexpr int DigitValue(char c, uint32_t radix) {
  int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
  return v >= 0 && static_cast<uint32_t>(v) < radix ? v : -1;
}

// Rust's `from_str_radix`: an optional `+` (or `-` for signed types), then at least one digit of
// the radix; nothing else, no whitespace. On success stores the value in *out.
template <class T>
IntParseError ParseInteger(std::string_view s, uint32_t radix, T* out) {
  static_assert(std::is_integral_v<T>);
  if (s.empty()) return IntParseError::kEmpty;
  if ((s[0] == '+' || s[0] == '-') && s.size() == 1) return IntParseError::kInvalidDigit;
  bool negative = false;
  if (s[0] == '+') {
    s.remove_prefix(1);
  } else if (s[0] == '-' && std::is_signed_v<T>) {
    negative = true;
    s.remove_prefix(1);
  }
  T value = 0;
  for (char ch : s) {
    int digit = DigitValue(ch, radix);
    if (digit < 0) return IntParseError::kInvalidDigit;
    bool overflow = __builtin_mul_overflow(value, static_cast<T>(radix), &value);
    overflow = overflow || (negative ? __builtin_sub_overflow(value, static_cast<T>(digit), &value)
                                     : __builtin_add_overflow(value, static_cast<T>(digit), &value));
    if (overflow) return negative ? IntParseError::kNegOverflow : IntParseError::kPosOverflow;
  }
  *out = value;
  return IntParseError::kNone;
}

}  // namespace rt

#endif  // RUCHY_STD_INT_PARSE_H_
