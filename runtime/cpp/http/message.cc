#include "runtime/cpp/http/message.h"

#include <cstdlib>

namespace lambda::http {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kClosed: return "closed";
    case ErrorCode::kTruncated: return "truncated";
    case ErrorCode::kMalformed: return "malformed";
    case ErrorCode::kTooLarge: return "too large";
    case ErrorCode::kIo: return "i/o error";
    case ErrorCode::kTimeout: return "timed out";
    case ErrorCode::kConnect: return "cannot connect";
  }
  return "unknown";
}

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Parses a non-negative decimal Content-Length; rejects signs, spaces and overflow.
bool ParseLength(std::string_view text, std::size_t* out) {
  if (text.empty() || text.size() > 19) return false;
  std::size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  *out = value;
  return true;
}

Error DetectFraming(const Headers& headers, bool until_close_allowed, Framing* framing, std::size_t* length) {
  const std::string* te = headers.Find("Transfer-Encoding");
  const std::string* cl = headers.Find("Content-Length");
  if (te != nullptr) {
    // One Transfer-Encoding, exactly "chunked": a second one (or a list) is how requests are
    // smuggled past a peer that reads only the first.
    int count = 0;
    for (const auto& entry : headers.entries()) count += EqualsIgnoreCase(entry.first, "Transfer-Encoding") ? 1 : 0;
    if (count > 1) return {ErrorCode::kMalformed, "repeated Transfer-Encoding headers"};
    if (!EqualsIgnoreCase(*te, "chunked")) {
      return {ErrorCode::kMalformed, "unsupported Transfer-Encoding: " + *te};
    }
    if (cl != nullptr) return {ErrorCode::kMalformed, "both Content-Length and Transfer-Encoding"};
    *framing = Framing::kChunked;
    return Error::Ok();
  }
  if (cl != nullptr) {
    // Repeated Content-Length headers must agree (RFC 9110 8.6).
    for (const auto& [name, value] : headers.entries()) {
      if (EqualsIgnoreCase(name, "Content-Length") && value != *cl) {
        return {ErrorCode::kMalformed, "conflicting Content-Length headers"};
      }
    }
    if (!ParseLength(*cl, length)) return {ErrorCode::kMalformed, "bad Content-Length: " + *cl};
    *framing = Framing::kContentLength;
    return Error::Ok();
  }
  *framing = until_close_allowed ? Framing::kUntilClose : Framing::kNone;
  return Error::Ok();
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

void Headers::Set(std::string_view name, std::string value) {
  std::vector<std::pair<std::string, std::string>> kept;
  kept.reserve(entries_.size() + 1);
  for (auto& entry : entries_) {
    if (!EqualsIgnoreCase(entry.first, name)) kept.push_back(std::move(entry));
  }
  kept.emplace_back(std::string(name), std::move(value));
  entries_ = std::move(kept);
}

const std::string* Headers::Find(std::string_view name) const {
  for (const auto& entry : entries_) {
    if (EqualsIgnoreCase(entry.first, name)) return &entry.second;
  }
  return nullptr;
}

Error RequestFraming(const Headers& headers, Framing* framing, std::size_t* length) {
  return DetectFraming(headers, /*until_close_allowed=*/false, framing, length);
}

Error ResponseFraming(const Headers& headers, int status, Framing* framing, std::size_t* length) {
  if ((status >= 100 && status < 200) || status == 204 || status == 304) {
    *framing = Framing::kNone;
    return Error::Ok();
  }
  return DetectFraming(headers, /*until_close_allowed=*/true, framing, length);
}

}  // namespace lambda::http
