#include "stdlib/async/shutdown.h"

#include <cstring>
#include <string>

#include "stdlib/async/readiness.h"
#include "stdlib/async/sys/sigterm.h"

namespace rt {

Task<void> wait_sigterm() {
  int fd = rt_sigterm_fd();
  int r = fd < 0 ? fd : co_await WaitReadable(fd);
  if (r < 0) throw RuntimeError(rt::errors::kIoError, std::string("waiting for SIGTERM: ") + std::strerror(-r));
}

}  // namespace rt
