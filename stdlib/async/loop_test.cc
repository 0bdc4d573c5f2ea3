// The loop: timers and their order, yielding, no busy waiting, deadlock detection, misuse.
#include "stdlib/async/loop.h"

#include <string>

#include "gtest/gtest.h"
#include "stdlib/async/async.h"
#include "stdlib/async/testing/trace.h"

namespace rt {
namespace {

using testing::Log;

constexpr int64_t kNsPerMs = 1'000'000;

Task<void> SleepThenLog(int64_t ms, Log& log) {
  co_await sleep(ms);
  log.push_back(std::to_string(ms));
}

Task<void> SpawnAndJoinAll(std::vector<int64_t> delays, Log& log) {
  std::vector<JoinHandle<void>> handles;
  for (int64_t ms : delays) handles.push_back(spawn(SleepThenLog(ms, log)));
  for (auto& h : handles) co_await h;
}

TEST(Timers, FireInDeadlineOrder) {
  Log log;
  BlockOn(SpawnAndJoinAll({30, 10, 20, 0, 5}, log));
  EXPECT_EQ(log, (Log{"0", "5", "10", "20", "30"}));
}

Task<void> SleepUntilThenLog(int64_t deadline_ms, std::string name, Log& log) {
  co_await sleep_until(deadline_ms);
  log.push_back(name);
}

Task<void> EqualDeadlines(Log& log) {
  int64_t deadline = rt_clock_monotonic_ms() + 20;
  std::vector<JoinHandle<void>> handles;
  for (const char* name : {"a", "b", "c", "d"}) handles.push_back(spawn(SleepUntilThenLog(deadline, name, log)));
  for (auto& h : handles) co_await h;
}

TEST(Timers, EqualDeadlinesFireInTheOrderTheyWereSet) {
  Log log;
  BlockOn(EqualDeadlines(log));
  EXPECT_EQ(log, (Log{"a", "b", "c", "d"}));
}

Task<int64_t> ElapsedNs(int64_t ms) {
  int64_t start = MonotonicNowNs();
  co_await sleep(ms);
  co_return MonotonicNowNs() - start;
}

TEST(Timers, SleepNeverWakesEarly) {
  for (int64_t ms : {1, 7, 25}) EXPECT_GE(BlockOn(ElapsedNs(ms)), ms * kNsPerMs) << ms;
}

Task<void> Ping(std::string name, int times, Log& log) {
  for (int i = 0; i < times; ++i) {
    log.push_back(name + std::to_string(i));
    co_await sleep(0);
  }
}

Task<void> TwoYielders(Log& log) {
  auto a = spawn(Ping("a", 3, log));
  auto b = spawn(Ping("b", 3, log));
  co_await a;
  co_await b;
}

TEST(Timers, SleepZeroYieldsToOtherTasks) {
  Log log;
  BlockOn(TwoYielders(log));
  EXPECT_EQ(log, (Log{"a0", "b0", "a1", "b1", "a2", "b2"}));
}

TEST(Timers, NegativeAndHugeDurationsAreSafe) {
  EXPECT_GE(BlockOn(ElapsedNs(-5)), 0);
  // A sleep far in the future is cancelled by timeout without overflowing the deadline.
  try {
    BlockOn(timeout(1, sleep(INT64_MAX)));
    FAIL() << "no timeout";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), kTimeoutError);
  }
}

// Waiting costs rounds of the loop, not spinning: a 60 ms sleep is one epoll_wait, plus the rounds
// that start and finish the task (a few more if the kernel wakes the loop a little early).
TEST(Loop, SleepingDoesNotBusyWait) {
  Loop loop;
  uint64_t before = loop.rounds();
  BlockOn(loop, sleep(60));
  EXPECT_LE(loop.rounds() - before, 5u);
}

// Suspends and registers nothing: what waiting on a channel nobody will ever send to looks like.
struct NeverResumed {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

Task<void> WaitsForNothing(Log& log) {
  testing::Guard guard(log, "main");
  co_await sleep(1);
  co_await NeverResumed{};
}

TEST(Loop, AMainTaskThatCanNeverFinishIsADeadlockError) {
  Log log;
  try {
    BlockOn(WaitsForNothing(log));
    FAIL() << "no error";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), kDeadlockError);
  }
  EXPECT_EQ(log, Log{"~main"});  // Its frame was destroyed.
}

Task<void> Nested() { BlockOn(sleep(1)); co_return; }

TEST(Loop, BlockOnCannotNest) {
  try {
    BlockOn(Nested());
    FAIL() << "no error";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), kAsyncMisuseError);
  }
}

TEST(Loop, SpawnNeedsARunningLoop) {
  EXPECT_EQ(Loop::Running(), nullptr);
  try {
    spawn(sleep(1));
    FAIL() << "no error";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), kAsyncMisuseError);
  }
}

Task<Loop*> WhichLoop() { co_return Loop::Running(); }

TEST(Loop, RunningIsTheLoopOnlyWhileItRuns) {
  Loop loop;
  EXPECT_EQ(BlockOn(loop, WhichLoop()), &loop);
  EXPECT_EQ(Loop::Running(), nullptr);
}

TEST(Loop, ALoopCanBlockOnSeveralTasksInTurn) {
  Loop loop;
  Log log;
  BlockOn(loop, SleepThenLog(1, log));
  BlockOn(loop, SleepThenLog(2, log));
  EXPECT_EQ(log, (Log{"1", "2"}));
  EXPECT_EQ(loop.pending_timers(), 0u);
}

}  // namespace
}  // namespace rt
