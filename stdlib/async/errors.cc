#include "stdlib/async/errors.h"

#include "stdlib/async/task.h"

namespace rt {

void ThrowCancelled() { throw RuntimeError(kCancelledError, "the task was cancelled"); }

void ThrowTimeout(int64_t ms) {
  throw RuntimeError(kTimeoutError, "timed out after " + std::to_string(ms) + " ms");
}

void ThrowAsyncMisuse(std::string message) { throw RuntimeError(kAsyncMisuseError, std::move(message)); }

}  // namespace rt

namespace rt::async_internal {

void ThrowAwaitedTwice() {
  ThrowAsyncMisuse("a task can be awaited once; this one was already awaited, spawned or moved away");
}

}  // namespace rt::async_internal
