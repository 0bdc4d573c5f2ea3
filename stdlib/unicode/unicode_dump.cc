// Prints what the standard library says about every Unicode scalar value, one line each, for
// unicode_python_test.py to compare with Python's unicodedata:
//   CP UPPER LOWER SIMPLE_UPPER SIMPLE_LOWER CLASSES SIGMA
// CP and the mappings in hex (a full mapping as dot-separated code points); CLASSES is six 0/1
// digits: alphabetic, numeric, whitespace, uppercase, lowercase, alphanumeric; SIGMA two 0/1
// digits: whether Σ lower-cases to final ς after CP ("CPΣ") and before it ("ΑΣCP").
#include <cstdio>
#include <string>
#include <vector>

#include "ruchy/prelude.h"

namespace {

constexpr char32_t kLastCodePoint = 0x10FFFF;
const std::string kCapitalSigma = "\u03A3";
const std::string kFinalSigma = "\u03C2";

std::string Hex(const std::string& utf8) {
  std::string out;
  for (char32_t c : rt::DecodeUtf8(utf8)) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%X", out.empty() ? "" : ".", static_cast<unsigned>(c));
    out += buf;
  }
  return out.empty() ? "-" : out;
}

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

int main() {
  std::string line;
  for (char32_t c = 0; c <= kLastCodePoint; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // not scalar values: no Ruchy char holds one
    std::string one;
    rt::AppendUtf8(one, c);
    const bool final_after = EndsWith(rt::to_lower(one + kCapitalSigma), kFinalSigma);
    const bool final_before = rt::to_lower("\u0391" + kCapitalSigma + one).compare(2, 2, kFinalSigma) == 0;
    std::printf("%X %s %s %X %X %d%d%d%d%d%d %d%d\n", static_cast<unsigned>(c), Hex(rt::to_upper(one)).c_str(),
                Hex(rt::to_lower(one)).c_str(), static_cast<unsigned>(rt::to_uppercase(c)),
                static_cast<unsigned>(rt::to_lowercase(c)), rt::is_alphabetic(c), rt::is_numeric(c),
                rt::is_whitespace(c), rt::is_uppercase(c), rt::is_lowercase(c), rt::is_alphanumeric(c), final_after,
                final_before);
  }
  return 0;
}
