#include "runtime/cpp/http/reader.h"

#include <errno.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace lambda::http {

ssize_t FdSource::Read(char* buffer, std::size_t size) {
  if (deadline_ != kNoDeadline && !WaitReady(fd_, POLLIN, deadline_)) {
    errno = ETIMEDOUT;
    return -1;
  }
  while (true) {
    ssize_t n = ::read(fd_, buffer, size);
    if (n >= 0 || errno != EINTR) return n;
  }
}

ssize_t StringSource::Read(char* buffer, std::size_t size) {
  std::size_t n = std::min(size, data_.size());
  if (step_ != 0) n = std::min(n, step_);
  std::memcpy(buffer, data_.data(), n);
  data_.remove_prefix(n);
  return static_cast<ssize_t>(n);
}

namespace {

Error ReadFailure() {
  if (errno == ETIMEDOUT) return {ErrorCode::kTimeout, "the peer sent nothing before the deadline"};
  return {ErrorCode::kIo, std::string("read failed: ") + std::strerror(errno)};
}

}  // namespace

Error Reader::Fill(bool at_message_start) {
  if (begin_ > 0) {  // Compact: keep the unread tail at the front.
    std::memmove(buffer_, buffer_ + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == sizeof(buffer_)) return {ErrorCode::kTooLarge, "line longer than the read buffer"};
  ssize_t n = source_.Read(buffer_ + end_, sizeof(buffer_) - end_);
  if (n < 0) return ReadFailure();
  if (n == 0) {
    if (at_message_start && end_ == 0) return {ErrorCode::kClosed, "connection closed"};
    return {ErrorCode::kTruncated, "connection closed in the middle of a message"};
  }
  end_ += static_cast<std::size_t>(n);
  return Error::Ok();
}

Error Reader::ReadLine(std::string* line, std::size_t max_length) {
  std::size_t scanned = 0;
  const bool at_start = !saw_bytes_;
  while (true) {
    const char* start = buffer_ + begin_;
    const char* found = static_cast<const char*>(std::memchr(start + scanned, '\n', end_ - begin_ - scanned));
    if (found != nullptr) {
      std::size_t length = static_cast<std::size_t>(found - start);
      if (length == 0 || start[length - 1] != '\r') return {ErrorCode::kMalformed, "line not ended by CRLF"};
      if (length - 1 > max_length) return {ErrorCode::kTooLarge, "line over " + std::to_string(max_length) + " bytes"};
      line->assign(start, length - 1);
      begin_ += length + 1;
      saw_bytes_ = true;
      return Error::Ok();
    }
    scanned = end_ - begin_;
    if (scanned > max_length + 1) return {ErrorCode::kTooLarge, "line over " + std::to_string(max_length) + " bytes"};
    Error e = Fill(at_start && scanned == 0);
    if (!e.ok()) return e;
    if (end_ > begin_) saw_bytes_ = true;
  }
}

Error Reader::ReadExact(std::size_t size, const std::function<void(std::string_view)>& sink) {
  while (size > 0) {
    if (begin_ == end_) {
      Error e = Fill(false);
      if (!e.ok()) return e;
    }
    std::size_t n = std::min(size, end_ - begin_);
    sink(std::string_view(buffer_ + begin_, n));
    begin_ += n;
    size -= n;
  }
  return Error::Ok();
}

Error Reader::ReadToEnd(const std::function<void(std::string_view)>& sink, std::size_t max_size) {
  std::size_t total = 0;
  while (true) {
    if (begin_ == end_) {
      begin_ = end_ = 0;
      ssize_t n = source_.Read(buffer_, sizeof(buffer_));
      if (n < 0) return ReadFailure();
      if (n == 0) return Error::Ok();
      end_ = static_cast<std::size_t>(n);
    }
    total += end_ - begin_;
    if (total > max_size) return {ErrorCode::kTooLarge, "body over " + std::to_string(max_size) + " bytes"};
    sink(std::string_view(buffer_ + begin_, end_ - begin_));
    begin_ = end_;
  }
}

namespace {

// RFC 9110 tchar. A switch, not strchr over the list: every '-' of every header name would call
// memchr, which costs musl about 100 instructions a call (glibc's vector version about 20).
bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
      return true;
    default:
      return false;
  }
}

std::string_view TrimOws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Reads header fields up to and including the empty line.
Error ReadFields(Reader& reader, Headers* headers) {
  std::string line;
  while (true) {
    Error e = reader.ReadLine(&line, kMaxHeaderLine);
    if (!e.ok()) return e.code == ErrorCode::kClosed ? Error{ErrorCode::kTruncated, e.message} : e;
    if (line.empty()) return Error::Ok();
    if (headers->size() >= kMaxHeaderCount) return {ErrorCode::kTooLarge, "more than 128 header fields"};
    std::size_t colon = line.find(':');
    if (colon == std::string::npos || colon == 0) return {ErrorCode::kMalformed, "header field without a name"};
    std::string_view name(line.data(), colon);
    for (char c : name) {
      if (!IsTokenChar(c)) return {ErrorCode::kMalformed, "bad character in header name"};
    }
    std::string_view value = TrimOws(std::string_view(line).substr(colon + 1));
    for (char c : value) {
      if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7f) return {ErrorCode::kMalformed, "control character in header value"};
    }
    headers->Add(std::string(name), std::string(value));
  }
}

