#include "stdlib/async/loop.h"

#include <time.h>

#include <climits>
#include <cstdio>
#include <string>

#include "stdlib/async/internal/spawned_task.h"

namespace rt {
namespace {

// The loop running on this thread. Trivially destructible and constant-initialised, so reading it
// costs a TLS load and nothing else.
thread_local Loop* t_running = nullptr;

constexpr int64_t kNsPerMs = 1'000'000;

void PrintUnobservedError(std::string_view type, std::string_view message) {
  std::fprintf(stderr, "rt: unobserved task error: %.*s: %.*s\n", static_cast<int>(type.size()), type.data(),
               static_cast<int>(message.size()), message.data());
}

}  // namespace

int64_t MonotonicNowNs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

Loop::Loop() : Loop(Options{}) {}

Loop::Loop(Options options) : options_(std::move(options)) {
  if (!options_.on_unobserved_error) options_.on_unobserved_error = PrintUnobservedError;
}

Loop::~Loop() {
  RunningScope scope(*this);  // Cleanup code may close fds (rt_fd_close asks the running loop).
  CancelAll();
  for (async_internal::SpawnedTask* t = all_.PopFront(); t != nullptr; t = all_.PopFront()) t->LoopGone();
  ready_.Clear();
}

Loop* Loop::Running() { return t_running; }

Loop::RunningScope::RunningScope(Loop& loop) : previous_(t_running) { t_running = &loop; }
Loop::RunningScope::~RunningScope() { t_running = previous_; }

std::size_t Loop::live_tasks() const { return live_.size(); }

bool Loop::Idle() const { return ready_.empty() && timers_.empty() && poller_.waiters() == 0; }

void Loop::ForgetFd(int fd) { poller_.Forget(fd, ready_); }

void Loop::AdoptTask(async_internal::SpawnedTask& task) {
  live_.PushBack(task);
  all_.PushBack(task);
}

void Loop::Defer(async_internal::SpawnedTask& task) { deferred_.PushBack(task); }

void Loop::ReportUnobservedError(std::string_view error_type, std::string_view message) {
  options_.on_unobserved_error(error_type, message);
}

void Loop::Resume(async_internal::Waiter& waiter) {
  running_ = waiter.context;
  waiter.handle.resume();
  running_ = nullptr;
  RunDeferred();
}

void Loop::RunDeferred() {
  while (async_internal::SpawnedTask* task = deferred_.PopFront()) task->RunDeferred();
}

int Loop::PollTimeoutMs(bool block) const {
  if (!block || !ready_.empty()) return 0;
  if (timers_.empty()) return -1;
  int64_t wait_ns = timers_.NextDeadline() - MonotonicNowNs();
  if (wait_ns <= 0) return 0;
  // Round up: waking before the deadline would only make the loop spin until it passes.
  int64_t wait_ms = (wait_ns + kNsPerMs - 1) / kNsPerMs;
  return wait_ms > INT_MAX ? INT_MAX : static_cast<int>(wait_ms);
}

void Loop::RunOnce(bool block) {
  ++rounds_;
  // What was runnable before this round began runs first (what becomes runnable now waits for
  // the next round), then what I/O woke, then what timers woke: asyncio's order.
  async_internal::WaiterList batch;
  batch.TakeAll(ready_);
  poller_.Poll(PollTimeoutMs(block && batch.empty()), batch);
  const int64_t now = MonotonicNowNs();
  const uint64_t timers_before = timers_.next_sequence();
  while (async_internal::TimerNode* due = timers_.PopDue(now, timers_before)) batch.PushBack(due->waiter);
  // Each waiter leaves the batch before it runs; one that is destroyed meanwhile (its task was
  // cancelled by an earlier one) has already left it.
  while (async_internal::Waiter* waiter = batch.PopFront()) Resume(*waiter);
}

void Loop::CancelAll() {
  // Oldest first; tasks spawned by cleanup code join the end of live_ and are cancelled too.
  while (async_internal::SpawnedTask* task = live_.Front()) {
    task->Ref();
    task->DestroyCancelled();
    task->Unref();
  }
  RunDeferred();
}

}  // namespace rt
