// timeout: the value in time, or Ruchy.Timeout with the task cancelled.
#include "stdlib/async/timeout.h"

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

Task<int64_t> After(int64_t ms, int64_t value, Log& log) {
  Guard guard(log, "task");
  co_await sleep(ms);
  co_return value;
}

Task<void> InTime(Log& log, Loop& loop) {
  EXPECT_EQ(co_await timeout(1000, After(1, 7, log)), 7);
  EXPECT_EQ(loop.pending_timers(), 0u);  // The timeout's timer is gone too.
}

TEST(Timeout, ATaskInTimeGivesItsValue) {
  Log log;
  Loop loop;
  BlockOn(loop, InTime(log, loop));
  EXPECT_EQ(log, Log{"~task"});
}

Task<std::string> TooSlow(Log& log, Loop& loop) {
  try {
    co_await timeout(5, After(60'000, 7, log));
  } catch (const RuntimeError& e) {
    log.push_back("caught");
    EXPECT_EQ(loop.pending_timers(), 0u);
    co_return e.type() + ": " + e.message();
  }
  co_return "no error";
}

TEST(Timeout, ATaskTooSlowIsCancelledAndTimeoutRaises) {
  Log log;
  Loop loop;
  EXPECT_EQ(BlockOn(loop, TooSlow(log, loop)), "Ruchy.Timeout: timed out after 5 ms");
  EXPECT_EQ(log, (Log{"~task", "caught"}));
}

Task<int64_t> FailAfter(int64_t ms) {
  co_await sleep(ms);
  throw RuntimeError("Ruchy.Test", "own error");
  co_return 0;
}

Task<std::string> ErrorInTime() {
  try {
    co_await timeout(1000, FailAfter(1));
  } catch (const RuntimeError& e) {
    co_return e.type();
  }
  co_return "no error";
}

TEST(Timeout, TheTasksOwnErrorPropagates) { EXPECT_EQ(BlockOn(ErrorInTime()), "Ruchy.Test"); }

Task<int64_t> Immediate() { co_return 3; }

TEST(Timeout, ATaskThatNeedsNoWaitWinsEvenAtZero) { EXPECT_EQ(BlockOn(timeout(0, Immediate())), 3); }

Task<int64_t> ReadOne(int fd, Log& log) {
  Guard guard(log, "reader");
  co_return co_await readable(fd);
}

Task<void> ReadTimesOut(int fd, Log& log, Loop& loop) {
  try {
    co_await timeout(5, ReadOne(fd, log));
  } catch (const RuntimeError& e) {
    log.push_back(e.type());
  }
  EXPECT_EQ(loop.io_waiters(), 0u);
}

TEST(Timeout, OfATaskBlockedOnASocket) {
  int fds[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds), 0);
  Log log;
  Loop loop;
  BlockOn(loop, ReadTimesOut(fds[0], log, loop));
  EXPECT_EQ(log, (Log{"~reader", kTimeoutError}));
  close(fds[0]);
  close(fds[1]);
}

// Runs for MS without suspending: the loop is stuck until it returns.
Task<void> Hog(int64_t ms) {
  const int64_t end = MonotonicNowNs() + ms * 1'000'000;
  while (MonotonicNowNs() < end) {
  }
  co_return;
}

Task<int64_t> DueInTheSameRound(Log& log) {
  JoinHandle<void> hog = spawn(Hog(40));  // Runs in the next round, past both deadlines below.
  int64_t v = co_await timeout(20, After(5, 9, log));
  co_await hog;
  co_return v;
}

// The task's timer and the timeout's fall due in the same round; the task's is earlier, so the
// task finishes first and the timeout's timer, queued in that round, must not resume anything.
TEST(Timeout, ATaskFinishingInTheRoundItsTimeoutFallsDueWinsOnce) {
  Log log;
  EXPECT_EQ(BlockOn(DueInTheSameRound(log)), 9);
}

Task<void> VoidInTime() { co_await timeout(1000, sleep(1)); }

TEST(Timeout, UnitTasks) { BlockOn(VoidInTime()); }

Task<std::string> Nested(Log& log) {
  try {
    co_await timeout(1000, timeout(5, After(60'000, 1, log)));
  } catch (const RuntimeError& e) {
    co_return e.message();
  }
  co_return "no error";
}

TEST(Timeout, TheInnerOfNestedTimeoutsFires) {
  Log log;
  EXPECT_EQ(BlockOn(Nested(log)), "timed out after 5 ms");
}

}  // namespace
}  // namespace rt
