// spawn, join, detach, unobserved errors, and what happens to tasks still running at the end.
#include "stdlib/async/spawn.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "stdlib/async/async.h"
#include "stdlib/async/testing/trace.h"

namespace rt {
namespace {

using testing::Guard;
using testing::Log;

Task<void> Append(Log& log, std::string what) {
  log.push_back(what);
  co_return;
}

// Issue 16's example, as generated code will have it: a slow and a fast task each sleep; the fast
// one finishes first, and the sum comes after both are joined.
Task<int64_t> Named(std::string name, int64_t ms, int64_t value, Log& log) {
  co_await sleep(ms);
  log.push_back(name);
  co_return value;
}

Task<void> SlowAndFast(Log& log) {
  JoinHandle<int64_t> slow = spawn(Named("slow", 50, 1, log));
  JoinHandle<int64_t> fast = spawn(Named("fast", 10, 2, log));
  int64_t a = co_await slow;
  int64_t b = co_await fast;
  log.push_back("sum " + std::to_string(a + b));
}

TEST(Spawn, TheFastTaskFinishesFirstAndTheSumComesAfterBoth) {
  Log log;
  BlockOn(SlowAndFast(log));
  EXPECT_EQ(log, (Log{"fast", "slow", "sum 3"}));
}

Task<void> SpawnIsNotInline(Log& log) {
  JoinHandle<void> h = spawn(Append(log, "child"));
  log.push_back("after spawn");
  co_await sleep(0);
  log.push_back("after yield");
  co_await h;
}

TEST(Spawn, TheTaskStartsInTheNextRound) {
  Log log;
  BlockOn(SpawnIsNotInline(log));
  EXPECT_EQ(log, (Log{"after spawn", "child", "after yield"}));
}

Task<int64_t> Square(int64_t x, int64_t delay_ms) {
  co_await sleep(delay_ms);
  co_return x * x;
}

Task<int64_t> JoinMany() {
  std::vector<JoinHandle<int64_t>> handles;
  for (int64_t i = 0; i < 1000; ++i) handles.push_back(spawn(Square(i, i % 7)));
  int64_t sum = 0;
  for (auto& h : handles) sum += co_await h;
  co_return sum;
}

TEST(Spawn, JoinYieldsEachValue) {
  int64_t expected = 0;
  for (int64_t i = 0; i < 1000; ++i) expected += i * i;
  EXPECT_EQ(BlockOn(JoinMany()), expected);
}

Task<int64_t> FailAfter(int64_t ms) {
  co_await sleep(ms);
  throw RuntimeError("Ruchy.Test", "failed after " + std::to_string(ms));
  co_return 0;
}

Task<std::string> JoinFailure() {
  JoinHandle<int64_t> h = spawn(FailAfter(1));
  try {
    co_await h;
  } catch (const RuntimeError& e) {
    co_return e.type() + ": " + e.message();
  }
  co_return "no error";
}

TEST(Spawn, JoinReraisesTheTasksError) { EXPECT_EQ(BlockOn(JoinFailure()), "Ruchy.Test: failed after 1"); }

Task<void> JoinTwice() {
  JoinHandle<int64_t> h = spawn(Square(3, 0));
  EXPECT_EQ(co_await h, 9);
  co_await h;
}

TEST(Spawn, AHandleJoinsOnce) {
  try {
    BlockOn(JoinTwice());
    FAIL() << "no error";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), kAsyncMisuseError);
  }
}

Task<void> SleepThenAppend(Log& log, int64_t ms, std::string what) {
  co_await sleep(ms);
  log.push_back(what);
}

Task<void> Detach(Log& log) {
  spawn(SleepThenAppend(log, 5, "detached ran"));  // The handle is dropped at once.
  co_await sleep(20);
  log.push_back("main done");
}

TEST(Spawn, ADroppedHandleDetachesTheTask) {
  Log log;
  BlockOn(Detach(log));
  EXPECT_EQ(log, (Log{"detached ran", "main done"}));
}

