// Issue 16's allocation bar, measured: the async path must allocate no more times per steady
// request/response round trip than the hand-written C++ runtime allocates per invoke.
//
// - The C++ runtime: testing/cpp_runtime_allocations.h (the probe bootstrap under the emulator).
// - The async path: testing/round_trip.h in this process, with the same counting allocator.
//
// Both numbers are printed and recorded as test properties (docs/stdlib.md quotes them).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "stdlib/async/testing/cpp_runtime_allocations.h"
#include "stdlib/async/testing/round_trip.h"

namespace rt::testing {
namespace {

TEST(AllocationsVsCppRuntime, AsyncRoundTripAllocatesNoMoreThanACppInvoke) {
  // The async side first, while no emulator thread allocates in this process.
  RoundTripCount async = CountRoundTripAllocations({.message_bytes = 64});
  ASSERT_TRUE(async.echoes_ok);
  const double async_per_round_trip = static_cast<double>(async.allocations) / async.round_trips;

  PerInvoke cpp = CppRuntimeAllocationsPerInvoke(std::getenv("PROBE"), R"({"key":"value"})");
  ASSERT_EQ(cpp.error, "");
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
