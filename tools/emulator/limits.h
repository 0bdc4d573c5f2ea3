// File: tools/emulator/limits.h
//
// Every limit and timeout of the emulator, in one place (docs/emulator.md lists them): Lambda's
// own limits, which the emulator enforces as Lambda does, and the emulator's bounds on what a
// peer can make it hold or wait for.
#ifndef TOOLS_EMULATOR_LIMITS_H_
#define TOOLS_EMULATOR_LIMITS_H_

#include <cstddef>

namespace lambda::emulator {

// Lambda's limits, as AWS states them.
inline constexpr std::size_t kMaxResponseBytes = 6 * 1024 * 1024 + 100;  // 6291556: /response.
inline constexpr std::size_t kMaxInvokeRequestBytes = 6 * 1024 * 1024;   // 6291456: the event.
inline constexpr std::size_t kLogTailBytes = 4096;

// JSON the emulator reads (error bodies, client contexts) nested deeper than this is not JSON to
// it. Parsing is iterative, so the bound is on work, not on the stack.
inline constexpr int kMaxJsonDepth = 512;

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_LIMITS_H_