struct Reports {
  Log errors;
  Loop::Options options() {
    Loop::Options o;
    o.on_unobserved_error = [this](std::string_view type, std::string_view message) {
      errors.push_back(std::string(type) + ": " + std::string(message));
    };
    return o;
  }
};

Task<void> DetachedFailure() {
  spawn(FailAfter(1));
  co_await sleep(10);
}

TEST(Spawn, ADetachedTasksErrorIsReported) {
  Reports reports;
  Loop loop(reports.options());
  BlockOn(loop, DetachedFailure());
  EXPECT_EQ(reports.errors, Log{"Ruchy.Test: failed after 1"});
}

Task<void> DropAfterFailure() {
  JoinHandle<int64_t> h = spawn(FailAfter(1));
  co_await sleep(10);
  EXPECT_TRUE(h.is_finished());
}  // h dropped here, never joined.

TEST(Spawn, AFailureDroppedUnjoinedIsReported) {
  Reports reports;
  Loop loop(reports.options());
  BlockOn(loop, DropAfterFailure());
  EXPECT_EQ(reports.errors, Log{"Ruchy.Test: failed after 1"});
}

TEST(Spawn, AJoinedFailureIsNotReported) {
  Reports reports;
  Loop loop(reports.options());
  BlockOn(loop, JoinFailure());
  EXPECT_TRUE(reports.errors.empty());
}

Task<void> JoinFromAnotherLoop(JoinHandle<int64_t>& h) { co_await h; }

TEST(Spawn, AHandleIsJoinedOnlyOnItsOwnLoop) {
  Loop a, b;
  JoinHandle<int64_t> h = Spawn(a, Square(2, 0));
  try {
    BlockOn(b, JoinFromAnotherLoop(h));
    FAIL() << "no error";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), kAsyncMisuseError);
  }
}

// The guard is an argument: it exists from spawn on, even if the task never starts.
Task<void> Lingers(Guard guard, Log& log, std::string name) {
  log.push_back(name + " started");
  co_await sleep(60'000);
  log.push_back(name + " woke");
}

Task<void> MainLeavesTasksBehind(Log& log) {
  spawn(Lingers(Guard(log, "first"), log, "first"));
  JoinHandle<void> kept = spawn(Lingers(Guard(log, "second"), log, "second"));
  co_await sleep(0);  // Both start and sleep.
  spawn(Lingers(Guard(log, "third"), log, "third"));
  log.push_back("main returns");
}

TEST(BlockOn, TasksStillRunningWhenMainEndsAreCancelledInSpawnOrder) {
  Log log;
  BlockOn(MainLeavesTasksBehind(log));
  EXPECT_EQ(log, (Log{"first started", "second started", "main returns", "~first", "~second", "~third"}));
}

Task<int64_t> MainReturns() {
  spawn(Square(1, 60'000));
  co_return 7;
}

TEST(BlockOn, ReturnsMainsValueWithoutWaitingForOthers) {
  Loop loop;
  EXPECT_EQ(BlockOn(loop, MainReturns()), 7);
  // Still there on a loop we own (BlockOn(loop, ...) leaves it), not started yet; the next
  // BlockOn on the loop runs it until it sleeps.
  EXPECT_EQ(loop.live_tasks(), 1u);
  EXPECT_EQ(loop.pending_timers(), 0u);
  BlockOn(loop, sleep(0));
  EXPECT_EQ(loop.live_tasks(), 1u);
  EXPECT_EQ(loop.pending_timers(), 1u);
}

Task<void> SpawnOnLoop() { co_return; }

TEST(Spawn, OnALoopBeforeItRuns) {
  Loop loop;
  Log log;
  JoinHandle<void> h = Spawn(loop, Append(log, "ran"));
  BlockOn(loop, SpawnOnLoop());
  EXPECT_TRUE(h.is_finished());
  EXPECT_EQ(log, Log{"ran"});
}

}  // namespace
}  // namespace rt
