#include "stdlib/async/sys/sigterm.h"

#include <errno.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <mutex>

namespace {

std::atomic<int> g_event_fd{-1};
std::atomic<int> g_received{0};

void OnSigterm(int) {
  int saved = errno;
  g_received.store(1, std::memory_order_relaxed);
  uint64_t one = 1;
  // write(2) is async-signal-safe. The counter never needs reading: it only has to be non-zero.
  ssize_t ignored = ::write(g_event_fd.load(std::memory_order_relaxed), &one, sizeof(one));
  (void)ignored;
  errno = saved;
}

int Install() {
  int fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (fd < 0) return -errno;
  g_event_fd.store(fd, std::memory_order_relaxed);
  struct sigaction sa {};
  sa.sa_handler = OnSigterm;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  if (::sigaction(SIGTERM, &sa, nullptr) != 0) {
    int err = errno;
    g_event_fd.store(-1, std::memory_order_relaxed);
    ::close(fd);
    return -err;
  }
  return fd;
}

}  // namespace

extern "C" {

int rt_sigterm_fd(void) {
  static std::once_flag once;
  static int result = 0;
  std::call_once(once, [] { result = Install(); });
  return result;
}

int rt_sigterm_received(void) { return g_received.load(std::memory_order_relaxed); }

}  // extern "C"
