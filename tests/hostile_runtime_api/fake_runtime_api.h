// File: tests/hostile_runtime_api/fake_runtime_api.h
//
// A Runtime API server that a test scripts byte by byte. Unlike the emulator it has no behaviour
// of its own: the test accepts the runtime's connection, reads each request and writes whatever
// reply it wants (garbage, interim 1xx replies, half a body, a reset, nothing at all).
//
//   FakeRuntimeApi api;
//   RuntimeUnderTest runtime(api.port());
//   auto peer = api.Accept();
//   CapturedRequest next = peer->ReadRequest();           // GET /2018-06-01/runtime/invocation/next
//   peer->Send("HTTP/1.1 100 Continue\r\n\r\n" + NextReply("id-1", "event"));
//   CapturedRequest posted = peer->ReadRequest();         // POST .../id-1/response
//
// Every wait has a guard (kGuard by default): a runtime that hangs fails the test, it does not
// hang it. Guards are generous (qemu, a loaded machine); behaviour is proven by what is observed.
#ifndef TESTS_HOSTILE_RUNTIME_API_FAKE_RUNTIME_API_H_
#define TESTS_HOSTILE_RUNTIME_API_FAKE_RUNTIME_API_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/cpp/http/message.h"
#include "runtime/cpp/http/reader.h"
#include "runtime/cpp/http/socket.h"

namespace lambda::hostile {

inline constexpr std::chrono::milliseconds kGuard{60'000};

inline constexpr char kNextPath[] = "/2018-06-01/runtime/invocation/next";

// One request as the runtime sent it. error is set if it was not well-formed HTTP/1.1.
struct CapturedRequest {
  http::Error error;
  std::string method;
  std::string target;
  http::Headers headers;
  std::string body;
  http::Headers trailers;

  bool ok() const { return error.ok(); }
  bool IsNext() const { return ok() && method == "GET" && target == kNextPath; }
};

// "/2018-06-01/runtime/invocation/ID/response" (ID as given: already encoded, or plain).
std::string ResponsePath(std::string_view id);

// A 200 reply to /next carrying EVENT for request ID, framed by Content-Length, with a deadline
// a minute away. EXTRA_HEADERS are whole lines without CRLF ("Name: value").
std::string NextReply(std::string_view id, std::string_view event,
                      const std::vector<std::string>& extra_headers = {});
// The same head with any framing: HEAD_LINES follow the status line; BODY is sent as given.
std::string RawReply(std::string_view status_line, const std::vector<std::string>& head_lines, std::string_view body);
// 202 {"status":"OK"}, as Lambda accepts a /response or /error.
std::string Accepted();

// The runtime's end of one connection, as the server sees it.
class Peer {
 public:
  explicit Peer(http::Fd fd);

  // Reads one request (head and body) within the guard.
  CapturedRequest ReadRequest(std::chrono::milliseconds guard = kGuard);
  // Reads only the head of a request; the body stays unread (to answer before reading it).
  CapturedRequest ReadRequestHead(std::chrono::milliseconds guard = kGuard);
  // Writes BYTES; false if the runtime has gone.
  bool Send(std::string_view bytes);
  // Writes BYTES one at a time with PAUSE between them (a slow server, or a slow-loris one).
  bool SendSlowly(std::string_view bytes, std::chrono::milliseconds pause);
  // Ends the connection with a TCP reset instead of an orderly close.
  void Reset();
  void Close() { fd_.reset(); }
  // True once the runtime has closed its end (it reads EOF or a reset) within the guard.
  bool ClosedByRuntime(std::chrono::milliseconds guard = kGuard);

 private:
  http::Fd fd_;
  std::unique_ptr<http::FdSource> source_;
  std::unique_ptr<http::Reader> reader_;
};

class FakeRuntimeApi {
 public:
  // Listens on 127.0.0.1 on any free port.
  FakeRuntimeApi();
  uint16_t port() const { return port_; }
  bool listening() const { return listener_.valid(); }

  // The next connection the runtime opens, or nullptr if none came within the guard.
  std::unique_ptr<Peer> Accept(std::chrono::milliseconds guard = kGuard);
  // Accepts the next connection and reads its first request: the usual "the runtime came back
  // and polls" step. Null if either did not happen within the guard.
  std::unique_ptr<Peer> AcceptPoll(CapturedRequest* first, std::chrono::milliseconds guard = kGuard);
  // Stops listening: from now on the runtime's connection attempts are refused.
  void StopListening() { listener_.reset(); }

 private:
  http::Fd listener_;
  uint16_t port_ = 0;
};

}  // namespace lambda::hostile

#endif  // TESTS_HOSTILE_RUNTIME_API_FAKE_RUNTIME_API_H_
