#include "stdlib/async/tcp.h"

#include <errno.h>
#include <string.h>

#include <algorithm>
#include <utility>

#include "stdlib/async/readiness.h"
#include "stdlib/async/sys/net.h"

namespace rt {
namespace {

// How much one read asks the kernel for at most, whatever MAX the caller gives: the buffer is a
// std::string sized to what arrived, so a huge MAX must not become a huge allocation up front.
constexpr int64_t kMaxReadChunk = 64 * 1024;
// Reads of at most this many bytes go through a buffer on the thread's stack, so the string that
// comes back is allocated for what arrived instead of zero-filled at MAX and shrunk (a reply head
// of 300 bytes read with MAX = 16 KiB cost a 16 KiB allocation and memset). Small enough for a
// worker thread's stack (musl's default is 128 KiB).
constexpr int64_t kStackReadChunk = 16 * 1024;

std::string Reason(int64_t negative_errno) { return strerror(static_cast<int>(-negative_errno)); }

template <class T>
Result<T, std::string> Fail(const std::string& what, int64_t negative_errno) {
  return Result<T, std::string>::Err(what + ": " + Reason(negative_errno));
}

const std::string kClosed = "the stream is closed";

// One read of up to MAX bytes (1..kStackReadChunk) appended to OUT: what rt_fd_read gives (the
// count, 0 at the end of the stream, or -errno). Not a coroutine, so the buffer is on the stack,
// never in a task's frame.
int64_t ReadSmall(int fd, int64_t max, std::string& out) {
  char buf[kStackReadChunk];
  int64_t n = rt_fd_read(fd, buf, max);
  if (n > 0) out.append(buf, static_cast<size_t>(n));
  return n;
}

}  // namespace

namespace async_internal {

void SharedFd::Close() {
  if (fd_ >= 0) rt_fd_close(std::exchange(fd_, -1));
}

}  // namespace async_internal

Result<Unit, std::string> TcpStream::shutdown() const {
  if (fd() < 0) return Result<Unit, std::string>::Err("shutdown: " + kClosed);
  int r = rt_tcp_shutdown(fd(), RT_SHUT_WRITE);
  if (r < 0) return Fail<Unit>("shutdown", r);
  return Result<Unit, std::string>::Ok(Unit{});
}

Result<TcpListener, std::string> TcpListener::Bind(const std::string& host, int64_t port) {
  std::string what = "bind " + host + ":" + std::to_string(port);
  if (port < 0 || port > 65535) return Result<TcpListener, std::string>::Err(what + ": port out of range");
  int fd = rt_tcp_listen(host.c_str(), static_cast<int>(port), 0);
  if (fd < 0) return Fail<TcpListener>(what, fd);
  return Result<TcpListener, std::string>::Ok(TcpListener(fd));
}

int64_t TcpListener::local_port() const {
  if (fd() < 0) return -1;
  int port = rt_tcp_local_port(fd());
  return port < 0 ? -1 : port;
}

Task<Result<TcpStream, std::string>> tcp_accept(TcpListener listener) {
  while (true) {
    if (listener.fd() < 0) co_return Result<TcpStream, std::string>::Err("accept: the listener is closed");
    int fd = rt_tcp_accept(listener.fd());
    if (fd >= 0) co_return Result<TcpStream, std::string>::Ok(TcpStream(fd));
    if (fd != -EAGAIN) co_return Fail<TcpStream>("accept", fd);
    int64_t ready = co_await readable(listener.fd());
    if (ready < 0) co_return Fail<TcpStream>("accept", ready);
  }
}

Task<Result<TcpStream, std::string>> tcp_connect(std::string host, int64_t port) {
  std::string what = "connect " + host + ":" + std::to_string(port);
  if (port < 0 || port > 65535) co_return Result<TcpStream, std::string>::Err(what + ": port out of range");
  int fd = rt_tcp_connect(host.c_str(), static_cast<int>(port));
  if (fd < 0) co_return Fail<TcpStream>(what, fd);
  TcpStream stream(fd);  // owns the fd from here: closed on every way out, cancellation included
  int64_t ready = co_await writable(fd);
  int err = ready < 0 ? static_cast<int>(ready) : rt_tcp_connect_result(fd);
  if (err != 0) co_return Fail<TcpStream>(what, err);
  co_return Result<TcpStream, std::string>::Ok(std::move(stream));
}

Task<Result<std::string, std::string>> tcp_read(TcpStream stream, int64_t max) {
  if (max <= 0) co_return Result<std::string, std::string>::Ok("");
  bool small = max <= kStackReadChunk;
  std::string buf;
  if (!small) buf.resize(static_cast<size_t>(max < kMaxReadChunk ? max : kMaxReadChunk));
  while (true) {
    if (stream.fd() < 0) co_return Result<std::string, std::string>::Err("read: " + kClosed);
    // Read first, wait only after EAGAIN. Waiting first would hang at the end of a stream: the
    // loop forgets an fd's readiness after a short read (readiness.h), and when the peer's FIN
    // arrived with the last data no new edge comes for the read that would return 0.
    int64_t n = small ? ReadSmall(stream.fd(), max, buf)
                      : rt_fd_read(stream.fd(), buf.data(), static_cast<int64_t>(buf.size()));
    if (n == -EAGAIN) {
      int64_t ready = co_await readable(stream.fd());
      if (ready < 0) co_return Fail<std::string>("read", ready);
      continue;
    }
    if (n < 0) co_return Fail<std::string>("read", n);
    if (!small) buf.resize(static_cast<size_t>(n));
    co_return Result<std::string, std::string>::Ok(std::move(buf));
  }
}

// Reads straight into the result: no buffer per read, nothing copied twice. The result grows
// (doubling) as bytes arrive rather than being sized to N at once, so a peer announcing 64 MiB
// and sending nothing costs one chunk, not 64 MiB of zeroed memory.
Task<Result<std::string, std::string>> tcp_read_exact(TcpStream stream, int64_t n) {
  std::string out;
  int64_t done = 0;
  while (done < n) {
    if (stream.fd() < 0) co_return Result<std::string, std::string>::Err("read: " + kClosed);
    if (done == static_cast<int64_t>(out.size())) {
      int64_t grown = std::max<int64_t>(kMaxReadChunk, 2 * done);
      out.resize(static_cast<size_t>(std::min(n, grown)));
    }
    int64_t got = rt_fd_read(stream.fd(), out.data() + done, static_cast<int64_t>(out.size()) - done);
    if (got == -EAGAIN) {
      int64_t ready = co_await readable(stream.fd());
      if (ready < 0) co_return Fail<std::string>("read", ready);
      continue;
    }
    if (got < 0) co_return Fail<std::string>("read", got);
    if (got == 0) {
      co_return Result<std::string, std::string>::Err("read_exact: the stream ended after " + std::to_string(done) +
                                                      " of " + std::to_string(n) + " bytes");
    }
    done += got;
  }
  co_return Result<std::string, std::string>::Ok(std::move(out));
}

Task<Result<Unit, std::string>> tcp_write_all(TcpStream stream, std::string data) {
  size_t done = 0;
  while (done < data.size()) {
    if (stream.fd() < 0) co_return Result<Unit, std::string>::Err("write: " + kClosed);
    int64_t n = rt_fd_write(stream.fd(), data.data() + done, static_cast<int64_t>(data.size() - done));
    if (n == -EAGAIN) {
      int64_t ready = co_await writable(stream.fd());
      if (ready < 0) co_return Fail<Unit>("write", ready);
      continue;
    }
    if (n < 0) co_return Fail<Unit>("write", n);
    done += static_cast<size_t>(n);
  }
  co_return Result<Unit, std::string>::Ok(Unit{});
}

}  // namespace rt
