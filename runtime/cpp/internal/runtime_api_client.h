// File: runtime/cpp/internal/runtime_api_client.h
//
// One worker's connection to the Runtime API: a keep-alive HTTP/1.1 connection, reopened when the
// peer closed it (Lambda may freeze a sandbox between invokes). /next waits as long as it takes;
// every other exchange has a deadline (kReplyTimeout), after which the connection is dropped.
#ifndef RUNTIME_CPP_INTERNAL_RUNTIME_API_CLIENT_H_
#define RUNTIME_CPP_INTERNAL_RUNTIME_API_CLIENT_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "runtime/cpp/http/message.h"
#include "runtime/cpp/http/reader.h"
#include "runtime/cpp/http/socket.h"

namespace lambda::internal {

// The runtime's name and version, as sent in User-Agent.
inline constexpr char kRuntimeUserAgent[] = "ruchy-lambda-cpp/0.1.0";

struct ApiReply {
  int status = 0;
  http::Headers headers;
  std::string body;
};

class RuntimeApiClient {
 public:
  RuntimeApiClient(std::string host, uint16_t port);

  // Sends one request and reads the reply, both before DEADLINE (kTimeout after it). Interim 1xx
  // replies are skipped. If a reused connection turns out to be closed before any reply byte
  // arrived, reconnects and sends again once (the server never saw it). Any failure drops the
  // connection: after a malformed or missing reply it is out of step.
  http::Error Exchange(std::string_view method, std::string_view path, const http::Headers& headers,
                       std::string_view body, ApiReply* reply, http::Deadline deadline);

  // A streamed request body: Begin sends the head (chunked), Write sends chunks, End sends the
  // last chunk with trailers and reads the reply. Each call has kReplyTimeout to complete.
  http::Error BeginStream(std::string_view path, const http::Headers& headers);
  http::Error WriteChunk(std::string_view data);
  http::Error EndStream(const http::Headers& trailers, ApiReply* reply);

  // Drops the connection (after a transport or framing error).
  void Disconnect();

 private:
  http::Error Connect();
  http::Error ReadReply(ApiReply* reply);

  std::string host_;
  uint16_t port_;
  http::Fd fd_;
  std::unique_ptr<http::FdSource> source_;
  std::unique_ptr<http::Reader> reader_;
  bool reused_ = false;  // The connection has carried a complete exchange already.
};

// Lambda allows bodies up to 6 MiB; a reply larger than this from the API is malformed.
inline constexpr std::size_t kMaxApiReplyBytes = 64u << 20;

// How long the API may take to take a request and answer it, for everything but /next (whose
// answer is the next invoke, however long that takes). Lambda answers at once; a missing answer
// means a broken peer, and the runtime drops the connection and goes on.
inline constexpr std::chrono::seconds kReplyTimeout{30};

// Interim (1xx) replies skipped before a real one; more is a peer talking nonsense.
inline constexpr int kMaxInterimReplies = 16;

}  // namespace lambda::internal

#endif  // RUNTIME_CPP_INTERNAL_RUNTIME_API_CLIENT_H_
