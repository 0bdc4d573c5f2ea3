// C++20 coroutines, exceptions and RTTI on each C++ runtime the toolchains link: libstdc++ with
// glibc, and libc++/libc++abi/libunwind with musl. Built at -O0 (coroutine lowering differs most
// from optimised code there) and run on x86_64 and, under qemu, arm64.
//
// What a coroutine-based Ruchy runtime relies on:
// - symmetric transfer: a million nested awaits resume one another without growing the stack,
//   here on a thread whose stack is set explicitly and small (musl's default is 128 KB);
// - an exception thrown in an awaited coroutine reaches the awaiting one through co_await, with
//   its dynamic type intact (typeid, dynamic_cast, catch by base);
// - destroying suspended coroutines destroys their frames and every live local in them.
#include <pthread.h>

#include <coroutine>
#include <cstddef>
#include <exception>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <utility>

#include "gtest/gtest.h"

namespace {

// Locals that count themselves, to see frames destroyed.
int g_alive = 0;
struct Tracked {
  Tracked() { ++g_alive; }
  Tracked(const Tracked&) = delete;
  ~Tracked() { --g_alive; }
};

// A lazily started task: `co_await task` starts it and resumes the awaiter when it finishes, both
// by symmetric transfer (await_suspend and final_suspend return the handle to run next).
template <typename T>
class Task {
 public:
  struct promise_type {
    T value{};
    std::exception_ptr error;
    std::coroutine_handle<> continuation = std::noop_coroutine();

    Task get_return_object() { return Task(std::coroutine_handle<promise_type>::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct FinalAwaiter {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> self) noexcept {
        return self.promise().continuation;
      }
      void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void return_value(T v) { value = std::move(v); }
    void unhandled_exception() { error = std::current_exception(); }
  };

  explicit Task(std::coroutine_handle<promise_type> h) : handle_(h) {}
  Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  Task(const Task&) = delete;
  ~Task() {
    if (handle_) handle_.destroy();
  }

  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
    handle_.promise().continuation = awaiting;
    return handle_;
  }
  T await_resume() {
    if (handle_.promise().error) std::rethrow_exception(handle_.promise().error);
    return std::move(handle_.promise().value);
  }

  // Runs the task to completion from ordinary code and returns its result (or rethrows).
  T RunToEnd() {
    handle_.resume();
    if (!handle_.done()) throw std::logic_error("the task suspended on something that never resumes it");
    return await_resume();
  }
  std::coroutine_handle<promise_type> handle() const { return handle_; }

 private:
  std::coroutine_handle<promise_type> handle_;
};

Task<long> Nested(int depth) {
  if (depth == 0) co_return 0;
  long below = co_await Nested(depth - 1);
  co_return below + 1;
}

constexpr int kMillion = 1000000;
// Far less than a million frames of any size: only symmetric transfer keeps the chain in it.
constexpr std::size_t kSmallStack = 256 * 1024;

void* RunNested(void* out) {
  *static_cast<long*>(out) = Nested(kMillion).RunToEnd();
  return nullptr;
}

TEST(Coroutines, AMillionNestedAwaitsRunOnASmallExplicitStack) {
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, kSmallStack), 0);
  long result = -1;
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, &attr, RunNested, &result), 0);
  ASSERT_EQ(pthread_join(thread, nullptr), 0);
  pthread_attr_destroy(&attr);
  EXPECT_EQ(result, kMillion);
}

class HandlerError : public std::runtime_error {
 public:
  HandlerError(std::string what, int code) : std::runtime_error(std::move(what)), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

Task<int> Fails(int depth) {
  Tracked local;
  if (depth == 0) throw HandlerError("deep failure", 42);
  co_return co_await Fails(depth - 1);
}

Task<std::string> CatchesAcrossAwait() {
  try {
    co_await Fails(3);
  } catch (const std::runtime_error& e) {
    const HandlerError* specific = dynamic_cast<const HandlerError*>(&e);
    std::string seen = std::string(e.what()) + (typeid(e) == typeid(HandlerError) ? " HandlerError" : " other");
    co_return seen + " code=" + std::to_string(specific != nullptr ? specific->code() : -1);
  }
  co_return "no exception";
}

TEST(Coroutines, AnExceptionCrossesCoAwaitWithItsDynamicType) {
  EXPECT_EQ(CatchesAcrossAwait().RunToEnd(), "deep failure HandlerError code=42");
  EXPECT_EQ(g_alive, 0);
}

TEST(Coroutines, AnUncaughtExceptionReachesTheCaller) {
  Task<int> task = Fails(5);
  try {
    task.RunToEnd();
    FAIL() << "no exception";
  } catch (const HandlerError& e) {
    EXPECT_EQ(e.code(), 42);
    EXPECT_STREQ(e.what(), "deep failure");
  }
  EXPECT_EQ(g_alive, 0);
}

// Suspends forever: only destroying the frame ends the coroutine.
struct Never {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

Task<int> Parked(int depth) {
  Tracked local;
  if (depth == 0) {
    co_await Never{};
    co_return 0;
  }
  co_return co_await Parked(depth - 1);
}

TEST(Coroutines, DestroyingSuspendedFramesDestroysTheirLocals) {
  {
    Task<int> never_started = Parked(10);
    EXPECT_EQ(g_alive, 0);  // Lazily started: no body has run.
  }
  {
    Task<int> top = Parked(100);
    top.handle().resume();  // Runs down the chain to Never and parks there.
    EXPECT_FALSE(top.handle().done());
    EXPECT_EQ(g_alive, 101);
    // ~Task destroys the top frame; its suspended `co_await Parked(...)` temporary owns the next
    // frame, and so on down the chain.
  }
  EXPECT_EQ(g_alive, 0);
}

}  // namespace
