#include "stdlib/async/readiness.h"

#include <errno.h>

#include <limits>

namespace rt {

bool ReadinessAwaiter::Register(std::coroutine_handle<> awaiting, async_internal::TaskContext* context) {
  async_internal::Poller& poller = context->loop().poller();
  waiter_.handle = awaiting;
  waiter_.context = context;
  int r = poller.Wait(fd_, direction_, waiter_);
  if (r != 0) {
    immediate_result_ = r > 0 ? 0 : r;
    return false;  // Ready now, or cannot wait: do not suspend.
  }
  poller_ = &poller;
  return true;
}

namespace {
int CheckedFd(int64_t fd) {
  return fd < 0 || fd > std::numeric_limits<int>::max() ? -1 : static_cast<int>(fd);
}
}  // namespace

Task<int64_t> readable(int64_t fd) { co_return co_await WaitReadable(CheckedFd(fd)); }
Task<int64_t> writable(int64_t fd) { co_return co_await WaitWritable(CheckedFd(fd)); }

}  // namespace rt
