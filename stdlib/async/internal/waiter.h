// File: stdlib/async/internal/waiter.h
//
// The two small records every suspension point is made of:
//   TaskContext  what a chain of awaiting frames runs for: its loop (and, for a spawned task,
//                its cancellation state). Every task frame points at one; see task.h.
//   Waiter       a suspended coroutine the loop will resume later. It sits in at most one list
//                (the ready queue, an fd's waiters, the batch being dispatched) and leaves it
//                when destroyed, so destroying a suspended frame takes it out of the loop.
#ifndef STDLIB_ASYNC_INTERNAL_WAITER_H_
#define STDLIB_ASYNC_INTERNAL_WAITER_H_

#include <coroutine>

#include "stdlib/async/internal/list.h"

namespace rt {
class Loop;
}

namespace rt::async_internal {

class TaskContext {
 public:
  explicit TaskContext(Loop& loop) : loop_(&loop) {}
  TaskContext(const TaskContext&) = delete;
  TaskContext& operator=(const TaskContext&) = delete;

  Loop& loop() const { return *loop_; }
  // The loop, or null once it was destroyed (a spawned task's handle may outlive it).
  Loop* loop_or_null() const { return loop_; }

 protected:
  ~TaskContext() = default;
  Loop* loop_;
};

class Waiter : public ListNode<Waiter> {
 public:
  std::coroutine_handle<> handle;
  TaskContext* context = nullptr;
  // Set by whoever wakes it: 0, or a negative errno (an fd closed while waited on: -EBADF).
  int result = 0;
  // Queued on an fd and counted in Poller::waiters() (the poller's own bookkeeping).
  bool on_fd_queue = false;
};

using WaiterList = List<Waiter>;

}  // namespace rt::async_internal

#endif  // STDLIB_ASYNC_INTERNAL_WAITER_H_
