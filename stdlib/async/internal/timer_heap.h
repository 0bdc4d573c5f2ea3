// File: stdlib/async/internal/timer_heap.h
//
// The loop's timers: a binary min-heap of TimerNodes ordered by (deadline, arrival), so timers
// that fall due together fire in the order they were set. Each node records its index in the
// heap and removes itself when destroyed (a cancelled sleep leaves no timer behind). The heap
// stores pointers in a vector that only grows, so a steady program sets timers without
// allocating.
#ifndef STDLIB_ASYNC_INTERNAL_TIMER_HEAP_H_
#define STDLIB_ASYNC_INTERNAL_TIMER_HEAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "stdlib/async/internal/waiter.h"

namespace rt::async_internal {

class TimerHeap;

class TimerNode {
 public:
  TimerNode() = default;
  TimerNode(const TimerNode&) = delete;
  TimerNode& operator=(const TimerNode&) = delete;
  ~TimerNode();

  bool armed() const { return heap_ != nullptr; }
  // Takes the timer out of its heap, if armed.
  void Disarm();
  int64_t deadline_ns() const { return deadline_ns_; }

  // What the loop resumes when the timer fires.
  Waiter waiter;

 private:
  friend class TimerHeap;
  int64_t deadline_ns_ = 0;
  uint64_t sequence_ = 0;
  std::size_t index_ = 0;
  TimerHeap* heap_ = nullptr;
};

class TimerHeap {
 public:
  TimerHeap() = default;
  TimerHeap(const TimerHeap&) = delete;
  TimerHeap& operator=(const TimerHeap&) = delete;
  ~TimerHeap();

  bool empty() const { return nodes_.empty(); }
  std::size_t size() const { return nodes_.size(); }

  // Arms NODE (disarming it first if armed) to fire at DEADLINE_NS (CLOCK_MONOTONIC).
  void Add(TimerNode& node, int64_t deadline_ns);
  void Remove(TimerNode& node);

  // The earliest deadline; only when not empty.
  int64_t NextDeadline() const { return nodes_.front()->deadline_ns_; }
  // The sequence number the next Add will get: timers added from now on have one at least this.
  uint64_t next_sequence() const { return next_sequence_; }

  // Disarms the earliest timer if it is due at NOW_NS and was added before SEQUENCE_LIMIT, and
  // returns it; null otherwise.
  TimerNode* PopDue(int64_t now_ns, uint64_t sequence_limit);

 private:
  static bool Before(const TimerNode* a, const TimerNode* b);
  void Place(std::size_t index, TimerNode* node);
  void SiftUp(std::size_t index);
  void SiftDown(std::size_t index);

  std::vector<TimerNode*> nodes_;
  uint64_t next_sequence_ = 0;
};

}  // namespace rt::async_internal

#endif  // STDLIB_ASYNC_INTERNAL_TIMER_HEAP_H_
