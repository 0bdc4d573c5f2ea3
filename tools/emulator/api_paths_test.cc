// Invoke API paths: every form AWS clients send a FunctionName in, and malformed ones.
#include "tools/emulator/api_paths.h"

#include "gtest/gtest.h"

namespace lambda::emulator {
namespace {

using Call = InvokePath::Call;

TEST(ParseInvokePath, NamesQualifiersAndArns) {
  struct Case {
    const char* path;
    Call call;
    const char* name;
    const char* qualifier;
  };
  for (const Case& c : {
           Case{"/2015-03-31/functions/fn/invocations", Call::kInvoke, "fn", ""},
           Case{"/2021-11-15/functions/fn/response-streaming-invocations", Call::kInvokeWithResponseStream, "fn", ""},
           Case{"/2015-03-31/functions/fn%3Aprod/invocations", Call::kInvoke, "fn", "prod"},
           Case{"/2015-03-31/functions/fn:%24LATEST/invocations", Call::kInvoke, "fn", "$LATEST"},
           Case{"/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A111122223333%3Afunction%3Afn/invocations",
                Call::kInvoke, "fn", ""},
           Case{"/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:fn:7/invocations",
                Call::kInvoke, "fn", "7"},
           Case{"/2015-03-31/functions/111122223333%3Afunction%3Afn/invocations", Call::kInvoke, "fn", ""},
       }) {
    std::optional<InvokePath> parsed = ParseInvokePath(c.path);
    ASSERT_TRUE(parsed.has_value()) << c.path;
    EXPECT_EQ(parsed->call, c.call) << c.path;
    EXPECT_EQ(parsed->function_name, c.name) << c.path;
    EXPECT_EQ(parsed->qualifier, c.qualifier) << c.path;
  }
}

TEST(ParseInvokePath, RefusesWhatNamesNoFunction) {
  for (const char* path : {
           "/2015-03-31/functions//invocations",
           "/2015-03-31/functions/invocations",
           "/2015-03-31/functions/a/b/invocations",
           "/2015-03-31/functions/fn%zz/invocations",
           "/2015-03-31/functions/fn%4/invocations",
           "/2015-03-31/functions/%3Aprod/invocations",
           "/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:/invocations",
           "/2015-03-31/functions/fn/invocations/extra",
           "/2015-03-31/functions/fn/response-streaming-invocations",
           "/2021-11-15/functions/fn/invocations",
           "/elsewhere",
           "",
       }) {
    EXPECT_FALSE(ParseInvokePath(path).has_value()) << path;
  }
}

TEST(PercentDecode, EscapesAndMalformedOnes) {
  std::string out;
  EXPECT_TRUE(PercentDecode("a%2Fb%2fc", &out));
  EXPECT_EQ(out, "a/b/c");
  EXPECT_TRUE(PercentDecode("%00", &out));
  EXPECT_EQ(out, std::string(1, '\0'));
  EXPECT_FALSE(PercentDecode("%", &out));
  EXPECT_FALSE(PercentDecode("%G0", &out));
  EXPECT_FALSE(PercentDecode("ab%1", &out));
}

}  // namespace
}  // namespace lambda::emulator
