// A Ruchy function given JSON nested far past any sane depth: the invoke fails with
// Ruchy.InvalidEvent naming the problem, and the same runtime process serves the next invoke.
// (200 KB of `[` crashed every Ruchy function: RapidJSON's recursive parse ran out of stack.)
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

TEST(DeepJson, ATooDeepEventIsAnInvokeErrorAndTheFunctionKeepsServing) {
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

  for (const std::string& deep : {std::string(200 * 1024, '['), std::string(513, '[') + std::string(513, ']'),
                                  "{\"kind\":" + std::string(600, '[') + std::string(600, ']') + "}"}) {
    InvokeResult r = emulator.Invoke({.payload = deep}, kGuard);
    ASSERT_EQ(r.outcome, Outcome::kFunctionError) << r.body;
    EXPECT_EQ(r.error_type, "Ruchy.InvalidEvent");
    EXPECT_NE(r.body.find("JSON nested deeper than 512 levels"), std::string::npos) << r.body;
  }
  // As deep as allowed is an ordinary event.
  InvokeResult within = emulator.Invoke({.payload = std::string(512, '[') + std::string(512, ']')}, kGuard);
  ASSERT_EQ(within.outcome, Outcome::kSuccess) << within.body;
  EXPECT_EQ(within.body, "{\"ok\":true}");
  EXPECT_EQ(emulator.Starts(), 1) << "the function crashed and was restarted";
}

}  // namespace
}  // namespace lambda
