// File: stdlib/async/block_on.h
//
// rt::BlockOn: how `async fun main()` runs. It runs a task on an event loop, on the calling
// thread, until that task ends, and returns its value or re-raises its error.
//
//   int main() { return rt::RunProgram(argc, argv, [] { rt::BlockOn(ruchy_main()); }); }
//
// - BlockOn(task) makes a fresh loop and destroys it afterwards: tasks still running then (spawned
//   and detached, or whose handles were never awaited) are cancelled, in the order they were
//   spawned: their frames are destroyed and their cleanup runs, as asyncio.run and a tokio
//   runtime going away do. The program does not wait for them.
// - BlockOn(loop, task) runs on LOOP and leaves its other tasks as they are (suspended, to
//   continue in a later BlockOn on the same loop, or to be cancelled when the loop is destroyed).
// - If the main task waits for something that can never happen (nothing runnable, no timer, no fd
//   waited on: say it joins a task that joins it), BlockOn raises Ruchy.Deadlock instead of
//   hanging, and destroys the main task's frame.
// - It cannot be nested: inside a running loop, await the task instead (Ruchy.AsyncMisuse).
#ifndef STDLIB_ASYNC_BLOCK_ON_H_
#define STDLIB_ASYNC_BLOCK_ON_H_

#include <coroutine>
#include <utility>

#include "stdlib/async/loop.h"
#include "stdlib/async/task.h"

namespace rt {
namespace async_internal {

// The context of a task being blocked on: not cancellable, tells BlockOn when it is done.
class MainContext final : public TaskContext, public Completion {
 public:
  explicit MainContext(Loop& loop) : TaskContext(loop) {}
  std::coroutine_handle<> OnTaskDone() noexcept override {
    done_ = true;
    return std::noop_coroutine();
  }
  bool done() const { return done_; }

 private:
  bool done_ = false;
};

// Runs LOOP on this thread until MAIN's task (FRAME, bound to MAIN) is done.
void RunUntilDone(Loop& loop, MainContext& main, std::coroutine_handle<> frame);

}  // namespace async_internal

template <class T>
T BlockOn(Loop& loop, Task<T> task) {
  if (!task.valid()) async_internal::ThrowAwaitedTwice();
  async_internal::MainContext main(loop);
  task.handle().promise().Bind(&main, static_cast<async_internal::Completion*>(&main));
  async_internal::RunUntilDone(loop, main, task.handle());
  return task.handle().promise().TakeResult();
}

template <class T>
T BlockOn(Task<T> task) {
  Loop loop;
  return BlockOn(loop, std::move(task));
}

}  // namespace rt

#endif  // STDLIB_ASYNC_BLOCK_ON_H_
