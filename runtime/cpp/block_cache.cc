// With musl, operator new and delete keep freed blocks for the next invoke, as glibc's malloc does.
//
// Two costs of musl's malloc (mallocng) that glibc's does not have, both measured with callgrind
// on the echo bootstrap (docs/runtime.md, "Both C libraries side by side"):
// - Small blocks: an invoke allocates and frees about 40 (headers, strings, the wire), and each
//   malloc/free pair costs about 700 instructions against glibc's 150 (whose per-thread cache,
//   tcache, musl does not have). That was 90 % of the 1.58x instructions per 1 KB invoke.
// - Large blocks: events and responses are up to 6 MB, and musl gives a freed block back to the
//   system (munmap, or madvise far below its 128 KB mmap threshold), so every large invoke
//   page-faulted fresh zeroed memory (a 1 MB echo: about 770 faults; 100 KB: about 80). glibc is
//   told not to (runtime.cc, KeepLargeBuffersOnTheHeap); musl has no such setting.
// So here, on musl only:
// - every block starts kHeader bytes into its malloc'd memory; the header holds the payload size,
//   so delete needs neither malloc_usable_size (about 100 instructions in musl) nor a sized delete;
// - blocks up to kSmallMax bytes are rounded up to a kGranule class and kept on the freeing
//   thread's free lists (at most kMaxSmallBlocksPerClass per class, kMaxSmallBytes in all), given
//   back to malloc when the thread exits;
// - blocks of kLargeBlock bytes or more are kept process-wide (kCachedBlocks of them,
//   kMaxCachedBytes in all), best fit first, under a lock;
// - everything else goes straight to malloc and free.
// Blocks from operator new are only ever given back through operator delete (anything else is
// undefined behaviour), and every non-aligned form of both is replaced below, so the header is
// always there. The aligned forms (libc++abi's) use aligned_alloc and free and never meet these.
//
// __GLIBC__ comes from glibc's <features.h>, which only a libc header brings in: <cstdlib> must be
// included before the test below, or the test is always true and glibc builds replace operator
// new too (block_cache_test.cc catches that).
#include <cstdlib>

#if !defined(__GLIBC__)

#include <pthread.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>

namespace {

// The header keeps every payload aligned as malloc's memory is (16 bytes, what operator new owes).
constexpr std::size_t kHeader = 16;
constexpr std::size_t kGranule = 16;
constexpr std::size_t kSmallMax = 1024;  // the 1 KB event, header names and values, the wire
constexpr std::size_t kSmallClasses = kSmallMax / kGranule;
constexpr std::uint16_t kMaxSmallBlocksPerClass = 32;
constexpr std::size_t kMaxSmallBytes = 64u << 10;  // per thread

// Not musl's 128 KB mmap threshold: its malloc gives a freed group of one slot back to the system
// far below that, and 100 KB events page-faulted ~80 pages per invoke (the conformance suite
// counts them).
constexpr std::size_t kLargeBlock = 16 << 10;
constexpr int kCachedBlocks = 8;                    // a few invokes' event, response and wire
constexpr std::size_t kMaxCachedBytes = 64u << 20;  // as glibc's M_TRIM_THRESHOLD in runtime.cc

struct alignas(kHeader) Header {
  std::size_t payload;  // bytes the caller may use
};
static_assert(sizeof(Header) == kHeader);

Header* HeaderOf(void* payload) { return static_cast<Header*>(payload) - 1; }
void* PayloadOf(Header* header) { return header + 1; }

// A new block of PAYLOAD bytes from malloc (nullptr when out of memory).
void* MallocBlock(std::size_t payload) {
  if (payload > SIZE_MAX - kHeader) return nullptr;
  auto* header = static_cast<Header*>(std::malloc(kHeader + payload));
  if (header == nullptr) return nullptr;
  header->payload = payload;
  return PayloadOf(header);
}

void FreeBlock(void* payload) { std::free(HeaderOf(payload)); }

// Freed small blocks of one thread. Trivially destructible and constant-initialised, so the
// thread_local below costs one thread-pointer access, with no guard; threads that exit give their
// blocks back through a pthread key's destructor.
struct SmallCache {
  enum class State : unsigned char { kUnregistered, kLive, kGone };

  void* heads[kSmallClasses + 1] = {};  // by class; a free block's first word links the next
  std::uint16_t counts[kSmallClasses + 1] = {};
  std::size_t bytes = 0;
  State state = State::kUnregistered;

