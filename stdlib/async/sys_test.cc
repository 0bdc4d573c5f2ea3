// The C primitives of sys/: clocks, environment, exit, and the socket calls' error results.
#include <errno.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "gtest/gtest.h"
#include "stdlib/async/sys/clock.h"
#include "stdlib/async/sys/net.h"
#include "stdlib/async/sys/process.h"

namespace {

TEST(Clock, MonotonicNeverGoesBack) {
  int64_t previous = rt_clock_monotonic_ms();
  for (int i = 0; i < 1000; ++i) {
    int64_t now = rt_clock_monotonic_ms();
    EXPECT_GE(now, previous);
    previous = now;
  }
}

int64_t RealtimeMs() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
}

TEST(Clock, EpochIsWallTimeInMilliseconds) {
  int64_t before = RealtimeMs();
  int64_t ms = rt_clock_epoch_ms();
  int64_t after = RealtimeMs();
  EXPECT_GE(ms, before);
  EXPECT_LE(ms, after);
  EXPECT_GT(ms, int64_t{1'600'000'000'000});  // Milliseconds, not seconds: after September 2020.
}

TEST(Env, SetGetUnset) {
  EXPECT_EQ(rt_env_get("RT_SYS_TEST_VAR"), nullptr);
  EXPECT_EQ(rt_env_set("RT_SYS_TEST_VAR", "a=b c"), 0);
  ASSERT_NE(rt_env_get("RT_SYS_TEST_VAR"), nullptr);
  EXPECT_STREQ(rt_env_get("RT_SYS_TEST_VAR"), "a=b c");
  EXPECT_EQ(rt_env_set("RT_SYS_TEST_VAR", ""), 0);
  EXPECT_STREQ(rt_env_get("RT_SYS_TEST_VAR"), "");  // Set but empty is not unset.
  EXPECT_EQ(rt_env_unset("RT_SYS_TEST_VAR"), 0);
  EXPECT_EQ(rt_env_get("RT_SYS_TEST_VAR"), nullptr);
}

TEST(Env, BadNamesAreErrors) {
  EXPECT_EQ(rt_env_set("", "x"), -EINVAL);
  EXPECT_EQ(rt_env_set("A=B", "x"), -EINVAL);
  EXPECT_EQ(rt_env_set(nullptr, "x"), -EINVAL);
  EXPECT_EQ(rt_env_set("A", nullptr), -EINVAL);
  EXPECT_EQ(rt_env_unset("A=B"), -EINVAL);
  EXPECT_EQ(rt_env_get("A=B"), nullptr);
  EXPECT_EQ(rt_env_get(nullptr), nullptr);
}

TEST(Process, ExitEndsTheProcessWithTheCodeAndFlushesOutput) {
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(pipe_fds[1], 1);
    std::printf("buffered");  // Still in stdio's buffer when exit is called.
    rt_process_exit(7);
  }
  close(pipe_fds[1]);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 7);
  char buf[32] = {};
  EXPECT_EQ(read(pipe_fds[0], buf, sizeof(buf) - 1), 8);
  EXPECT_STREQ(buf, "buffered");
  close(pipe_fds[0]);
}

TEST(Net, BadAddressesAreEinval) {
  EXPECT_EQ(rt_tcp_connect("example.com", 80), -EINVAL);  // No name resolution.
  EXPECT_EQ(rt_tcp_connect("127.0.0.1", 0), -EINVAL);
  EXPECT_EQ(rt_tcp_connect("127.0.0.1", 65536), -EINVAL);
  EXPECT_EQ(rt_tcp_connect(nullptr, 80), -EINVAL);
  EXPECT_EQ(rt_tcp_listen("1.2.3", 0, 1), -EINVAL);
  EXPECT_EQ(rt_tcp_shutdown(0, 7), -EINVAL);
}

TEST(Net, ListenOnAnyPortThenConnectAcceptAndTalk) {
  for (const char* host : {"127.0.0.1", "localhost", "::1"}) {
    int listener = rt_tcp_listen(host, 0, 0);
    if (listener == -EAFNOSUPPORT || listener == -EADDRNOTAVAIL) continue;  // No IPv6 here.
    ASSERT_GE(listener, 0) << host << ": " << std::strerror(-listener);
    int port = rt_tcp_local_port(listener);
    ASSERT_GT(port, 0);
    EXPECT_EQ(rt_tcp_accept(listener), -EAGAIN);
    int client = rt_tcp_connect(host, port);
    ASSERT_GE(client, 0);
    int server = -EAGAIN;
    for (int i = 0; i < 1000 && server == -EAGAIN; ++i) {
      server = rt_tcp_accept(listener);
      if (server == -EAGAIN) usleep(1000);
    }
    ASSERT_GE(server, 0);
    EXPECT_EQ(rt_tcp_connect_result(client), 0);
    EXPECT_EQ(rt_fd_write(client, "ping", 4), 4);
    char buf[8];
    int64_t n = -EAGAIN;
    for (int i = 0; i < 1000 && n == -EAGAIN; ++i) {
      n = rt_fd_read(server, buf, sizeof(buf));
      if (n == -EAGAIN) usleep(1000);
    }
    EXPECT_EQ(n, 4);
    EXPECT_EQ(rt_tcp_shutdown(client, RT_SHUT_WRITE), 0);
    n = -EAGAIN;
    for (int i = 0; i < 1000 && n == -EAGAIN; ++i) {
      n = rt_fd_read(server, buf, sizeof(buf));
      if (n == -EAGAIN) usleep(1000);
    }
    EXPECT_EQ(n, 0);  // End of stream after the peer's shutdown.
    EXPECT_EQ(rt_tcp_set_nodelay(server, 1), 0);
    EXPECT_EQ(rt_fd_close(server), 0);
    // The server is gone: writing to it ends in EPIPE or ECONNRESET, never SIGPIPE.
    int64_t w = 0;
    for (int i = 0; i < 1000 && w >= 0; ++i) {
      w = rt_fd_write(client, "x", 1);
      if (w >= 0) usleep(1000);
    }
    EXPECT_TRUE(w == -EPIPE || w == -ECONNRESET) << w;
    EXPECT_EQ(rt_fd_close(client), 0);
    EXPECT_EQ(rt_fd_close(listener), 0);
  }
}

TEST(Net, ReadAndWriteRejectBadArguments) {
  char buf[1];
  EXPECT_EQ(rt_fd_read(0, buf, -1), -EINVAL);
  EXPECT_EQ(rt_fd_write(1, buf, -1), -EINVAL);
  EXPECT_EQ(rt_fd_read(0, nullptr, 1), -EINVAL);
  EXPECT_EQ(rt_fd_read(-1, buf, 1), -EBADF);
  EXPECT_EQ(rt_fd_close(-1), -EBADF);
}

TEST(Net, WriteWorksOnPipesToo) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  EXPECT_EQ(rt_fd_write(fds[1], "abc", 3), 3);
  char buf[4];
  EXPECT_EQ(rt_fd_read(fds[0], buf, sizeof(buf)), 3);
  close(fds[0]);
  close(fds[1]);
}

}  // namespace
