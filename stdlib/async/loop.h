// File: stdlib/async/loop.h
//
// rt::Loop: a single-threaded event loop on epoll. It resumes suspended tasks when what they wait
// for happens: a timer (sleep, timeout), a file descriptor becoming ready (readiness.h), a task
// they join finishing (spawn.h), or simply their turn (a spawned task's start). It never busy-waits:
// with nothing runnable it sleeps in epoll_wait until the earliest timer or an I/O event.
//
//   rt::Loop loop;
//   int64_t sum = rt::BlockOn(loop, Main());    // block_on.h; or rt::BlockOn(Main()) for a fresh loop
//
// Threads: a loop belongs to the thread that runs it; tasks spawned on it run only there. Several
// loops may run at once on several threads (the Lambda runtime runs one per CPU); they share
// nothing but the process (file descriptors, the frame cache is per thread). A loop must be run,
// spawned on and destroyed by one thread at a time.
//
// One round of the loop (RunOnce): wait for I/O (not at all if something is runnable, else until
// the earliest timer), then resume, in this order, the tasks made runnable before the round began
// (spawned, or woken by a join or a close), those whose fds became ready, and those whose timers
// are due, as asyncio orders them. Work made runnable during a round runs in the next one, after
// the loop has looked at I/O again, so a task that yields (`sleep(0)`) cannot starve the others.
//
// Destroying a loop cancels every task still alive on it (spawn.h), in the order they were
// spawned: their frames are destroyed and their cleanup runs.
#ifndef STDLIB_ASYNC_LOOP_H_
#define STDLIB_ASYNC_LOOP_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include "stdlib/async/internal/list.h"
#include "stdlib/async/internal/poller.h"
#include "stdlib/async/internal/timer_heap.h"
#include "stdlib/async/internal/waiter.h"

namespace rt {

namespace async_internal {
class SpawnedTask;
struct LiveTag;
struct AllTag;
struct DeferredTag;
}  // namespace async_internal

// Monotonic clock (CLOCK_MONOTONIC), nanoseconds: what timers and deadlines are measured in.
int64_t MonotonicNowNs();

class Loop {
 public:
  struct Options {
    // Told about errors nobody will see: a detached task that failed, or a failed task whose join
    // handle was dropped without awaiting it. Default: one line on stderr,
    // "rt: unobserved task error: <errorType>: <message>".
    std::function<void(std::string_view error_type, std::string_view message)> on_unobserved_error;
  };

  Loop();
  explicit Loop(Options options);
  ~Loop();
  Loop(const Loop&) = delete;
  Loop& operator=(const Loop&) = delete;

  // The loop running on the calling thread (inside BlockOn), or null. Only the plain functions
  // that have no awaiting frame to ask use it: rt::spawn and the C primitives of sys/.
  static Loop* Running();

  // Runs one round (see above). BLOCK false: do not wait for I/O or timers, only collect what is
  // ready now.
  void RunOnce(bool block = true);

  // True when nothing could ever wake a task of this loop: nothing runnable, no timer, no fd
  // waited on. block_on reports a main task stuck in that state as a deadlock.
  bool Idle() const;

  // For tests: what the loop is holding.
  std::size_t live_tasks() const;
  std::size_t pending_timers() const { return timers_.size(); }
  std::size_t io_waiters() const { return poller_.waiters(); }
  uint64_t rounds() const { return rounds_; }

  // ---- The interface the library's awaitables use (not for Ruchy code). ----

  // Runs WAITER in the next round.
  void Schedule(async_internal::Waiter& waiter) { ready_.PushBack(waiter); }
  async_internal::TimerHeap& timers() { return timers_; }
  async_internal::Poller& poller() { return poller_; }
  // FD is being closed: its waiters wake with -EBADF in the next round.
  void ForgetFd(int fd);
  // The task context whose frames are executing right now (null between tasks).
  async_internal::TaskContext* running() const { return running_; }

  void AdoptTask(async_internal::SpawnedTask& task);
  // Runs TASK's deferred work (reaping its frame, or a cancellation it asked for itself) once
  // the current task has suspended.
  void Defer(async_internal::SpawnedTask& task);
  void ReportUnobservedError(std::string_view error_type, std::string_view message);

  // Marks this loop as the one running on this thread for the lifetime of the scope.
  class RunningScope {
   public:
    explicit RunningScope(Loop& loop);
    ~RunningScope();
    RunningScope(const RunningScope&) = delete;
    RunningScope& operator=(const RunningScope&) = delete;

   private:
    Loop* previous_;
  };

 private:
  void Resume(async_internal::Waiter& waiter);
  void RunDeferred();
  void CancelAll();
  int PollTimeoutMs(bool block) const;

  Options options_;
  async_internal::Poller poller_;
  async_internal::TimerHeap timers_;
  async_internal::WaiterList ready_;
  async_internal::List<async_internal::SpawnedTask, async_internal::LiveTag> live_;
  async_internal::List<async_internal::SpawnedTask, async_internal::AllTag> all_;
  async_internal::List<async_internal::SpawnedTask, async_internal::DeferredTag> deferred_;
  async_internal::TaskContext* running_ = nullptr;
  uint64_t rounds_ = 0;
};

}  // namespace rt

#endif  // STDLIB_ASYNC_LOOP_H_
