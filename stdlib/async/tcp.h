// File: stdlib/async/tcp.h
//
// Ruchy's TcpListener and TcpStream: what the built-ins `TcpListener::bind`, `listener.accept()`,
// `TcpStream::connect`, `stream.read(n)`, `stream.write_all(s)`... compile to (rows in
// ruchy_frontend/builtins/builtins.def). Non-blocking sockets on the task's loop, over the C
// primitives of sys/net.h and the waits of readiness.h.
//
//   rt::Result<rt::TcpStream, std::string> c = co_await rt::tcp_connect("127.0.0.1", port);
//   co_await rt::tcp_write_all(c.ok_value(), "ping");
//
// - Values are handles: copying one shares the socket (like Ruchy class values); the socket is
//   closed when the last handle goes, or by close(). A task cancelled while it holds the last
//   handle closes the socket on its way out.
// - The operations that wait are free functions taking the handle by value, not member
//   coroutines: a coroutine frame must not hold `this` of an object that can go away while it is
//   suspended.
// - Errors are Results naming the operation and the system's reason ("connect 127.0.0.1:9: Connection
//   refused"); reading at the end of the stream gives "" (not an error).
// - Data is text (Ruchy's String holds bytes; no UTF-8 check is made on what is read).
#ifndef STDLIB_ASYNC_TCP_H_
#define STDLIB_ASYNC_TCP_H_

#include <cstdint>
#include <memory>
#include <string>

#include "ruchy/core.h"
#include "stdlib/async/task.h"

namespace rt {

namespace async_internal {

// One socket, closed (with rt_fd_close, which tells the loop) when the last handle goes.
class SharedFd {
 public:
  explicit SharedFd(int fd) : fd_(fd) {}
  SharedFd(const SharedFd&) = delete;
  SharedFd& operator=(const SharedFd&) = delete;
  ~SharedFd() { Close(); }
  int get() const { return fd_; }
  void Close();

 private:
  int fd_;
};

}  // namespace async_internal

class TcpStream {
 public:
  TcpStream() = default;
  explicit TcpStream(int fd) : fd_(std::make_shared<async_internal::SharedFd>(fd)) {}
  // The fd, or -1 for a closed or default stream.
  int fd() const { return fd_ ? fd_->get() : -1; }
  // Closes the socket for every handle; later operations fail with "closed".
  void close() const {
    if (fd_) fd_->Close();
  }
  // Ends the sending side (the peer reads the end of the stream); reading goes on.
  Result<Unit, std::string> shutdown() const;
  friend bool operator==(const TcpStream& a, const TcpStream& b) { return a.fd_ == b.fd_; }

 private:
  std::shared_ptr<async_internal::SharedFd> fd_;
};

class TcpListener {
 public:
  TcpListener() = default;
  explicit TcpListener(int fd) : fd_(std::make_shared<async_internal::SharedFd>(fd)) {}
  // Listens on HOST:PORT (port 0: any free port; see local_port).
  static Result<TcpListener, std::string> Bind(const std::string& host, int64_t port);
  int fd() const { return fd_ ? fd_->get() : -1; }
  // The port it listens on, or -1 when closed.
  int64_t local_port() const;
  void close() const {
    if (fd_) fd_->Close();
  }
  friend bool operator==(const TcpListener& a, const TcpListener& b) { return a.fd_ == b.fd_; }

 private:
  std::shared_ptr<async_internal::SharedFd> fd_;
};

// The next connection.
Task<Result<TcpStream, std::string>> tcp_accept(TcpListener listener);
// A connection to HOST:PORT (a numeric address or "localhost": no name resolution on the loop).
Task<Result<TcpStream, std::string>> tcp_connect(std::string host, int64_t port);
// Up to MAX bytes, as soon as some are there; "" at the end of the stream.
Task<Result<std::string, std::string>> tcp_read(TcpStream stream, int64_t max);
// Exactly N bytes, or an error when the stream ends first.
Task<Result<std::string, std::string>> tcp_read_exact(TcpStream stream, int64_t n);
// All of DATA.
Task<Result<Unit, std::string>> tcp_write_all(TcpStream stream, std::string data);

}  // namespace rt

#endif  // STDLIB_ASYNC_TCP_H_
