// Generated-input tests of ruchy/text.h against independent oracles: UTF-8 validation against the
// set of every valid encoding's prefixes, and integer parsing against 128-bit arithmetic.
#include "ruchy/text.h"

#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "gtest/gtest.h"

namespace rt {
namespace {

constexpr int kRandomCases = 200000;

// Every prefix of every valid UTF-8 encoding (all scalar values), packed as length + bytes.
class Utf8Oracle {
 public:
  Utf8Oracle() {
    for (uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      std::string e;
      AppendUtf8(e, static_cast<char32_t>(cp));
      for (size_t k = 1; k <= e.size(); ++k) {
        prefixes_.insert(Pack(reinterpret_cast<const uint8_t*>(e.data()), k));
        if (k == e.size()) complete_.insert(Pack(reinterpret_cast<const uint8_t*>(e.data()), k));
      }
    }
  }

  // What Rust's String::from_utf8 answers, derived from the prefix sets: at each position either
  // a complete character, or an error whose length is the longest valid prefix there (None,
  // "incomplete", when that prefix runs into the end of the input).
  std::string Expected(const std::vector<uint8_t>& v) const {
    size_t i = 0;
    while (i < v.size()) {
      size_t longest = 0;
      bool complete = false;
      for (size_t k = 1; k <= 4 && i + k <= v.size(); ++k) {
        uint64_t key = Pack(v.data() + i, k);
        if (!prefixes_.count(key)) break;
        longest = k;
        if (complete_.count(key)) {
          complete = true;
          break;
        }
      }
      if (complete) {
        i += longest;
        continue;
      }
      if (longest > 0 && i + longest == v.size()) return "incomplete utf-8 byte sequence from index " + std::to_string(i);
      return "invalid utf-8 sequence of " + std::to_string(longest == 0 ? 1 : longest) + " bytes from index " +
             std::to_string(i);
    }
    return "ok";
  }

