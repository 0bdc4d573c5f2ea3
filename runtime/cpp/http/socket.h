// File: runtime/cpp/http/socket.h
//
// The few socket operations the Runtime API needs: connect to a numeric IPv4 address or
// `localhost` (no DNS library, no TLS: the API is always local), and write everything.
#ifndef RUNTIME_CPP_HTTP_SOCKET_H_
#define RUNTIME_CPP_HTTP_SOCKET_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/cpp/http/message.h"

namespace lambda::http {

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
Error ConnectTcp(const std::string& host, uint16_t port, Fd* out);

// Writes all of DATA, retrying on EINTR and short writes. Never raises SIGPIPE.
Error WriteAll(int fd, std::string_view data);

}  // namespace lambda::http

#endif  // RUNTIME_CPP_HTTP_SOCKET_H_
