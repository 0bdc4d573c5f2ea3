// select: the first task to finish wins; the others are cancelled before select returns.
#include "stdlib/async/select.h"

#include <string>
#include <variant>
#include <vector>

#include "gtest/gtest.h"
#include "stdlib/async/async.h"
#include "stdlib/async/testing/trace.h"

namespace rt {
namespace {

using testing::Guard;
using testing::Log;

Task<int64_t> After(int64_t ms, int64_t value, Log& log, std::string name) {
  Guard guard(log, name);
  co_await sleep(ms);
  log.push_back(name + " done");
  co_return value;
}

Task<std::string> Word(int64_t ms, std::string word) {
  co_await sleep(ms);
  co_return word;
}

Task<void> FirstOfThree(Log& log, Loop& loop) {
  std::variant<int64_t, std::string, Unit> r =
      co_await select(After(50, 1, log, "slow"), Word(5, "fast"), sleep(60'000));
  EXPECT_EQ(r.index(), 1u);
  EXPECT_EQ(std::get<1>(r), "fast");
  log.push_back("selected");
  EXPECT_EQ(loop.pending_timers(), 0u);  // The losers' timers are gone.
}

TEST(Select, TheFirstToFinishWinsAndTheOthersAreCancelledFirst) {
  Log log;
  Loop loop;
  BlockOn(loop, FirstOfThree(log, loop));
  EXPECT_EQ(log, (Log{"~slow", "selected"}));
}

Task<int64_t> FailAfter(int64_t ms) {
  co_await sleep(ms);
  throw RuntimeError("Ruchy.Test", "failed first");
  co_return 0;
}

Task<std::string> ErrorFirst(Log& log) {
  try {
    co_await select(After(30, 1, log, "slow"), FailAfter(1));
  } catch (const RuntimeError& e) {
    co_return e.message();
  }
  co_return "no error";
}

TEST(Select, AnErrorFinishingFirstIsReraisedAndTheOthersCancelled) {
  Log log;
  EXPECT_EQ(BlockOn(ErrorFirst(log)), "failed first");
  EXPECT_EQ(log, Log{"~slow"});
}

Task<int64_t> Immediate(int64_t v) { co_return v; }

Task<int64_t> NeverStarted(Guard guard, Log& log) {
  log.push_back("started");
  co_return 0;
}

Task<void> SynchronousWinner(Log& log) {
  auto r = co_await select(After(10, 1, log, "first"), Immediate(2), NeverStarted(Guard(log, "third"), log));
  EXPECT_EQ(r.index(), 1u);
  EXPECT_EQ(std::get<1>(r), 2);
}

TEST(Select, ATaskFinishingWithoutSuspendingWinsAndLaterOnesNeverStart) {
  Log log;
  BlockOn(SynchronousWinner(log));
  EXPECT_EQ(log, (Log{"~first", "~third"}));
}

Task<void> OverAVector(Log& log) {
  std::vector<Task<int64_t>> tasks;
  for (int64_t i = 0; i < 5; ++i) tasks.push_back(After(40 - i * 5, i * 10, log, "t" + std::to_string(i)));
  Selected<int64_t> s = co_await select(std::move(tasks));
  EXPECT_EQ(s.index, 4u);
  EXPECT_EQ(s.value, 40);
}

TEST(Select, OverAVectorOfTasks) {
  Log log;
  BlockOn(OverAVector(log));
  EXPECT_EQ(log, (Log{"t4 done", "~t4", "~t0", "~t1", "~t2", "~t3"}));
}

Task<void> OfNothing() { co_await select(std::vector<Task<int64_t>>{}); }

TEST(Select, OfNoTasksIsAMisuse) {
  try {
    BlockOn(OfNothing());
    FAIL() << "no error";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), kAsyncMisuseError);
  }
}

Task<void> SelectsForever(Log& log) {
  Guard guard(log, "selector");
  co_await select(After(60'000, 1, log, "a"), After(60'000, 2, log, "b"));
  log.push_back("never");
}

Task<void> CancelTheSelector(Log& log, Loop& loop) {
  JoinHandle<void> h = spawn(SelectsForever(log));
  co_await sleep(1);
  EXPECT_EQ(loop.pending_timers(), 2u);
  h.cancel();
  EXPECT_EQ(loop.pending_timers(), 0u);
}

TEST(Select, CancellingTheSelectingTaskCancelsEveryTask) {
  Log log;
  Loop loop;
  BlockOn(loop, CancelTheSelector(log, loop));
  EXPECT_EQ(log, (Log{"~a", "~b", "~selector"}));
}

Task<void> SelectVoid() {
  auto r = co_await select(sleep(20), sleep(1));
  EXPECT_EQ(r.index(), 1u);
}

TEST(Select, UnitTasks) { BlockOn(SelectVoid()); }

Task<int64_t> SelectOfSelect(Log& log) {
  auto inner = select(After(30, 1, log, "inner slow"), After(2, 2, log, "inner fast"));
  auto r = co_await select(std::move(inner), After(10, 3, log, "outer"));
  co_return std::get<1>(std::get<0>(r));
}

TEST(Select, Nests) {
  Log log;
  EXPECT_EQ(BlockOn(SelectOfSelect(log)), 2);
  EXPECT_EQ(log, (Log{"inner fast done", "~inner fast", "~inner slow", "~outer"}));
}

}  // namespace
}  // namespace rt
