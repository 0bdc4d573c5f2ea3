// Issue 16's allocation bar for Ruchy code: a steady request/response round trip written in Ruchy
// (alloc_round_trip.ruchy: client and server tasks over TcpStream, the loop and the coroutine
// frames of generated code) allocates no more times than the hand-written C++ runtime allocates
// per invoke, both counted by the same counting allocator
// (stdlib/async/testing/counting_allocator.h). The numbers are printed and recorded as test
// properties.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "gtest/gtest.h"
#include "stdlib/async/testing/cpp_runtime_allocations.h"

namespace rt::testing {
namespace {

struct ProgramRun {
  std::string output;
  int status = -1;
};

ProgramRun RunProgram(const std::string& path) {
  ProgramRun run;
  FILE* pipe = popen(path.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.output.append(buffer, n);
  run.status = pclose(pipe);
  return run;
}

TEST(RuchyAllocationsVsCppRuntime, RuchyRoundTripAllocatesNoMoreThanACppInvoke) {
  ProgramRun ruchy = RunProgram(std::getenv("RUCHY_ROUND_TRIP"));
  ASSERT_EQ(ruchy.status, 0) << ruchy.output;
  unsigned long long echoed = 0, total = 0, allocations = 0, measured = 0;
  ASSERT_EQ(std::sscanf(ruchy.output.c_str(), "echoed %llu of %llu round trips\nallocations %llu in %llu round trips",
                        &echoed, &total, &allocations, &measured),
            4)
      << ruchy.output;
  ASSERT_EQ(echoed, total);
  ASSERT_GT(measured, 0u);
  const double ruchy_per_round_trip = static_cast<double>(allocations) / static_cast<double>(measured);

  PerInvoke cpp = CppRuntimeAllocationsPerInvoke(std::getenv("PROBE"), R"({"key":"value"})");
  ASSERT_EQ(cpp.error, "");
  ASSERT_NE(cpp.min, UINT64_MAX) << "no invoke completed";

  std::printf("allocations per steady round trip: Ruchy (generated code, loop, frames) %.2f; C++ runtime per invoke %llu..%llu\n",
              ruchy_per_round_trip, static_cast<unsigned long long>(cpp.min), static_cast<unsigned long long>(cpp.max));
  RecordProperty("ruchy_allocations_per_round_trip", std::to_string(ruchy_per_round_trip));
  RecordProperty("cpp_runtime_allocations_per_invoke_min", std::to_string(cpp.min));
  EXPECT_LE(ruchy_per_round_trip, static_cast<double>(cpp.min));
}

}  // namespace
}  // namespace rt::testing
