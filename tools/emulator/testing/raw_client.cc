#include "tools/emulator/testing/raw_client.h"

#include <poll.h>
#include <unistd.h>

#include "runtime/cpp/http/writer.h"

namespace lambda::emulator::testing {

RawClient::RawClient(uint16_t port) {
  if (!http::ConnectTcp("127.0.0.1", port, &fd_).ok()) return;
  source_ = std::make_unique<http::FdSource>(fd_.get());
  reader_ = std::make_unique<http::Reader>(*source_);
}

bool RawClient::SendRaw(const std::string& bytes) { return connected() && http::WriteAll(fd_.get(), bytes).ok(); }

RawResponse RawClient::ReadResponse(std::chrono::milliseconds guard) {
  RawResponse r;
  if (!connected()) {
    r.error = {http::ErrorCode::kIo, "not connected"};
    return r;
  }
  source_->set_deadline(http::DeadlineIn(guard));
  http::ResponseHead head;
  r.error = http::ReadResponseHead(*reader_, &head);
  if (!r.error.ok()) return r;
  http::Framing framing;
  std::size_t length = 0;
  r.error = http::ResponseFraming(head.headers, head.status, &framing, &length);
  if (!r.error.ok()) return r;
  r.chunked = framing == http::Framing::kChunked;
  r.error = http::ReadBodyToString(*reader_, framing, length, 64u << 20, &r.body, &r.trailers);
  if (!r.error.ok()) return r;
  r.status = head.status;
  r.headers = std::move(head.headers);
  return r;
}

RawResponse RawClient::Get(const std::string& path) {
  std::string wire;
  http::Headers h;
  h.Add("Host", "127.0.0.1");
  http::AppendRequestHead(&wire, "GET", path, h);
  SendRaw(wire);
  return ReadResponse();
}

RawResponse RawClient::Post(const std::string& path, const std::string& body, const http::Headers& headers) {
  http::Headers h = headers;
  h.Add("Host", "127.0.0.1");
  if (!h.Has("Transfer-Encoding")) h.Set("Content-Length", std::to_string(body.size()));
  std::string wire;
  http::AppendRequestHead(&wire, "POST", path, h);
  if (h.Has("Transfer-Encoding")) {
    http::AppendChunk(&wire, body);
    http::AppendLastChunk(&wire);
  } else {
    wire += body;
  }
  SendRaw(wire);
  return ReadResponse();
}

bool RawClient::ClosedByPeer(int timeout_ms) {
  pollfd p{fd_.get(), POLLIN, 0};
  if (::poll(&p, 1, timeout_ms) <= 0) return false;
  char byte;
  return ::read(fd_.get(), &byte, 1) == 0;
}

}  // namespace lambda::emulator::testing
