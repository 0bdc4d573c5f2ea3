// File: tools/emulator/recent_ids.h
//
// A set of the last N request ids added: enough to answer a late or repeated /response the way
// Lambda does (410, 403) without keeping every id of a long run.
#ifndef TOOLS_EMULATOR_RECENT_IDS_H_
#define TOOLS_EMULATOR_RECENT_IDS_H_

#include <cstddef>
#include <deque>
#include <set>
#include <string>

namespace lambda::emulator {

class RecentIds {
 public:
  explicit RecentIds(std::size_t capacity) : capacity_(capacity) {}

  void Add(const std::string& id) {
    if (!ids_.insert(id).second) return;
    order_.push_back(id);
    if (order_.size() > capacity_) {
      ids_.erase(order_.front());
      order_.pop_front();
    }
  }
  bool Contains(const std::string& id) const { return ids_.count(id) > 0; }

 private:
  std::size_t capacity_;
  std::set<std::string> ids_;
  std::deque<std::string> order_;
};

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_RECENT_IDS_H_
