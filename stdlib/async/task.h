// File: stdlib/async/task.h
//
// rt::Task<T>: what a Ruchy `async fun f() -> T` compiles to, a C++20 coroutine that is lazy (it
// starts when first awaited, spawned, selected or blocked on) and returns T or raises.
//
//   rt::Task<int64_t> Add(int64_t a, int64_t b) {
//     co_await rt::sleep(10);
//     co_return a + b;
//   }
//   rt::Task<void> Main() {
//     int64_t sum = co_await Add(1, 2);   // `await add(1, 2)`
//   }
//
// - Awaiting a task runs it to completion and yields its value, or re-raises its error (any C++
//   exception; Ruchy errors are rt::RuntimeError).
// - Symmetric transfer: starting an awaited task and returning to its awaiter are tail calls
//   between frames, so a million awaits in a row, or a million nested ones, use constant stack.
// - Destroying a Task destroys its frame wherever it is suspended; the destructors of its locals
//   (and of the frames it awaits, and of their waits on the loop) run. That is how cancellation
//   works (spawn.h).
// - Task<void> is Ruchy's unit. A Task is move-only and can be awaited once.
//
// How a task finds its loop: every frame carries a pointer to a TaskContext (internal/waiter.h),
// set when it starts: by spawn() or block_on() for a root task, and copied from the awaiting
// frame when a task is awaited (or raced by select/timeout). Awaitables that need the loop
// (sleep, fd readiness, join) read it from the awaiting frame's promise. No thread-local state is
// involved in awaiting; only the plain functions that have no frame to ask (rt::spawn, and
// rt_fd_close/read/write of the C primitives) use Loop::Running(), the loop running on the
// calling thread (loop.h). Per-invocation state therefore lives in task frames, never in
// thread-locals, and several loops can run on several threads, each with its own tasks.
#ifndef STDLIB_ASYNC_TASK_H_
#define STDLIB_ASYNC_TASK_H_

#include <coroutine>
#include <cstddef>
#include <exception>
#include <type_traits>
#include <utility>
#include <variant>

#include "stdlib/async/errors.h"
#include "stdlib/async/internal/frame_pool.h"
#include "stdlib/async/internal/waiter.h"

namespace rt {

template <class T = void>
class Task;

namespace async_internal {

// Who hears about a task's end when it is not awaited by another frame: a spawned task's
// handle, a select or timeout race, block_on. Returns the coroutine to run next (symmetric
// transfer), or std::noop_coroutine() to return to the loop. Must not destroy the finished frame:
// it is still inside its own final suspension.
class Completion {
 public:
  virtual std::coroutine_handle<> OnTaskDone() noexcept = 0;

 protected:
  ~Completion() = default;
};

class PromiseBase {
 public:
  // Frames come from the per-thread frame cache (internal/frame_pool.h).
  static void* operator new(std::size_t size) { return AllocateFrame(size); }
  static void operator delete(void* frame, std::size_t size) noexcept { FreeFrame(frame, size); }

  std::suspend_always initial_suspend() noexcept { return {}; }

  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    template <class P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> done) noexcept {
      PromiseBase& p = done.promise();
      if (p.teardown_ != nullptr) {  // Being destroyed, not finishing: tell nobody.
        p.teardown_->reached_final = true;
        return std::noop_coroutine();
      }
      if (p.completion_ != nullptr) return p.completion_->OnTaskDone();
      if (p.continuation_) return p.continuation_;
      return std::noop_coroutine();
    }
    void await_resume() noexcept {}
  };
  FinalAwaiter final_suspend() noexcept { return {}; }

  TaskContext* context() const { return context_; }

  // Before the first resume: the frame runs for CONTEXT and, when done, resumes CONTINUATION
  // (it is being awaited) or tells COMPLETION (it is spawned, raced or blocked on).
  void Bind(TaskContext* context, std::coroutine_handle<> continuation) {
    context_ = context;
    continuation_ = continuation;
  }
  void Bind(TaskContext* context, Completion* completion) {
    context_ = context;
    completion_ = completion;
  }

  // Set while DestroyFrame destroys a suspended frame (see there).
  struct Teardown {
    bool reached_final = false;
    std::exception_ptr error;
  };

 protected:
  // An error escaping the body while the frame is being destroyed goes to the teardown.
  bool CaughtDuringTeardown() noexcept {
    if (teardown_ == nullptr) return false;
    teardown_->error = std::current_exception();
    return true;
  }

  bool taken_ = false;  // The result was handed out (a second await is a misuse).

 private:
  friend void DestroyFrame(std::coroutine_handle<> frame, PromiseBase& promise) noexcept;
  Teardown* teardown_ = nullptr;
  TaskContext* context_ = nullptr;
  std::coroutine_handle<> continuation_;
  Completion* completion_ = nullptr;
};

[[noreturn]] void ThrowAwaitedTwice();

// Destroys FRAME wherever it is suspended: unstarted, at an await (its cleanup runs: locals'
// destructors, Ruchy `finally` blocks, the frames it awaits), or finished. Every destruction of a
// task frame goes through here.
//
// Cleanup that raises while an unfinished frame is destroyed: the coroutine body's implicit
// handler catches the error and the frame runs on to its final suspension (that is what C++
// compilers do). The final awaiter then tells nobody, the frame is freed from there, and the error
// is reported as unobserved (Loop::Options::on_unobserved_error): destruction always completes.
void DestroyFrame(std::coroutine_handle<> frame, PromiseBase& promise) noexcept;