 private:
  static uint64_t Pack(const uint8_t* p, size_t k) {
    uint64_t key = k;
    for (size_t j = 0; j < k; ++j) key = (key << 8) | p[j];
    return key;
  }
  std::unordered_set<uint64_t> prefixes_, complete_;
};

// Built once: the sets hold about four million prefixes.
const Utf8Oracle& TheOracle() {
  static const Utf8Oracle* oracle = new Utf8Oracle();
  return *oracle;
}

std::string Actual(const std::vector<uint8_t>& v) {
  Result<std::string, std::string> r = from_utf8(v);
  if (r.is_ok()) {
    EXPECT_EQ(r.ok_value(), std::string(v.begin(), v.end()));
    return "ok";
  }
  return r.err_value();
}

TEST(TextTest, FromUtf8MatchesTheOracleOnEveryTwoByteInput) {
  const Utf8Oracle& oracle = TheOracle();
  for (int a = 0; a < 256; ++a) {
    ASSERT_EQ(Actual({static_cast<uint8_t>(a)}), oracle.Expected({static_cast<uint8_t>(a)})) << a;
    for (int b = 0; b < 256; ++b) {
      std::vector<uint8_t> v = {static_cast<uint8_t>(a), static_cast<uint8_t>(b)};
      ASSERT_EQ(Actual(v), oracle.Expected(v)) << a << " " << b;
    }
  }
}

TEST(TextTest, FromUtf8MatchesTheOracleOnRandomInputs) {
  const Utf8Oracle& oracle = TheOracle();
  std::mt19937 rng(20240611);
  // Bytes drawn mostly from the interesting ranges: ASCII, continuations, and every lead byte.
  const std::vector<uint8_t> pool = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                     0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  for (int n = 0; n < kRandomCases; ++n) {
    std::vector<uint8_t> v(rng() % 7);
    for (uint8_t& b : v) b = rng() % 4 == 0 ? static_cast<uint8_t>(rng()) : pool[rng() % pool.size()];
    ASSERT_EQ(Actual(v), oracle.Expected(v));
  }
}

TEST(TextTest, FromUtf8LossyReplacesEachBadSequenceOnce) {
  EXPECT_EQ(from_utf8_lossy({0x61, 0xF0, 0x9F, 0x92, 0x41}), "a\xEF\xBF\xBD" "A");  // one U+FFFD for F0 9F 92
  EXPECT_EQ(from_utf8_lossy({0xFF, 0xFE}), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(from_utf8_lossy({0x68, 0xC3}), "h\xEF\xBF\xBD");
  EXPECT_EQ(from_utf8_lossy({}), "");
}

// Rust's from_str_radix, computed with 128-bit integers.
template <class T>
IntParseError Oracle(const std::string& s, uint32_t radix, T* out) {
  if (s.empty()) return IntParseError::kEmpty;
  size_t i = 0;
  bool negative = false;
  if (s[0] == '+' || (s[0] == '-' && std::is_signed_v<T>)) {
    negative = s[0] == '-';
    i = 1;
    if (s.size() == 1) return IntParseError::kInvalidDigit;
  }
  // Left to right, as Rust: a bad digit is reported where it stands, an overflow as soon as the
  // value leaves the type's range (so "999z" into a u8 overflows before reaching the `z`).
  __int128 magnitude = 0;
  for (; i < s.size(); ++i) {
    int d = DigitValue(s[i], radix);
    if (d < 0) return IntParseError::kInvalidDigit;
    magnitude = magnitude * radix + d;
    if (!negative && magnitude > static_cast<__int128>(std::numeric_limits<T>::max())) return IntParseError::kPosOverflow;
    if (negative && -magnitude < static_cast<__int128>(std::numeric_limits<T>::min())) return IntParseError::kNegOverflow;
  }
  *out = static_cast<T>(negative ? -magnitude : magnitude);
  return IntParseError::kNone;
}

template <class T>
void CompareParsing(std::mt19937& rng) {
  const std::string alphabet = "0123456789+-azAZfF_ 7";
  for (int n = 0; n < kRandomCases / 4; ++n) {
    std::string s(rng() % 24, '0');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    if (rng() % 3 == 0) s = std::string(rng() % 2 ? "-" : "+") + std::to_string(rng()) + std::to_string(rng());
    uint32_t radix = 2 + rng() % 35;
    T want = 0, got = 0;
    IntParseError expected = Oracle<T>(s, radix, &want);
    ASSERT_EQ(ParseInteger<T>(s, radix, &got), expected) << "\"" << s << "\" radix " << radix;
    if (expected == IntParseError::kNone) ASSERT_EQ(got, want) << s;
  }
}

TEST(TextTest, ParseIntegerMatchesRustForEveryWidth) {
  std::mt19937 rng(7);
  CompareParsing<int8_t>(rng);
  CompareParsing<uint8_t>(rng);
  CompareParsing<int16_t>(rng);
  CompareParsing<uint32_t>(rng);
  CompareParsing<int64_t>(rng);
  CompareParsing<uint64_t>(rng);
}

TEST(TextTest, FromStrRadixNamesTheInput) {
  Result<uint8_t, std::string> r = from_str_radix<uint8_t>("1g", 16);
  ASSERT_TRUE(r.is_err());
  EXPECT_EQ(r.err_value(), "u8::from_str_radix(\"1g\", 16): invalid digit found in string");
  EXPECT_EQ((from_str_radix<int64_t>("-8000000000000000", 16).ok_value()), std::numeric_limits<int64_t>::min());
  EXPECT_THROW(from_str_radix<int32_t>("1", 1), RuntimeError);
  EXPECT_THROW(from_str_radix<int32_t>("1", 37), RuntimeError);
}

TEST(TextTest, OffsetsAreBytes) {
  EXPECT_EQ(rfind("a€a€", "€"), 5);  // a, € (3 bytes), a, €
  EXPECT_EQ(find("a€a€", U'€'), 1);
  auto pieces = char_indices("a\xFF" "é");  // an invalid byte decodes as U+FFFD of one byte
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(std::get<0>(pieces[2]), 2);
  EXPECT_EQ(std::get<1>(pieces[1]), U'\uFFFD');
}

}  // namespace
}  // namespace rt
