// Unicode character classes and case mapping, as Rust defines them (the reference semantics):
//   is_alphabetic  Alphabetic            is_numeric    general category Nd, Nl or No
//   is_whitespace  White_Space           is_uppercase  Uppercase, is_lowercase Lowercase
//   String to_uppercase/to_lowercase: the full mapping (SpecialCasing's unconditional
//   multi-character mappings, ß -> SS), no language-specific rules, and the final sigma rule
//   (Σ lower-cases to ς at the end of a word), exactly as Rust's str::to_lowercase.
//   char to_uppercase/to_lowercase return one char: the simple mapping (ß stays ß).
//   trim, trim_start, trim_end and split_whitespace: White_Space, as Rust's.
//
// The tables are generated at build time from the pinned Unicode Character Database
// (stdlib/unicode/gen_ucd_tables.py explains their encoding). Each table is a separate constant
// that only the functions reading it refer to, so a release link (--gc-sections) keeps none of
// them in programs that do not use these functions.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "ruchy/prelude.h"

namespace rt {

namespace {

// An unconditional multi-character case mapping (all of them are in the BMP); unused slots are 0.
struct SpecialCase {
  char16_t from;
  char16_t to[3];
};

#include "unicode/ucd_tables.inc"

constexpr uint32_t kMaxCodePoint = 0x10FFFF;
constexpr int kStartShift = 11;            // run = start << 11 | (count - 1) << 1 | (stride == 2)
constexpr uint32_t kCountMask = 0x3FF;     // 10 bits of count - 1
constexpr char32_t kCapitalSigma = 0x03A3;
constexpr char32_t kSmallSigma = 0x03C3;
constexpr char32_t kFinalSigma = 0x03C2;

// The index of the run holding c, or -1.
template <size_t N>
std::ptrdiff_t FindRun(const uint32_t (&runs)[N], char32_t c) {
  if (c > kMaxCodePoint) return -1;
  const uint32_t key = (static_cast<uint32_t>(c) << kStartShift) | ((1u << kStartShift) - 1);
  const uint32_t* it = std::upper_bound(runs, runs + N, key);
  if (it == runs) return -1;
  --it;
  const uint32_t start = *it >> kStartShift;
  const uint32_t count = ((*it >> 1) & kCountMask) + 1;
  const uint32_t stride = (*it & 1) ? 2 : 1;
  const uint32_t offset = static_cast<uint32_t>(c) - start;
  if (offset % stride != 0 || offset / stride >= count) return -1;
  return it - runs;
}

template <size_t N>
bool InSet(const uint32_t (&runs)[N], char32_t c) {
  return FindRun(runs, c) >= 0;
}

template <size_t N>
char32_t SimpleMap(const uint32_t (&runs)[N], const int32_t (&deltas)[N], char32_t c) {
  std::ptrdiff_t i = FindRun(runs, c);
  return i < 0 ? c : static_cast<char32_t>(static_cast<int32_t>(c) + deltas[i]);
}

template <size_t N>
const SpecialCase* FindSpecial(const SpecialCase (&table)[N], char32_t c) {
  if (c > 0xFFFF) return nullptr;
  const SpecialCase* it =
      std::lower_bound(table, table + N, c, [](const SpecialCase& e, char32_t v) { return e.from < v; });
  return it != table + N && it->from == c ? it : nullptr;
}

template <size_t N>
bool AppendSpecial(std::string& out, const SpecialCase (&table)[N], char32_t c) {
  const SpecialCase* special = FindSpecial(table, c);
  if (special == nullptr) return false;
  for (char16_t t : special->to) {
    if (t != 0) AppendUtf8(out, t);
  }
  return true;
}

// Decodes the well-formed UTF-8 sequence at s[i] (no overlong forms, surrogates or values above
// U+10FFFF). False for anything else: callers keep such bytes as they are.
bool DecodeAt(const std::string& s, size_t i, char32_t& c, size_t& len) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) {
    c = b;
    len = 1;
    return true;
  }
  char32_t min;
  if ((b & 0xE0) == 0xC0) {
    len = 2, c = b & 0x1F, min = 0x80;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3, c = b & 0x0F, min = 0x800;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4, c = b & 0x07, min = 0x10000;
  } else {
    return false;
  }
  if (i + len > s.size()) return false;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return false;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  return c >= min && c <= kMaxCodePoint && (c < 0xD800 || c > 0xDFFF);
}

