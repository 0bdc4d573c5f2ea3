// File: stdlib/async/readiness.h
//
// Waiting for a file descriptor on the task's loop: `await readable(fd)`, `await writable(fd)`.
// This is what non-blocking I/O in Ruchy (TcpStream, TcpListener) is built from, over the C
// primitives of sys/net.h:
//
//   loop:                                   // read some bytes
//     r = await readable(fd)                // 0, or -errno if fd cannot be waited on
//     if r < 0: return r
//     n = rt_fd_read(fd, buf, len)
//     if n != -EAGAIN: return n             // data, 0 at end of stream, or -errno
//
// - The result is 0 when the fd is ready, or may be: EPOLLHUP and EPOLLERR count as ready (the
//   next read or write reports the end or the error). -EBADF if the fd was closed with rt_fd_close
//   while waited on (by another task), or is not open; -EPERM for fds epoll cannot wait on
//   (regular files: just read them).
// - The loop remembers what it knows: an fd is ready after an edge (epoll, edge-triggered) until
//   a primitive of sys/net.h reports EAGAIN, a short read or a short write on it (which show a
//   stream drained or full, epoll(7)). A wait on an fd known ready completes at once, without
//   suspending. So waiting first and then reading, as above, costs nothing when data is there
//   and saves a read that would only say EAGAIN when it is not. Trying the operation first and
//   waiting after EAGAIN is correct too. Never read an fd the loop waits on with plain read(2)
//   and then wait on it: the loop would not know it was drained (the wait completes at once, the
//   read says EAGAIN, the next wait blocks properly: one wasted round, never a lost wake-up).
// - Close fds the loop has waited on with rt_fd_close (it tells the loop); fds created by
//   sys/net.h reuse numbers safely even after a plain close().
// - An fd belongs to one loop at a time: wait on it only from tasks of one loop.
// - Several tasks may wait on the same fd and direction; all wake.
// - A cancelled waiting task leaves no registration behind.
#ifndef STDLIB_ASYNC_READINESS_H_
#define STDLIB_ASYNC_READINESS_H_

#include <coroutine>
#include <cstdint>

#include "stdlib/async/internal/poller.h"
#include "stdlib/async/loop.h"
#include "stdlib/async/task.h"

namespace rt {

class ReadinessAwaiter {
 public:
  ReadinessAwaiter(int fd, async_internal::Direction direction) : fd_(fd), direction_(direction) {}
  ReadinessAwaiter(const ReadinessAwaiter&) = delete;
  ReadinessAwaiter& operator=(const ReadinessAwaiter&) = delete;
  ~ReadinessAwaiter() {
    if (poller_ != nullptr) poller_->Abandon(waiter_);
  }

  bool await_ready() const noexcept { return false; }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> awaiting) {
    return Register(awaiting, awaiting.promise().context());
  }
  int await_resume() const noexcept { return poller_ != nullptr ? waiter_.result : immediate_result_; }

 private:
  bool Register(std::coroutine_handle<> awaiting, async_internal::TaskContext* context);

  int fd_;
  async_internal::Direction direction_;
  async_internal::Poller* poller_ = nullptr;  // Set while (or after) queued on the fd.
  int immediate_result_ = 0;
  async_internal::Waiter waiter_;
};

inline ReadinessAwaiter WaitReadable(int fd) { return ReadinessAwaiter(fd, async_internal::Direction::kRead); }
inline ReadinessAwaiter WaitWritable(int fd) { return ReadinessAwaiter(fd, async_internal::Direction::kWrite); }

// Ruchy forms: tasks returning 0 or -errno.
Task<int64_t> readable(int64_t fd);
Task<int64_t> writable(int64_t fd);

}  // namespace rt

#endif  // STDLIB_ASYNC_READINESS_H_
