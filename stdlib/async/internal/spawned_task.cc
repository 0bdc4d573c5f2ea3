#include "stdlib/async/internal/spawned_task.h"

#include <cstdio>
#include <string>

#include "stdlib/async/loop.h"

namespace rt::async_internal {

SpawnedTask::SpawnedTask(Loop& loop, std::coroutine_handle<> frame, PromiseBase& promise) : TaskContext(loop) {
  promise.Bind(this, static_cast<Completion*>(this));
  start_.handle = frame;
  start_.context = this;
  loop.AdoptTask(*this);
  loop.Schedule(start_);
}

void SpawnedTask::Unref() noexcept {
  if (--refs_ > 0) return;
  ReportIfUnobserved();
  delete this;
}

void SpawnedTask::Cancel() noexcept {
  if (state_ != State::kRunning || loop_ == nullptr) return;
  if (loop_->running() == this) {
    cancel_requested_ = true;
    loop_->Defer(*this);
    return;
  }
  DestroyCancelled();
}

std::coroutine_handle<> SpawnedTask::OnTaskDone() noexcept {
  state_ = State::kDone;
  ListNode<LiveTag>::Unlink();
  loop_->Defer(*this);
  if (joiner != nullptr) loop_->Schedule(*joiner);
  return std::noop_coroutine();
}

void SpawnedTask::RunDeferred() noexcept {
  if (state_ == State::kRunning) {
    if (cancel_requested_) DestroyCancelled();
    return;
  }
  if (state_ == State::kDone && !reaped_) {
    reaped_ = true;
    ReapFrame();
    Unref();  // The loop's claim: the frame is gone.
  }
}

void SpawnedTask::DestroyCancelled() noexcept {
  if (state_ != State::kRunning) return;
  state_ = State::kCancelled;
  reaped_ = true;
  start_.Unlink();
  ListNode<LiveTag>::Unlink();
  // Keep this block alive through the cleanup, which may drop the last join handle.
  ++refs_;
  DestroyFrame();
  if (joiner != nullptr && loop_ != nullptr) loop_->Schedule(*joiner);
  --refs_;
  Unref();  // The loop's claim.
}

void SpawnedTask::ReportIfUnobserved() noexcept {
  if (state_ != State::kDone || outcome_taken_) return;
  std::exception_ptr failure = Failure();
  if (!failure) return;
  std::string type = "UnknownError", message = "a task failed with something that is not a std::exception";
  try {
    std::rethrow_exception(failure);
  } catch (const RuntimeError& e) {
    type = e.type();
    message = e.message();
  } catch (const std::exception& e) {
    type = "std::exception";
    message = e.what();
  } catch (...) {
  }
  if (loop_ != nullptr) {
    loop_->ReportUnobservedError(type, message);
  } else {
    std::fprintf(stderr, "rt: unobserved task error: %s: %s\n", type.c_str(), message.c_str());
  }
}

}  // namespace rt::async_internal
