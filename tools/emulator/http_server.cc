#include "tools/emulator/http_server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <vector>

#include "runtime/cpp/http/socket.h"
#include "runtime/cpp/http/writer.h"

namespace lambda::emulator {
namespace {

// A body nobody asked for is read and dropped up to this size before giving up on the connection.
constexpr std::size_t kMaxDiscardedBody = 64u << 20;

}  // namespace

std::string_view ServerRequest::path() const {
  std::string_view target = head_.target;
  return target.substr(0, target.find('?'));
}

http::Error ServerRequest::ReadBody(std::size_t max_size, std::string* body, http::Headers* trailers,
                                    bool* too_large) {
  body_read_ = true;
  *too_large = false;
  http::Framing framing;
  std::size_t length = 0;
  http::Error e = http::RequestFraming(head_.headers, &framing, &length);
  if (!e.ok()) return e;
  body->clear();
  return http::ReadBody(
      reader_, framing, length, kMaxDiscardedBody,
      [&](std::string_view data) {
        if (body->size() + data.size() > max_size) *too_large = true;
        if (!*too_large) body->append(data);
        return true;
      },
      trailers);
}

http::Error ServerRequest::StreamBody(const std::function<void(std::string_view)>& sink, http::Headers* trailers) {
  body_read_ = true;
  http::Framing framing;
  std::size_t length = 0;
  http::Error e = http::RequestFraming(head_.headers, &framing, &length);
  if (!e.ok()) return e;
  return http::ReadBody(
      reader_, framing, length, kMaxDiscardedBody,
      [&](std::string_view data) {
        sink(data);
        return true;
      },
      trailers);
}

void ResponseWriter::BeforeWrite() {
  if (on_first_write_) {
    auto hook = std::move(on_first_write_);
    on_first_write_ = nullptr;
    hook();
  }
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
  return http::WriteAll(fd_, wire).ok();
}

bool ResponseWriter::BeginChunked(int status, http::Headers headers) {
  BeforeWrite();
  headers.Set("Transfer-Encoding", "chunked");
  if (close_after_) headers.Set("Connection", "close");
  std::string wire;
  http::AppendResponseHead(&wire, status, http::ReasonPhrase(status), headers);
  sent_ = true;
  return http::WriteAll(fd_, wire).ok();
}

bool ResponseWriter::WriteChunk(std::string_view data) {
  std::string wire;
  http::AppendChunk(&wire, data);
  return wire.empty() || http::WriteAll(fd_, wire).ok();
}

bool ResponseWriter::EndChunked(const http::Headers& trailers) {
  std::string wire;
  http::AppendLastChunk(&wire, trailers);
  return http::WriteAll(fd_, wire).ok();
}

bool ResponseWriter::WriteRaw(std::string_view bytes) {
  BeforeWrite();
  sent_ = true;
  return http::WriteAll(fd_, bytes).ok();
}

struct HttpServer::Connection {
  http::Fd fd;
  uint64_t id = 0;
  std::thread thread;
  std::atomic<bool> done{false};
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

std::string HttpServer::Start(uint16_t port, Handler handler) {
  handler_ = std::move(handler);
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
    if (client < 0) continue;
    int one = 1;
    ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    auto connection = std::make_shared<Connection>();
    connection->fd.reset(client);
    connection->id = next_connection_id_++;
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = connections_.begin(); it != connections_.end();) {  // Reap finished ones.
      if ((*it)->done) {
        (*it)->thread.join();
        it = connections_.erase(it);
      } else {
        ++it;
      }
    }
    connections_.insert(connection);
    connection->thread = std::thread([this, connection] { Serve(connection); });
  }
}

void HttpServer::Serve(std::shared_ptr<Connection> connection) {
  http::FdSource source(connection->fd.get());
  http::Reader reader(source);
  while (!stopping_) {
    http::RequestHead head;
    http::Error e = http::ReadRequestHead(reader, &head);
    if (!e.ok()) {
      if (e.code == http::ErrorCode::kMalformed || e.code == http::ErrorCode::kTooLarge) {
        ResponseWriter writer(connection->fd.get());
        writer.CloseAfter();
        int status = e.code == http::ErrorCode::kTooLarge ? 431 : 400;
        writer.Send(status, http::Headers(), "");
      }
      break;
    }
    const std::string* connection_header = head.headers.Find("Connection");
    bool client_close = connection_header != nullptr && http::EqualsIgnoreCase(*connection_header, "close");
    ServerRequest request(std::move(head), reader, connection->id, connection->fd.get());
    ResponseWriter writer(connection->fd.get());
    if (client_close) writer.CloseAfter();
    handler_(request, writer);
    if (!request.body_read()) {
      std::string ignored;
      bool too_large = false;
      if (!request.ReadBody(0, &ignored, nullptr, &too_large).ok()) writer.CloseAfter();
    }
    if (!writer.sent()) writer.Send(500, http::Headers(), "");
    if (writer.close_after()) break;
  }
  ::shutdown(connection->fd.get(), SHUT_RDWR);
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
