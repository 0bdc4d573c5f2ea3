#include "stdlib/async/sys/clock.h"

#include <time.h>

namespace {

int64_t Milliseconds(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
}

}  // namespace

extern "C" {

int64_t rt_clock_monotonic_ms(void) { return Milliseconds(CLOCK_MONOTONIC); }
int64_t rt_clock_epoch_ms(void) { return Milliseconds(CLOCK_REALTIME); }

}  // extern "C"
