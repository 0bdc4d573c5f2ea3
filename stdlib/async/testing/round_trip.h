// File: stdlib/async/testing/round_trip.h
//
// Counts the allocations of steady request/response round trips over loopback TCP: a client task
// and an echo server task (testing/net_tasks.h) on one loop, in this process. Link
// :counting_allocator, whose operator new does the counting.
#ifndef STDLIB_ASYNC_TESTING_ROUND_TRIP_H_
#define STDLIB_ASYNC_TESTING_ROUND_TRIP_H_

#include <cstdint>

namespace rt::testing {

struct RoundTripCount {
  uint64_t allocations = 0;  // During the measured round trips (not the warm-up).
  int round_trips = 0;
  bool echoes_ok = false;    // Every echo came back byte for byte.
};

struct RoundTripOptions {
  int64_t message_bytes = 64;
  int warmup_round_trips = 100;
  int measured_round_trips = 1000;
  // Each round trip also spawns a task (the writer) and joins it, as a runtime handing each
  // invoke to a task would.
  bool spawn_per_round_trip = false;
};

RoundTripCount CountRoundTripAllocations(const RoundTripOptions& options);

}  // namespace rt::testing

#endif  // STDLIB_ASYNC_TESTING_ROUND_TRIP_H_
