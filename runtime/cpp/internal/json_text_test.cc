#include "runtime/cpp/internal/json_text.h"

#include "gtest/gtest.h"

namespace lambda::internal {
namespace {

std::string Quote(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

TEST(JsonText, EscapesWhatJsonRequires) {
  EXPECT_EQ(Quote("plain"), "\"plain\"");
  EXPECT_EQ(Quote("a\"b\\c\nd\re\tf"), "\"a\\\"b\\\\c\\nd\\re\\tf\"");
  EXPECT_EQ(Quote(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(Quote(std::string("nul\0", 4)), "\"nul\\u0000\"");
}

TEST(JsonText, KeepsUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(Quote("h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80"), "\"h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80\"");
  EXPECT_EQ(Quote("\xFF"), "\"\xEF\xBF\xBD\"");
  EXPECT_EQ(Quote("\xC3"), "\"\xEF\xBF\xBD\"");              // Truncated sequence.
  EXPECT_EQ(Quote("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // Overlong encoding.
  EXPECT_EQ(Quote("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // Surrogate.
}

TEST(JsonText, ErrorBodyHasLambdasShape) {
  EXPECT_EQ(ErrorBody("MyError", "it \"broke\""),
            "{\"errorMessage\":\"it \\\"broke\\\"\",\"errorType\":\"MyError\",\"stackTrace\":[]}");
}

}  // namespace
}  // namespace lambda::internal
