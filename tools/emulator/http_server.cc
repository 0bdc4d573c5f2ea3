#include "tools/emulator/http_server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <system_error>
#include <vector>

#include "runtime/cpp/http/socket.h"
#include "runtime/cpp/http/writer.h"

namespace lambda::emulator {

std::string_view ServerRequest::path() const {
  std::string_view target = head_.target;
  return target.substr(0, target.find('?'));
}

http::Error ServerRequest::Read(const http::BodySink& sink, http::Headers* trailers, http::Deadline deadline) {
  body_read_ = true;
  source_.set_deadline(deadline);
  http::Error e = http::ReadBody(reader_, framing_, length_, kMaxRequestBodyBytes, sink, trailers);
  body_failed_ = !e.ok();
  return e;
}

http::Error ServerRequest::ReadBody(std::size_t max_size, std::string* body, http::Headers* trailers,
                                    bool* too_large) {
  *too_large = false;
  body->clear();
  return Read(
      [&](std::string_view data) {
        if (body->size() + data.size() > max_size) *too_large = true;
        if (!*too_large) body->append(data);
        return true;
      },
      trailers, http::DeadlineIn(body_timeout_));
}

http::Error ServerRequest::StreamBody(const std::function<void(std::string_view)>& sink, http::Headers* trailers) {
  return Read(
      [&](std::string_view data) {
        sink(data);
        return true;
      },
      trailers, http::kNoDeadline);
}

bool ChunkedBody::Write(std::string_view data) {
  std::lock_guard<std::mutex> lock(mu_);
  if (ended_ || broken_) return false;
  if (data.empty()) return true;  // An empty chunk would end the body.
  std::string wire;
  http::AppendChunk(&wire, data);
  broken_ = !http::WriteAll(fd_, wire, http::DeadlineIn(write_timeout_)).ok();
  return !broken_;
}

bool ChunkedBody::End(const http::Headers& trailers, std::string_view last_data) {
  std::lock_guard<std::mutex> lock(mu_);
  if (ended_) return false;
  ended_ = true;
  if (broken_) return false;
  std::string wire;
  if (!last_data.empty()) http::AppendChunk(&wire, last_data);
  http::AppendLastChunk(&wire, trailers);
  complete_ = http::WriteAll(fd_, wire, http::DeadlineIn(write_timeout_)).ok();
  return complete_;
}

void ChunkedBody::Abort() {
  std::lock_guard<std::mutex> lock(mu_);
  ended_ = true;
}

bool ChunkedBody::complete() const {
  std::lock_guard<std::mutex> lock(mu_);
  return complete_;
}

void ResponseWriter::BeforeWrite() {
  if (on_first_write_) {
    auto hook = std::move(on_first_write_);
    on_first_write_ = nullptr;
    hook();
  }
}

bool ResponseWriter::Write(std::string_view wire) {
  return http::WriteAll(fd_, wire, http::DeadlineIn(write_timeout_)).ok();
}

bool ResponseWriter::Send(int status, const http::Headers& headers, std::string_view body) {
  BeforeWrite();
  http::Headers all = headers;
  all.Set("Content-Length", std::to_string(body.size()));
  if (close_after_) all.Set("Connection", "close");
  std::string wire;
  http::AppendResponseHead(&wire, status, http::ReasonPhrase(status), all);
  wire.append(body);
  sent_ = true;
  return Write(wire);
}

std::shared_ptr<ChunkedBody> ResponseWriter::BeginChunked(int status, http::Headers headers) {
  BeforeWrite();
  headers.Set("Transfer-Encoding", "chunked");
  if (close_after_) headers.Set("Connection", "close");
  std::string wire;
  http::AppendResponseHead(&wire, status, http::ReasonPhrase(status), headers);
  sent_ = true;
  if (!Write(wire)) {
    close_after_ = true;
    return nullptr;
  }
  body_ = std::make_shared<ChunkedBody>(fd_, write_timeout_);
  return body_;
}

bool ResponseWriter::WriteRaw(std::string_view bytes) {
  BeforeWrite();
  sent_ = true;
  return Write(bytes);
}

void ResponseWriter::Finish() {
  if (body_ == nullptr) return;
  body_->Abort();  // A no-op if the handler ended it.
  if (!body_->complete()) close_after_ = true;
}

struct HttpServer::Connection {
  http::Fd fd;
  uint64_t id = 0;
  std::thread thread;
  std::atomic<bool> done{false};
  // Waiting for its next request. Whoever clears the flag owns the transition: the connection's
  // thread (a request came) or the acceptor (it closes the connection to make room).
  std::atomic<bool> idle{false};
  std::atomic<int64_t> idle_since_ns{0};
};

int HttpServer::Listen(uint16_t port, std::string* error) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    *error = std::string("socket: ") + std::strerror(errno);
    return -1;
  }
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 || ::listen(fd, 128) != 0) {
    *error = name_ + ": cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(errno);
    ::close(fd);
    return -1;
  }
  socklen_t len = sizeof(addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  return fd;
}

std::string HttpServer::Start(uint16_t port, Handler handler, ServerLimits limits) {
  handler_ = std::move(handler);
  limits_ = std::move(limits);
  std::string error;
  int fd = Listen(port, &error);
  if (fd < 0) return error;
  listen_fd_ = fd;
  accept_thread_ = std::thread([this] { AcceptLoop(); });
  return "";
}

