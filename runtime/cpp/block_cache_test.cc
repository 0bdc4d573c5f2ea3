// block_cache.cc replaces operator new and delete with musl and must leave them alone with glibc.
//
// With glibc this file defines its own operator new and delete (counting calls) and links
// :block_cache (alwayslink): if block_cache.cc replaced them too, the link fails with duplicate
// symbols, as it did when it tested __GLIBC__ before any header defined it. With musl it checks
// what the cache promises: freed blocks come back to the next allocation of their size (small
// ones on the same thread, large ones with their contents, i.e. not handed back to the kernel,
// whose fresh pages are zeroed), the per-class bound holds, every size gets distinct, aligned,
// fully writable memory, and blocks freed on other threads and threads that exit are safe.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <set>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace {
constexpr std::size_t kSmallBlock = 64;
}  // namespace

#if defined(__GLIBC__)

namespace {
std::size_t g_news = 0;  // the test is single-threaded
}  // namespace

void* operator new(std::size_t size) {
  ++g_news;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

TEST(BlockCacheTest, GlibcKeepsTheProgramsOwnOperatorNew) {
  const std::size_t before = g_news;
  void* p = ::operator new(kSmallBlock);
  ::operator delete(p);
  EXPECT_EQ(g_news, before + 1);
}

#else  // musl

namespace {
constexpr std::size_t kLargeBlock = 1 << 20;  // well above musl's mmap threshold (128 KB)
constexpr std::size_t kSmallMax = 1024;       // block_cache.cc's
constexpr std::size_t kPerClass = 32;         // block_cache.cc's kMaxSmallBlocksPerClass
constexpr std::size_t kAlignment = __STDCPP_DEFAULT_NEW_ALIGNMENT__;
constexpr unsigned char kMarker = 0xA5;

unsigned char* New(std::size_t size) { return static_cast<unsigned char*>(::operator new(size)); }

// Small blocks are cached per thread: a new thread starts with an empty cache, whatever gtest
// and the tests before left in the main thread's.
template <typename Body>
void OnFreshThread(Body body) {
  std::thread(body).join();
}
}  // namespace

TEST(BlockCacheTest, FreedLargeBlockIsReusedWithItsContents) {
  unsigned char* first = New(kLargeBlock);
  std::memset(first, kMarker, kLargeBlock);
  ::operator delete(first);

  unsigned char* second = New(kLargeBlock);
  EXPECT_EQ(second, first);
  // Read through volatile: the compiler may not assume anything about a fresh block's bytes.
  volatile unsigned char* bytes = second;
  EXPECT_EQ(bytes[0], kMarker);
  EXPECT_EQ(bytes[kLargeBlock - 1], kMarker);
  ::operator delete(second);
}

TEST(BlockCacheTest, FreedSmallBlockComesBackForItsSizeClassOnly) {
  OnFreshThread([] {
    unsigned char* p = New(40);  // the 48-byte class
    ::operator delete(p);
    unsigned char* other_class = New(100);
    EXPECT_NE(other_class, p);  // p is held by the cache, so malloc cannot return it either
    unsigned char* same_class = New(33);
    EXPECT_EQ(same_class, p);
    ::operator delete(other_class);
    ::operator delete(same_class, 33);  // the sized form frees the same way
  });
}

TEST(BlockCacheTest, EverySizeIsAlignedDistinctAndWritable) {
  std::vector<std::pair<unsigned char*, std::size_t>> blocks;
  std::set<unsigned char*> seen;
  for (std::size_t size = 0; size <= kSmallMax + 64; ++size) blocks.emplace_back(New(size), size);
  blocks.emplace_back(New(kLargeBlock), kLargeBlock);
  for (auto& [p, size] : blocks) {
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % kAlignment, 0u) << size;
    EXPECT_TRUE(seen.insert(p).second) << "two live blocks share " << static_cast<void*>(p);
    std::memset(p, static_cast<int>(size & 0xFF), size);
  }
  // Every block still holds its own bytes: no block overlaps another or its header.
  for (auto& [p, size] : blocks) {
    EXPECT_EQ(std::count(p, p + size, static_cast<unsigned char>(size & 0xFF)), static_cast<std::ptrdiff_t>(size)) << size;
  }
  for (auto& [p, size] : blocks) ::operator delete(p);
  // The same again, now largely from the cache.
  for (auto& [p, size] : blocks) {
    p = New(size);
    std::memset(p, kMarker, size);
  }
  for (auto& [p, size] : blocks) {
    EXPECT_EQ(std::count(p, p + size, kMarker), static_cast<std::ptrdiff_t>(size)) << size;
    ::operator delete(p);
  }
}

TEST(BlockCacheTest, AClassKeepsItsLastFreedBlocksUpToItsBound) {
  OnFreshThread([] {
    constexpr std::size_t kMany = 4 * kPerClass;
    std::vector<unsigned char*> first(kMany);
    std::vector<unsigned char*> second;
    second.reserve(kPerClass);  // no allocation of its own in between
    for (auto& p : first) p = New(kSmallBlock);
    for (unsigned char* p : first) ::operator delete(p);
    // The cache kept the first kPerClass blocks freed and hands them back last kept, first out;
    // the rest went to free().
    for (std::size_t i = 0; i < kPerClass; ++i) {
      second.push_back(New(kSmallBlock));
      EXPECT_EQ(second.back(), first[kPerClass - 1 - i]) << i;
    }
    for (unsigned char* p : second) ::operator delete(p);
  });
}

TEST(BlockCacheTest, BlocksCrossThreadsAndThreadsExit) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 2000;
  std::vector<std::thread> threads;
  std::vector<std::vector<unsigned char*>> handed(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &handed] {
      std::vector<unsigned char*> mine;
      for (int i = 0; i < kRounds; ++i) {
        const std::size_t size = static_cast<std::size_t>((i * 37 + t * 11) % (kSmallMax + 200));
        unsigned char* p = New(size);
        std::memset(p, kMarker, size);
        if (i % 3 == 0) {
          mine.push_back(p);  // freed later by another thread
        } else {
          ::operator delete(p);
        }
      }
      handed[t] = std::move(mine);
    });
  }
  for (auto& thread : threads) thread.join();
  threads.clear();
  // Each thread frees its neighbour's blocks, then exits with a full cache.
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&handed, t] {
      for (unsigned char* p : handed[(t + 1) % kThreads]) ::operator delete(p);
    });
  }
  for (auto& thread : threads) thread.join();
  unsigned char* p = New(kSmallBlock);
  std::memset(p, kMarker, kSmallBlock);
  ::operator delete(p);
}

#endif
