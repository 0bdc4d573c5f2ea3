// rt::CheckStack on threads of different stack sizes: unbounded recursion through checked
// functions throws Ruchy.StackOverflow instead of running off the stack, and the thread can
// recurse deeply again afterwards.
#include "ruchy/stack_guard.h"

#include <pthread.h>

#include <cstdint>
#include <functional>
#include <string>

#include "gtest/gtest.h"
#include "ruchy/prelude.h"

namespace rt {
namespace {

// A recursion that never ends, as generated code has it (the check first), with work after the
// call so that it stays a recursion.
[[gnu::noinline]] int64_t Endless(int64_t n) {
  CheckStack("endless");
  if (n < 0) return 0;  // never: n counts up
  volatile int64_t pad[8] = {n};
  return Endless(n + 1) + pad[0];
}

// A recursion of `depth` calls.
[[gnu::noinline]] int64_t Bounded(int64_t depth) {
  CheckStack("bounded");
  return depth == 0 ? 0 : Bounded(depth - 1) + 1;
}

void OnThread(std::size_t stack_bytes, std::function<void()> body) {
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, stack_bytes), 0);
  pthread_t thread;
  auto run = [](void* arg) -> void* {
    (*static_cast<std::function<void()>*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, run, &body), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

void ExpectOverflowThenRecovery() {
  for (int round = 0; round < 2; ++round) {
    try {
      Endless(0);
      ADD_FAILURE() << "unbounded recursion returned";
    } catch (const RuntimeError& e) {
      EXPECT_EQ(e.type(), "Ruchy.StackOverflow");
      EXPECT_EQ(e.message(), "stack overflow in `endless`: the recursion is deeper than the stack allows");
    }
  }
  EXPECT_EQ(Bounded(1000), 1000);
}

TEST(StackGuardTest, SmallThreadStack) { OnThread(512 << 10, ExpectOverflowThenRecovery); }
TEST(StackGuardTest, DefaultSizedThreadStack) { OnThread(8 << 20, ExpectOverflowThenRecovery); }
TEST(StackGuardTest, MainThread) { ExpectOverflowThenRecovery(); }

}  // namespace
}  // namespace rt
