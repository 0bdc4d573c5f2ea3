#include "stdlib/async/sleep.h"

#include <limits>

namespace rt {
namespace {

constexpr int64_t kNsPerMs = 1'000'000;
constexpr int64_t kMaxNs = std::numeric_limits<int64_t>::max();

}  // namespace

int64_t DeadlineAfterMs(int64_t ms) {
  int64_t now = MonotonicNowNs();
  if (ms <= 0) return now;
  if (ms > (kMaxNs - now) / kNsPerMs) return kMaxNs;
  return now + ms * kNsPerMs;
}

void SleepAwaiter::Arm(std::coroutine_handle<> awaiting, async_internal::TaskContext* context) {
  timer_.waiter.handle = awaiting;
  timer_.waiter.context = context;
  context->loop().timers().Add(timer_, deadline_ns_);
}

Task<void> sleep(int64_t ms) { co_await SleepFor(ms); }

Task<void> sleep_until(int64_t deadline_ms) {
  int64_t deadline_ns = deadline_ms > kMaxNs / kNsPerMs ? kMaxNs : deadline_ms * kNsPerMs;
  if (deadline_ms < 0) deadline_ns = 0;
  co_await SleepUntilNs(deadline_ns);
}

}  // namespace rt
