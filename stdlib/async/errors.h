// File: stdlib/async/errors.h
//
// The errors the async library raises. Like every Ruchy runtime error they are rt::RuntimeError
// exceptions (stdlib/ruchy/core.h) whose type() is what a Lambda invocation reports as its
// errorType, so `catch e` in Ruchy and a failed invoke see them like any other error.
#ifndef STDLIB_ASYNC_ERRORS_H_
#define STDLIB_ASYNC_ERRORS_H_

#include <cstdint>
#include <string>

#include "ruchy/core.h"

namespace rt {

// Awaiting a task that was cancelled (JoinHandle::cancel, or a runtime shutting down).
inline constexpr const char* kCancelledError = errors::kCancelled;
// timeout(ms, task) ran out of time; the task was cancelled.
inline constexpr const char* kTimeoutError = errors::kTimeout;
// block_on's main task waits for something that can never happen (no timer, no I/O, nothing
// runnable): the program would hang forever, so it stops with this error instead.
inline constexpr const char* kDeadlockError = errors::kDeadlock;
// The async API used in a way it cannot honour: a task awaited twice, spawn() without a running
// loop, a join handle awaited from another loop's thread, select() of nothing.
inline constexpr const char* kAsyncMisuseError = errors::kAsyncMisuse;

[[noreturn]] void ThrowCancelled();
[[noreturn]] void ThrowTimeout(int64_t ms);
[[noreturn]] void ThrowAsyncMisuse(std::string message);

}  // namespace rt

#endif  // STDLIB_ASYNC_ERRORS_H_
