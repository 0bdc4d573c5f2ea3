// File: tools/emulator/http_server.h
//
// A small threaded HTTP/1.1 server for the emulator's two ports. cpp-httplib 0.11.4 (Debian's)
// cannot read or send chunked trailers, caps keep-alive at a request count and a timeout, and
// hides the connection from handlers; the Runtime API needs all four (streamed error trailers,
// one connection for thousands of invokes, fault injection at the byte level, connection-reuse
// checks). So both ports run on this, over the wire code the runtime also uses.
//
// One thread per connection: the peers are one bootstrap (a few connections) and developers'
// tools, and a blocked long poll must not hold up anyone else.
#ifndef TOOLS_EMULATOR_HTTP_SERVER_H_
#define TOOLS_EMULATOR_HTTP_SERVER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>

#include "runtime/cpp/http/message.h"
#include "runtime/cpp/http/reader.h"

namespace lambda::emulator {

// One request as a handler sees it. The body has not been read: handlers choose limits and
// whether to stream it.
class ServerRequest {
 public:
  ServerRequest(http::RequestHead head, http::Reader& reader, uint64_t connection_id, int fd)
      : head_(std::move(head)), reader_(reader), connection_id_(connection_id), fd_(fd) {}

  const std::string& method() const { return head_.method; }
  const std::string& target() const { return head_.target; }
  std::string_view path() const;  // target without the query
  const http::Headers& headers() const { return head_.headers; }
  uint64_t connection_id() const { return connection_id_; }
  int fd() const { return fd_; }  // For liveness checks only; reads go through the reader.

  // Reads the whole body. Past max_size the rest is read and discarded (so the connection stays
  // usable) and *too_large is set. Returns a framing or transport error.
  http::Error ReadBody(std::size_t max_size, std::string* body, http::Headers* trailers, bool* too_large);
  // Reads the body chunk by chunk (for relaying a streamed response).
  http::Error StreamBody(const std::function<void(std::string_view)>& sink, http::Headers* trailers);
  bool body_read() const { return body_read_; }

 private:
  http::RequestHead head_;
  http::Reader& reader_;
  uint64_t connection_id_;
  int fd_;
  bool body_read_ = false;
};

// Writes one response. Either Send() once, or BeginChunked() + WriteChunk()* + EndChunked().
class ResponseWriter {
 public:
  explicit ResponseWriter(int fd) : fd_(fd) {}

  bool Send(int status, const http::Headers& headers, std::string_view body);
  bool BeginChunked(int status, http::Headers headers);
  bool WriteChunk(std::string_view data);
  bool EndChunked(const http::Headers& trailers = http::Headers());
  // Writes raw bytes (fault injection: a truncated or malformed response).
  bool WriteRaw(std::string_view bytes);

  // Called once, just before the first byte of the response is written (the emulator records a
  // request before answering it, so an observer never sees an answer without its request).
  void OnFirstWrite(std::function<void()> hook) { on_first_write_ = std::move(hook); }

  // Close the connection after this response (the handler wants it, or a fault says so).
  void CloseAfter() { close_after_ = true; }
  bool close_after() const { return close_after_; }
  bool sent() const { return sent_; }

 private:
  void BeforeWrite();

  int fd_;
  bool sent_ = false;
  bool close_after_ = false;
  std::function<void()> on_first_write_;
};

using Handler = std::function<void(ServerRequest&, ResponseWriter&)>;

class HttpServer {
 public:
  explicit HttpServer(std::string name) : name_(std::move(name)) {}
  ~HttpServer() { Stop(); }
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds 127.0.0.1:PORT (0: any free port) and starts accepting. Returns an error message or "".
  std::string Start(uint16_t port, Handler handler);
  // Closes the listener and every connection, and joins all threads.
  void Stop();
  uint16_t port() const { return port_; }

  // Closes the listening socket for DURATION and binds the same port again: connection
  // attempts meanwhile are refused, as when the API is unreachable.
  void RefuseConnectionsFor(std::chrono::milliseconds duration);

 private:
  struct Connection;
  void AcceptLoop();
  void Serve(std::shared_ptr<Connection> connection);
  int Listen(uint16_t port, std::string* error);

  std::string name_;
  Handler handler_;
  std::atomic<int> listen_fd_{-1};
  uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<uint64_t> next_connection_id_{1};
  std::thread accept_thread_;
  std::thread refuse_thread_;
  std::mutex mu_;
  std::set<std::shared_ptr<Connection>> connections_;
  std::mutex refuse_mu_;  // Serialises listener close/re-open against the accept loop.
};

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_HTTP_SERVER_H_