void HttpServer::RefuseConnectionsFor(std::chrono::milliseconds duration) {
  if (refuse_thread_.joinable()) refuse_thread_.join();
  std::lock_guard<std::mutex> lock(refuse_mu_);
  int fd = listen_fd_.exchange(-1);
  if (fd >= 0) ::close(fd);
  refuse_thread_ = std::thread([this, duration] {
    auto until = std::chrono::steady_clock::now() + duration;
    while (!stopping_ && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::lock_guard<std::mutex> relock(refuse_mu_);
    if (stopping_) return;
    std::string error;
    for (int attempt = 0; attempt < 100; ++attempt) {  // The port may linger briefly.
      int reopened = Listen(port_, &error);
      if (reopened >= 0) {
        listen_fd_ = reopened;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
}

void HttpServer::AcceptLoop() {
  while (!stopping_) {
    int fd = listen_fd_.load();
    if (fd < 0) {  // Refusing connections for now.
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    int client = ::accept4(fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (client >= 0) Admit(client);
  }
}

namespace {

int64_t NowNs() { return std::chrono::steady_clock::now().time_since_epoch().count(); }

}  // namespace

void HttpServer::Admit(int client) {
  int one = 1;
  ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  auto connection = std::make_shared<Connection>();
  connection->fd.reset(client);
  connection->id = next_connection_id_++;
  auto refuse = [&] {
    if (!limits_.refusal.empty()) {
      http::WriteAll(client, limits_.refusal, http::DeadlineIn(limits_.write_timeout));
    }
    ::shutdown(client, SHUT_RDWR);
  };
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = connections_.begin(); it != connections_.end();) {  // Reap finished ones.
    if ((*it)->done) {
      (*it)->thread.join();
      it = connections_.erase(it);
    } else {
      ++it;
    }
  }
  if (connections_.size() >= limits_.max_connections) {
    // Make room by closing the longest-idle keep-alive connection; refuse if none is idle.
    std::shared_ptr<Connection> oldest;
    for (const auto& c : connections_) {
      if (c->idle && (oldest == nullptr || c->idle_since_ns < oldest->idle_since_ns)) oldest = c;
    }
    bool expected = true;
    if (oldest == nullptr || !oldest->idle.compare_exchange_strong(expected, false)) return refuse();
    ::shutdown(oldest->fd.get(), SHUT_RDWR);
  }
  try {
    connection->thread = std::thread([this, connection] { Serve(connection); });
  } catch (const std::system_error&) {  // No thread to be had: refuse this one, never abort.
    return refuse();
  }
  connections_.insert(connection);
}

void HttpServer::Serve(std::shared_ptr<Connection> connection) {
  const int fd = connection->fd.get();
  http::FdSource source(fd);
  http::Reader reader(source);
  auto refuse_request = [&](int status) {
    ResponseWriter writer(fd, limits_.write_timeout);
    writer.CloseAfter();
    writer.Send(status, http::Headers(), "");
  };
  while (!stopping_) {
    if (!reader.HasBuffered()) {  // Wait for the next request, as long as the idle timeout.
      connection->idle_since_ns = NowNs();
      connection->idle = true;
      bool ready = http::WaitReady(fd, POLLIN, http::DeadlineIn(limits_.idle_timeout));
      if (!connection->idle.exchange(false) || !ready) break;  // Closed to make room, or idle too long.
    }
    source.set_deadline(http::DeadlineIn(limits_.request_timeout));
    http::RequestHead head;
    http::Error e = http::ReadRequestHead(reader, &head);
    if (!e.ok()) {
      if (e.code == http::ErrorCode::kMalformed) refuse_request(400);
      if (e.code == http::ErrorCode::kTooLarge) refuse_request(431);
      if (e.code == http::ErrorCode::kTimeout) refuse_request(408);
      break;
    }
    // The body's framing is settled before any handler runs: a request whose framing is in
    // doubt is never answered as if it had been understood, and its bytes never read as the
    // next request.
    http::Framing framing;
    std::size_t length = 0;
    e = http::RequestFraming(head.headers, &framing, &length);
    if (!e.ok()) {
      refuse_request(400);
      break;
    }
    if (framing == http::Framing::kContentLength && length > kMaxRequestBodyBytes) {
      refuse_request(413);
      break;
    }
    const std::string* connection_header = head.headers.Find("Connection");
    bool client_close = connection_header != nullptr && http::EqualsIgnoreCase(*connection_header, "close");
    ServerRequest request(std::move(head), framing, length, reader, source, limits_.request_timeout, connection->id,
                          fd);
    ResponseWriter writer(fd, limits_.write_timeout);
    if (client_close) writer.CloseAfter();
    handler_(request, writer);
    if (!request.body_read()) {
      std::string ignored;
      bool too_large = false;
      request.ReadBody(0, &ignored, nullptr, &too_large);
    }
    if (request.body_failed()) writer.CloseAfter();  // Out of step with the peer.
    writer.Finish();
    if (!writer.sent()) writer.Send(500, http::Headers(), "");
    if (writer.close_after()) break;
  }
  ::shutdown(fd, SHUT_RDWR);
  connection->done = true;
}

void HttpServer::Stop() {
  if (stopping_.exchange(true)) return;
  {
    std::lock_guard<std::mutex> lock(refuse_mu_);
    int fd = listen_fd_.exchange(-1);
    if (fd >= 0) ::close(fd);
  }
  if (accept_thread_.joinable()) accept_thread_.join();
  if (refuse_thread_.joinable()) refuse_thread_.join();
  std::set<std::shared_ptr<Connection>> connections;
  {
    std::lock_guard<std::mutex> lock(mu_);
    connections.swap(connections_);
  }
  for (const auto& c : connections) ::shutdown(c->fd.get(), SHUT_RDWR);
  for (const auto& c : connections) {
    if (c->thread.joinable()) c->thread.join();
  }
}

}  // namespace lambda::emulator
