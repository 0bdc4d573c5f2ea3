// File: stdlib/async/internal/list.h
//
// An intrusive, circular, doubly-linked list. The event loop keeps everything it must find again
// (suspended waiters, spawned tasks) in lists like this one, so that waiting, waking and
// cancelling never allocate, and an object removes itself in O(1) from whatever list holds it
// when it is destroyed (a cancelled task's frame takes its waiters out of the loop on the way).
//
// A type joins a list by deriving from ListNode<Tag>; one Tag per list it can be in at once.
#ifndef STDLIB_ASYNC_INTERNAL_LIST_H_
#define STDLIB_ASYNC_INTERNAL_LIST_H_

#include <cstddef>

namespace rt::async_internal {

template <class Tag>
class ListNode {
 public:
  ListNode() = default;
  ListNode(const ListNode&) = delete;
  ListNode& operator=(const ListNode&) = delete;
  ~ListNode() { Unlink(); }

  bool linked() const { return next_ != nullptr; }

  // Leaves the list holding this node, if any.
  void Unlink() {
    if (next_ == nullptr) return;
    prev_->next_ = next_;
    next_->prev_ = prev_;
    prev_ = next_ = nullptr;
  }

 private:
  template <class T, class U>
  friend class List;
  ListNode* prev_ = nullptr;
  ListNode* next_ = nullptr;
};

// A list of T, which derives from ListNode<Tag>. Not movable: nodes point at its sentinel.
template <class T, class Tag = T>
class List {
 public:
  using Node = ListNode<Tag>;

  List() { head_.prev_ = head_.next_ = &head_; }
  List(const List&) = delete;
  List& operator=(const List&) = delete;
  ~List() { Clear(); }

  bool empty() const { return head_.next_ == &head_; }

  std::size_t size() const {
    std::size_t n = 0;
    for (const Node* p = head_.next_; p != &head_; p = p->next_) ++n;
    return n;
  }

  void PushBack(T& item) {
    Node& node = item;
    node.Unlink();
    node.prev_ = head_.prev_;
    node.next_ = &head_;
    head_.prev_->next_ = &node;
    head_.prev_ = &node;
  }

  T* Front() { return empty() ? nullptr : static_cast<T*>(head_.next_); }

  // Removes and returns the first item, or null.
  T* PopFront() {
    if (empty()) return nullptr;
    Node* node = head_.next_;
    node->Unlink();
    return static_cast<T*>(node);
  }

  // Moves every item of OTHER to the end of this list, in order.
  void TakeAll(List& other) {
    while (T* item = other.PopFront()) PushBack(*item);
  }

  // Unlinks every item (the items themselves live on).
  void Clear() {
    while (PopFront() != nullptr) {
    }
  }

 private:
  // The sentinel: linked to itself when the list is empty (its own Unlink is then harmless).
  Node head_;
};

}  // namespace rt::async_internal

#endif  // STDLIB_ASYNC_INTERNAL_LIST_H_
