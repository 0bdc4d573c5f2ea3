// SIGTERM reaches every loop that waits for it, on every thread, and does not end the process.
#include "stdlib/async/sys/sigterm.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "gtest/gtest.h"
#include "stdlib/async/async.h"

namespace rt {
namespace {

std::atomic<int> g_woken{0};

Task<void> WaitThenCount() {
  co_await wait_sigterm();
  g_woken.fetch_add(1);
}

TEST(Sigterm, WakesTheLoopsOfTwoThreadsAndTheProcessGoesOn) {
  ASSERT_GE(rt_sigterm_fd(), 0);
  EXPECT_EQ(rt_sigterm_received(), 0);
  std::thread a([] { BlockOn(WaitThenCount()); });
  std::thread b([] { BlockOn(WaitThenCount()); });
  // Whether the loops are already waiting or not, the fd stays readable once signalled.
  ASSERT_EQ(kill(getpid(), SIGTERM), 0);
  a.join();
  b.join();
  EXPECT_EQ(g_woken.load(), 2);
  EXPECT_EQ(rt_sigterm_received(), 1);
  // Later waits complete at once.
  BlockOn(WaitThenCount());
  EXPECT_EQ(g_woken.load(), 3);
}

}  // namespace
}  // namespace rt
