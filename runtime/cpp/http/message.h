// File: runtime/cpp/http/message.h
//
// HTTP/1.1 message heads, parsed and to be written, as the Lambda Runtime API uses them. Shared by
// the runtime's client and the emulator's Runtime API server; no dependencies beyond libstdc++ so
// that it costs the bootstrap as little as possible.
//
//   lambda::http::Headers h;
//   h.Add("Content-Type", "application/json");
//   const std::string* type = h.Find("content-type");  // case-insensitive
#ifndef RUNTIME_CPP_HTTP_MESSAGE_H_
#define RUNTIME_CPP_HTTP_MESSAGE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lambda::http {

// Limits on what a peer may send. Named so both sides agree and tests can refer to them.
inline constexpr std::size_t kMaxStartLine = 8 * 1024;
inline constexpr std::size_t kMaxHeaderLine = 16 * 1024;
inline constexpr std::size_t kMaxHeaderCount = 128;
inline constexpr std::size_t kMaxChunkLine = 256;

// Why reading or parsing a message stopped.
enum class ErrorCode {
  kOk = 0,
  kClosed,     // The peer closed the connection before the first byte of a message.
  kTruncated,  // The peer closed the connection in the middle of a message.
  kMalformed,  // Bytes that are not HTTP/1.1.
  kTooLarge,   // A line, the header count, or a body over its limit.
  kIo,         // The socket failed (errno in the message).
  kTimeout,    // The peer did not send (or take) the bytes before the deadline.
  kConnect,    // No connection could be made (refused, unreachable).
};

const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kOk;
  std::string message;

  bool ok() const { return code == ErrorCode::kOk; }
  static Error Ok() { return {}; }
};

// Case-insensitive ASCII comparison, as header names need.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// An ordered header list. Names keep the case they arrived or were added with.
class Headers {
 public:
  void Add(std::string name, std::string value) { entries_.emplace_back(std::move(name), std::move(value)); }
  // Replaces every header of that name with one.
  void Set(std::string_view name, std::string value);
  // The first value of NAME, or nullptr.
  const std::string* Find(std::string_view name) const;
  bool Has(std::string_view name) const { return Find(name) != nullptr; }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

struct RequestHead {
  std::string method;
  std::string target;  // As sent: "/2018-06-01/runtime/invocation/next".
  Headers headers;
};

struct ResponseHead {
  int status = 0;
  std::string reason;
  Headers headers;
};

// How a message body is delimited on the wire.
enum class Framing { kNone, kContentLength, kChunked, kUntilClose };

// The framing a request with these headers uses (requests are never delimited by close).
// Sets *length for kContentLength. A malformed or conflicting header yields an error.
Error RequestFraming(const Headers& headers, Framing* framing, std::size_t* length);
// The same for a response to a request with METHOD (HEAD and 1xx/204/304 have no body).
Error ResponseFraming(const Headers& headers, int status, Framing* framing, std::size_t* length);

}  // namespace lambda::http

#endif  // RUNTIME_CPP_HTTP_MESSAGE_H_
