// File: stdlib/async/testing/trace.h
//
// Test helpers: a log of events, and a Guard that writes to it when destroyed (to see cleanup run
// when a frame is destroyed by cancellation).
#ifndef STDLIB_ASYNC_TESTING_TRACE_H_
#define STDLIB_ASYNC_TESTING_TRACE_H_

#include <string>
#include <utility>
#include <vector>

namespace rt::testing {

using Log = std::vector<std::string>;

class Guard {
 public:
  Guard(Log& log, std::string name) : log_(&log), name_(std::move(name)) {}
  Guard(Guard&& other) noexcept : log_(std::exchange(other.log_, nullptr)), name_(std::move(other.name_)) {}
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;
  ~Guard() {
    if (log_ != nullptr) log_->push_back("~" + name_);
  }

 private:
  Log* log_;
  std::string name_;
};

}  // namespace rt::testing

#endif  // STDLIB_ASYNC_TESTING_TRACE_H_
