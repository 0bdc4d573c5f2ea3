// File: stdlib/async/internal/race.h
//
// The engine of select(): several task frames run concurrently for one awaiting task, and the
// first to finish wins. The branches run in the awaiting task's context (its loop; cancelling
// that task destroys the race and every branch with it). They are started in order, each until
// its first suspension; if one finishes right away the rest are never started. As soon as a
// branch finishes, the others are destroyed (their cleanup runs) before the awaiting task
// resumes.
#ifndef STDLIB_ASYNC_INTERNAL_RACE_H_
#define STDLIB_ASYNC_INTERNAL_RACE_H_

#include <coroutine>
#include <cstddef>
#include <cstdint>

#include "stdlib/async/internal/waiter.h"
#include "stdlib/async/task.h"

namespace rt::async_internal {

class Race;

// One contender: a frame the race owns, and its promise (to bind it).
class RaceBranch final : public Completion {
 public:
  std::coroutine_handle<> OnTaskDone() noexcept override;

  std::coroutine_handle<> frame;
  PromiseBase* promise = nullptr;

 private:
  friend class Race;
  Race* race_ = nullptr;
  std::size_t index_ = 0;
};

class Race {
 public:
  static constexpr std::size_t kNoWinner = SIZE_MAX;

  // BRANCHES (COUNT of them, frames set) must outlive the race.
  Race(RaceBranch* branches, std::size_t count);
  ~Race();  // Destroys every frame it still owns.
  Race(const Race&) = delete;
  Race& operator=(const Race&) = delete;

  // Starts the branches for AWAITING, which runs in CONTEXT. False if a branch finished while
  // starting (AWAITING must not suspend); true if AWAITING must wait for a branch to finish.
  bool Start(std::coroutine_handle<> awaiting, TaskContext* context);

  std::size_t winner() const { return winner_; }
  std::coroutine_handle<> winner_frame() const { return branches_[winner_].frame; }

 private:
  friend class RaceBranch;
  std::coroutine_handle<> BranchDone(std::size_t index) noexcept;
  void DestroyAllBut(std::size_t keep) noexcept;

  RaceBranch* branches_;
  std::size_t count_;
  std::size_t winner_ = kNoWinner;
  bool starting_ = false;
  std::coroutine_handle<> awaiting_;
};

}  // namespace rt::async_internal

#endif  // STDLIB_ASYNC_INTERNAL_RACE_H_
