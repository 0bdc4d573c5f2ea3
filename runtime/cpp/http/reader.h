// File: runtime/cpp/http/reader.h
//
// Reads HTTP/1.1 messages from a byte source: request and response heads, and bodies framed by
// Content-Length, chunked encoding (one or many chunks, with trailers) or connection close.
// Parsers take a Source, so tests feed them from memory and fuzzers from arbitrary bytes.
#ifndef RUNTIME_CPP_HTTP_READER_H_
#define RUNTIME_CPP_HTTP_READER_H_

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "runtime/cpp/http/message.h"
#include "runtime/cpp/http/socket.h"

namespace lambda::http {

// Where bytes come from. Read returns the count read, 0 at end of stream, -1 on error (errno set).
class Source {
 public:
  virtual ~Source() = default;
  virtual ssize_t Read(char* buffer, std::size_t size) = 0;
};

// Reads a file descriptor (a socket), retrying on EINTR. With a deadline, a read that finds
// nothing before it fails with errno ETIMEDOUT (the reader's kTimeout).
class FdSource final : public Source {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  ssize_t Read(char* buffer, std::size_t size) override;
  void set_deadline(Deadline deadline) { deadline_ = deadline; }

 private:
  int fd_;
  Deadline deadline_ = kNoDeadline;
};

// Reads from memory, optionally in pieces of at most `step` bytes (to test split reads).
class StringSource final : public Source {
 public:
  explicit StringSource(std::string_view data, std::size_t step = 0) : data_(data), step_(step) {}
  ssize_t Read(char* buffer, std::size_t size) override;

 private:
  std::string_view data_;
  std::size_t step_;
};

// A buffered reader over a Source. One per connection: it may hold bytes of the next message.
class Reader {
 public:
  explicit Reader(Source& source) : source_(source) {}

  // Reads one line ending in CRLF (a bare LF is refused) into *line, without the line ending.
  Error ReadLine(std::string* line, std::size_t max_length);
  // Reads exactly `size` bytes, handing them to `sink` as they arrive.
  Error ReadExact(std::size_t size, const std::function<void(std::string_view)>& sink);
  // Reads until the source ends.
  Error ReadToEnd(const std::function<void(std::string_view)>& sink, std::size_t max_size);
  // Marks the start of a message: end of stream before its first byte is kClosed, not kTruncated.
  void BeginMessage() { saw_bytes_ = false; }
  // True if bytes are buffered (the peer sent them ahead of our next read).
  bool HasBuffered() const { return begin_ < end_; }

 private:
  Error Fill(bool at_message_start);

  Source& source_;
  char buffer_[16 * 1024];
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool saw_bytes_ = false;  // Any byte of the current message read yet.
};

Error ReadRequestHead(Reader& reader, RequestHead* head);
Error ReadResponseHead(Reader& reader, ResponseHead* head);

// Receives body bytes as they arrive; return false to stop reading (yields kTooLarge).
using BodySink = std::function<bool(std::string_view)>;

// Reads a body framed as FRAMING, handing data to `sink`. For chunked bodies the trailer fields
// go to *trailers (may be null). `max_size` bounds the total body size (kTooLarge past it).
Error ReadBody(Reader& reader, Framing framing, std::size_t length, std::size_t max_size, const BodySink& sink,
               Headers* trailers);

// Convenience: reads a whole body into *body.
Error ReadBodyToString(Reader& reader, Framing framing, std::size_t length, std::size_t max_size, std::string* body,
                       Headers* trailers);

}  // namespace lambda::http

#endif  // RUNTIME_CPP_HTTP_READER_H_
