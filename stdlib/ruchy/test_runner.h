// The runner of a `ruchy_test` whose file has `#[test]` functions (docs/language.md,
// "Attributes"): each test is a case of its own, run in source order, reported by name
// (`[ RUN      ]`, `[       OK ]`, `[  FAILED  ]` as GoogleTest prints them), and the binary fails
// when any case fails.
//
// Arguments: `--list` prints the names; `--filter=PATTERNS` (also `--gtest_filter=`, or Bazel's
// `--test_filter`, which arrives as TESTBRIDGE_TEST_ONLY) runs the matching cases. PATTERNS is
// `:`-separated globs (`*`, `?`), then optionally `-` and globs to exclude, as in GoogleTest.
#ifndef STDLIB_RUCHY_TEST_RUNNER_H_
#define STDLIB_RUCHY_TEST_RUNNER_H_

#include <optional>
#include <string>
#include <vector>

namespace rt {

struct TestCase {
  const char* name;
  // Runs the test: an empty result is a pass, a message a failure. Runtime errors (a failed
  // `assert`, a `panic`, an uncaught `throw`) are caught by the runner and fail the case.
  std::optional<std::string> (*run)();
};

// Whether `name` is selected by a GoogleTest-style filter (empty: every test).
bool TestSelected(const std::string& filter, const std::string& name);

// Runs the selected cases after `top_level` (the file's top-level statements); returns the exit
// status: 0 when every selected case passed.
int RunTests(int argc, char** argv, void (*top_level)(), const std::vector<TestCase>& cases);

}  // namespace rt

#endif  // STDLIB_RUCHY_TEST_RUNNER_H_
