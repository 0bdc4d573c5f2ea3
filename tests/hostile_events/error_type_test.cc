// A handler's error type with line breaks in it: the runtime must send it as one header value,
// not as the end of one header and the start of another (or of the body).
#include <string>

#include "gtest/gtest.h"
#include "tests/hostile_events/bootstrap_under_test.h"
#include "tools/emulator/emulator.h"

namespace lambda {
namespace {

using emulator::Emulator;
using emulator::EmulatorOptions;
using emulator::InvokeResult;
using emulator::Outcome;

using hostile_events::kInvokeGuard;
using hostile_events::OptionsForBootstrap;

TEST(ErrorType, LineBreaksInAnErrorTypeCannotAddHeaders) {
  EmulatorOptions options = OptionsForBootstrap("ERROR_TYPE_BOOTSTRAP");
  options.max_observed = 100;
  Emulator emulator(options);
  ASSERT_EQ(emulator.Start(), "");

  struct Case {
    const char* event;
    const char* error_type;
  };
  const Case cases[] = {
      {R"({"type": "Bad\r\nX-Injected: yes"})", "Bad  X-Injected: yes"},
      {R"({"type": "Cut\r\n\r\nGET /2018-06-01/runtime/invocation/next HTTP/1.1"})",
       "Cut    GET /2018-06-01/runtime/invocation/next HTTP/1.1"},
      {R"({"type": "Nul\u0000Tab\tDel\u007f"})", "Nul Tab Del"},  // Trailing space: not part of a header value.
  };
  for (const Case& c : cases) {
    InvokeResult r = emulator.Invoke({.payload = c.event}, kInvokeGuard);
    ASSERT_EQ(r.outcome, Outcome::kFunctionError) << c.event << ": " << r.body;
    EXPECT_EQ(r.error_type, c.error_type);
  }
  for (const auto& request : emulator.Observed()) {
    EXPECT_FALSE(request.headers.Has("X-Injected")) << request.path;
    EXPECT_NE(request.method, "") << request.path;
  }
  EXPECT_EQ(emulator.Invoke({.payload = "{}"}, kInvokeGuard).body, "{\"ok\":true}");
  EXPECT_EQ(emulator.Starts(), 1);
}

}  // namespace
}  // namespace lambda
