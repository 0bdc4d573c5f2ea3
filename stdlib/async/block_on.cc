#include "stdlib/async/block_on.h"

#include "stdlib/async/errors.h"

namespace rt::async_internal {

void RunUntilDone(Loop& loop, MainContext& main, std::coroutine_handle<> frame) {
  if (Loop::Running() != nullptr) {
    ThrowAsyncMisuse("block_on cannot run inside a running event loop; await the task instead");
  }
  Loop::RunningScope scope(loop);
  Waiter start;
  start.handle = frame;
  start.context = &main;
  loop.Schedule(start);
  while (!main.done()) {
    if (loop.Idle()) {
      throw RuntimeError(kDeadlockError,
                         "the main task waits for something that can never happen: no task is runnable, no timer "
                         "is set and no file descriptor is waited on");
    }
    loop.RunOnce();
  }
}

}  // namespace rt::async_internal
