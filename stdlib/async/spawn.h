// File: stdlib/async/spawn.h
//
// spawn(task): start a task that runs on its own, concurrently with the spawner, on the same loop;
// get a JoinHandle to it. These are issue 16's task semantics, as tokio's spawn/JoinHandle have
// them:
//
//   rt::JoinHandle<int64_t> h = rt::spawn(Work(1));   // `h = spawn(work(1))`
//   int64_t v = co_await h;                           // `await h`: join
//   h.cancel();                                       // `h.cancel()`
//
// - spawn: the task is scheduled, not run inline: it starts in the loop's next round.
// - Join (`co_await handle`): yields the task's value, or re-raises its error. A handle joins once
//   (a second await raises Ruchy.AsyncMisuse), and only from a task on the same loop.
// - Detach: dropping the handle lets the task run on. If a task fails and nobody can see it (it
//   was detached, or its handle is dropped without a join), the loop reports the error
//   (Loop::Options::on_unobserved_error; stderr by default), as asyncio and tokio do.
// - Cancel (`handle.cancel()`): the task stops at its suspension point: its frame is destroyed
//   (its locals' destructors, Ruchy `finally` blocks, and those of every task it is awaiting run,
//   and its waits leave the loop). A task is suspended whenever another one runs, so this happens
//   at once; a task cancelling itself goes on until it next suspends. Joining a cancelled task
//   raises Ruchy.Cancelled. Cancelling a finished task does nothing: it keeps its result.
//   Cleanup code that raises an error during cancellation does not stop it: the error is reported
//   as unobserved (below) and the cancellation completes.
// - A task that never suspends runs to its end before anything else runs: the loop is
//   cooperative, and cancellation happens only at suspension points.
#ifndef STDLIB_ASYNC_SPAWN_H_
#define STDLIB_ASYNC_SPAWN_H_

#include <coroutine>
#include <utility>

#include "stdlib/async/errors.h"
#include "stdlib/async/internal/spawned_task.h"
#include "stdlib/async/loop.h"
#include "stdlib/async/task.h"

namespace rt {

template <class T>
class JoinHandle {
 public:
  JoinHandle() = default;
  explicit JoinHandle(async_internal::SpawnState<T>* state) : state_(state) {}
  JoinHandle(JoinHandle&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  JoinHandle& operator=(JoinHandle&& other) noexcept {
    if (this != &other) {
      Drop();
      state_ = std::exchange(other.state_, nullptr);
    }
    return *this;
  }
  JoinHandle(const JoinHandle&) = delete;
  JoinHandle& operator=(const JoinHandle&) = delete;
  ~JoinHandle() { Drop(); }

  // Cancels the task (see above). No effect on a finished task or an empty handle.
  void cancel() {
    if (state_ != nullptr) state_->Cancel();
  }
  // The task ended: with a value, an error, or cancelled.
  bool is_finished() const { return state_ != nullptr && state_->finished(); }
  bool valid() const { return state_ != nullptr; }

  class Awaiter {
   public:
    explicit Awaiter(async_internal::SpawnState<T>* state) : state_(state) {}
    Awaiter(const Awaiter&) = delete;
    Awaiter& operator=(const Awaiter&) = delete;
    ~Awaiter() {
      if (!joining_) return;
      if (state_->joiner == &waiter_) state_->joiner = nullptr;
      state_->Unref();
    }

    bool await_ready() const {
      if (state_ == nullptr) ThrowAsyncMisuse("awaiting an empty join handle (moved away)");
      return state_->finished();
    }
    template <class P>
    void await_suspend(std::coroutine_handle<P> awaiting) {
      async_internal::TaskContext* context = awaiting.promise().context();
      if (&context->loop() != state_->loop_or_null()) {
        ThrowAsyncMisuse("a join handle can be awaited only by a task on the loop the task was spawned on");
      }
      if (state_->joiner != nullptr) ThrowAsyncMisuse("the task is already being joined by another task");
      waiter_.handle = awaiting;
      waiter_.context = context;
      state_->joiner = &waiter_;
      state_->Ref();
      joining_ = true;
    }
    T await_resume() {
      if (state_->joiner == &waiter_) state_->joiner = nullptr;
      return state_->TakeOutcome();
    }

   private:
    async_internal::SpawnState<T>* state_;
    async_internal::Waiter waiter_;
    bool joining_ = false;  // Holds a reference on state_ while suspended (and until destroyed).
  };
  Awaiter operator co_await() const& { return Awaiter(state_); }
  Awaiter operator co_await() const&& { return Awaiter(state_); }

 private:
  void Drop() {
    if (state_ != nullptr) std::exchange(state_, nullptr)->Unref();
  }

  async_internal::SpawnState<T>* state_ = nullptr;
};

// Spawns TASK on LOOP (before it runs, or from its own thread while it runs).
template <class T>
JoinHandle<T> Spawn(Loop& loop, Task<T> task) {
  if (!task.valid()) async_internal::ThrowAwaitedTwice();
  return JoinHandle<T>(new async_internal::SpawnState<T>(loop, std::move(task)));
}

// `spawn(task)` in Ruchy: spawns TASK on the loop running on this thread.
template <class T>
JoinHandle<T> spawn(Task<T> task) {
  Loop* loop = Loop::Running();
  if (loop == nullptr) ThrowAsyncMisuse("spawn() needs a running event loop: call it from async code");
  return Spawn(*loop, std::move(task));
}

}  // namespace rt

#endif  // STDLIB_ASYNC_SPAWN_H_
