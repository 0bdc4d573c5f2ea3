// File: tools/emulator/limits.h
//
// Every limit and timeout of the emulator, in one place (docs/emulator.md lists them): Lambda's
// own limits, which the emulator enforces as Lambda does, and the emulator's bounds on what a
// peer can make it hold or wait for.
#ifndef TOOLS_EMULATOR_LIMITS_H_
#define TOOLS_EMULATOR_LIMITS_H_

#include <chrono>
#include <cstddef>

namespace lambda::emulator {

// Lambda's limits, as AWS states them.
inline constexpr std::size_t kMaxResponseBytes = 6 * 1024 * 1024 + 100;  // 6291556: /response.
inline constexpr std::size_t kMaxInvokeRequestBytes = 6 * 1024 * 1024;   // 6291456: the event.
inline constexpr std::size_t kLogTailBytes = 4096;

// JSON the emulator reads (error bodies, client contexts) nested deeper than this is not JSON to
// it. Parsing is iterative, so the bound is on work, not on the stack.
inline constexpr int kMaxJsonDepth = 512;

// Connections one port keeps open. Past it the longest-idle keep-alive connection is closed to
// make room; if none is idle the newcomer is refused (the Invoke API answers 429 first).
inline constexpr std::size_t kMaxConnections = 128;
// A keep-alive connection with no request for this long is closed. The Runtime API adds the
// function timeout: a runtime's connection is idle while its handler runs.
inline constexpr std::chrono::milliseconds kIdleTimeout{60'000};
// A request's head must arrive within this of its first byte, and a body that is read whole
// within this of the handler asking for it (a streamed /response has no bound but the invoke's).
inline constexpr std::chrono::milliseconds kRequestTimeout{30'000};
// A peer must take each piece of a response within this (a client that stops reading).
inline constexpr std::chrono::milliseconds kWriteTimeout{30'000};
// A body nobody asked for is read and dropped up to this size; a larger one closes the
// connection, and a Content-Length over it is answered 413 at once.
inline constexpr std::size_t kMaxRequestBodyBytes = 64u << 20;

// Invokes the Invoke API lets wait (queued or running) before it throttles with 429, as Lambda
// does past a function's concurrency.
inline constexpr std::size_t kMaxPendingInvokes = 64;
// Answered request ids remembered to tell a late or repeated answer (410, 403) from an unknown
// id (400). Older ones are forgotten and get 400.
inline constexpr std::size_t kRememberedRequestIds = 1024;
// Bytes of each request body kept for Observed() (tests); the rest is counted, not kept.
inline constexpr std::size_t kMaxObservedBodyBytes = 64 * 1024;

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_LIMITS_H_
