// The timer heap against a plain reference model, with random adds, removals and pops.
#include "stdlib/async/internal/timer_heap.h"

#include <algorithm>
#include <memory>
#include <random>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace rt::async_internal {
namespace {

TEST(TimerHeap, PopsInDeadlineThenArrivalOrder) {
  TimerHeap heap;
  TimerNode a, b, c, d;
  heap.Add(a, 30);
  heap.Add(b, 10);
  heap.Add(c, 30);
  heap.Add(d, 20);
  std::vector<TimerNode*> order;
  while (TimerNode* n = heap.PopDue(100, heap.next_sequence())) order.push_back(n);
  EXPECT_EQ(order, (std::vector<TimerNode*>{&b, &d, &a, &c}));
  EXPECT_TRUE(heap.empty());
}

TEST(TimerHeap, PopDueRespectsNowAndTheSequenceLimit) {
  TimerHeap heap;
  TimerNode early, late;
  heap.Add(early, 5);
  const uint64_t limit = heap.next_sequence();
  heap.Add(late, 1);  // Due, but added after the limit was taken.
  EXPECT_EQ(heap.PopDue(4, limit), nullptr);  // Nothing due at 4 that was added before the limit.
  EXPECT_EQ(heap.PopDue(10, heap.next_sequence()), &late);
  EXPECT_EQ(heap.PopDue(10, limit), &early);
}

TEST(TimerHeap, NodesLeaveWhenDestroyedOrReArmed) {
  TimerHeap heap;
  TimerNode kept;
  heap.Add(kept, 50);
  {
    TimerNode gone;
    heap.Add(gone, 10);
    EXPECT_EQ(heap.size(), 2u);
  }
  EXPECT_EQ(heap.size(), 1u);
  heap.Add(kept, 5);  // Re-arming moves it.
  EXPECT_EQ(heap.size(), 1u);
  EXPECT_EQ(heap.NextDeadline(), 5);
  kept.Disarm();
  EXPECT_TRUE(heap.empty());
  EXPECT_FALSE(kept.armed());
}

TEST(TimerHeap, RandomOperationsMatchAReferenceModel) {
  std::mt19937_64 rng(20240611);
  TimerHeap heap;
  std::vector<std::unique_ptr<TimerNode>> nodes(200);
  for (auto& n : nodes) n = std::make_unique<TimerNode>();
  // Reference: (deadline, sequence) of every armed node, by node index.
  std::vector<std::pair<int64_t, uint64_t>> model(nodes.size());
  std::vector<bool> armed(nodes.size(), false);
  uint64_t sequence = 0;
  for (int step = 0; step < 20000; ++step) {
    std::size_t i = rng() % nodes.size();
    switch (rng() % 3) {
      case 0: {  // Arm (or re-arm).
        int64_t deadline = static_cast<int64_t>(rng() % 1000);
        heap.Add(*nodes[i], deadline);
        model[i] = {deadline, sequence++};
        armed[i] = true;
        break;
      }
      case 1:  // Disarm.
        nodes[i]->Disarm();
        armed[i] = false;
        break;
      case 2: {  // Pop the earliest due at a random time.
        int64_t now = static_cast<int64_t>(rng() % 1000);
        std::size_t best = nodes.size();
        for (std::size_t k = 0; k < nodes.size(); ++k) {
          if (armed[k] && model[k].first <= now && (best == nodes.size() || model[k] < model[best])) best = k;
        }
        TimerNode* popped = heap.PopDue(now, heap.next_sequence());
        if (best == nodes.size()) {
          // Nothing due in the model; the heap may only hold later deadlines.
          ASSERT_EQ(popped, nullptr) << "step " << step;
        } else {
          ASSERT_EQ(popped, nodes[best].get()) << "step " << step;
          armed[best] = false;
        }
        break;
      }
    }
    ASSERT_EQ(heap.size(), static_cast<std::size_t>(std::count(armed.begin(), armed.end(), true)));
  }
}

}  // namespace
}  // namespace rt::async_internal
