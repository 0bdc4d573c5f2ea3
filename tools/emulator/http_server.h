// File: tools/emulator/http_server.h
//
// A small threaded HTTP/1.1 server for the emulator's two ports. cpp-httplib 0.11.4 (Debian's)
// cannot read or send chunked trailers, caps keep-alive at a request count and a timeout, and
// hides the connection from handlers; the Runtime API needs all four (streamed error trailers,
// one connection for thousands of invokes, fault injection at the byte level, connection-reuse
// checks). So both ports run on this, over the wire code the runtime also uses.
//
// One thread per connection: the peers are one bootstrap (a few connections) and developers'
// tools, handlers block (a long poll, an invoke waiting for its answer), and a blocked handler
// must not hold up anyone else. What keeps that bounded is ServerLimits: a cap on connections
// (idle ones are closed to make room), idle, request and write timeouts, and a refusal instead
// of an abort when the system has no thread to give.
//
// Every request is framed before a handler sees it: a request with both Content-Length and
// Transfer-Encoding, or two Transfer-Encodings, is answered 400 and the connection closed (its
// body must never be read as the next request), a Content-Length over kMaxRequestBodyBytes 413.
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
#include "tools/emulator/limits.h"

namespace lambda::emulator {

// What a server lets its peers make it hold or wait for (tools/emulator/limits.h).
struct ServerLimits {
  std::size_t max_connections = kMaxConnections;
  std::chrono::milliseconds idle_timeout = kIdleTimeout;
  std::chrono::milliseconds request_timeout = kRequestTimeout;
  std::chrono::milliseconds write_timeout = kWriteTimeout;
  // Sent to a connection refused for want of room (or of a thread), then closed. Empty: close.
  std::string refusal;
};

// One request as a handler sees it. The body has not been read: handlers choose limits and
// whether to stream it.
class ServerRequest {
 public:
  ServerRequest(http::RequestHead head, http::Framing framing, std::size_t length, http::Reader& reader,
                http::FdSource& source, std::chrono::milliseconds body_timeout, uint64_t connection_id, int fd)
      : head_(std::move(head)),
        framing_(framing),
        length_(length),
        reader_(reader),
        source_(source),
        body_timeout_(body_timeout),
        connection_id_(connection_id),
        fd_(fd) {}

  const std::string& method() const { return head_.method; }
  const std::string& target() const { return head_.target; }
  std::string_view path() const;  // target without the query
  const http::Headers& headers() const { return head_.headers; }
  uint64_t connection_id() const { return connection_id_; }
  int fd() const { return fd_; }  // For liveness checks only; reads go through the reader.

  // Reads the whole body within the request timeout. Past max_size the rest is read and
  // discarded (so the connection stays usable) and *too_large is set. Returns a framing or
  // transport error (kTooLarge past kMaxRequestBodyBytes); after an error the server closes the
  // connection, whatever the handler answers.
  http::Error ReadBody(std::size_t max_size, std::string* body, http::Headers* trailers, bool* too_large);
  // Reads the body chunk by chunk (for relaying a streamed response), with no time bound.
  http::Error StreamBody(const std::function<void(std::string_view)>& sink, http::Headers* trailers);
  bool body_read() const { return body_read_; }
  bool body_failed() const { return body_failed_; }

 private:
  http::Error Read(const http::BodySink& sink, http::Headers* trailers, http::Deadline deadline);

  http::RequestHead head_;
  http::Framing framing_;
  std::size_t length_;
  http::Reader& reader_;
  http::FdSource& source_;
  std::chrono::milliseconds body_timeout_;
  uint64_t connection_id_;
  int fd_;
  bool body_read_ = false;
  bool body_failed_ = false;
};

// A chunked response body, shared with whoever produces its data on another thread (the
// emulator relays a runtime's streamed response to the invoker). Thread-safe, and ended exactly
// once: after End or Abort nothing more reaches the wire, however late a writer comes.
class ChunkedBody {
 public:
  ChunkedBody(int fd, std::chrono::milliseconds write_timeout) : fd_(fd), write_timeout_(write_timeout) {}

  // Sends DATA as one chunk. False once ended, or if the peer stopped taking bytes.
  bool Write(std::string_view data);
  // Sends LAST_DATA (if any) as a chunk, then the last chunk with TRAILERS, under one lock: no
  // other writer's chunk can come between them. False if already ended or the peer is gone.
  bool End(const http::Headers& trailers = http::Headers(), std::string_view last_data = {});
  // Ends without the last chunk: the response is incomplete and the connection must close.
  void Abort();
  // True if the body ended with its last chunk (false while open or after Abort).
  bool complete() const;

 private:
  mutable std::mutex mu_;
  const int fd_;
  const std::chrono::milliseconds write_timeout_;
  bool ended_ = false;
  bool complete_ = false;
  bool broken_ = false;
};

// Writes one response. Either Send() once, or BeginChunked() and then the ChunkedBody.
class ResponseWriter {
 public:
  ResponseWriter(int fd, std::chrono::milliseconds write_timeout) : fd_(fd), write_timeout_(write_timeout) {}

  bool Send(int status, const http::Headers& headers, std::string_view body);
  // Sends the head of a chunked response; the body goes through the returned object (null if
  // the head could not be written). The server aborts it if the handler returns with it open.
  std::shared_ptr<ChunkedBody> BeginChunked(int status, http::Headers headers);
  // Writes raw bytes (fault injection: a truncated or malformed response).
  bool WriteRaw(std::string_view bytes);

  // Called once, just before the first byte of the response is written (the emulator records a
  // request before answering it, so an observer never sees an answer without its request).
  void OnFirstWrite(std::function<void()> hook) { on_first_write_ = std::move(hook); }

  // Close the connection after this response (the handler wants it, or a fault says so).
  void CloseAfter() { close_after_ = true; }
  bool close_after() const { return close_after_; }
  bool sent() const { return sent_; }
  // After the handler: an open chunked body is aborted and the connection marked to close.
  void Finish();

 private:
  void BeforeWrite();
  bool Write(std::string_view wire);

  int fd_;
  std::chrono::milliseconds write_timeout_;
  bool sent_ = false;
  bool close_after_ = false;
  std::function<void()> on_first_write_;
  std::shared_ptr<ChunkedBody> body_;
};

using Handler = std::function<void(ServerRequest&, ResponseWriter&)>;

class HttpServer {
 public:
  explicit HttpServer(std::string name) : name_(std::move(name)) {}
  ~HttpServer() { Stop(); }
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds 127.0.0.1:PORT (0: any free port) and starts accepting. Returns an error message or "".
  std::string Start(uint16_t port, Handler handler, ServerLimits limits = {});
  // Closes the listener and every connection, and joins all threads.
  void Stop();
  uint16_t port() const { return port_; }

  // Closes the listening socket for DURATION and binds the same port again: connection
  // attempts meanwhile are refused, as when the API is unreachable.
  void RefuseConnectionsFor(std::chrono::milliseconds duration);

 private:
  struct Connection;
  void AcceptLoop();
  void Admit(int client);
  void Serve(std::shared_ptr<Connection> connection);
  int Listen(uint16_t port, std::string* error);

  std::string name_;
  Handler handler_;
  ServerLimits limits_;
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
