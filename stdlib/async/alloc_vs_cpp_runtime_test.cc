// Issue 16's allocation bar, measured: the async path must allocate no more times per steady
// request/response round trip than the hand-written C++ runtime allocates per invoke.
//
// - The C++ runtime: testing/cpp_runtime_alloc_probe, a bootstrap on //runtime/cpp with the
//   counting allocator, runs against the emulator; each invoke answers the process's allocation
//   count, and consecutive answers differ by what one invoke cost (GET /next, parsing the
//   headers into the context, the handler call, POST /response, reading the reply).
// - The async path: testing/round_trip.h in this process, with the same counting allocator.
//
// Both numbers are printed and recorded as test properties (docs/stdlib.md quotes them).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "stdlib/async/testing/round_trip.h"
#include "tools/emulator/emulator.h"

namespace rt::testing {
namespace {

constexpr int kWarmupInvokes = 10;
constexpr int kMeasuredInvokes = 40;
constexpr auto kInvokeGuard = std::chrono::seconds(60);

struct PerInvoke {
  uint64_t min = UINT64_MAX;
  uint64_t max = 0;
};

PerInvoke CppRuntimeAllocationsPerInvoke(const std::string& payload) {
  lambda::emulator::EmulatorOptions options;
  options.bootstrap = std::getenv("PROBE");
  options.log_sink = [](std::string_view) {};
  lambda::emulator::Emulator emulator(options);
  EXPECT_EQ(emulator.Start(), "");
  std::vector<uint64_t> counts;
  for (int i = 0; i < kWarmupInvokes + kMeasuredInvokes; ++i) {
    lambda::emulator::InvokeResult r = emulator.Invoke({.payload = payload}, kInvokeGuard);
    EXPECT_EQ(r.outcome, lambda::emulator::Outcome::kSuccess) << r.error_type << ": " << r.body;
    if (r.outcome != lambda::emulator::Outcome::kSuccess) break;
    counts.push_back(std::stoull(r.body));
  }
  emulator.Stop();
  PerInvoke p;
  for (std::size_t i = kWarmupInvokes + 1; i < counts.size(); ++i) {
    uint64_t d = counts[i] - counts[i - 1];
    p.min = std::min(p.min, d);
    p.max = std::max(p.max, d);
  }
  return p;
}

TEST(AllocationsVsCppRuntime, AsyncRoundTripAllocatesNoMoreThanACppInvoke) {
  // The async side first, while no emulator thread allocates in this process.
  RoundTripCount async = CountRoundTripAllocations({.message_bytes = 64});
  ASSERT_TRUE(async.echoes_ok);
  const double async_per_round_trip = static_cast<double>(async.allocations) / async.round_trips;

  PerInvoke cpp = CppRuntimeAllocationsPerInvoke(R"({"key":"value"})");
  ASSERT_NE(cpp.min, UINT64_MAX) << "no invoke completed";

  std::printf("allocations per steady round trip: async (loop + frames) %.2f; C++ runtime per invoke %llu..%llu\n",
              async_per_round_trip, static_cast<unsigned long long>(cpp.min), static_cast<unsigned long long>(cpp.max));
  RecordProperty("async_allocations_per_round_trip", std::to_string(async_per_round_trip));
  RecordProperty("cpp_runtime_allocations_per_invoke_min", std::to_string(cpp.min));
  RecordProperty("cpp_runtime_allocations_per_invoke_max", std::to_string(cpp.max));
  EXPECT_LE(async_per_round_trip, static_cast<double>(cpp.min));
}

}  // namespace
}  // namespace rt::testing
