// Large blocks stay with the process between invokes, with musl as with glibc.
//
// Events and responses are up to 6 MB. Both C libraries serve blocks over about 128 KB with mmap
// and give them back with munmap on free (musl also smaller ones), so every large invoke would
// page-fault fresh zeroed memory for the event, the response and the request wire (a 1 MB echo:
// about 770 faults). glibc is told not to (runtime.cc, KeepLargeBuffersOnTheHeap); musl's malloc
// has no such setting. So here, on musl only, operator delete keeps up to kCachedBlocks freed
// large blocks (kMaxCachedBytes in all) and operator new hands them out again, best fit first.
// Only blocks of kLargeBlock bytes or more take the lock; everything else goes straight to
// malloc/free.
//
// __GLIBC__ comes from glibc's <features.h>, which only a libc header brings in: <cstdlib> must be
// included before the test below, or the test is always true and glibc builds replace operator
// new too (large_blocks_test.cc catches that).
#include <cstdlib>

#if !defined(__GLIBC__)

#include <malloc.h>

#include <atomic>
#include <cstddef>
#include <new>

namespace {

// Not musl's 128 KB mmap threshold: its malloc gives a freed group of one slot back to the system
// far below that, and 100 KB events page-faulted ~80 pages per invoke (the conformance suite
// counts them). Four pages: small strings and nodes never take the lock.
constexpr std::size_t kLargeBlock = 16 << 10;
constexpr int kCachedBlocks = 8;                    // a few invokes' event, response and wire
constexpr std::size_t kMaxCachedBytes = 64u << 20;  // as glibc's M_TRIM_THRESHOLD in runtime.cc

// Constant-initialised (usable before any constructor runs, as operator new must be).
struct BlockCache {
  std::atomic_flag busy;  // clear (C++20)
  void* blocks[kCachedBlocks] = {};
  std::size_t sizes[kCachedBlocks] = {};
  std::size_t bytes = 0;

  void Lock() {
    while (busy.test_and_set(std::memory_order_acquire)) {
    }
  }
  void Unlock() { busy.clear(std::memory_order_release); }

  // The smallest cached block of at least SIZE bytes, or nullptr.
  void* Take(std::size_t size) {
    Lock();
    int best = -1;
    for (int i = 0; i < kCachedBlocks; ++i) {
      if (blocks[i] != nullptr && sizes[i] >= size && (best < 0 || sizes[i] < sizes[best])) best = i;
    }
    void* p = nullptr;
    if (best >= 0) {
      p = blocks[best];
      blocks[best] = nullptr;
      bytes -= sizes[best];
    }
    Unlock();
    return p;
  }

  // Keeps P (USABLE bytes) if there is room; false if the caller must free it.
  bool Keep(void* p, std::size_t usable) {
    Lock();
    bool kept = false;
    if (bytes + usable <= kMaxCachedBytes) {
      for (int i = 0; i < kCachedBlocks && !kept; ++i) {
        if (blocks[i] == nullptr) {
          blocks[i] = p;
          sizes[i] = usable;
          bytes += usable;
          kept = true;
        }
      }
    }
    Unlock();
    return kept;
  }
};

constinit BlockCache g_cache;

void* Allocate(std::size_t size) {
  if (size >= kLargeBlock) {
    if (void* p = g_cache.Take(size)) return p;
  }
  if (size == 0) size = 1;
  while (true) {
    if (void* p = std::malloc(size)) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void Release(void* p) noexcept {
  if (p == nullptr) return;
  std::size_t usable = malloc_usable_size(p);
  if (usable >= kLargeBlock && g_cache.Keep(p, usable)) return;
  std::free(p);
}

}  // namespace

// The replaceable forms; the array, sized and nothrow ones of libc++abi call these.
void* operator new(std::size_t size) { return Allocate(size); }
void* operator new[](std::size_t size) { return Allocate(size); }
void operator delete(void* p) noexcept { Release(p); }
void operator delete[](void* p) noexcept { Release(p); }
void operator delete(void* p, std::size_t) noexcept { Release(p); }
void operator delete[](void* p, std::size_t) noexcept { Release(p); }

#endif  // !defined(__GLIBC__)
