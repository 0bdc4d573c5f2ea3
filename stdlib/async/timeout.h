// File: stdlib/async/timeout.h
//
// timeout(ms, task): the task's value if it finishes within MS milliseconds; otherwise the task
// is cancelled (as JoinHandle::cancel does: frame destroyed, cleanup run) and timeout raises
// Ruchy.Timeout ("timed out after MS ms"). It is a select of the task and a timer, without the
// cost of a second task.
//
//   try { body = co_await rt::timeout(2000, Fetch()); } catch (const rt::RuntimeError& e) { ... }
//   // Ruchy: body = await timeout(2000, fetch())   -- raises Ruchy.Timeout
//
// - Raising, rather than returning a Result, is asyncio.wait_for's choice and matches how a
//   cancelled join reports itself (Ruchy.Cancelled): `catch e` sees e.type == "Ruchy.Timeout".
// - The task starts at once and runs until it first suspends; if it finishes then, it wins even
//   with MS <= 0. Otherwise the timer fires no earlier than MS after the start.
// - An error raised by the task before the deadline propagates as it is.
#ifndef STDLIB_ASYNC_TIMEOUT_H_
#define STDLIB_ASYNC_TIMEOUT_H_

#include <coroutine>
#include <cstdint>
#include <utility>

#include "stdlib/async/errors.h"
#include "stdlib/async/internal/timer_heap.h"
#include "stdlib/async/loop.h"
#include "stdlib/async/sleep.h"
#include "stdlib/async/task.h"

namespace rt {
namespace async_internal {

template <class T>
class TimeoutAwaiter final : public Completion {
 public:
  TimeoutAwaiter(int64_t ms, Task<T>& task) : ms_(ms), task_(std::move(task)) {}
  TimeoutAwaiter(const TimeoutAwaiter&) = delete;
  TimeoutAwaiter& operator=(const TimeoutAwaiter&) = delete;

  bool await_ready() const {
    if (!task_.valid()) ThrowAwaitedTwice();
    return false;
  }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> awaiting) {
    TaskContext* context = awaiting.promise().context();
    const int64_t deadline_ns = DeadlineAfterMs(ms_);
    task_.handle().promise().Bind(context, static_cast<Completion*>(this));
    starting_ = true;
    task_.handle().resume();
    starting_ = false;
    if (task_done_) return false;
    awaiting_ = awaiting;
    timer_.waiter.handle = awaiting;
    timer_.waiter.context = context;
    context->loop().timers().Add(timer_, deadline_ns);
    return true;
  }
  T await_resume() {
    if (task_done_) return task_.handle().promise().TakeResult();
    task_.Reset();  // The timer fired first: cancel the task.
    ThrowTimeout(ms_);
  }

  std::coroutine_handle<> OnTaskDone() noexcept override {
    task_done_ = true;
    if (starting_) return std::noop_coroutine();
    // The timer may be due and already queued to resume the awaiting task in this round: take it
    // out of both the heap and that queue, so the awaiting task resumes once, from here.
    timer_.Disarm();
    timer_.waiter.Unlink();
    return awaiting_;
  }

 private:
  int64_t ms_;
  Task<T> task_;
  TimerNode timer_;
  std::coroutine_handle<> awaiting_;
  bool starting_ = false;
  bool task_done_ = false;
};

}  // namespace async_internal

template <class T>
Task<T> timeout(int64_t ms, Task<T> task) {
  if constexpr (std::is_void_v<T>) {
    co_await async_internal::TimeoutAwaiter<T>(ms, task);
  } else {
    co_return co_await async_internal::TimeoutAwaiter<T>(ms, task);
  }
}

}  // namespace rt

#endif  // STDLIB_ASYNC_TIMEOUT_H_
