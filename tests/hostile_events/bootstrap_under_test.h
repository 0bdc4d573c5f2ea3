// How the hostile-event tests start the function they attack: the bootstrap the BUILD file names
// in an environment variable, run natively or through $LAUNCHER (qemu for the arm64 twins).
#ifndef TESTS_HOSTILE_EVENTS_BOOTSTRAP_UNDER_TEST_H_
#define TESTS_HOSTILE_EVENTS_BOOTSTRAP_UNDER_TEST_H_

#include <chrono>
#include <cstdlib>
#include <string>

#include "tools/emulator/emulator.h"

namespace lambda::hostile_events {

// How long one invoke may take before the test gives up on it (qemu is slow; nothing is timed).
inline constexpr auto kInvokeGuard = std::chrono::seconds(120);

inline std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

// Emulator options for the bootstrap whose path is in `bootstrap_var`, with the log silenced.
inline emulator::EmulatorOptions OptionsForBootstrap(const char* bootstrap_var) {
  emulator::EmulatorOptions options;
  if (Env("LAUNCHER").empty()) {
    options.bootstrap = Env(bootstrap_var);
  } else {
    options.bootstrap = Env("LAUNCHER");
    options.bootstrap_args = {Env(bootstrap_var)};
  }
  options.log_sink = [](std::string_view) {};
  return options;
}

}  // namespace lambda::hostile_events

#endif  // TESTS_HOSTILE_EVENTS_BOOTSTRAP_UNDER_TEST_H_
