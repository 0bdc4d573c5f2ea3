// The frame cache: re-use by size class, its limits, large frames, and (under ASan) that a
// destroyed frame sitting in the cache is still caught when touched.
#include "stdlib/async/internal/frame_pool.h"

#include <thread>
#include <vector>

#include "gtest/gtest.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RT_TEST_ASAN 1
#endif
#endif

namespace rt::async_internal {
namespace {

TEST(FramePool, AFreedFrameIsReusedForAnyFrameOfItsSizeClass) {
  void* a = AllocateFrame(200);
  FreeFrame(a, 200);
  EXPECT_EQ(ThisThreadFramePoolStats().cached_blocks, 1u);
  void* b = AllocateFrame(250);  // 200 and 250 round up to the same 256-byte class.
  EXPECT_EQ(b, a);
  EXPECT_EQ(ThisThreadFramePoolStats().cached_blocks, 0u);
  void* c = AllocateFrame(100);  // Another class: a fresh block.
  EXPECT_NE(c, a);
  FreeFrame(b, 250);
  FreeFrame(c, 100);
  EXPECT_EQ(ThisThreadFramePoolStats().cached_bytes, 256u + 128u);
}

TEST(FramePool, LargeFramesBypassTheCache) {
  const std::size_t before = ThisThreadFramePoolStats().cached_bytes;
  void* big = AllocateFrame(kMaxPooledFrameBytes + 1);
  FreeFrame(big, kMaxPooledFrameBytes + 1);
  EXPECT_EQ(ThisThreadFramePoolStats().cached_bytes, before);
}

TEST(FramePool, TheCacheStaysWithinItsLimit) {
  std::vector<void*> frames;
  for (std::size_t i = 0; i < 2 * kMaxPooledBytesPerThread / kMaxPooledFrameBytes; ++i) {
    frames.push_back(AllocateFrame(kMaxPooledFrameBytes));
  }
  for (void* f : frames) FreeFrame(f, kMaxPooledFrameBytes);
  EXPECT_LE(ThisThreadFramePoolStats().cached_bytes, kMaxPooledBytesPerThread);
  EXPECT_GE(ThisThreadFramePoolStats().cached_bytes, kMaxPooledBytesPerThread - kMaxPooledFrameBytes);
}

TEST(FramePool, EachThreadHasItsOwnCacheAndFreesItAtExit) {
  void* here = AllocateFrame(64);
  std::thread other([here] {
    FreeFrame(here, 64);  // Freed on another thread: joins that thread's cache.
    EXPECT_EQ(ThisThreadFramePoolStats().cached_blocks, 1u);
  });
  other.join();  // Its cache went back to the allocator (LeakSanitizer would say otherwise).
}

#ifdef RT_TEST_ASAN
TEST(FramePoolDeathTest, TouchingACachedFrameIsReported) {
  EXPECT_DEATH(
      {
        auto* frame = static_cast<char*>(AllocateFrame(128));
        FreeFrame(frame, 128);
        frame[64] = 1;  // Use after the frame was destroyed.
      },
      "use-after-poison");
}
#endif

}  // namespace
}  // namespace rt::async_internal
