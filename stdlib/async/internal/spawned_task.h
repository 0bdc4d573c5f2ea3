// File: stdlib/async/internal/spawned_task.h
//
// The control block of a spawned task (spawn.h): the root frame, its result once reaped, the
// join handle's and the loop's claims on it, and its state. Allocated from the frame cache.
//
// Life: kRunning from spawn until the frame finishes (kDone) or is destroyed by cancellation
// (kCancelled). Owned by reference count: the join handle, a task joining it, and the loop while
// the frame exists. A finished frame is destroyed ("reaped", its result moved here) right after
// the task last suspended, never from inside its own final suspension.
#ifndef STDLIB_ASYNC_INTERNAL_SPAWNED_TASK_H_
#define STDLIB_ASYNC_INTERNAL_SPAWNED_TASK_H_

#include <coroutine>
#include <cstdint>
#include <exception>
#include <optional>
#include <utility>

#include "stdlib/async/internal/list.h"
#include "stdlib/async/internal/waiter.h"
#include "stdlib/async/task.h"

namespace rt::async_internal {

struct LiveTag {};      // In Loop::live_ while kRunning.
struct AllTag {};       // In Loop::all_ until freed or the loop is gone.
struct DeferredTag {};  // In Loop::deferred_ while it has work for after the current task.

class SpawnedTask : public TaskContext,
                    public Completion,
                    public ListNode<LiveTag>,
                    public ListNode<AllTag>,
                    public ListNode<DeferredTag> {
 public:
  enum class State : uint8_t { kRunning, kDone, kCancelled };

  static void* operator new(std::size_t size) { return AllocateFrame(size); }
  static void operator delete(void* p, std::size_t size) noexcept { FreeFrame(p, size); }

  State state() const { return state_; }
  bool finished() const { return state_ != State::kRunning; }

  // JoinHandle::cancel. No effect once finished. If the task is the one running now (it cancels
  // itself), it is destroyed when it next suspends; otherwise at once.
  void Cancel() noexcept;

  void Ref() { ++refs_; }
  void Unref() noexcept;

  // The joining task's waiter, scheduled when the task finishes.
  Waiter* joiner = nullptr;

  // ---- For the loop. ----
  std::coroutine_handle<> OnTaskDone() noexcept override;
  // Work left for after the running task suspended: reap a finished frame, or honour a
  // cancellation the task asked for itself.
  void RunDeferred() noexcept;
  // Destroys the frame (cleanup runs) and ends in kCancelled. No effect once finished.
  void DestroyCancelled() noexcept;
  void LoopGone() { loop_ = nullptr; }

 protected:
  SpawnedTask(Loop& loop, std::coroutine_handle<> frame, PromiseBase& promise);
  virtual ~SpawnedTask() = default;

  // Moves the outcome out of the finished frame and destroys the frame.
  virtual void ReapFrame() noexcept = 0;
  // Destroys the (suspended, unfinished) frame.
  virtual void DestroyFrame() noexcept = 0;
  // The error the task failed with, if it did (after ReapFrame).
  virtual std::exception_ptr Failure() const = 0;

  bool outcome_taken_ = false;

 private:
  void ReportIfUnobserved() noexcept;

  Waiter start_;
  State state_ = State::kRunning;
  bool cancel_requested_ = false;
  bool reaped_ = false;
  int refs_ = 2;  // The join handle and the loop.
};

template <class T>
class SpawnState final : public SpawnedTask {
 public:
  SpawnState(Loop& loop, Task<T> task) : SpawnedTask(loop, task.handle(), task.handle().promise()), task_(std::move(task)) {}

  // The joined outcome: the value (once), or the error re-raised; Cancelled if cancelled.
  T TakeOutcome() {
    if (state() == State::kCancelled) ThrowCancelled();
    if (outcome_taken_) ThrowAsyncMisuse("a spawned task's result can be awaited once; it was already joined");
    outcome_taken_ = true;
    if (error_) std::rethrow_exception(error_);
    if constexpr (!std::is_void_v<T>) return std::move(*value_);
  }

 private:
  void ReapFrame() noexcept override {
    auto& promise = task_.handle().promise();
    if (promise.failed()) {
      error_ = promise.error();
    } else if constexpr (!std::is_void_v<T>) {
      value_.emplace(promise.TakeValue());
    }
    task_.Reset();
  }
  void DestroyFrame() noexcept override { task_.Reset(); }
  std::exception_ptr Failure() const override { return error_; }

  Task<T> task_;
  std::exception_ptr error_;
  std::optional<ValueOfT<T>> value_;
};

}  // namespace rt::async_internal

#endif  // STDLIB_ASYNC_INTERNAL_SPAWNED_TASK_H_