template <class T>
class Promise final : public PromiseBase {
  static_assert(!std::is_reference_v<T> && !std::is_same_v<std::decay_t<T>, std::exception_ptr>,
                "Task<T> holds values: T may not be a reference or an exception_ptr");

 public:
  Task<T> get_return_object() noexcept;

  template <class U = T>
  void return_value(U&& value) {
    result_.template emplace<1>(std::forward<U>(value));
  }
  void unhandled_exception() noexcept {
    if (!CaughtDuringTeardown()) result_.template emplace<2>(std::current_exception());
  }

  bool failed() const { return result_.index() == 2; }
  const std::exception_ptr& error() const { return std::get<2>(result_); }

  // The value, moved out; only when not failed.
  T TakeValue() {
    taken_ = true;
    return std::move(std::get<1>(result_));
  }

  // The value, moved out, or the error, re-raised. Once.
  T TakeResult() {
    if (taken_) ThrowAwaitedTwice();
    taken_ = true;
    if (result_.index() == 2) std::rethrow_exception(std::get<2>(result_));
    return std::move(std::get<1>(result_));
  }

 private:
  std::variant<std::monostate, T, std::exception_ptr> result_;
};

template <>
class Promise<void> final : public PromiseBase {
 public:
  Task<void> get_return_object() noexcept;

  void return_void() noexcept {}
  void unhandled_exception() noexcept {
    if (!CaughtDuringTeardown()) error_ = std::current_exception();
  }

  bool failed() const { return error_ != nullptr; }
  const std::exception_ptr& error() const { return error_; }

  void TakeValue() { taken_ = true; }

  void TakeResult() {
    if (taken_) ThrowAwaitedTwice();
    taken_ = true;
    if (error_) std::rethrow_exception(error_);
  }

 private:
  std::exception_ptr error_;
};

}  // namespace async_internal

template <class T>
class [[nodiscard]] Task {
 public:
  using promise_type = async_internal::Promise<T>;
  using Handle = std::coroutine_handle<promise_type>;
  using value_type = T;

  Task() = default;
  explicit Task(Handle frame) noexcept : frame_(frame) {}
  Task(Task&& other) noexcept : frame_(std::exchange(other.frame_, {})) {}
  Task& operator=(Task&& other) noexcept {
    if (this != &other) {
      Reset();
      frame_ = std::exchange(other.frame_, {});
    }
    return *this;
  }
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;
  ~Task() { Reset(); }

  // False for a moved-from or default-constructed task.
  bool valid() const { return static_cast<bool>(frame_); }
  bool done() const { return frame_ && frame_.done(); }

  class Awaiter {
   public:
    explicit Awaiter(Handle frame) : frame_(frame) {}
    bool await_ready() const {
      if (!frame_) async_internal::ThrowAwaitedTwice();
      return frame_.done();  // Already finished (a misuse): await_resume reports it.
    }
    template <class P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> awaiting) noexcept {
      frame_.promise().Bind(awaiting.promise().context(), awaiting);
      return frame_;
    }
    T await_resume() { return frame_.promise().TakeResult(); }

   private:
    Handle frame_;
  };
  Awaiter operator co_await() const& noexcept { return Awaiter(frame_); }
  Awaiter operator co_await() const&& noexcept { return Awaiter(frame_); }

  // For the library's awaitables: the frame, still owned by this Task.
  Handle handle() const { return frame_; }
  // Gives up ownership of the frame (the caller destroys it).
  Handle Release() noexcept { return std::exchange(frame_, {}); }
  // Destroys the frame now (wherever it is suspended), running its cleanup.
  void Reset() noexcept {
    if (frame_) {
      Handle frame = std::exchange(frame_, {});
      async_internal::DestroyFrame(frame, frame.promise());
    }
  }

 private:
  Handle frame_;
};

// Hands a task (or join handle) on, using it up: what generated code wraps around a task given
// to spawn/select/timeout, whether it is a call (a temporary) or a variable. std::move would do,
// but clang's -Wpessimizing-move objects to it around temporaries.
template <class T>
std::remove_reference_t<T>&& consume(T&& value) noexcept {
  return static_cast<std::remove_reference_t<T>&&>(value);
}

namespace async_internal {

template <class T>
Task<T> Promise<T>::get_return_object() noexcept {
  return Task<T>(std::coroutine_handle<Promise<T>>::from_promise(*this));
}

inline Task<void> Promise<void>::get_return_object() noexcept {
  return Task<void>(std::coroutine_handle<Promise<void>>::from_promise(*this));
}

// A Ruchy value for a task's result: T, or rt::Unit for Task<void> (variants cannot hold void).
template <class T>
struct ValueOf {
  using type = T;
};
template <>
struct ValueOf<void> {
  using type = Unit;
};
template <class T>
using ValueOfT = typename ValueOf<T>::type;

}  // namespace async_internal
}  // namespace rt

#endif  // STDLIB_ASYNC_TASK_H_
