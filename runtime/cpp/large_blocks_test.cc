// large_blocks.cc replaces operator new and delete with musl and must leave them alone with glibc.
//
// With glibc this file defines its own operator new and delete (counting calls) and links
// :large_blocks (alwayslink): if large_blocks.cc replaced them too, the link fails with duplicate
// symbols, as it did when it tested __GLIBC__ before any header defined it. With musl it checks
// that a freed large block comes back to the next large allocation with its contents, i.e. it was
// kept instead of going back to the kernel (a fresh mmap is zeroed).
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

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

TEST(LargeBlocksTest, GlibcKeepsTheProgramsOwnOperatorNew) {
  const std::size_t before = g_news;
  void* p = ::operator new(kSmallBlock);
  ::operator delete(p);
  EXPECT_EQ(g_news, before + 1);
}

#else  // musl

namespace {
constexpr std::size_t kLargeBlock = 1 << 20;  // well above musl's mmap threshold (128 KB)
constexpr unsigned char kMarker = 0xA5;
}  // namespace

TEST(LargeBlocksTest, FreedLargeBlockIsReusedWithItsContents) {
  auto* first = static_cast<unsigned char*>(::operator new(kLargeBlock));
  std::memset(first, kMarker, kLargeBlock);
  ::operator delete(first);

  auto* second = static_cast<unsigned char*>(::operator new(kLargeBlock));
  EXPECT_EQ(second, first);
  // Read through volatile: the compiler may not assume anything about a fresh block's bytes.
  volatile unsigned char* bytes = second;
  EXPECT_EQ(bytes[0], kMarker);
  EXPECT_EQ(bytes[kLargeBlock - 1], kMarker);
  ::operator delete(second);
}

TEST(LargeBlocksTest, SmallBlocksStillWork) {
  void* p = ::operator new(kSmallBlock);
  ASSERT_NE(p, nullptr);
  std::memset(p, kMarker, kSmallBlock);
  ::operator delete(p);
}

#endif