  void* Take(std::size_t cls) {
    void* block = heads[cls];
    if (block == nullptr) return nullptr;
    heads[cls] = *static_cast<void**>(block);
    --counts[cls];
    bytes -= cls * kGranule;
    return block;
  }

  // False if the caller must free BLOCK (the class or the thread's cache is full).
  bool Keep(void* block, std::size_t cls) {
    if (counts[cls] >= kMaxSmallBlocksPerClass || bytes + cls * kGranule > kMaxSmallBytes) return false;
    *static_cast<void**>(block) = heads[cls];
    heads[cls] = block;
    ++counts[cls];
    bytes += cls * kGranule;
    return true;
  }

  void FreeAll() {
    for (std::size_t cls = 1; cls <= kSmallClasses; ++cls) {
      while (void* block = Take(cls)) FreeBlock(block);
    }
  }
};

constinit thread_local SmallCache t_small;

pthread_key_t g_thread_exit_key;
pthread_once_t g_thread_exit_key_once = PTHREAD_ONCE_INIT;

void GiveBackOnThreadExit(void* cache) {
  auto* small = static_cast<SmallCache*>(cache);
  small->FreeAll();
  small->state = SmallCache::State::kGone;  // later frees on this thread go to free()
}

void CreateThreadExitKey() { pthread_key_create(&g_thread_exit_key, GiveBackOnThreadExit); }

// True if this thread may keep small blocks: registered for its exit on first use.
bool SmallCacheUsable() {
  if (t_small.state == SmallCache::State::kLive) return true;
  if (t_small.state == SmallCache::State::kGone) return false;
  pthread_once(&g_thread_exit_key_once, CreateThreadExitKey);
  if (pthread_setspecific(g_thread_exit_key, &t_small) != 0) return false;
  t_small.state = SmallCache::State::kLive;
  return true;
}

// Constant-initialised (usable before any constructor runs, as operator new must be).
struct LargeCache {
  std::atomic_flag busy;  // clear (C++20)
  void* blocks[kCachedBlocks] = {};
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
      if (blocks[i] == nullptr || HeaderOf(blocks[i])->payload < size) continue;
      if (best < 0 || HeaderOf(blocks[i])->payload < HeaderOf(blocks[best])->payload) best = i;
    }
    void* block = nullptr;
    if (best >= 0) {
      block = blocks[best];
      blocks[best] = nullptr;
      bytes -= HeaderOf(block)->payload;
    }
    Unlock();
    return block;
  }

  // False if the caller must free BLOCK.
  bool Keep(void* block) {
    const std::size_t size = HeaderOf(block)->payload;
    Lock();
    bool kept = false;
    if (bytes + size <= kMaxCachedBytes) {
      for (int i = 0; i < kCachedBlocks && !kept; ++i) {
        if (blocks[i] == nullptr) {
          blocks[i] = block;
          bytes += size;
          kept = true;
        }
      }
    }
    Unlock();
    return kept;
  }
};

constinit LargeCache g_large;

void* TryAllocate(std::size_t size) {
  if (size <= kSmallMax) {
    const std::size_t cls = size == 0 ? 1 : (size + kGranule - 1) / kGranule;
    if (void* block = t_small.Take(cls)) return block;
    return MallocBlock(cls * kGranule);
  }
  if (size >= kLargeBlock) {
    if (void* block = g_large.Take(size)) return block;
  }
  return MallocBlock(size);
}

void* Allocate(std::size_t size) {
  while (true) {
    if (void* block = TryAllocate(size)) return block;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void Release(void* block) noexcept {
  if (block == nullptr) return;
  const std::size_t payload = HeaderOf(block)->payload;
  if (payload <= kSmallMax) {
    if (SmallCacheUsable() && t_small.Keep(block, payload / kGranule)) return;
  } else if (payload >= kLargeBlock) {
    if (g_large.Keep(block)) return;
  }
  FreeBlock(block);
}

}  // namespace

// The replaceable forms; the nothrow ones of libc++abi call these.
void* operator new(std::size_t size) { return Allocate(size); }
void* operator new[](std::size_t size) { return Allocate(size); }
void operator delete(void* p) noexcept { Release(p); }
void operator delete[](void* p) noexcept { Release(p); }
void operator delete(void* p, std::size_t) noexcept { Release(p); }
void operator delete[](void* p, std::size_t) noexcept { Release(p); }

#endif  // !defined(__GLIBC__)