// The character that ends just before byte `end`, if it is well-formed UTF-8.
bool DecodeBefore(const std::string& s, size_t end, char32_t& c, size_t& len) {
  for (size_t back = 1; back <= 4 && back <= end; ++back) {
    if ((static_cast<unsigned char>(s[end - back]) & 0xC0) != 0x80) {
      return DecodeAt(s, end - back, c, len) && len == back;
    }
  }
  return false;
}

// Rust's rule (Unicode 3.13, Final_Sigma): after skipping case-ignorable characters, the first
// character in that direction is cased. A byte that is not UTF-8 stops the scan, uncased.
bool CasedBefore(const std::string& s, size_t end) {
  char32_t c;
  size_t len;
  while (end > 0 && DecodeBefore(s, end, c, len)) {
    if (!InSet(kCaseIgnorable, c)) return InSet(kCased, c);
    end -= len;
  }
  return false;
}

bool CasedAfter(const std::string& s, size_t start) {
  char32_t c;
  size_t len;
  while (start < s.size() && DecodeAt(s, start, c, len)) {
    if (!InSet(kCaseIgnorable, c)) return InSet(kCased, c);
    start += len;
  }
  return false;
}

}  // namespace

bool is_alphabetic(char32_t c) { return InSet(kAlphabetic, c); }
bool is_numeric(char32_t c) { return InSet(kNumeric, c); }
bool is_alphanumeric(char32_t c) { return is_alphabetic(c) || is_numeric(c); }
bool is_whitespace(char32_t c) { return InSet(kWhiteSpace, c); }
bool is_uppercase(char32_t c) { return InSet(kUppercase, c); }
bool is_lowercase(char32_t c) { return InSet(kLowercase, c); }
char32_t to_uppercase(char32_t c) { return SimpleMap(kToUpperRuns, kToUpperDeltas, c); }
char32_t to_lowercase(char32_t c) { return SimpleMap(kToLowerRuns, kToLowerDeltas, c); }

std::string to_upper(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII needs no table
      out += static_cast<char>(b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b);
      ++i;
      continue;
    }
    char32_t c;
    size_t len;
    if (!DecodeAt(s, i, c, len)) {  // not UTF-8: kept as it is
      out += s[i++];
      continue;
    }
    if (!AppendSpecial(out, kSpecialUpper, c)) AppendUtf8(out, to_uppercase(c));
    i += len;
  }
  return out;
}

std::string to_lower(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      ++i;
      continue;
    }
    char32_t c;
    size_t len;
    if (!DecodeAt(s, i, c, len)) {
      out += s[i++];
      continue;
    }
    if (c == kCapitalSigma) {
      AppendUtf8(out, CasedBefore(s, i) && !CasedAfter(s, i + len) ? kFinalSigma : kSmallSigma);
    } else if (!AppendSpecial(out, kSpecialLower, c)) {
      AppendUtf8(out, to_lowercase(c));
    }
    i += len;
  }
  return out;
}

// ---- whitespace: White_Space, as in Rust's trim and split_whitespace ----
// Here rather than in std.cc so that a program which uses none of this does not load this object
// file at all (the linker would keep its exception tables).
namespace {

// The length of the whitespace character at s[i], or 0 (a byte that is not UTF-8 is not).
size_t SpaceAt(const std::string& s, size_t i) {
  char32_t c;
  size_t len;
  return DecodeAt(s, i, c, len) && is_whitespace(c) ? len : 0;
}

// The length of the whitespace character that ends at s[end - 1], or 0.
size_t SpaceBefore(const std::string& s, size_t end) {
  char32_t c;
  size_t len;
  return DecodeBefore(s, end, c, len) && is_whitespace(c) ? len : 0;
}

}  // namespace

std::string trim(const std::string& s) { return trim_end(trim_start(s)); }

std::string trim_start(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t n = SpaceAt(s, i);
    if (n == 0) break;
    i += n;
  }
  return s.substr(i);
}

std::string trim_end(const std::string& s) {
  size_t n = s.size();
  while (n > 0) {
    size_t k = SpaceBefore(s, n);
    if (k == 0) break;
    n -= k;
  }
  return s.substr(0, n);
}

std::vector<std::string> split_whitespace(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    for (size_t n; i < s.size() && (n = SpaceAt(s, i)) != 0;) i += n;
    size_t start = i;
    while (i < s.size() && SpaceAt(s, i) == 0) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

const char* unicode_version() { return kUnicodeVersion; }

}  // namespace rt
