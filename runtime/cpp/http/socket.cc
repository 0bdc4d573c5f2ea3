#include "runtime/cpp/http/socket.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <climits>
#include <cstring>

namespace lambda::http {

bool WaitReady(int fd, short events, Deadline deadline) {
  while (true) {
    int timeout_ms = -1;
    if (deadline != kNoDeadline) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
      timeout_ms = left <= 0 ? 0 : (left > INT_MAX ? INT_MAX : static_cast<int>(left));
    }
    pollfd p{fd, events, 0};
    int n = ::poll(&p, 1, timeout_ms);
    if (n > 0) return true;  // Ready, or an error/hang-up the next call reports.
    if (n == 0 && timeout_ms == 0) return false;
    if (n < 0 && errno != EINTR) return true;  // Let the read or write report it.
  }
}

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) reset(other.release());
  return *this;
}

void Fd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

bool ParseHostPort(std::string_view text, std::string* host, uint16_t* port) {
  std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size() || text.size() - colon > 6) {
    return false;
  }
  unsigned value = 0;
  for (char c : text.substr(colon + 1)) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value == 0 || value > 65535) return false;
  *host = std::string(text.substr(0, colon));
  *port = static_cast<uint16_t>(value);
  return true;
}

Error ConnectTcp(const std::string& host, uint16_t port, Fd* out) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  const char* numeric = host == "localhost" ? "127.0.0.1" : host.c_str();
  if (::inet_pton(AF_INET, numeric, &addr.sin_addr) != 1) {
    return {ErrorCode::kMalformed, "not a numeric IPv4 address or localhost: " + host};
  }
  Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd.valid()) return {ErrorCode::kIo, std::string("socket: ") + std::strerror(errno)};
  int one = 1;
  // Small request heads must not wait for Nagle: every exchange is latency-bound.
  ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  while (::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    if (errno == EINTR) continue;
    return {ErrorCode::kConnect, "connect " + host + ":" + std::to_string(port) + ": " + std::strerror(errno)};
  }
  *out = std::move(fd);
  return Error::Ok();
}

Error WriteAll(int fd, std::string_view data, Deadline deadline) {
  const int flags = MSG_NOSIGNAL | (deadline == kNoDeadline ? 0 : MSG_DONTWAIT);
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), flags);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        if (!WaitReady(fd, POLLOUT, deadline)) return {ErrorCode::kTimeout, "the peer took no bytes before the deadline"};
        continue;
      }
      return {ErrorCode::kIo, std::string("write failed: ") + std::strerror(errno)};
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return Error::Ok();
}

}  // namespace lambda::http
