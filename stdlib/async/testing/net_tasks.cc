#include "stdlib/async/testing/net_tasks.h"

#include <errno.h>

#include "stdlib/async/readiness.h"
#include "stdlib/async/spawn.h"
#include "stdlib/async/sys/net.h"

namespace rt::testing {
namespace {

// Echo buffer per connection. Inside the frame, so the frame cache recycles it with the frame.
constexpr int64_t kEchoBufferBytes = 16 * 1024;

}  // namespace

OwnedFd& OwnedFd::operator=(OwnedFd&& other) noexcept {
  if (this != &other) {
    Reset();
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

void OwnedFd::Reset() {
  if (fd_ >= 0) rt_fd_close(std::exchange(fd_, -1));
}

Task<int> Connect(const char* host, int port) {
  int fd = rt_tcp_connect(host, port);
  if (fd < 0) co_return fd;
  int64_t ready = co_await writable(fd);
  int err = ready < 0 ? static_cast<int>(ready) : rt_tcp_connect_result(fd);
  if (err != 0) {
    rt_fd_close(fd);
    co_return err;
  }
  co_return fd;
}

Task<int> Accept(int listen_fd) {
  while (true) {
    int fd = rt_tcp_accept(listen_fd);
    if (fd != -EAGAIN) co_return fd;
    int64_t ready = co_await readable(listen_fd);
    if (ready < 0) co_return static_cast<int>(ready);
  }
}

// Wait, then read: the wait completes at once when the loop knows the fd is readable, and saves
// a read that would only say EAGAIN when it knows it is not.
Task<int64_t> ReadSome(int fd, uint8_t* buf, int64_t len) {
  while (true) {
    int64_t ready = co_await readable(fd);
    if (ready < 0) co_return ready;
    int64_t n = rt_fd_read(fd, buf, len);
    if (n != -EAGAIN) co_return n;
  }
}

Task<int64_t> ReadExact(int fd, uint8_t* buf, int64_t len) {
  int64_t done = 0;
  while (done < len) {
    int64_t n = co_await ReadSome(fd, buf + done, len - done);
    if (n < 0) co_return n;
    if (n == 0) break;
    done += n;
  }
  co_return done;
}

Task<int64_t> WriteAll(int fd, const uint8_t* buf, int64_t len) {
  int64_t done = 0;
  while (done < len) {
    int64_t n = rt_fd_write(fd, buf + done, len - done);
    if (n == -EAGAIN) {
      int64_t ready = co_await writable(fd);
      if (ready < 0) co_return ready;
      continue;
    }
    if (n < 0) co_return n;
    done += n;
  }
  co_return len;
}

Task<void> EchoConnection(OwnedFd fd) {
  uint8_t buf[kEchoBufferBytes];
  while (true) {
    int64_t n = co_await ReadSome(fd.get(), buf, sizeof(buf));
    if (n <= 0) co_return;
    if (co_await WriteAll(fd.get(), buf, n) < 0) co_return;
  }
}

Task<void> EchoServer(int listen_fd) {
  while (true) {
    int fd = co_await Accept(listen_fd);
    if (fd < 0) {
      if (fd == -EBADF || fd == -EINVAL) co_return;  // The listener was closed.
      continue;                                      // The peer gave up before we accepted.
    }
    spawn(EchoConnection(OwnedFd(fd)));
  }
}

}  // namespace rt::testing
