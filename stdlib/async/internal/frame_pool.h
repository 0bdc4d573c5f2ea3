// File: stdlib/async/internal/frame_pool.h
//
// Where coroutine frames come from. Every rt::Task frame is allocated through its promise's
// operator new, which asks this pool: a per-thread cache of freed frames by size class, so that
// a steady request/response loop re-uses the frames of the previous round trip instead of going
// to malloc (stdlib/async/alloc_budget_test.cc holds it to that).
//
// The cache is per thread, not per event loop: operator new sees only the frame size, never the
// loop. It is allocator state (like malloc's own per-thread caches), not per-task state. A frame
// freed on another thread than the one that allocated it simply joins that thread's cache.
// Frames larger than kMaxPooledFrameBytes, and frames freed beyond kMaxPooledBytesPerThread,
// go straight to the global operator new/delete. Under AddressSanitizer cached blocks are
// poisoned, so a use of a destroyed frame is still reported.
#ifndef STDLIB_ASYNC_INTERNAL_FRAME_POOL_H_
#define STDLIB_ASYNC_INTERNAL_FRAME_POOL_H_

#include <cstddef>

namespace rt::async_internal {

// Size classes are multiples of kFrameGranule bytes up to kMaxPooledFrameBytes.
inline constexpr std::size_t kFrameGranule = 64;
inline constexpr std::size_t kMaxPooledFrameBytes = 4096;
// A thread keeps at most this many bytes of freed frames for re-use.
inline constexpr std::size_t kMaxPooledBytesPerThread = 1 << 20;

void* AllocateFrame(std::size_t size);
void FreeFrame(void* frame, std::size_t size) noexcept;

// What this thread's cache holds now (for tests).
struct FramePoolStats {
  std::size_t cached_blocks = 0;
  std::size_t cached_bytes = 0;
};
FramePoolStats ThisThreadFramePoolStats();

}  // namespace rt::async_internal

#endif  // STDLIB_ASYNC_INTERNAL_FRAME_POOL_H_
