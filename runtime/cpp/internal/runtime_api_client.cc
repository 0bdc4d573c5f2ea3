#include "runtime/cpp/internal/runtime_api_client.h"

#include "runtime/cpp/http/writer.h"
#include "runtime/handler.h"

namespace lambda::internal {

RuntimeApiClient::RuntimeApiClient(std::string host, uint16_t port) : host_(std::move(host)), port_(port) {}

http::Error RuntimeApiClient::Connect() {
  Disconnect();
  http::Error e = http::ConnectTcp(host_, port_, &fd_);
  if (!e.ok()) return e;
  source_ = std::make_unique<http::FdSource>(fd_.get());
  reader_ = std::make_unique<http::Reader>(*source_);
  return http::Error::Ok();
}

void RuntimeApiClient::Disconnect() {
  reader_.reset();
  source_.reset();
  fd_.reset();
  reused_ = false;
}

http::Error RuntimeApiClient::ReadReply(ApiReply* reply) {
  http::ResponseHead head;
  http::Error e = http::ReadResponseHead(*reader_, &head);
  // 100 Continue, 102 Processing, 103 Early Hints: a head without a body, then the real reply.
  for (int interim = 0; e.ok() && head.status >= 100 && head.status < 200; ++interim) {
    if (head.status == 101 || interim == kMaxInterimReplies) {
      return {http::ErrorCode::kMalformed, "unexpected " + std::to_string(head.status) + " reply"};
    }
    head = http::ResponseHead();
    e = http::ReadResponseHead(*reader_, &head);
  }
  if (!e.ok()) return e;
  http::Framing framing;
  std::size_t length = 0;
  e = http::ResponseFraming(head.headers, head.status, &framing, &length);
  if (!e.ok()) return e;
  e = http::ReadBodyToString(*reader_, framing, length, kMaxApiReplyBytes, &reply->body, nullptr);
  if (!e.ok()) return e;
  reply->status = head.status;
  reply->headers = std::move(head.headers);
  const std::string* connection = reply->headers.Find("Connection");
  if (framing == http::Framing::kUntilClose ||
      (connection != nullptr && http::EqualsIgnoreCase(*connection, "close"))) {
    Disconnect();  // The server will not reuse it.
  } else {
    reused_ = true;
  }
  return http::Error::Ok();
}

namespace {

std::string RequestWire(std::string_view method, std::string_view path, http::Headers headers, bool chunked,
                        std::string_view body) {
  headers.Add("Host", "localhost");
  headers.Add("User-Agent", kRuntimeUserAgent);
  if (chunked) {
    headers.Add("Transfer-Encoding", "chunked");
  } else if (method != "GET" || !body.empty()) {
    headers.Add("Content-Length", std::to_string(body.size()));
  }
  std::string wire;
  wire.reserve(256 + body.size());
  http::AppendRequestHead(&wire, method, path, headers);
  wire.append(body);
  return wire;
}

bool PeerWentAway(const http::Error& e) {
  return e.code == http::ErrorCode::kClosed || e.code == http::ErrorCode::kIo;
}

}  // namespace

http::Error RuntimeApiClient::Exchange(std::string_view method, std::string_view path, const http::Headers& headers,
                                       std::string_view body, ApiReply* reply, http::Deadline deadline) {
  const std::string wire = RequestWire(method, path, headers, false, body);
  for (int attempt = 0;; ++attempt) {
    if (!fd_.valid()) {
      http::Error e = Connect();
      if (!e.ok()) return e;
    }
    const bool was_reused = reused_;
    source_->set_deadline(deadline);
    http::Error e = http::WriteAll(fd_.get(), wire, deadline);
    if (e.ok()) e = ReadReply(reply);
    if (e.ok()) return e;
    Disconnect();
    // A keep-alive connection the server had already closed: it never saw this request.
    if (attempt == 0 && was_reused && PeerWentAway(e)) continue;
    return e;
  }
}

http::Error RuntimeApiClient::BeginStream(std::string_view path, const http::Headers& headers) {
  if (!fd_.valid()) {
    http::Error e = Connect();
    if (!e.ok()) return e;
  }
  http::Error e = http::WriteAll(fd_.get(), RequestWire("POST", path, headers, true, ""), http::DeadlineIn(kReplyTimeout));
  if (!e.ok()) Disconnect();
  return e;
}

http::Error RuntimeApiClient::WriteChunk(std::string_view data) {
  if (!fd_.valid()) return {http::ErrorCode::kIo, "stream connection lost"};
  std::string wire;
  wire.reserve(data.size() + 16);
  http::AppendChunk(&wire, data);
  http::Error e = http::WriteAll(fd_.get(), wire, http::DeadlineIn(kReplyTimeout));
  if (!e.ok()) Disconnect();
  return e;
}

http::Error RuntimeApiClient::EndStream(const http::Headers& trailers, ApiReply* reply) {
  if (!fd_.valid()) return {http::ErrorCode::kIo, "stream connection lost"};
  std::string wire;
  http::AppendLastChunk(&wire, trailers);
  const http::Deadline deadline = http::DeadlineIn(kReplyTimeout);
  source_->set_deadline(deadline);
  http::Error e = http::WriteAll(fd_.get(), wire, deadline);
  if (e.ok()) e = ReadReply(reply);
  if (!e.ok()) Disconnect();
  return e;
}

}  // namespace lambda::internal
