// An echo server and many concurrent clients over loopback TCP: 200 connections from client tasks
// on the server's own loop, then 200 from a second loop on another thread. Each client sends
// messages from 1 byte to 256 KiB (reading while it writes: a large echo does not fit in the
// socket buffers) and checks every byte that comes back.
#include <errno.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "stdlib/async/async.h"
#include "stdlib/async/testing/net_tasks.h"

namespace rt {
namespace {

using testing::OwnedFd;

constexpr int kConnections = 200;
constexpr int kRoundsPerConnection = 4;
constexpr int64_t kLargeMessageBytes = 256 * 1024;

int64_t MessageSize(int client, int round) {
  if (client % 40 == 0 && round == 1) return kLargeMessageBytes;
  return 1 + (client * 97 + round * 1031) % 3000;
}

uint8_t PatternByte(int client, int round, int64_t i) { return static_cast<uint8_t>(client * 31 + round * 7 + i); }

// One connection: kRoundsPerConnection messages, each echoed and checked; then the client ends its
// side and expects the server to end too. Returns the bytes echoed, or -1 on any mismatch.
Task<int64_t> Client(int port, int id) {
  int fd = co_await testing::Connect("127.0.0.1", port);
  if (fd < 0) {
    ADD_FAILURE() << "connect: " << -fd;
    co_return -1;
  }
  OwnedFd conn(fd);
  int64_t total = 0;
  for (int round = 0; round < kRoundsPerConnection; ++round) {
    const int64_t size = MessageSize(id, round);
    std::vector<uint8_t> out(size), in(size);
    for (int64_t i = 0; i < size; ++i) out[i] = PatternByte(id, round, i);
    JoinHandle<int64_t> writer = spawn(testing::WriteAll(fd, out.data(), size));
    int64_t got = co_await testing::ReadExact(fd, in.data(), size);
    int64_t sent = co_await writer;
    if (got != size || sent != size || in != out) {
      ADD_FAILURE() << "client " << id << " round " << round << ": sent " << sent << ", got " << got;
      co_return -1;
    }
    total += size;
  }
  EXPECT_EQ(rt_tcp_shutdown(fd, RT_SHUT_WRITE), 0);
  uint8_t byte;
  EXPECT_EQ(co_await testing::ReadSome(fd, &byte, 1), 0);  // The server closed its end.
  co_return total;
}

Task<int64_t> ManyClients(int port) {
  std::vector<JoinHandle<int64_t>> clients;
  for (int id = 0; id < kConnections; ++id) clients.push_back(spawn(Client(port, id)));
  int64_t total = 0;
  for (auto& c : clients) {
    int64_t bytes = co_await c;
    if (bytes < 0) total = -1;
    if (total >= 0) total += bytes;
  }
  co_return total;
}

int64_t ExpectedBytes() {
  int64_t total = 0;
  for (int id = 0; id < kConnections; ++id) {
    for (int round = 0; round < kRoundsPerConnection; ++round) total += MessageSize(id, round);
  }
  return total;
}

Task<int64_t> ServerAndClientsOnOneLoop(int listener, Loop& loop) {
  JoinHandle<void> server = spawn(testing::EchoServer(listener));
  int64_t total = co_await ManyClients(rt_tcp_local_port(listener));
  co_await sleep(1);  // Let the server side see every end of stream.
  EXPECT_EQ(loop.live_tasks(), 1u);  // Only the accept loop: every connection task ended.
  server.cancel();
  co_return total;
}

TEST(Echo, ManyConnectionsFromTheSameLoop) {
  int listener = rt_tcp_listen("127.0.0.1", 0, 0);
  ASSERT_GE(listener, 0);
  Loop loop;
  EXPECT_EQ(BlockOn(loop, ServerAndClientsOnOneLoop(listener, loop)), ExpectedBytes());
  EXPECT_EQ(loop.io_waiters(), 0u);
  EXPECT_EQ(loop.pending_timers(), 0u);
  rt_fd_close(listener);
}

// The server loop runs until STOP_FD becomes readable.
Task<void> ServeUntil(int listener, int stop_fd) { co_await select(testing::EchoServer(listener), readable(stop_fd)); }

TEST(Echo, ManyConnectionsFromALoopOnAnotherThread) {
  int listener = rt_tcp_listen("127.0.0.1", 0, 0);
  ASSERT_GE(listener, 0);
  int stop = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  ASSERT_GE(stop, 0);
  std::thread server([&] { BlockOn(ServeUntil(listener, stop)); });
  int64_t total = -1;
  std::thread clients([&] { total = BlockOn(ManyClients(rt_tcp_local_port(listener))); });
  clients.join();
  uint64_t one = 1;
  ASSERT_EQ(write(stop, &one, sizeof(one)), static_cast<ssize_t>(sizeof(one)));
  server.join();
  EXPECT_EQ(total, ExpectedBytes());
  close(stop);
  rt_fd_close(listener);
}

}  // namespace
}  // namespace rt
