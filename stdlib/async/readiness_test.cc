// Waiting for fds: data, end of stream (EPOLLHUP), errors (EPOLLERR), an fd closed by another
// task, fds epoll cannot wait on, write readiness, readiness remembered across partial reads.
#include "stdlib/async/readiness.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "stdlib/async/async.h"
#include "stdlib/async/testing/net_tasks.h"
#include "stdlib/async/testing/trace.h"

namespace rt {
namespace {

using testing::Log;

struct SocketPair {
  int fd[2] = {-1, -1};
  SocketPair() { EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fd), 0); }
  ~SocketPair() {
    for (int f : fd) {
      if (f >= 0) close(f);
    }
  }
};

Task<void> WriteLater(int fd, std::string data, int64_t ms) {
  co_await sleep(ms);
  EXPECT_EQ(rt_fd_write(fd, data.data(), static_cast<int64_t>(data.size())), static_cast<int64_t>(data.size()));
}

Task<std::string> ReadAfterWait(int reader, int writer) {
  char buf[64];
  EXPECT_EQ(rt_fd_read(reader, buf, sizeof(buf)), -EAGAIN);
  JoinHandle<void> w = spawn(WriteLater(writer, "hello", 5));
  EXPECT_EQ(co_await readable(reader), 0);
  int64_t n = rt_fd_read(reader, buf, sizeof(buf));
  co_await w;
  co_return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

TEST(Readiness, ReadableWhenDataArrives) {
  SocketPair p;
  EXPECT_EQ(BlockOn(ReadAfterWait(p.fd[0], p.fd[1])), "hello");
}

Task<void> CloseLater(int fd, int64_t ms) {
  co_await sleep(ms);
  close(fd);  // The peer goes away: our end sees EPOLLHUP.
}

Task<int64_t> WaitForHangUp(int reader, int peer) {
  spawn(CloseLater(peer, 5));
  EXPECT_EQ(co_await readable(reader), 0);
  char c;
  co_return rt_fd_read(reader, &c, 1);
}

TEST(Readiness, APeerHangingUpWakesTheReaderToReadTheEnd) {
  SocketPair p;
  EXPECT_EQ(BlockOn(WaitForHangUp(p.fd[0], p.fd[1])), 0);  // End of stream.
  p.fd[1] = -1;
}

TEST(Readiness, AnErrorWakesTheWaiter) {
  // Connecting to a port nobody listens on: the socket becomes writable with an error (EPOLLERR).
  int listener = rt_tcp_listen("127.0.0.1", 0, 1);
  ASSERT_GE(listener, 0);
  int port = rt_tcp_local_port(listener);
  ASSERT_EQ(rt_fd_close(listener), 0);
  EXPECT_EQ(BlockOn(testing::Connect("127.0.0.1", port)), -ECONNREFUSED);
}

Task<int64_t> WaitOn(int fd, Log& log, std::string name) {
  int64_t r = co_await readable(fd);
  log.push_back(name + " " + std::to_string(r));
  co_return r;
}

Task<void> CloseWhileWaited(int fd, Log& log, Loop& loop) {
  auto a = spawn(WaitOn(fd, log, "a"));
  auto b = spawn(WaitOn(fd, log, "b"));
  co_await sleep(1);
  EXPECT_EQ(loop.io_waiters(), 2u);
  EXPECT_EQ(rt_fd_close(fd), 0);
  log.push_back("closed");
  co_await a;
  co_await b;
  EXPECT_EQ(loop.io_waiters(), 0u);
}

TEST(Readiness, AnFdClosedWhileWaitedOnWakesEveryWaiterWithEbadf) {
  SocketPair p;
  Log log;
  Loop loop;
  BlockOn(loop, CloseWhileWaited(p.fd[0], log, loop));
  p.fd[0] = -1;
  const std::string ebadf = std::to_string(-EBADF);
  EXPECT_EQ(log, (Log{"closed", "a " + ebadf, "b " + ebadf}));
}

Task<int64_t> WaitOnce(int fd) { co_return co_await readable(fd); }

TEST(Readiness, FdsEpollCannotWaitOnAreErrorsNotHangs) {
  Loop loop;
  EXPECT_EQ(BlockOn(loop, WaitOnce(-1)), -EBADF);
  EXPECT_EQ(BlockOn(loop, WaitOnce(1 << 30)), -EBADF);  // Not open.
  EXPECT_LT(loop.poller().table_size(), 1024u);         // And no table sized for it.
  int file = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  ASSERT_GE(file, 0);
  EXPECT_EQ(BlockOn(WaitOnce(file)), -EPERM);  // A regular file.
  close(file);
}

Task<int64_t> FillThenWait(int writer, int reader) {
  std::vector<char> chunk(64 * 1024, 'x');
  int64_t written = 0;
  while (true) {
    int64_t n = rt_fd_write(writer, chunk.data(), static_cast<int64_t>(chunk.size()));
    if (n == -EAGAIN) break;
    EXPECT_GT(n, 0);
    written += n;
  }
  // Full: drain it from another task, and wait until there is room again.
  JoinHandle<int64_t> drained = spawn([](int fd, int64_t total) -> Task<int64_t> {
    std::vector<uint8_t> buf(total);
    co_return co_await testing::ReadExact(fd, buf.data(), total);
  }(reader, written));
  EXPECT_EQ(co_await writable(writer), 0);
  EXPECT_GT(rt_fd_write(writer, chunk.data(), 1), 0);
  co_return co_await drained;
}

TEST(Readiness, WritableAgainOnceThePeerDrains) {
  SocketPair p;
  EXPECT_GT(BlockOn(FillThenWait(p.fd[0], p.fd[1])), 0);
}

// One write of 10 bytes, read one byte per wait: readiness is remembered until a read says EAGAIN,
// so a reader that does not drain the socket before waiting again is not stranded.
Task<std::string> ReadByteByByte(int reader, int writer) {
  EXPECT_EQ(rt_fd_write(writer, "0123456789", 10), 10);
  std::string got;
  while (got.size() < 10) {
    EXPECT_EQ(co_await readable(reader), 0);
    char c;
    if (rt_fd_read(reader, &c, 1) == 1) got += c;
  }
  co_return got;
}

TEST(Readiness, ReadinessIsRememberedUntilEagain) {
  SocketPair p;
  EXPECT_EQ(BlockOn(ReadByteByByte(p.fd[0], p.fd[1])), "0123456789");
}

// A read shorter than asked drained the stream: the next wait really waits, so the read after it
// finds data (a stale "readable" would let it through to an EAGAIN).
Task<int64_t> ShortReadThenWait(int reader, int writer) {
  char buf[64];
  EXPECT_EQ(rt_fd_write(writer, "abc", 3), 3);
  EXPECT_EQ(co_await readable(reader), 0);
  EXPECT_EQ(rt_fd_read(reader, buf, sizeof(buf)), 3);  // Short: drained.
  JoinHandle<void> w = spawn(WriteLater(writer, "more", 5));
  EXPECT_EQ(co_await readable(reader), 0);
  int64_t n = rt_fd_read(reader, buf, sizeof(buf));
  co_await w;
  co_return n;
}

TEST(Readiness, AShortReadMeansDrained) {
  SocketPair p;
  EXPECT_EQ(BlockOn(ShortReadThenWait(p.fd[0], p.fd[1])), 4);
}

// The last data and the end of the stream arrive in one edge: after a short read the stream is
// drained, but no new edge will ever come, so the next wait must end at once (and the read after
// it sees the end, 0) instead of waiting forever. (Found by the Ruchy TcpStream echo test.)
Task<int64_t> DataThenEndInOneEdge(int reader, int writer) {
  char buf[64];
  EXPECT_EQ(rt_fd_write(writer, "last", 4), 4);
  ::shutdown(writer, SHUT_WR);
  EXPECT_EQ(co_await readable(reader), 0);
  EXPECT_EQ(rt_fd_read(reader, buf, sizeof(buf)), 4);  // Short: the loop is told it drained.
  EXPECT_EQ(co_await timeout(5000, readable(reader)), 0);  // Ended: ready at once.
  co_return rt_fd_read(reader, buf, sizeof(buf));
}

TEST(Readiness, EndOfStreamStaysReadableAfterAShortRead) {
  SocketPair p;
  EXPECT_EQ(BlockOn(DataThenEndInOneEdge(p.fd[0], p.fd[1])), 0);
}

// The same for writes: a write shorter than asked filled the socket.
Task<int64_t> ShortWriteThenWait(int writer, int reader) {
  EXPECT_EQ(co_await writable(writer), 0);  // Now known writable.
  std::vector<char> big(8 << 20, 'x');
  int64_t n = rt_fd_write(writer, big.data(), static_cast<int64_t>(big.size()));
  EXPECT_GT(n, 0);
  EXPECT_LT(n, static_cast<int64_t>(big.size()));  // Short: full.
  JoinHandle<int64_t> drained = spawn([](int fd, int64_t total) -> Task<int64_t> {
    co_await sleep(5);
    std::vector<uint8_t> buf(total);
    co_return co_await testing::ReadExact(fd, buf.data(), total);
  }(reader, n));
  EXPECT_EQ(co_await writable(writer), 0);
  int64_t after = rt_fd_write(writer, big.data(), 1);
  EXPECT_EQ(co_await drained, n);
  co_return after;
}

TEST(Readiness, AShortWriteMeansFull) {
  SocketPair p;
  EXPECT_EQ(BlockOn(ShortWriteThenWait(p.fd[0], p.fd[1])), 1);
}

// An fd closed with plain close() while registered, whose number a new socket from sys/net.h then
// takes: the new socket must be waited on for real, not through the stale registration.
Task<int64_t> WaitBriefly(int fd) {
  try {
    co_return co_await timeout(20, readable(fd));
  } catch (const RuntimeError&) {
    co_return -ETIMEDOUT;
  }
}

Task<int> AcceptOne(int listener) { co_return co_await testing::Accept(listener); }

Task<void> ConnectTo(int port) {
  int fd = co_await testing::Connect("127.0.0.1", port);
  EXPECT_GE(fd, 0);
  co_await sleep(50);
  rt_fd_close(fd);
}

Task<void> ReusedNumber(Loop& loop) {
  int first = rt_tcp_listen("127.0.0.1", 0, 4);
  EXPECT_GE(first, 0);
  EXPECT_EQ(co_await WaitBriefly(first), -ETIMEDOUT);  // Registered now; nothing to accept.
  close(first);                                        // Behind the loop's back.
  int second = rt_tcp_listen("127.0.0.1", 0, 4);
  EXPECT_EQ(second, first);  // The lowest free number: the same.
  auto client = spawn(ConnectTo(rt_tcp_local_port(second)));
  int accepted = co_await timeout(5000, AcceptOne(second));
  EXPECT_GE(accepted, 0);
  rt_fd_close(accepted);
  rt_fd_close(second);
  co_await client;
}

TEST(Readiness, ANewSocketReusingAStaleNumberIsWaitedOnForReal) {
  Loop loop;
  BlockOn(loop, ReusedNumber(loop));
}

}  // namespace
}  // namespace rt
