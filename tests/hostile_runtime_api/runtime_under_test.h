// File: tests/hostile_runtime_api/runtime_under_test.h
//
// The bootstrap under test, run as a real process with Lambda's environment against a
// FakeRuntimeApi. Which bootstrap is the build's choice (hostile_runtime_api_test's `bootstrap`
// attribute): $BOOTSTRAP, started through $LAUNCHER when set (qemu-aarch64-static for arm64).
// Its stdout and stderr are collected line by line for log checks.
#ifndef TESTS_HOSTILE_RUNTIME_API_RUNTIME_UNDER_TEST_H_
#define TESTS_HOSTILE_RUNTIME_API_RUNTIME_UNDER_TEST_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "tests/hostile_runtime_api/fake_runtime_api.h"
#include "tools/emulator/supervisor.h"

namespace lambda::hostile {

// Which fixture to run: the echo bootstrap (responds with the event), or the context one
// (responds with JSON holding `remaining_ms`), as tests/fixtures/README.md describes them.
enum class Fixture { kEcho, kContext };

class RuntimeUnderTest {
 public:
  // Starts the fixture against 127.0.0.1:PORT. EXTRA_ENV: "NAME=value" additions.
  RuntimeUnderTest(Fixture fixture, uint16_t port, std::vector<std::string> extra_env = {});
  ~RuntimeUnderTest();  // SIGKILL if it still runs.

  // "" or why it could not be started (or why the fixture is not available).
  const std::string& error() const { return error_; }

  void Signal(int signal);
  // The wait status once it exited, or nullopt if it still runs after the guard.
  std::optional<int> WaitForExit(std::chrono::milliseconds guard = kGuard);
  // Everything it printed so far, one entry per line.
  std::vector<std::string> Log() const;
  // Waits for a printed line matching the regular expression PATTERN.
  bool WaitForLog(const std::string& pattern, std::chrono::milliseconds guard = kGuard);
  // All printed lines, joined, for failure messages.
  std::string LogText() const;

 private:
  std::string error_;
  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::vector<std::string> lines_;
  std::optional<int> exit_status_;
  emulator::BootstrapProcess process_;  // Last: its threads call back into the members above.
};

// True if the suite was given a bootstrap for FIXTURE.
bool HasFixture(Fixture fixture);

}  // namespace lambda::hostile

#endif  // TESTS_HOSTILE_RUNTIME_API_RUNTIME_UNDER_TEST_H_
