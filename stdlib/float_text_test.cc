// AppendShortestFloat and AppendFloatWithPrecision against std::to_chars, the text they must
// reproduce character for character: libstdc++'s on glibc, libc++'s on musl (the test runs on
// both, x86_64 and arm64). Edge cases first, then a million random doubles in three forms each,
// "human" decimals (what programs mostly print) and random precisions.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "gtest/gtest.h"
#include "ruchy/float_text.h"

namespace rt {
namespace {

// arm64 runs under qemu here, an order of magnitude slower: it checks a twentieth of the random
// doubles (the arithmetic is the same 32- and 64-bit integer code on both architectures).
#if defined(__aarch64__)
constexpr int kScale = 20;
#else
constexpr int kScale = 1;
#endif
// Bit patterns cover every exponent, where the big numbers are largest (slowest); doubles of
// magnitude 2^-64 to 2^64 are what programs print. 800,000 in all, each in three forms.
constexpr int kRandomPatterns = 200'000;
constexpr int kRandomMagnitudes = 600'000;
constexpr int kMaxMagnitudeExponent = 64;
constexpr int kHumanDecimals = 200'000;
constexpr int kRandomPrecisions = 20'000;
constexpr int kMaxRandomPrecision = 1100;  // past the last nonzero digit of any double
constexpr int kReportedMismatches = 10;
// Room for to_chars with the largest precisions above (309 integer digits + 1100).
constexpr size_t kBufferSize = 1600;

const FloatForm kForms[] = {FloatForm::kPlain, FloatForm::kFixed, FloatForm::kScientific};

std::chars_format Format(FloatForm form) {
  return form == FloatForm::kFixed ? std::chars_format::fixed : std::chars_format::scientific;
}

const char* Name(FloatForm form) {
  return form == FloatForm::kPlain ? "plain" : form == FloatForm::kFixed ? "fixed" : "scientific";
}

std::string Expected(double v, FloatForm form) {
  char buf[kBufferSize];
  std::to_chars_result r = form == FloatForm::kPlain ? std::to_chars(buf, buf + sizeof buf, v)
                                                     : std::to_chars(buf, buf + sizeof buf, v, Format(form));
  EXPECT_EQ(r.ec, std::errc());
  return std::string(buf, r.ptr);
}

std::string ExpectedWithPrecision(double v, FloatForm form, int precision) {
  char buf[kBufferSize];
  std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, v, Format(form), precision);
  EXPECT_EQ(r.ec, std::errc());
  return std::string(buf, r.ptr);
}

std::string Shortest(double v, FloatForm form) {
  std::string out = "prefix:";  // appends, never overwrites
  AppendShortestFloat(out, v, form);
  return out.substr(7);
}

std::string WithPrecision(double v, FloatForm form, int precision) {
  std::string out;
  AppendFloatWithPrecision(out, v, form, precision);
  return out;
}

double FromBits(uint64_t bits) {
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// Counts mismatches and reports the first few (a million failures would drown the log).
class Comparer {
 public:
  void Shortest(double v) {
    for (FloatForm form : kForms) Check(v, form, -1, Expected(v, form), rt::Shortest(v, form));
  }
  void Precision(double v, FloatForm form, int precision) {
    Check(v, form, precision, ExpectedWithPrecision(v, form, precision), WithPrecision(v, form, precision));
  }
  int mismatches() const { return mismatches_; }

 private:
  void Check(double v, FloatForm form, int precision, const std::string& want, const std::string& got) {
    if (want == got) return;
    if (++mismatches_ <= kReportedMismatches) {
      ADD_FAILURE() << std::hexfloat << v << " " << Name(form) << " precision " << precision << ": to_chars "
                    << want << ", ours " << got;
    }
  }
  int mismatches_ = 0;
};

std::vector<double> EdgeCases() {
  std::vector<double> v = {0.0, 0.1, 0.2, 0.3, 0.5, 1.0, 1.5, 2.5, 0.125, 0.375, 1e-5, 1e-6, 1e-7, 123456.789,
                           1e15, 1e16, 1e21, 1e22, 1e23, 9007199254740992.0, 9007199254740994.0,
                           18446744073709551616.0, 5e-324, 1e-323, 2.2250738585072009e-308,
                           2.2250738585072014e-308, 1.7976931348623157e308, 4.35, 0.045, 2.675, 1e100};
  // Every power of two and its neighbours (the binade edges, where the gap below is half).
  for (int e = -1074; e <= 1023; ++e) {
    double p = std::ldexp(1.0, e);
    v.insert(v.end(), {p, std::nextafter(p, 0.0), std::nextafter(p, INFINITY)});
  }
  // Every power of ten and its neighbours.
  for (int e = -323; e <= 308; ++e) {
    double p = std::strtod(("1e" + std::to_string(e)).c_str(), nullptr);
    v.insert(v.end(), {p, std::nextafter(p, 0.0), std::nextafter(p, INFINITY)});
  }
  size_t n = v.size();
  for (size_t i = 0; i < n; ++i) v.push_back(-v[i]);
  return v;
}

TEST(FloatText, EdgeCasesInEveryForm) {
  Comparer c;
  for (double v : EdgeCases()) {
    c.Shortest(v);
    for (int precision : {0, 1, 2, 3, 6, 16, 17, 20, 40}) {
      c.Precision(v, FloatForm::kScientific, precision);
      c.Precision(v, FloatForm::kFixed, precision);
    }
  }
  EXPECT_EQ(c.mismatches(), 0);
}

TEST(FloatText, InfinitiesAndNans) {
  Comparer c;
  for (double v : {double{INFINITY}, -double{INFINITY}}) {
    c.Shortest(v);
    c.Precision(v, FloatForm::kFixed, 2);
    c.Precision(v, FloatForm::kScientific, 2);
  }
  EXPECT_EQ(c.mismatches(), 0);
  // The two C++ libraries disagree on NaN (libc++ writes the default NaN, sign bit set, as
  // "-nan(ind)"); we write libstdc++'s text, the same on both.
  for (FloatForm form : kForms) {
    EXPECT_EQ(Shortest(std::nan(""), form), "nan");
    EXPECT_EQ(Shortest(-std::nan(""), form), "-nan");
  }
  EXPECT_EQ(WithPrecision(-std::nan(""), FloatForm::kFixed, 2), "-nan");
  EXPECT_EQ(WithPrecision(std::nan(""), FloatForm::kScientific, 2), "nan");
}

TEST(FloatText, TiesRoundToEven) {
  EXPECT_EQ(WithPrecision(0.5, FloatForm::kFixed, 0), "0");
  EXPECT_EQ(WithPrecision(1.5, FloatForm::kFixed, 0), "2");
  EXPECT_EQ(WithPrecision(2.5, FloatForm::kFixed, 0), "2");
  EXPECT_EQ(WithPrecision(0.125, FloatForm::kFixed, 2), "0.12");
  EXPECT_EQ(WithPrecision(0.375, FloatForm::kFixed, 2), "0.38");
  EXPECT_EQ(WithPrecision(9.96, FloatForm::kFixed, 1), "10.0");
  EXPECT_EQ(WithPrecision(9.96, FloatForm::kScientific, 1), "1.0e+01");
  EXPECT_EQ(WithPrecision(0.004, FloatForm::kFixed, 2), "0.00");
  EXPECT_EQ(WithPrecision(0.006, FloatForm::kFixed, 2), "0.01");
}

TEST(FloatText, RandomBitPatterns) {
  std::mt19937_64 rng(18);
  Comparer c;
  for (int i = 0; i < kRandomPatterns / kScale; ++i) {
    double v = FromBits(rng());
    if (std::isfinite(v)) c.Shortest(v);
  }
  EXPECT_EQ(c.mismatches(), 0);
}

TEST(FloatText, RandomMagnitudes) {
  std::mt19937_64 rng(181);
  std::uniform_int_distribution<int> exponent(-kMaxMagnitudeExponent, kMaxMagnitudeExponent);
  Comparer c;
  for (int i = 0; i < kRandomMagnitudes / kScale; ++i) {
    double mantissa = FromBits((rng() >> 12) | 0x3ff0000000000000);  // [1, 2)
    c.Shortest((i % 2 == 0 ? 1 : -1) * std::ldexp(mantissa, exponent(rng)));
  }
  EXPECT_EQ(c.mismatches(), 0);
}

TEST(FloatText, HumanDecimals) {
  std::mt19937_64 rng(1818);
  std::uniform_int_distribution<int64_t> numerator(-100'000'000, 100'000'000);
  std::uniform_int_distribution<int> scale(0, 9);
  std::uniform_int_distribution<int> precision(0, 10);
  Comparer c;
  for (int i = 0; i < kHumanDecimals / kScale; ++i) {
    double v = static_cast<double>(numerator(rng)) / std::pow(10.0, scale(rng));
    c.Shortest(v);
    c.Precision(v, FloatForm::kFixed, precision(rng));
    c.Precision(v, FloatForm::kScientific, precision(rng));
  }
  EXPECT_EQ(c.mismatches(), 0);
}

TEST(FloatText, RandomPrecisions) {
  std::mt19937_64 rng(181818);
  std::uniform_int_distribution<int> precision(0, kMaxRandomPrecision);
  Comparer c;
  for (int i = 0; i < kRandomPrecisions / kScale; ++i) {
    double v = FromBits(rng());
    if (!std::isfinite(v)) continue;
    c.Precision(v, FloatForm::kScientific, precision(rng));
    c.Precision(v, FloatForm::kFixed, precision(rng));
  }
  EXPECT_EQ(c.mismatches(), 0);
}

}  // namespace
}  // namespace rt
