// Generated programs: tasks that, driven by a seeded random generator, sleep, await children,
// spawn, join and cancel each other (themselves included), race in select and timeout, wait on
// sockets and fail. Whatever happens, every object a task frame held must be destroyed exactly
// once, and the loop must hold nothing at the end; ASan and UBSan watch the rest
// (`bazel test --config=asan`).
#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "stdlib/async/async.h"

namespace rt {
namespace {

constexpr int kSeeds = 24;
constexpr int kRootTasks = 12;
constexpr int kMaxDepth = 4;
constexpr int64_t kRunMs = 60;

struct World {
  std::mt19937_64 rng;
  std::vector<JoinHandle<int64_t>> handles;  // Outlive the loop: dropped after it is gone.
  int64_t alive = 0;
  int64_t made = 0;
  int64_t errors_seen = 0;
  int sockets[2] = {-1, -1};

  uint64_t Pick(uint64_t n) { return rng() % n; }
};

// Counts itself in and out of the world: a leak or a double destruction shows in `alive`.
class Counted {
 public:
  explicit Counted(World& w) : world_(&w) {
    ++w.alive;
    ++w.made;
  }
  Counted(Counted&& other) noexcept : world_(std::exchange(other.world_, nullptr)) {}
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;
  ~Counted() {
    if (world_ != nullptr) --world_->alive;
  }

 private:
  World* world_;
};

Task<int64_t> Worker(World& w, int depth, Counted argument);

Task<int64_t> Step(World& w, int depth) {
  switch (w.Pick(depth > 0 ? 10 : 5)) {
    case 0:
      co_await sleep(static_cast<int64_t>(w.Pick(4)));
      co_return 1;
    case 1:
      if (w.Pick(4) == 0) throw RuntimeError("Chaos.Failure", "a generated failure");
      co_return 2;
    case 2:
      if (!w.handles.empty()) w.handles[w.Pick(w.handles.size())].cancel();
      co_return 3;
    case 3: {
      if (w.handles.empty()) co_return 0;
      JoinHandle<int64_t>& h = w.handles[w.Pick(w.handles.size())];
      co_return co_await h;  // May be itself, may be joined already: errors are fine.
    }
    case 4: {
      char c;
      int64_t n = rt_fd_read(w.sockets[0], &c, 1);
      if (n == -EAGAIN) co_return co_await timeout(static_cast<int64_t>(w.Pick(3)), readable(w.sockets[0]));
      co_return n;
    }
    case 5:
      co_return co_await Worker(w, depth - 1, Counted(w));
    case 6:
      w.handles.push_back(spawn(Worker(w, depth - 1, Counted(w))));
      co_return 6;
    case 7: {
      auto r = co_await select(Worker(w, depth - 1, Counted(w)), Worker(w, depth - 1, Counted(w)));
      co_return static_cast<int64_t>(r.index());
    }
    case 8:
      co_return co_await timeout(static_cast<int64_t>(w.Pick(5)), Worker(w, depth - 1, Counted(w)));
    default:
      EXPECT_EQ(rt_fd_write(w.sockets[1], "x", 1), 1);
      co_return 9;
  }
}

Task<int64_t> Worker(World& w, int depth, Counted argument) {
  Counted local(w);
  int64_t sum = 0;
  const uint64_t steps = 1 + w.Pick(6);
  for (uint64_t i = 0; i < steps; ++i) {
    try {
      sum += co_await Step(w, depth);
    } catch (const RuntimeError&) {
      ++w.errors_seen;
    }
  }
  co_return sum;
}

Task<void> Main(World& w) {
  for (int i = 0; i < kRootTasks; ++i) w.handles.push_back(spawn(Worker(w, kMaxDepth, Counted(w))));
  co_await sleep(kRunMs);
}

TEST(Chaos, EveryFrameIsCleanedUpExactlyOnce) {
  int64_t total_made = 0;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    World w;
    w.rng.seed(seed);
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, w.sockets), 0);
    {
      Loop::Options options;
      options.on_unobserved_error = [](std::string_view, std::string_view) {};
      Loop loop(options);
      BlockOn(loop, Main(w));
      EXPECT_GT(w.made, 0) << "seed " << seed;
    }  // The loop cancels every task still alive.
    EXPECT_EQ(w.alive, 0) << "seed " << seed << ": frames leaked or destroyed twice";
    for (auto& h : w.handles) EXPECT_TRUE(h.is_finished()) << "seed " << seed;
    w.handles.clear();  // Handles outliving their loop go quietly.
    total_made += w.made;
    close(w.sockets[0]);
    close(w.sockets[1]);
  }
  EXPECT_GT(total_made, kSeeds * kRootTasks);
}

}  // namespace
}  // namespace rt
