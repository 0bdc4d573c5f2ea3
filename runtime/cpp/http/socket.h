// File: runtime/cpp/http/socket.h
//
// The few socket operations the Runtime API needs: connect to a numeric IPv4 address or
// `localhost` (no DNS library, no TLS: the API is always local), and write everything.
#ifndef RUNTIME_CPP_HTTP_SOCKET_H_
#define RUNTIME_CPP_HTTP_SOCKET_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/cpp/http/message.h"

namespace lambda::http {

// When a wait for the peer gives up. kNoDeadline: never (the Runtime API's long poll).
using Deadline = std::chrono::steady_clock::time_point;
inline constexpr Deadline kNoDeadline = Deadline::max();

// A deadline DURATION from now.
inline Deadline DeadlineIn(std::chrono::steady_clock::duration duration) {
  return std::chrono::steady_clock::now() + duration;
}

// Waits until FD is ready for EVENTS (POLLIN or POLLOUT) or DEADLINE passes: false on timeout.
// A deadline already past still takes what is ready now (a sandbox thawed after a freeze finds
// its reply waiting, not a timeout).
bool WaitReady(int fd, short events, Deadline deadline);

// An owned file descriptor.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(other.release()) {}
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void reset(int fd = -1);

 private:
  int fd_ = -1;
};

// "127.0.0.1:9001" or "localhost:9001" → address and port. False if malformed.
bool ParseHostPort(std::string_view text, std::string* host, uint16_t* port);

// Connects a TCP socket (TCP_NODELAY, close-on-exec). Host: dotted IPv4 or "localhost".
// A refused or unreachable peer is kConnect.
Error ConnectTcp(const std::string& host, uint16_t port, Fd* out);

// Writes all of DATA, retrying on EINTR and short writes. Never raises SIGPIPE. A peer that does
// not take the bytes before DEADLINE is kTimeout.
Error WriteAll(int fd, std::string_view data, Deadline deadline = kNoDeadline);

}  // namespace lambda::http

#endif  // RUNTIME_CPP_HTTP_SOCKET_H_
