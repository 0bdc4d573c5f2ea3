// File: stdlib/async/testing/net_tasks.h
//
// TCP over the loop, written in C++ the way the Ruchy standard library's TcpStream will be written
// in Ruchy: the C primitives of sys/net.h plus `await readable/writable` (the Task forms, as
// generated code will call them). Tests and the benchmark use these; they are not the library's
// API (that is Ruchy code, issue 16).
#ifndef STDLIB_ASYNC_TESTING_NET_TASKS_H_
#define STDLIB_ASYNC_TESTING_NET_TASKS_H_

#include <cstdint>
#include <utility>

#include "stdlib/async/task.h"

namespace rt::testing {

// An owned fd, closed with rt_fd_close (which tells the loop) when destroyed: a cancelled task
// holding one closes its socket on the way out.
class OwnedFd {
 public:
  OwnedFd() = default;
  explicit OwnedFd(int fd) : fd_(fd) {}
  OwnedFd(OwnedFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  OwnedFd& operator=(OwnedFd&& other) noexcept;
  OwnedFd(const OwnedFd&) = delete;
  OwnedFd& operator=(const OwnedFd&) = delete;
  ~OwnedFd() { Reset(); }

  int get() const { return fd_; }
  void Reset();

 private:
  int fd_ = -1;
};

// A connection fd, or -errno.
Task<int> Connect(const char* host, int port);
// An accepted connection fd, or -errno.
Task<int> Accept(int listen_fd);
// Bytes read (> 0), 0 at the end of the stream, or -errno.
Task<int64_t> ReadSome(int fd, uint8_t* buf, int64_t len);
// LEN, or fewer if the stream ended first, or -errno.
Task<int64_t> ReadExact(int fd, uint8_t* buf, int64_t len);
// LEN, or -errno.
Task<int64_t> WriteAll(int fd, const uint8_t* buf, int64_t len);

// Echoes what it reads on FD until the peer ends the stream (then closes FD).
Task<void> EchoConnection(OwnedFd fd);
// Accepts connections on LISTEN_FD forever, spawning an EchoConnection for each.
Task<void> EchoServer(int listen_fd);

}  // namespace rt::testing

#endif  // STDLIB_ASYNC_TESTING_NET_TASKS_H_
