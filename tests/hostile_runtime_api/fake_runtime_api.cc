#include "tests/hostile_runtime_api/fake_runtime_api.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "runtime/cpp/http/writer.h"

namespace lambda::hostile {

std::string ResponsePath(std::string_view id) {
  return "/2018-06-01/runtime/invocation/" + std::string(id) + "/response";
}

std::string RawReply(std::string_view status_line, const std::vector<std::string>& head_lines, std::string_view body) {
  std::string wire(status_line);
  wire += "\r\n";
  for (const std::string& line : head_lines) wire += line + "\r\n";
  wire += "\r\n";
  wire += body;
  return wire;
}

std::string NextReply(std::string_view id, std::string_view event, const std::vector<std::string>& extra_headers) {
  const auto deadline = std::chrono::system_clock::now() + std::chrono::minutes(1);
  const auto deadline_ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline.time_since_epoch()).count();
  std::vector<std::string> lines = {
      "Content-Type: application/json",
      "Lambda-Runtime-Aws-Request-Id: " + std::string(id),
      "Lambda-Runtime-Deadline-Ms: " + std::to_string(deadline_ms),
      "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:hostile",
      "Lambda-Runtime-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
      "Content-Length: " + std::to_string(event.size()),
  };
  lines.insert(lines.end(), extra_headers.begin(), extra_headers.end());
  return RawReply("HTTP/1.1 200 OK", lines, event);
}

std::string Accepted() {
  return RawReply("HTTP/1.1 202 Accepted", {"Content-Type: application/json", "Content-Length: 15"},
                  "{\"status\":\"OK\"}");
}

Peer::Peer(http::Fd fd) : fd_(std::move(fd)) {
  source_ = std::make_unique<http::FdSource>(fd_.get());
  reader_ = std::make_unique<http::Reader>(*source_);
}

CapturedRequest Peer::ReadRequest(std::chrono::milliseconds guard) {
  CapturedRequest r = ReadRequestHead(guard);
  if (!r.ok()) return r;
  http::Framing framing;
  std::size_t length = 0;
  r.error = http::RequestFraming(r.headers, &framing, &length);
  if (!r.error.ok()) return r;
  r.error = http::ReadBodyToString(*reader_, framing, length, 64u << 20, &r.body, &r.trailers);
  return r;
}

CapturedRequest Peer::ReadRequestHead(std::chrono::milliseconds guard) {
  CapturedRequest r;
  if (!fd_.valid()) {
    r.error = {http::ErrorCode::kIo, "connection already closed by the test"};
    return r;
  }
  source_->set_deadline(http::DeadlineIn(guard));
  http::RequestHead head;
  r.error = http::ReadRequestHead(*reader_, &head);
  if (!r.error.ok()) return r;
  r.method = head.method;
  r.target = head.target;
  r.headers = head.headers;
  return r;
}

bool Peer::Send(std::string_view bytes) { return fd_.valid() && http::WriteAll(fd_.get(), bytes).ok(); }

bool Peer::SendSlowly(std::string_view bytes, std::chrono::milliseconds pause) {
  for (char c : bytes) {
    if (!Send(std::string_view(&c, 1))) return false;
    std::this_thread::sleep_for(pause);
  }
  return true;
}

void Peer::Reset() {
  if (!fd_.valid()) return;
  linger hard{1, 0};  // Close with RST: the runtime's next read fails with ECONNRESET.
  ::setsockopt(fd_.get(), SOL_SOCKET, SO_LINGER, &hard, sizeof(hard));
  fd_.reset();
}

bool Peer::ClosedByRuntime(std::chrono::milliseconds guard) {
  if (!fd_.valid()) return false;
  const auto until = std::chrono::steady_clock::now() + guard;
  char buffer[4096];
  while (http::WaitReady(fd_.get(), POLLIN, until)) {
    ssize_t n = ::recv(fd_.get(), buffer, sizeof(buffer), MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return true;
    if (std::chrono::steady_clock::now() >= until) return false;
  }
  return false;
}

FakeRuntimeApi::FakeRuntimeApi() {
  http::Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 || ::listen(fd.get(), 16) != 0) return;
  socklen_t len = sizeof(addr);
  ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  listener_ = std::move(fd);
}

std::unique_ptr<Peer> FakeRuntimeApi::Accept(std::chrono::milliseconds guard) {
  if (!listener_.valid() || !http::WaitReady(listener_.get(), POLLIN, http::DeadlineIn(guard))) return nullptr;
  int fd = ::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC);
  if (fd < 0) return nullptr;
  return std::make_unique<Peer>(http::Fd(fd));
}

std::unique_ptr<Peer> FakeRuntimeApi::AcceptPoll(CapturedRequest* first, std::chrono::milliseconds guard) {
  std::unique_ptr<Peer> peer = Accept(guard);
  if (peer == nullptr) return nullptr;
  *first = peer->ReadRequest(guard);
  if (!first->ok()) return nullptr;
  return peer;
}

}  // namespace lambda::hostile
