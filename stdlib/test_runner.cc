#include "ruchy/test_runner.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include "ruchy/core.h"

namespace rt {

namespace {

bool Glob(std::string_view pattern, std::string_view text) {
  // Iterative glob with backtracking to the last `*`: linear in practice, never recursive.
  size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool AnyGlob(std::string_view patterns, std::string_view name) {
  while (true) {
    size_t colon = patterns.find(':');
    if (Glob(patterns.substr(0, colon), name)) return true;
    if (colon == std::string_view::npos) return false;
    patterns.remove_prefix(colon + 1);
  }
}

const char* Plural(size_t n) { return n == 1 ? "test" : "tests"; }

}  // namespace

bool TestSelected(const std::string& filter, const std::string& name) {
  std::string_view f = filter;
  size_t dash = f.find('-');
  std::string_view positive = f.substr(0, dash);
  std::string_view negative = dash == std::string_view::npos ? std::string_view() : f.substr(dash + 1);
  if (!positive.empty() && !AnyGlob(positive, name)) return false;
  return negative.empty() || !AnyGlob(negative, name);
}

int RunTests(int argc, char** argv, void (*top_level)(), const std::vector<TestCase>& cases) {
  std::string filter;
  if (const char* bazel = std::getenv("TESTBRIDGE_TEST_ONLY")) filter = bazel;
  bool list = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--list") {
      list = true;
    } else if (arg.rfind("--filter=", 0) == 0) {
      filter = arg.substr(9);
    } else if (arg.rfind("--gtest_filter=", 0) == 0) {
      filter = arg.substr(15);
    } else {
      std::fprintf(stderr, "unknown argument `%s` (use --list or --filter=PATTERN)\n", argv[i]);
      return 2;
    }
  }
  if (list) {
    for (const TestCase& c : cases) std::printf("%s\n", c.name);
    return 0;
  }
  try {
    top_level();
  } catch (const RuntimeError& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "Error: %s\n", e.described().c_str());
    return 1;
  }
  std::vector<const TestCase*> selected;
  for (const TestCase& c : cases) {
    if (TestSelected(filter, c.name)) selected.push_back(&c);
  }
  std::printf("[==========] Running %zu %s\n", selected.size(), Plural(selected.size()));
  std::vector<const char*> failed;
  for (const TestCase* c : selected) {
    std::printf("[ RUN      ] %s\n", c->name);
    std::fflush(stdout);
    std::optional<std::string> failure;
    try {
      failure = c->run();
    } catch (const RuntimeError& e) {
      failure = e.type() + ": " + e.described();
    } catch (const std::exception& e) {
      failure = e.what();
    }
    std::fflush(stdout);
    if (failure) {
      std::printf("%s\n[  FAILED  ] %s\n", failure->c_str(), c->name);
      failed.push_back(c->name);
    } else {
      std::printf("[       OK ] %s\n", c->name);
    }
  }
  std::printf("[==========] %zu %s ran\n", selected.size(), Plural(selected.size()));
  std::printf("[  PASSED  ] %zu %s\n", selected.size() - failed.size(), Plural(selected.size() - failed.size()));
  if (!failed.empty()) {
    std::printf("[  FAILED  ] %zu %s, listed below:\n", failed.size(), Plural(failed.size()));
    for (const char* name : failed) std::printf("[  FAILED  ] %s\n", name);
  }
  std::fflush(stdout);
  return failed.empty() ? 0 : 1;
}

}  // namespace rt
