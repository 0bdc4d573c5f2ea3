// File: stdlib/async/internal/poller.h
//
// The loop's file-descriptor readiness, on epoll.
//
// An fd is registered once, on its first wait, for input and output, edge-triggered, and stays
// registered until it is closed through rt_fd_close (Forget), so waiting costs no epoll_ctl call.
// Readiness is remembered per direction: an edge sets it, and the I/O primitives clear it when an
// operation returns EAGAIN or falls short (ClearReady). A wait on an fd already known ready
// completes at once; otherwise it waits for the next edge (readiness.h has the callers' rules).
// EPOLLHUP and EPOLLERR make both directions ready (the next read or write reports the end or
// the error).
//
// Events carry the fd and a generation number, so an event for an fd that was closed (and its
// number reused) while a batch of events was being dispatched is recognised and dropped.
#ifndef STDLIB_ASYNC_INTERNAL_POLLER_H_
#define STDLIB_ASYNC_INTERNAL_POLLER_H_

#include <sys/epoll.h>

#include <cstddef>
#include <cstdint>
#include <deque>

#include "stdlib/async/internal/waiter.h"

namespace rt::async_internal {

enum class Direction { kRead, kWrite };

// How many events one epoll_wait returns at most; more wait for the next round.
inline constexpr int kMaxEventsPerPoll = 256;

class Poller {
 public:
  Poller();  // Throws rt::RuntimeError if epoll is unavailable.
  ~Poller();
  Poller(const Poller&) = delete;
  Poller& operator=(const Poller&) = delete;

  // Queues WAITER for FD becoming ready in DIR. Returns 0 if it was queued, 1 if FD is known
  // ready now (nothing queued), or -errno if FD cannot be waited on (EBADF, EPERM for regular
  // files, which epoll does not support).
  int Wait(int fd, Direction dir, Waiter& waiter);

  // A queued WAITER gives up (its frame is being destroyed): it leaves its fd's queue.
  void Abandon(Waiter& waiter);

  // An operation on FD in DIR returned EAGAIN: forget that it was ready.
  void ClearReady(int fd, Direction dir);

  // FD is about to be closed: its waiters move to WOKEN with result -EBADF, and the loop
  // forgets it.
  void Forget(int fd, WaiterList& woken);

  // Waits at most TIMEOUT_MS (-1: no limit) for events and moves the waiters they wake to
  // WOKEN (result 0). Returns the number of events.
  int Poll(int timeout_ms, WaiterList& woken);

  // How many waiters are queued on fds.
  std::size_t waiters() const { return waiters_; }
  // How many fds the table has room for (one past the highest fd ever waited on).
  std::size_t table_size() const { return records_.size(); }

 private:
  struct Record {
    uint32_t generation = 0;
    bool registered = false;
    bool readable = false;
    bool writable = false;
    // Sticky: after end of stream (EPOLLRDHUP, EPOLLHUP) or an error no new edge will come, so
    // a short read does not make the fd "not readable" again (ClearReady); a wait ends at once.
    bool read_ended = false;
    bool write_ended = false;
    WaiterList readers;
    WaiterList writers;
  };
  Record* Find(int fd);
  void Wake(WaiterList& from, WaiterList& woken, int result);

  int epoll_fd_ = -1;
  std::deque<Record> records_;  // By fd; a deque keeps records (and their lists) in place.
  std::size_t waiters_ = 0;     // Kept exact by Wait, Wake and Abandon.
  epoll_event events_[kMaxEventsPerPoll];
};

}  // namespace rt::async_internal

#endif  // STDLIB_ASYNC_INTERNAL_POLLER_H_
