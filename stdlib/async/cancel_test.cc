// Cancellation: a task is destroyed where it is suspended, its cleanup runs, its waits leave the
// loop, and joining it raises Ruchy.Cancelled.
#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "gtest/gtest.h"
#include "stdlib/async/async.h"
#include "stdlib/async/testing/trace.h"

namespace rt {
namespace {

using testing::Guard;
using testing::Log;

// Runs TASK (which must end with Ruchy.Cancelled) and returns what it logged.
template <class T>
std::string CancelledType(Task<T> task) {
  try {
    BlockOn(std::move(task));
  } catch (const RuntimeError& e) {
    return e.type();
  }
  return "no error";
}

// Joins H: "" if it gave a value, else the error type it raised.
template <class T>
Task<std::string> JoinOutcome(JoinHandle<T>& h) {
  try {
    co_await h;
  } catch (const RuntimeError& e) {
    co_return e.type();
  }
  co_return "";
}

Task<void> SleepsLong(Log& log) {
  Guard guard(log, "sleeper");
  co_await sleep(60'000);
  log.push_back("woke");
}

Task<void> CancelSleeper(Log& log, Loop& loop) {
  JoinHandle<void> h = spawn(SleepsLong(log));
  co_await sleep(1);
  EXPECT_EQ(loop.pending_timers(), 1u);
  h.cancel();
  log.push_back("cancelled");
  EXPECT_TRUE(h.is_finished());
  EXPECT_EQ(loop.pending_timers(), 0u);
  EXPECT_EQ(loop.live_tasks(), 0u);
  co_await h;
}

TEST(Cancel, ATaskOnATimer) {
  Log log;
  Loop loop;
  try {
    BlockOn(loop, CancelSleeper(log, loop));
    FAIL() << "no error";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), kCancelledError);
  }
  EXPECT_EQ(log, (Log{"~sleeper", "cancelled"}));
}

Task<int64_t> ReadsSocket(int fd, Log& log) {
  Guard guard(log, "reader");
  int64_t r = co_await readable(fd);
  log.push_back("readable " + std::to_string(r));
  co_return r;
}

Task<void> CancelReader(int fds[2], Log& log, Loop& loop) {
  JoinHandle<int64_t> h = spawn(ReadsSocket(fds[0], log));
  co_await sleep(1);
  EXPECT_EQ(loop.io_waiters(), 1u);
  h.cancel();
  EXPECT_EQ(loop.io_waiters(), 0u);
  // Data arriving now wakes nobody.
  EXPECT_EQ(rt_fd_write(fds[1], "x", 1), 1);
  co_await sleep(5);
  log.push_back(co_await JoinOutcome(h));
}

TEST(Cancel, ATaskBlockedOnASocket) {
  int fds[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds), 0);
  Log log;
  Loop loop;
  BlockOn(loop, CancelReader(fds, log, loop));
  EXPECT_EQ(log, (Log{"~reader", kCancelledError}));
  close(fds[0]);
  close(fds[1]);
}

