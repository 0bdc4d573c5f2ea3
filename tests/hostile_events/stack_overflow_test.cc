// A Ruchy function that recurses without end (//examples/errors, kind "recurse"): the invoke fails
// with Ruchy.StackOverflow naming the function, and the same runtime process serves the next
// invoke. (It died with SIGSEGV and no message: a cold start per invoke, Runtime.ExitError.)
#include <cstdlib>
#include <string>

#include "gtest/gtest.h"
#include "tools/emulator/emulator.h"

namespace lambda {
namespace {

using emulator::Emulator;
using emulator::EmulatorOptions;
using emulator::InvokeResult;
using emulator::Outcome;

constexpr auto kGuard = std::chrono::seconds(120);

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

TEST(StackOverflow, UnboundedRecursionFailsTheInvokeAndTheFunctionKeepsServing) {
  EmulatorOptions options;
  if (Env("LAUNCHER").empty()) {
    options.bootstrap = Env("ERRORS_BOOTSTRAP");
  } else {
    options.bootstrap = Env("LAUNCHER");
    options.bootstrap_args = {Env("ERRORS_BOOTSTRAP")};
  }
  options.log_sink = [](std::string_view) {};
  Emulator emulator(options);
  ASSERT_EQ(emulator.Start(), "");

  // Twice: the guard works again after the stack has unwound.
  for (int i = 0; i < 2; ++i) {
    InvokeResult r = emulator.Invoke({.payload = "{\"kind\":\"recurse\"}"}, kGuard);
    ASSERT_EQ(r.outcome, Outcome::kFunctionError) << r.body;
    EXPECT_EQ(r.error_type, "Ruchy.StackOverflow");
    EXPECT_NE(r.body.find("stack overflow in `nest`"), std::string::npos) << r.body;
  }
  InvokeResult next = emulator.Invoke({.payload = "{\"kind\":\"none\"}"}, kGuard);
  ASSERT_EQ(next.outcome, Outcome::kSuccess) << next.body;
  EXPECT_EQ(next.body, "{\"ok\":true}");
  EXPECT_EQ(emulator.Starts(), 1) << "the function crashed and was restarted";
}

}  // namespace
}  // namespace lambda