bool ParseHexSize(std::string_view text, std::size_t* out) {
  std::size_t semicolon = text.find(';');  // Chunk extensions are allowed and ignored.
  if (semicolon != std::string_view::npos) text = text.substr(0, semicolon);
  text = TrimOws(text);
  if (text.empty() || text.size() > 15) return false;
  std::size_t value = 0;
  for (char c : text) {
    int digit;
    if (c >= '0' && c <= '9') digit = c - '0';
    else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    else return false;
    value = value * 16 + static_cast<std::size_t>(digit);
  }
  *out = value;
  return true;
}

}  // namespace

Error ReadRequestHead(Reader& reader, RequestHead* head) {
  reader.BeginMessage();
  std::string line;
  Error e = reader.ReadLine(&line, kMaxStartLine);
  if (!e.ok()) return e;
  std::size_t sp1 = line.find(' ');
  std::size_t sp2 = sp1 == std::string::npos ? std::string::npos : line.find(' ', sp1 + 1);
  if (sp1 == std::string::npos || sp2 == std::string::npos || line.find(' ', sp2 + 1) != std::string::npos) {
    return {ErrorCode::kMalformed, "bad request line"};
  }
  head->method = line.substr(0, sp1);
  head->target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string_view version = std::string_view(line).substr(sp2 + 1);
  if (head->method.empty() || head->target.empty() || head->target[0] != '/') {
    return {ErrorCode::kMalformed, "bad request line"};
  }
  for (char c : head->method) {
    if (!IsTokenChar(c)) return {ErrorCode::kMalformed, "bad method"};
  }
  if (version != "HTTP/1.1" && version != "HTTP/1.0") return {ErrorCode::kMalformed, "unsupported HTTP version"};
  return ReadFields(reader, &head->headers);
}

Error ReadResponseHead(Reader& reader, ResponseHead* head) {
  reader.BeginMessage();
  std::string line;
  Error e = reader.ReadLine(&line, kMaxStartLine);
  if (!e.ok()) return e;
  // "HTTP/1.1 200 OK"; the reason phrase may be empty, with or without its space.
  if (line.size() < 12 || line.compare(0, 7, "HTTP/1.") != 0 || (line[7] != '1' && line[7] != '0') || line[8] != ' ') {
    return {ErrorCode::kMalformed, "bad status line"};
  }
  int status = 0;
  for (int i = 9; i < 12; ++i) {
    if (line[i] < '0' || line[i] > '9') return {ErrorCode::kMalformed, "bad status code"};
    status = status * 10 + (line[i] - '0');
  }
  if (status < 100 || (line.size() > 12 && line[12] != ' ')) return {ErrorCode::kMalformed, "bad status code"};
  head->status = status;
  head->reason = line.size() > 13 ? line.substr(13) : "";
  return ReadFields(reader, &head->headers);
}

Error ReadBody(Reader& reader, Framing framing, std::size_t length, std::size_t max_size, const BodySink& sink,
               Headers* trailers) {
  bool stopped = false;
  auto forward = [&](std::string_view data) {
    if (!stopped && !sink(data)) stopped = true;
  };
  switch (framing) {
    case Framing::kNone:
      return Error::Ok();
    case Framing::kContentLength: {
      if (length > max_size) return {ErrorCode::kTooLarge, "body of " + std::to_string(length) + " bytes"};
      Error e = reader.ReadExact(length, forward);
      if (!e.ok()) return e;
      return stopped ? Error{ErrorCode::kTooLarge, "body refused"} : Error::Ok();
    }
    case Framing::kUntilClose: {
      Error e = reader.ReadToEnd(forward, max_size);
      if (!e.ok()) return e;
      return stopped ? Error{ErrorCode::kTooLarge, "body refused"} : Error::Ok();
    }
    case Framing::kChunked:
      break;
  }
  std::size_t total = 0;
  std::string line;
  while (true) {
    Error e = reader.ReadLine(&line, kMaxChunkLine);
    if (!e.ok()) return e.code == ErrorCode::kClosed ? Error{ErrorCode::kTruncated, e.message} : e;
    std::size_t size = 0;
    if (!ParseHexSize(line, &size)) return {ErrorCode::kMalformed, "bad chunk size line"};
    if (size == 0) break;
    if (size > max_size || total + size > max_size) {
      return {ErrorCode::kTooLarge, "body over " + std::to_string(max_size) + " bytes"};
    }
    total += size;
    e = reader.ReadExact(size, forward);
    if (!e.ok()) return e;
    if (stopped) return {ErrorCode::kTooLarge, "body refused"};
    e = reader.ReadLine(&line, 0);
    if (!e.ok()) return e.code == ErrorCode::kTooLarge ? Error{ErrorCode::kMalformed, "chunk longer than its size"} : e;
  }
  Headers ignored;
  return ReadFields(reader, trailers != nullptr ? trailers : &ignored);
}

Error ReadBodyToString(Reader& reader, Framing framing, std::size_t length, std::size_t max_size, std::string* body,
                       Headers* trailers) {
  body->clear();
  if (framing == Framing::kContentLength && length <= max_size) body->reserve(length);
  return ReadBody(
      reader, framing, length, max_size,
      [body](std::string_view data) {
        body->append(data);
        return true;
      },
      trailers);
}

}  // namespace lambda::http
