#include "stdlib/async/internal/poller.h"

#include <errno.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "ruchy/core.h"

namespace rt::async_internal {
namespace {

constexpr uint32_t kInterest = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;

uint64_t EventKey(int fd, uint32_t generation) {
  return static_cast<uint64_t>(static_cast<uint32_t>(fd)) | (static_cast<uint64_t>(generation) << 32);
}

}  // namespace

Poller::Poller() : epoll_fd_(::epoll_create1(EPOLL_CLOEXEC)) {
  if (epoll_fd_ < 0) {
    throw RuntimeError(rt::errors::kIoError, std::string("epoll_create1: ") + std::strerror(errno));
  }
}

Poller::~Poller() {
  for (Record& r : records_) {
    r.readers.Clear();
    r.writers.Clear();
  }
  ::close(epoll_fd_);
}

Poller::Record* Poller::Find(int fd) {
  if (fd < 0 || static_cast<std::size_t>(fd) >= records_.size()) return nullptr;
  return &records_[static_cast<std::size_t>(fd)];
}

int Poller::Wait(int fd, Direction dir, Waiter& waiter) {
  if (fd < 0) return -EBADF;
  Record* r = Find(fd);
  if (r == nullptr || !r->registered) {
    epoll_event ev{};
    ev.events = kInterest;
    ev.data.u64 = EventKey(fd, r != nullptr ? r->generation : 0);
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
      // EEXIST: the fd was closed behind our back and its number reused while still registered
      // through a duplicate. Re-register the new file.
      if (errno != EEXIST || ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, fd, &ev) != 0) return -errno;
    }
    // Only an fd epoll accepted (an open one) grows the table: it stays as small as the highest
    // fd in use, whatever number a caller passes.
    if (r == nullptr) {
      records_.resize(static_cast<std::size_t>(fd) + 1);
      r = &records_[static_cast<std::size_t>(fd)];
    }
    r->registered = true;
  }
  if (dir == Direction::kRead ? r->readable : r->writable) return 1;
  (dir == Direction::kRead ? r->readers : r->writers).PushBack(waiter);
  waiter.on_fd_queue = true;
  ++waiters_;
  return 0;
}

void Poller::Abandon(Waiter& waiter) {
  if (!waiter.on_fd_queue) return;
  waiter.on_fd_queue = false;
  waiter.Unlink();
  --waiters_;
}

void Poller::ClearReady(int fd, Direction dir) {
  Record* r = Find(fd);
  if (r == nullptr) return;
  if (dir == Direction::kRead ? r->read_ended : r->write_ended) return;  // no further edge will come
  (dir == Direction::kRead ? r->readable : r->writable) = false;
}

void Poller::Wake(WaiterList& from, WaiterList& woken, int result) {
  while (Waiter* w = from.PopFront()) {
    w->result = result;
    w->on_fd_queue = false;
    woken.PushBack(*w);
    --waiters_;
  }
}

void Poller::Forget(int fd, WaiterList& woken) {
  Record* r = Find(fd);
  if (r == nullptr || !r->registered) return;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);  // A dup'ed fd would otherwise keep it.
  Wake(r->readers, woken, -EBADF);
  Wake(r->writers, woken, -EBADF);
  r->registered = r->readable = r->writable = r->read_ended = r->write_ended = false;
  ++r->generation;
}

int Poller::Poll(int timeout_ms, WaiterList& woken) {
  int n = ::epoll_wait(epoll_fd_, events_, kMaxEventsPerPoll, timeout_ms);
  if (n < 0) {
    if (errno == EINTR) return 0;  // A signal: the caller re-checks its timers and goes on.
    throw RuntimeError(rt::errors::kIoError, std::string("epoll_wait: ") + std::strerror(errno));
  }
  for (int i = 0; i < n; ++i) {
    const epoll_event& ev = events_[i];
    int fd = static_cast<int>(static_cast<uint32_t>(ev.data.u64));
    Record* r = Find(fd);
    if (r == nullptr || !r->registered || r->generation != static_cast<uint32_t>(ev.data.u64 >> 32)) continue;
    const bool broken = (ev.events & (EPOLLHUP | EPOLLERR)) != 0;
    if (broken || (ev.events & EPOLLRDHUP) != 0) r->read_ended = true;
    if (broken) r->write_ended = true;
    if (broken || (ev.events & (EPOLLIN | EPOLLRDHUP)) != 0) {
      r->readable = true;
      Wake(r->readers, woken, 0);
    }
    if (broken || (ev.events & EPOLLOUT) != 0) {
      r->writable = true;
      Wake(r->writers, woken, 0);
    }
  }
  return n;
}

}  // namespace rt::async_internal
