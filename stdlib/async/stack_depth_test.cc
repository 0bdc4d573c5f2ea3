// A million chained awaits must not grow the stack (symmetric transfer), at -O0 where compilers
// are least likely to turn calls into jumps by themselves (the BUILD forces -O0 for this file).
// Each test runs on a thread with a small stack, and also measures how far the stack moved
// between the first and the millionth await: both would fail if each await cost a stack frame.
#include <pthread.h>

#include <cstdint>
#include <functional>

#include "gtest/gtest.h"
#include "stdlib/async/block_on.h"
#include "stdlib/async/task.h"

namespace rt {
namespace {

constexpr int64_t kAwaits = 1'000'000;
// The test thread's stack: a million frames of even 16 bytes would need 16 MB.
constexpr std::size_t kThreadStackBytes = 256 * 1024;
// How far the stack may move between the shallowest and the deepest await.
constexpr std::intptr_t kMaxStackDriftBytes = 16 * 1024;

struct StackProbe {
  std::intptr_t lowest = INTPTR_MAX;
  std::intptr_t highest = 0;
  void Sample() {
    char marker = 0;
    auto here = reinterpret_cast<std::intptr_t>(&marker);
    if (here < lowest) lowest = here;
    if (here > highest) highest = here;
  }
  std::intptr_t drift() const { return highest - lowest; }
};

// Runs BODY on a thread with a kThreadStackBytes stack.
void OnSmallStack(std::function<void()> body) {
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, kThreadStackBytes), 0);
  pthread_t thread;
  auto trampoline = [](void* arg) -> void* {
    (*static_cast<std::function<void()>*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, trampoline, &body), 0);
  ASSERT_EQ(pthread_join(thread, nullptr), 0);
  pthread_attr_destroy(&attr);
}

Task<int64_t> Leaf(StackProbe& probe) {
  probe.Sample();
  co_return 1;
}

// A million awaits one after the other: each child finishes and transfers back to the parent.
Task<int64_t> InARow(StackProbe& probe) {
  int64_t sum = 0;
  for (int64_t i = 0; i < kAwaits; ++i) sum += co_await Leaf(probe);
  co_return sum;
}

TEST(StackDepth, AMillionAwaitsInARow) {
  StackProbe probe;
  int64_t sum = 0;
  OnSmallStack([&] { sum = BlockOn(InARow(probe)); });
  EXPECT_EQ(sum, kAwaits);
  EXPECT_LT(probe.drift(), kMaxStackDriftBytes);
}

// A million nested awaits: Nested(n) awaits Nested(n - 1); the frames live on the heap, and the
// way down (start the child) and the way up (resume the parent) are both transfers.
Task<int64_t> Nested(int64_t depth, StackProbe& probe) {
  probe.Sample();
  if (depth == 0) co_return 0;
  co_return 1 + co_await Nested(depth - 1, probe);
}

TEST(StackDepth, AMillionNestedAwaits) {
  StackProbe probe;
  int64_t depth = 0;
  OnSmallStack([&] { depth = BlockOn(Nested(kAwaits, probe)); });
  EXPECT_EQ(depth, kAwaits);
  EXPECT_LT(probe.drift(), kMaxStackDriftBytes);
}

// An error raised at the bottom of nested awaits reaches the top through every frame, each of
// which re-raises it (100k levels: a million throws take minutes under qemu). Even a few bytes of
// stack per level would overflow the small stack.
constexpr int64_t kErrorDepth = 100'000;

Task<int64_t> NestedThenFail(int64_t depth) {
  if (depth == 0) throw RuntimeError("Ruchy.Deep", "from the bottom");
  co_return 1 + co_await NestedThenFail(depth - 1);
}

TEST(StackDepth, AnErrorCrossesNestedAwaits) {
  std::string type;
  OnSmallStack([&] {
    try {
      BlockOn(NestedThenFail(kErrorDepth));
    } catch (const RuntimeError& e) {
      type = e.type();
    }
  });
  EXPECT_EQ(type, "Ruchy.Deep");
}

}  // namespace
}  // namespace rt
