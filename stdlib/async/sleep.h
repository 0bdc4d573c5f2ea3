// File: stdlib/async/sleep.h
//
// Timers: `await sleep(ms)` and `await sleep_until(deadline_ms)`.
//
// - sleep(ms) resumes the task once at least MS milliseconds have passed on the monotonic clock
//   (never earlier; later by the loop's scheduling delay). sleep(0), or a negative MS, yields: the
//   task resumes in the loop's next round, after pending I/O has been looked at.
// - sleep_until(deadline_ms): a deadline on the monotonic clock, in milliseconds
//   (rt_clock_monotonic_ms in sys/clock.h). A deadline in the past yields like sleep(0).
// - Timers that fall due in the same round fire in deadline order, and in the order they were set
//   when the deadlines are equal.
// - A sleeping task that is cancelled leaves no timer behind.
//
// sleep/sleep_until are tasks (so they can be spawned, raced in select, given a timeout, like any
// Ruchy async function); SleepFor/SleepUntilNs are the same waits as bare awaitables, without a
// frame of their own, for C++ code.
#ifndef STDLIB_ASYNC_SLEEP_H_
#define STDLIB_ASYNC_SLEEP_H_

#include <coroutine>
#include <cstdint>

#include "stdlib/async/internal/timer_heap.h"
#include "stdlib/async/loop.h"
#include "stdlib/async/task.h"

namespace rt {

class SleepAwaiter {
 public:
  explicit SleepAwaiter(int64_t deadline_ns) : deadline_ns_(deadline_ns) {}
  SleepAwaiter(const SleepAwaiter&) = delete;
  SleepAwaiter& operator=(const SleepAwaiter&) = delete;

  bool await_ready() const noexcept { return false; }
  template <class P>
  void await_suspend(std::coroutine_handle<P> awaiting) {
    Arm(awaiting, awaiting.promise().context());
  }
  void await_resume() const noexcept {}

 private:
  void Arm(std::coroutine_handle<> awaiting, async_internal::TaskContext* context);

  int64_t deadline_ns_;
  async_internal::TimerNode timer_;
};

// Milliseconds from now to a monotonic deadline in nanoseconds, saturating instead of overflowing.
int64_t DeadlineAfterMs(int64_t ms);

inline SleepAwaiter SleepFor(int64_t ms) { return SleepAwaiter(DeadlineAfterMs(ms)); }
inline SleepAwaiter SleepUntilNs(int64_t deadline_ns) { return SleepAwaiter(deadline_ns); }

Task<void> sleep(int64_t ms);
Task<void> sleep_until(int64_t deadline_ms);

}  // namespace rt

#endif  // STDLIB_ASYNC_SLEEP_H_
