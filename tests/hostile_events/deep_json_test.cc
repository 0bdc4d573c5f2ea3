// A Ruchy function given JSON nested far past any sane depth: the invoke fails with
// Ruchy.InvalidEvent naming the problem, and the same runtime process serves the next invoke.
// (200 KB of `[` crashed every Ruchy function: RapidJSON's recursive parse ran out of stack.)
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

TEST(DeepJson, ATooDeepEventIsAnInvokeErrorAndTheFunctionKeepsServing) {
  EmulatorOptions options = OptionsForBootstrap("ERRORS_BOOTSTRAP");
  Emulator emulator(options);
  ASSERT_EQ(emulator.Start(), "");

  for (const std::string& deep : {std::string(200 * 1024, '['), std::string(513, '[') + std::string(513, ']'),
                                  "{\"kind\":" + std::string(600, '[') + std::string(600, ']') + "}"}) {
    InvokeResult r = emulator.Invoke({.payload = deep}, kInvokeGuard);
    ASSERT_EQ(r.outcome, Outcome::kFunctionError) << r.body;
    EXPECT_EQ(r.error_type, "Ruchy.InvalidEvent");
    EXPECT_NE(r.body.find("JSON nested deeper than 512 levels"), std::string::npos) << r.body;
  }
  // As deep as allowed is an ordinary event.
  InvokeResult within = emulator.Invoke({.payload = std::string(512, '[') + std::string(512, ']')}, kInvokeGuard);
  ASSERT_EQ(within.outcome, Outcome::kSuccess) << within.body;
  EXPECT_EQ(within.body, "{\"ok\":true}");
  EXPECT_EQ(emulator.Starts(), 1) << "the function crashed and was restarted";
}

}  // namespace
}  // namespace lambda
