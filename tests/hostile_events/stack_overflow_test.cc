// A Ruchy function that recurses without end (//examples/errors, kind "recurse"): the invoke fails
// with Ruchy.StackOverflow naming the function, and the same runtime process serves the next
// invoke. (It died with SIGSEGV and no message: a cold start per invoke, Runtime.ExitError.)
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

TEST(StackOverflow, UnboundedRecursionFailsTheInvokeAndTheFunctionKeepsServing) {
  EmulatorOptions options = OptionsForBootstrap("ERRORS_BOOTSTRAP");
  Emulator emulator(options);
  ASSERT_EQ(emulator.Start(), "");

  // Twice: the guard works again after the stack has unwound.
  for (int i = 0; i < 2; ++i) {
    InvokeResult r = emulator.Invoke({.payload = "{\"kind\":\"recurse\"}"}, kInvokeGuard);
    ASSERT_EQ(r.outcome, Outcome::kFunctionError) << r.body;
    EXPECT_EQ(r.error_type, "Ruchy.StackOverflow");
    EXPECT_NE(r.body.find("stack overflow in `nest`"), std::string::npos) << r.body;
  }
  InvokeResult next = emulator.Invoke({.payload = "{\"kind\":\"none\"}"}, kInvokeGuard);
  ASSERT_EQ(next.outcome, Outcome::kSuccess) << next.body;
  EXPECT_EQ(next.body, "{\"ok\":true}");
  EXPECT_EQ(emulator.Starts(), 1) << "the function crashed and was restarted";
}

}  // namespace
}  // namespace lambda
