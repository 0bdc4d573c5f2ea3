#include "stdlib/async/internal/frame_pool.h"

#include <new>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RT_ASYNC_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define RT_ASYNC_ASAN 1
#endif

#ifdef RT_ASYNC_ASAN
extern "C" void __asan_poison_memory_region(void const volatile* addr, std::size_t size);
extern "C" void __asan_unpoison_memory_region(void const volatile* addr, std::size_t size);
#endif

namespace rt::async_internal {
namespace {

constexpr std::size_t kClasses = kMaxPooledFrameBytes / kFrameGranule;

struct FreeBlock {
  FreeBlock* next;
};

// Trivially destructible and constant-initialised: usable at any point of a thread's life,
// including while other thread-local destructors run after the Drainer below.
struct Cache {
  FreeBlock* heads[kClasses];
  std::size_t counts[kClasses];
  std::size_t bytes;
  bool closed;  // The thread is exiting: stop caching.
};
thread_local Cache t_cache{};

void Poison(void* p, std::size_t n) {
#ifdef RT_ASYNC_ASAN
  __asan_poison_memory_region(p, n);
#else
  (void)p;
  (void)n;
#endif
}

void Unpoison(void* p, std::size_t n) {
#ifdef RT_ASYNC_ASAN
  __asan_unpoison_memory_region(p, n);
#else
  (void)p;
  (void)n;
#endif
}

// Returns the cached blocks to the global allocator when the thread ends.
struct Drainer {
  ~Drainer() {
    Cache& c = t_cache;
    c.closed = true;
    for (std::size_t i = 0; i < kClasses; ++i) {
      std::size_t size = (i + 1) * kFrameGranule;
      while (FreeBlock* b = c.heads[i]) {
        Unpoison(b, size);
        c.heads[i] = b->next;
        ::operator delete(b);
      }
      c.counts[i] = 0;
    }
    c.bytes = 0;
  }
};

void EnsureDrainerRegistered() {
  thread_local Drainer drainer;
  (void)drainer;
}

std::size_t ClassOf(std::size_t size) { return (size + kFrameGranule - 1) / kFrameGranule - 1; }

}  // namespace

void* AllocateFrame(std::size_t size) {
  if (size == 0 || size > kMaxPooledFrameBytes) return ::operator new(size);
  std::size_t cls = ClassOf(size);
  std::size_t block_size = (cls + 1) * kFrameGranule;
  Cache& c = t_cache;
  if (FreeBlock* b = c.heads[cls]) {
    Unpoison(b, block_size);
    c.heads[cls] = b->next;
    --c.counts[cls];
    c.bytes -= block_size;
    return b;
  }
  return ::operator new(block_size);
}

void FreeFrame(void* frame, std::size_t size) noexcept {
  if (size == 0 || size > kMaxPooledFrameBytes) {
    ::operator delete(frame);
    return;
  }
  std::size_t cls = ClassOf(size);
  std::size_t block_size = (cls + 1) * kFrameGranule;
  Cache& c = t_cache;
  if (c.closed || c.bytes + block_size > kMaxPooledBytesPerThread) {
    ::operator delete(frame);
    return;
  }
  if (c.bytes == 0) EnsureDrainerRegistered();
  auto* b = static_cast<FreeBlock*>(frame);
  b->next = c.heads[cls];
  c.heads[cls] = b;
  ++c.counts[cls];
  c.bytes += block_size;
  Poison(b, block_size);
}

FramePoolStats ThisThreadFramePoolStats() {
  FramePoolStats s;
  for (std::size_t i = 0; i < kClasses; ++i) s.cached_blocks += t_cache.counts[i];
  s.cached_bytes = t_cache.bytes;
  return s;
}

}  // namespace rt::async_internal
