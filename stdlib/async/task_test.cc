// rt::Task on its own: values, errors through co_await, laziness, frame destruction.
#include "stdlib/async/task.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "stdlib/async/block_on.h"

namespace rt {
namespace {

Task<int64_t> Value(int64_t v) { co_return v; }

Task<int64_t> Sum() {
  int64_t a = co_await Value(20);
  int64_t b = co_await Value(22);
  co_return a + b;
}

TEST(Task, AwaitYieldsValues) { EXPECT_EQ(BlockOn(Sum()), 42); }

Task<std::string> Fails() {
  throw RuntimeError("Ruchy.Test", "boom");
  co_return "";
}

Task<std::string> Relays() { co_return co_await Fails() + "never"; }

TEST(Task, ErrorsPropagateThroughAwait) {
  try {
    BlockOn(Relays());
    FAIL() << "no error";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), "Ruchy.Test");
    EXPECT_EQ(e.message(), "boom");
  }
}

Task<int64_t> Catches() {
  try {
    co_await Fails();
  } catch (const RuntimeError& e) {
    co_return static_cast<int64_t>(e.message().size());
  }
  co_return -1;
}

TEST(Task, ErrorsCanBeCaughtByTheAwaiter) { EXPECT_EQ(BlockOn(Catches()), 4); }

Task<void> Appends(std::vector<std::string>& log, std::string what) {
  log.push_back(what);
  co_return;
}

TEST(Task, IsLazy) {
  std::vector<std::string> log;
  Task<void> t = Appends(log, "ran");
  EXPECT_TRUE(log.empty());
  BlockOn(std::move(t));
  EXPECT_EQ(log, std::vector<std::string>{"ran"});
}

struct Tracker {
  int* destroyed;
  explicit Tracker(int* d) : destroyed(d) {}
  Tracker(Tracker&& o) noexcept : destroyed(std::exchange(o.destroyed, nullptr)) {}
  ~Tracker() {
    if (destroyed) ++*destroyed;
  }
};

Task<void> HoldsTracker(Tracker t) { co_return; }

TEST(Task, DestroyingAnUnstartedTaskDestroysItsParameters) {
  int destroyed = 0;
  {
    Task<void> t = HoldsTracker(Tracker(&destroyed));
    EXPECT_EQ(destroyed, 0);
  }
  EXPECT_EQ(destroyed, 1);
}

Task<void> Twice() {
  Task<int64_t> t = Value(1);
  co_await t;
  co_await t;
}

TEST(Task, AwaitingTwiceIsAMisuse) {
  try {
    BlockOn(Twice());
    FAIL() << "no error";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), kAsyncMisuseError);
  }
}

TEST(Task, UnitTask) {
  std::vector<std::string> log;
  BlockOn(Appends(log, "unit"));
  EXPECT_EQ(log.size(), 1u);
}

}  // namespace
}  // namespace rt
