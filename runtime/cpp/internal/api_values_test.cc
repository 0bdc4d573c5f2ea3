#include "runtime/cpp/internal/api_values.h"

#include <cstdint>
#include <limits>

#include "gtest/gtest.h"

namespace lambda::internal {
namespace {

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

TEST(InvocationPath, PercentEncodesEverythingButUnreservedCharacters) {
  EXPECT_EQ(InvocationPath("8f6b5c1e-2d4a-4c3b-9a1e-0f2d3c4b5a69", "response"),
            "/2018-06-01/runtime/invocation/8f6b5c1e-2d4a-4c3b-9a1e-0f2d3c4b5a69/response");
  EXPECT_EQ(InvocationPath("abc def", "error"), "/2018-06-01/runtime/invocation/abc%20def/error");
  EXPECT_EQ(InvocationPath("../../init/error?x=", "response"),
            "/2018-06-01/runtime/invocation/..%2F..%2Finit%2Ferror%3Fx%3D/response");
  EXPECT_EQ(InvocationPath("\xc3\xbc%~_.", "response"), "/2018-06-01/runtime/invocation/%C3%BC%25~_./response");
  EXPECT_EQ(InvocationPath(std::string("a\0b\r\n", 5), "x"), "/2018-06-01/runtime/invocation/a%00b%0D%0A/x");
}

TEST(UsableRequestId, RefusesWhatCannotBeAPathSegment) {
  EXPECT_TRUE(UsableRequestId("id"));
  EXPECT_TRUE(UsableRequestId("..."));
  EXPECT_FALSE(UsableRequestId(""));
  EXPECT_FALSE(UsableRequestId("."));
  EXPECT_FALSE(UsableRequestId(".."));
}

TEST(HeaderSafe, ControlCharactersBecomeSpaces) {
  EXPECT_EQ(HeaderSafe("Plain.Type"), "Plain.Type");
  EXPECT_EQ(HeaderSafe("Bad\r\nX-Injected: yes"), "Bad  X-Injected: yes");
  EXPECT_EQ(HeaderSafe(std::string("a\0b\tc\x7f\xc3\xbc", 8)), "a b c \xc3\xbc");
}

TEST(ParseDeadlineMs, AcceptsInt64AndNothingElse) {
  int64_t v = 7;
  ASSERT_TRUE(ParseDeadlineMs("1700000000123", &v));
  EXPECT_EQ(v, 1700000000123);
  ASSERT_TRUE(ParseDeadlineMs("-9223372036854775808", &v));
  EXPECT_EQ(v, kMin);
  ASSERT_TRUE(ParseDeadlineMs("9223372036854775807", &v));
  EXPECT_EQ(v, kMax);
  ASSERT_TRUE(ParseDeadlineMs("-0", &v));
  EXPECT_EQ(v, 0);
  for (const char* bad : {"", "-", "+1", " 1", "1 ", "1e3", "0x10", "9223372036854775808", "-9223372036854775809",
                          "99999999999999999999", "abc"}) {
    v = 7;
    EXPECT_FALSE(ParseDeadlineMs(bad, &v)) << bad;
    EXPECT_EQ(v, 7) << bad;
  }
}



}  // namespace
}  // namespace lambda::internal
