#include "stdlib/async/internal/timer_heap.h"

namespace rt::async_internal {

TimerNode::~TimerNode() { Disarm(); }

void TimerNode::Disarm() {
  if (heap_ != nullptr) heap_->Remove(*this);
}

TimerHeap::~TimerHeap() {
  for (TimerNode* node : nodes_) node->heap_ = nullptr;
}

bool TimerHeap::Before(const TimerNode* a, const TimerNode* b) {
  if (a->deadline_ns_ != b->deadline_ns_) return a->deadline_ns_ < b->deadline_ns_;
  return a->sequence_ < b->sequence_;
}

void TimerHeap::Place(std::size_t index, TimerNode* node) {
  nodes_[index] = node;
  node->index_ = index;
}

void TimerHeap::SiftUp(std::size_t index) {
  TimerNode* node = nodes_[index];
  while (index > 0) {
    std::size_t parent = (index - 1) / 2;
    if (!Before(node, nodes_[parent])) break;
    Place(index, nodes_[parent]);
    index = parent;
  }
  Place(index, node);
}

void TimerHeap::SiftDown(std::size_t index) {
  TimerNode* node = nodes_[index];
  const std::size_t n = nodes_.size();
  while (true) {
    std::size_t child = 2 * index + 1;
    if (child >= n) break;
    if (child + 1 < n && Before(nodes_[child + 1], nodes_[child])) ++child;
    if (!Before(nodes_[child], node)) break;
    Place(index, nodes_[child]);
    index = child;
  }
  Place(index, node);
}

void TimerHeap::Add(TimerNode& node, int64_t deadline_ns) {
  if (node.heap_ != nullptr) node.heap_->Remove(node);
  node.deadline_ns_ = deadline_ns;
  node.sequence_ = next_sequence_++;
  node.heap_ = this;
  nodes_.push_back(&node);
  SiftUp(nodes_.size() - 1);
}

void TimerHeap::Remove(TimerNode& node) {
  if (node.heap_ != this) return;
  std::size_t index = node.index_;
  node.heap_ = nullptr;
  TimerNode* last = nodes_.back();
  nodes_.pop_back();
  if (last == &node) return;
  Place(index, last);
  // The moved node may belong above or below its new place.
  if (index > 0 && Before(last, nodes_[(index - 1) / 2])) {
    SiftUp(index);
  } else {
    SiftDown(index);
  }
}

TimerNode* TimerHeap::PopDue(int64_t now_ns, uint64_t sequence_limit) {
  if (nodes_.empty()) return nullptr;
  TimerNode* first = nodes_.front();
  if (first->deadline_ns_ > now_ns || first->sequence_ >= sequence_limit) return nullptr;
  Remove(*first);
  return first;
}

}  // namespace rt::async_internal
