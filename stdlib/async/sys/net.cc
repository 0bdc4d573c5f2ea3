#include "stdlib/async/sys/net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

#include "stdlib/async/loop.h"

namespace {

using rt::async_internal::Direction;

struct Address {
  sockaddr_storage storage{};
  socklen_t length = 0;
};

// Numeric IPv4/IPv6 or "localhost". False if HOST is neither or PORT is out of range.
bool ParseAddress(const char* host, int port, Address* out) {
  if (host == nullptr || port < 0 || port > 65535) return false;
  if (std::strcmp(host, "localhost") == 0) host = "127.0.0.1";
  auto* v4 = reinterpret_cast<sockaddr_in*>(&out->storage);
  if (::inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<uint16_t>(port));
    out->length = sizeof(sockaddr_in);
    return true;
  }
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&out->storage);
  if (::inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<uint16_t>(port));
    out->length = sizeof(sockaddr_in6);
    return true;
  }
  return false;
}

// A new fd may reuse the number of one that was closed without rt_fd_close while the loop still
// had it registered: drop that stale registration.
void NoteNewFd(int fd) {
  if (rt::Loop* loop = rt::Loop::Running()) loop->ForgetFd(fd);
}

void NoteWouldBlock(int fd, Direction dir) {
  if (rt::Loop* loop = rt::Loop::Running()) loop->poller().ClearReady(fd, dir);
}

int NewTcpSocket(int family) {
  int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -errno;
  NoteNewFd(fd);
  return fd;
}

int Fail(int fd) {
  int err = errno;
  ::close(fd);
  return -err;
}

}  // namespace

extern "C" {

int rt_tcp_connect(const char* host, int port) {
  Address addr;
  if (!ParseAddress(host, port, &addr) || port == 0) return -EINVAL;
  int fd = NewTcpSocket(addr.storage.ss_family);
  if (fd < 0) return fd;
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr.storage), addr.length) != 0) {
    // EINTR: a non-blocking connect goes on in the background, like EINPROGRESS.
    if (errno != EINPROGRESS && errno != EINTR) return Fail(fd);
  }
  return fd;
}

int rt_tcp_connect_result(int fd) {
  int err = 0;
  socklen_t len = sizeof(err);
  if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) return -errno;
  return -err;
}

int rt_tcp_listen(const char* host, int port, int backlog) {
  Address addr;
  if (!ParseAddress(host, port, &addr)) return -EINVAL;
  int fd = NewTcpSocket(addr.storage.ss_family);
  if (fd < 0) return fd;
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr.storage), addr.length) != 0) return Fail(fd);
  if (::listen(fd, backlog <= 0 ? SOMAXCONN : backlog) != 0) return Fail(fd);
  return fd;
}

int rt_tcp_accept(int listen_fd) {
  while (true) {
    int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) {
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
      NoteNewFd(fd);
      return fd;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) NoteWouldBlock(listen_fd, Direction::kRead);
    return -errno;
  }
}

int rt_tcp_local_port(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return -errno;
  if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return -EAFNOSUPPORT;
}

int rt_tcp_set_nodelay(int fd, int on) {
  int value = on != 0 ? 1 : 0;
  return ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, sizeof(value)) == 0 ? 0 : -errno;
}

int64_t rt_fd_read(int fd, void* buf, int64_t len) {
  if (len < 0 || (buf == nullptr && len > 0)) return -EINVAL;
  while (true) {
    ssize_t n = ::read(fd, buf, static_cast<size_t>(len));
    // A short read of a stream drained it (epoll(7)): the next wait can skip a read that would
    // only say EAGAIN.
    if (n > 0 && n < len) NoteWouldBlock(fd, Direction::kRead);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) NoteWouldBlock(fd, Direction::kRead);
    return -errno;
  }
}

int64_t rt_fd_write(int fd, const void* buf, int64_t len) {
  if (len < 0 || (buf == nullptr && len > 0)) return -EINVAL;
  bool socket = true;
  while (true) {
    ssize_t n = socket ? ::send(fd, buf, static_cast<size_t>(len), MSG_NOSIGNAL)
                       : ::write(fd, buf, static_cast<size_t>(len));
    if (n > 0 && n < len) NoteWouldBlock(fd, Direction::kWrite);  // A short write filled it.
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno == ENOTSOCK && socket) {  // A pipe or another kind of fd.
      socket = false;
      continue;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK) NoteWouldBlock(fd, Direction::kWrite);
    return -errno;
  }
}

int rt_tcp_shutdown(int fd, int how) {
  int native = how == RT_SHUT_READ ? SHUT_RD : how == RT_SHUT_WRITE ? SHUT_WR : how == RT_SHUT_BOTH ? SHUT_RDWR : -1;
  if (native < 0) return -EINVAL;
  return ::shutdown(fd, native) == 0 ? 0 : -errno;
}

int rt_fd_close(int fd) {
  if (fd < 0) return -EBADF;
  if (rt::Loop* loop = rt::Loop::Running()) loop->ForgetFd(fd);
  // Linux releases the fd even when close reports EINTR: never retry (the number may be reused).
  return ::close(fd) == 0 || errno == EINTR ? 0 : -errno;
}

}  // extern "C"
