#include "runtime/handler.h"

#include <cstdint>
#include <limits>

#include "gtest/gtest.h"

namespace lambda {
namespace {

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

// The deadline header is the Runtime API's to choose; extreme values must not overflow (UBSan
// reported signed overflow for -9223372036854775808 before RemainingMs saturated).
TEST(ContextTest, RemainingMsSaturatesAtTheEndsOfTheRange) {
  Context c;
  c.deadline_ms = kMin;
  EXPECT_EQ(c.RemainingMs(), kMin);
  c.deadline_ms = kMax;
  EXPECT_GT(c.RemainingMs(), kMax / 2);
}

TEST(ContextTest, RemainingMsIsNegativeOncePassed) {
  Context c;
  c.deadline_ms = 1000;  // 1970
  EXPECT_LT(c.RemainingMs(), 0);
}

TEST(ResponseTest, SuccessAndFailureKeepWhatTheyWereGiven) {
  Response ok = Response::Success("{}", "text/plain");
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.body(), "{}");
  EXPECT_EQ(ok.content_type(), "text/plain");
  Response bad = Response::Failure("Type", "message");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.error_type(), "Type");
  EXPECT_EQ(bad.error_message(), "message");
}

}  // namespace
}  // namespace lambda
