// parse<double> (Ruchy's "1.5".parse::<f64>()) reads the same numbers with both C++ libraries:
// libstdc++'s std::from_chars, and, with libc++ 14 (the musl toolchains), which has no
// floating-point from_chars, a grammar check and strtod. The expectations are what from_chars
// answers; the test runs on glibc and on musl, x86_64 and arm64.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "gtest/gtest.h"
#include "ruchy/prelude.h"

namespace rt {
namespace {

uint64_t Bits(double d) {
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

double Parsed(const std::string& s) {
  Result<double, std::string> r = parse<double>(s);
  EXPECT_TRUE(r.is_ok()) << s;
  return r.is_ok() ? r.ok_value() : 0;
}

TEST(ParseFloat, AcceptsWhatFromCharsAccepts) {
  EXPECT_EQ(Parsed("1.5"), 1.5);
  EXPECT_EQ(Parsed("+1.5"), 1.5);
  EXPECT_EQ(Parsed("-.5e-3"), -0.0005);
  EXPECT_EQ(Parsed("1."), 1.0);
  EXPECT_EQ(Parsed(".5"), 0.5);
  EXPECT_EQ(Parsed("00012"), 12.0);
  EXPECT_EQ(Parsed("1e+5"), 100000.0);
  EXPECT_EQ(Parsed("1E5"), 100000.0);
  EXPECT_EQ(Bits(Parsed("-0")), Bits(-0.0));
  EXPECT_EQ(Parsed("4e-320"), 4e-320);  // subnormal: in range
  EXPECT_EQ(Parsed("1.7976931348623157e308"), 1.7976931348623157e308);
  EXPECT_EQ(Parsed("INF"), INFINITY);
  EXPECT_EQ(Parsed("-Infinity"), -INFINITY);
  EXPECT_TRUE(std::isnan(Parsed("nan")));
  EXPECT_TRUE(std::isnan(Parsed("nan(abc_1)")));
}

TEST(ParseFloat, RefusesWhatFromCharsRefuses) {
  for (const char* s : {"", "+", "-", ".", "..1", "1e", "1e+", "e5", "0x10", " 1", "1 ", "1.5f", "++1",
                        "1e400", "-1e400", "1e-400", "nan(", "nan(a-b)", "infinit", "1,5", "١"}) {
    Result<double, std::string> r = parse<double>(s);
    EXPECT_TRUE(r.is_err()) << "'" << s << "' parsed as " << (r.is_ok() ? r.ok_value() : 0);
  }
}

// Every double printed with 17 significant digits reads back to the same bits.
TEST(ParseFloat, RandomDoublesRoundTrip) {
  std::mt19937_64 rng(18);
  char buf[64];
  for (int i = 0; i < 200000; ++i) {
    double d;
    uint64_t b = rng();
    std::memcpy(&d, &b, sizeof d);
    if (!std::isfinite(d)) continue;
    std::snprintf(buf, sizeof buf, "%.17g", d);
    ASSERT_EQ(Bits(Parsed(buf)), b) << buf;
  }
}

}  // namespace
}  // namespace rt
