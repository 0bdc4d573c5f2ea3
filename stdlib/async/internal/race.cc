#include "stdlib/async/internal/race.h"

#include <utility>

namespace rt::async_internal {

std::coroutine_handle<> RaceBranch::OnTaskDone() noexcept { return race_->BranchDone(index_); }

Race::Race(RaceBranch* branches, std::size_t count) : branches_(branches), count_(count) {
  for (std::size_t i = 0; i < count; ++i) {
    branches[i].race_ = this;
    branches[i].index_ = i;
  }
}

Race::~Race() { DestroyAllBut(kNoWinner); }

bool Race::Start(std::coroutine_handle<> awaiting, TaskContext* context) {
  awaiting_ = awaiting;
  starting_ = true;
  for (std::size_t i = 0; i < count_ && winner_ == kNoWinner; ++i) {
    RaceBranch& b = branches_[i];
    b.promise->Bind(context, static_cast<Completion*>(&b));
    b.frame.resume();  // Runs until its first suspension, or to its end.
  }
  starting_ = false;
  if (winner_ == kNoWinner) return true;
  DestroyAllBut(winner_);
  return false;
}

std::coroutine_handle<> Race::BranchDone(std::size_t index) noexcept {
  winner_ = index;
  if (starting_) return std::noop_coroutine();  // Start() sees it and does not suspend.
  DestroyAllBut(index);
  return awaiting_;
}

void Race::DestroyAllBut(std::size_t keep) noexcept {
  for (std::size_t i = 0; i < count_; ++i) {
    if (i != keep && branches_[i].frame) DestroyFrame(std::exchange(branches_[i].frame, {}), *branches_[i].promise);
  }
}

}  // namespace rt::async_internal
