// Unbounded recursion in a Ruchy program stops with the runtime error `Ruchy.StackOverflow`, which
// `catch` catches and a Lambda invocation reports, instead of a segfault that kills the process:
// every generated function starts with rt::CheckStack, which compares the stack pointer with a
// limit kept per thread, a reserve above the end of the thread's stack. The reserve is room for
// what runs below the last checked frame: support-library code, and the throw and its unwinding.
//
// Cost: a thread-local load, a compare and a branch never taken per call (measured on the compute
// pairs, docs/language.md "Limits"). The thread's stack bounds are read once, at its first check.
#ifndef RUCHY_STD_STACK_GUARD_H_
#define RUCHY_STD_STACK_GUARD_H_

#include <cstddef>
#include <cstdint>

namespace rt {

// The reserve left below the last checked frame; a thread with a small stack keeps a quarter of it.
inline constexpr std::size_t kStackReserveBytes = std::size_t{256} << 10;
// The most stack a thread's Ruchy code uses: a main thread under `ulimit -s unlimited` reports a
// stack as large as the gap below it, and recursion must not take all memory before it stops.
inline constexpr std::size_t kMaxStackBytes = std::size_t{1} << 30;

namespace stack_guard_internal {

// The lowest address this thread's Ruchy code may reach. kUnknownLimit until the thread's first
// check reads its stack bounds; 0 when they cannot be read (then nothing is ever reported).
inline constexpr std::uintptr_t kUnknownLimit = UINTPTR_MAX;
// Initial-exec: one load relative to the thread pointer, never a call to look the variable up.
inline thread_local constinit std::uintptr_t t_stack_limit __attribute__((tls_model("initial-exec"))) =
    kUnknownLimit;

// The first check on a thread (sets the limit), or past the limit (throws Ruchy.StackOverflow).
[[gnu::cold, gnu::noinline]] void BelowLimit(const char* function, std::uintptr_t here);

}  // namespace stack_guard_internal

// The stack pointer, read directly: the address of a local would give every function a
// stack-protector canary (-fstack-protector-strong) and __builtin_frame_address a frame pointer,
// each costing more than the check itself.
[[gnu::always_inline]] inline std::uintptr_t StackPointer() {
  std::uintptr_t sp;
#if defined(__x86_64__)
  asm("mov %%rsp, %0" : "=r"(sp));
#elif defined(__aarch64__)
  asm("mov %0, sp" : "=r"(sp));
#else
  sp = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
#endif
  return sp;
}

// The prologue of every generated function; `function` is its Ruchy name, for the message.
[[gnu::always_inline]] inline void CheckStack(const char* function) {
  std::uintptr_t here = StackPointer();
  if (__builtin_expect(here < stack_guard_internal::t_stack_limit, 0)) {
    stack_guard_internal::BelowLimit(function, here);
  }
}

}  // namespace rt

#endif  // RUCHY_STD_STACK_GUARD_H_