Task<void> Inner(Log& log) {
  Guard guard(log, "inner");
  co_await sleep(60'000);
}
Task<void> Middle(Log& log) {
  Guard guard(log, "middle");
  co_await Inner(log);
  log.push_back("middle resumed");
}
Task<void> Outer(Log& log) {
  Guard guard(log, "outer");
  co_await Middle(log);
  log.push_back("outer resumed");
}

Task<void> CancelNested(Log& log) {
  JoinHandle<void> h = spawn(Outer(log));
  co_await sleep(1);
  h.cancel();
}

TEST(Cancel, DestroysEveryFrameTheTaskAwaitsInnermostFirst) {
  Log log;
  BlockOn(CancelNested(log));
  EXPECT_EQ(log, (Log{"~inner", "~middle", "~outer"}));
}

Task<void> NeverRuns(Guard guard, Log& log) {
  log.push_back("ran");
  co_return;
}

Task<void> CancelBeforeStart(Log& log) {
  JoinHandle<void> h = spawn(NeverRuns(Guard(log, "argument"), log));
  h.cancel();
  co_await sleep(1);
  EXPECT_EQ(co_await JoinOutcome(h), kCancelledError);
}

TEST(Cancel, BeforeTheTaskStarted) {
  Log log;
  EXPECT_EQ(CancelledType(CancelBeforeStart(log)), "no error");
  EXPECT_EQ(log, Log{"~argument"});
}

Task<int64_t> Quick() { co_return 5; }

Task<int64_t> CancelAfterFinish() {
  JoinHandle<int64_t> h = spawn(Quick());
  co_await sleep(1);
  h.cancel();  // Finished already: no effect.
  co_return co_await h;
}

TEST(Cancel, AFinishedTaskKeepsItsResult) { EXPECT_EQ(BlockOn(CancelAfterFinish()), 5); }

Task<void> CancelsItself(JoinHandle<void>* self, Log& log) {
  Guard guard(log, "self");
  co_await sleep(0);
  self->cancel();
  log.push_back("goes on until it suspends");
  co_await sleep(0);
  log.push_back("never");
}

Task<void> SelfCancel(Log& log) {
  JoinHandle<void> h;
  h = spawn(CancelsItself(&h, log));
  co_await sleep(5);
  log.push_back(co_await JoinOutcome(h));
}

TEST(Cancel, ATaskCancellingItselfStopsAtItsNextSuspension) {
  Log log;
  BlockOn(SelfCancel(log));
  EXPECT_EQ(log, (Log{"goes on until it suspends", "~self", kCancelledError}));
}

Task<void> Waker(int64_t deadline_ms, JoinHandle<void>* victim, Log& log) {
  co_await sleep_until(deadline_ms);
  log.push_back("waker cancels");
  victim->cancel();
}

Task<void> Victim(int64_t deadline_ms, Log& log) {
  Guard guard(log, "victim");
  co_await sleep_until(deadline_ms);
  log.push_back("victim woke");
}

Task<void> CancelWhileDue(Log& log) {
  int64_t deadline = rt_clock_monotonic_ms() + 10;
  JoinHandle<void> victim;
  JoinHandle<void> waker = spawn(Waker(deadline, &victim, log));  // Sets its timer first.
  victim = spawn(Victim(deadline, log));
  co_await waker;
  log.push_back(co_await JoinOutcome(victim));
}

// Both timers fall due in the same round; the first to run cancels the second before it runs.
TEST(Cancel, ATaskWokenButNotYetResumed) {
  Log log;
  BlockOn(CancelWhileDue(log));
  EXPECT_EQ(log, (Log{"waker cancels", "~victim", kCancelledError}));
}

Task<int64_t> Slow(Log& log) {
  Guard guard(log, "slow");
  co_await sleep(20);
  co_return 1;
}

Task<int64_t> JoinsSlow(JoinHandle<int64_t>* slow, Log& log) {
  Guard guard(log, "joiner");
  co_return co_await *slow;
}

Task<void> CancelTheJoiner(Log& log) {
  JoinHandle<int64_t> slow = spawn(Slow(log));
  JoinHandle<int64_t> joiner = spawn(JoinsSlow(&slow, log));
  co_await sleep(1);
  joiner.cancel();  // The task it joins goes on.
  log.push_back("slow gives " + std::to_string(co_await slow));
}

TEST(Cancel, CancellingAJoinerLeavesTheJoinedTaskRunning) {
  Log log;
  BlockOn(CancelTheJoiner(log));
  EXPECT_EQ(log, (Log{"~joiner", "~slow", "slow gives 1"}));
}

// What a Ruchy `finally` block that raises looks like once compiled (rt::Finally).
struct RaisesWhenDestroyed {
  ~RaisesWhenDestroyed() noexcept(false) { throw RuntimeError("Ruchy.Test", "raised by cleanup"); }
};

Task<int64_t> CleanupRaises(Log& log, int64_t ms, int64_t value) {
  Guard first(log, "declared first");
  RaisesWhenDestroyed cleanup;
  Guard last(log, "declared last");
  co_await sleep(ms);
  co_return value;
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

Task<void> CancelCleanupThatRaises(Log& log) {
  JoinHandle<int64_t> h = spawn(CleanupRaises(log, 60'000, 1));
  co_await sleep(1);
  h.cancel();
  log.push_back(co_await JoinOutcome(h));
}

// The error is caught where it was raised, the rest of the cleanup runs, the frame is freed
// (LeakSanitizer checks under --config=asan), and the error is reported rather than lost.
TEST(Cancel, CleanupThatRaisesIsReportedAndTheCancellationCompletes) {
  Log log;
  Reports reports;
  Loop loop(reports.options());
  BlockOn(loop, CancelCleanupThatRaises(log));
  EXPECT_EQ(log, (Log{"~declared last", "~declared first", kCancelledError}));
  EXPECT_EQ(reports.errors,
            Log{"Ruchy.Test: raised by cleanup (raised by cleanup while the task was cancelled)"});
  EXPECT_EQ(loop.live_tasks(), 0u);
}

Task<int64_t> Plain(int64_t ms, int64_t value) {
  co_await sleep(ms);
  co_return value;
}

Task<int64_t> SelectWithARaisingLoser(Log& log) {
  auto r = co_await select(CleanupRaises(log, 60'000, 1), Plain(1, 2));
  co_return r.index() == 1 ? std::get<1>(r) : -1;
}

// A select loser whose cleanup raises must not be taken for a winner (its frame reaches its final
// suspension on the way out).
TEST(Cancel, ASelectLoserWhoseCleanupRaisesIsNotAWinner) {
  Log log;
  Reports reports;
  Loop loop(reports.options());
  EXPECT_EQ(BlockOn(loop, SelectWithARaisingLoser(log)), 2);
  EXPECT_EQ(reports.errors.size(), 1u);
  EXPECT_EQ(log, (Log{"~declared last", "~declared first"}));
}

Task<void> SpawnsWhenDestroyed(Log& log) {
  struct SpawnOnExit {
    Log* log;
    ~SpawnOnExit() {
      spawn(NeverRuns(Guard(*log, "spawned by cleanup"), *log));
    }
  } on_exit{&log};
  Guard guard(log, "spawner");
  co_await sleep(60'000);
}

Task<void> LeaveASpawningTask(Log& log) {
  spawn(SpawnsWhenDestroyed(log));
  co_await sleep(1);
}

TEST(Cancel, TasksSpawnedByCleanupAtShutdownAreCancelledToo) {
  Log log;
  Loop loop;
  BlockOn(loop, LeaveASpawningTask(log));
  EXPECT_EQ(loop.live_tasks(), 1u);
  // Destroying the loop cancels the spawner; its cleanup spawns a task, which is cancelled before
  // it ever runs.
  {
    Loop doomed;
    BlockOn(doomed, LeaveASpawningTask(log));
  }
  EXPECT_EQ(log, (Log{"~spawner", "~spawned by cleanup"}));
}

Task<int64_t> FailsSoon() {
  co_await sleep(1);
  throw RuntimeError("Ruchy.Test", "nobody joined me");
  co_return 0;
}

TEST(Cancel, AHandleMayOutliveItsLoop) {
  JoinHandle<int64_t> failed, running;
  {
    Loop loop;
    failed = Spawn(loop, FailsSoon());
    running = Spawn(loop, FailsSoon());
    BlockOn(loop, sleep(20));
    running = Spawn(loop, FailsSoon());  // Drops the first (failed, unjoined: reported now).
  }  // The last one is cancelled with the loop.
  EXPECT_TRUE(failed.is_finished());
  EXPECT_TRUE(running.is_finished());
  running.cancel();  // No loop any more: nothing to do.
  ::testing::internal::CaptureStderr();
  failed = JoinHandle<int64_t>();  // Unjoined failure, loop gone: reported on stderr.
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "rt: unobserved task error: Ruchy.Test: nobody joined me\n");
}

}  // namespace
}  // namespace rt
