// File: stdlib/async/shutdown.h
//
// `await wait_sigterm()`: resumes when the process receives SIGTERM (sys/sigterm.h), on every loop
// that waits for it. Raises Ruchy.IoError if the handler cannot be installed.
#ifndef STDLIB_ASYNC_SHUTDOWN_H_
#define STDLIB_ASYNC_SHUTDOWN_H_

#include "stdlib/async/task.h"

namespace rt {

Task<void> wait_sigterm();

}  // namespace rt

#endif  // STDLIB_ASYNC_SHUTDOWN_H_
