// Loopback TCP request/response round trips: the async path against blocking sockets.
//
//   bazel run //stdlib/async:bench                  # release mode, x86_64
//   bazel run //stdlib/async:bench -- --quick       # a smoke run
//   bazel run //stdlib/async:bench -- --round-trips=50000 --bytes=4096 --repeats=7
//   bazel run //stdlib/async:bench -- --mode=async1    # one mode only (blocking, async2, async1)
//
// Three ways of echoing MESSAGE bytes back and forth over one connection, ROUND_TRIPS times:
//   blocking         a client thread and a server thread on blocking sockets (the baseline:
//                    what the hand-written C++ runtime does)
//   async, 2 loops   the echo server task on a loop in one thread, the client task on a loop in
//                    another (the same two threads and the same wake-ups as the baseline)
//   async, 1 loop    the server and client tasks on one loop, one thread
// Each is run REPEATS times; the table shows the median round-trip rate, the spread (min..max),
// and the ratio of each median to the blocking one (> 1: faster than blocking).
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "stdlib/async/async.h"
#include "stdlib/async/testing/net_tasks.h"

namespace rt::bench {
namespace {

struct Options {
  int round_trips = 20000;
  int64_t bytes = 64;
  int repeats = 5;
};

double Seconds(int64_t ns) { return static_cast<double>(ns) / 1e9; }

// ---- Blocking baseline ----

bool WriteFully(int fd, const uint8_t* p, int64_t n) {
  while (n > 0) {
    ssize_t w = ::send(fd, p, static_cast<size_t>(n), MSG_NOSIGNAL);
    if (w <= 0) return false;
    p += w;
    n -= w;
  }
  return true;
}

bool ReadFully(int fd, uint8_t* p, int64_t n) {
  while (n > 0) {
    ssize_t r = ::recv(fd, p, static_cast<size_t>(n), 0);
    if (r <= 0) return false;
    p += r;
    n -= r;
  }
  return true;
}

int BlockingSocket() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  return fd;
}

// Round trips per second, or -1 on failure.
double Blocking(const Options& o) {
  int listener = BlockingSocket();
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  if (::bind(listener, reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(listener, 1) != 0 ||
      ::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    return -1;
  }
  std::thread server([&] {
    int conn = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    int one = 1;
    ::setsockopt(conn, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    std::vector<uint8_t> buf(16 * 1024);
    while (true) {
      ssize_t r = ::recv(conn, buf.data(), buf.size(), 0);
      if (r <= 0 || !WriteFully(conn, buf.data(), r)) break;
    }
    ::close(conn);
  });
  int client = BlockingSocket();
  bool ok = ::connect(client, reinterpret_cast<sockaddr*>(&addr), len) == 0;
  std::vector<uint8_t> out(o.bytes, 'x'), in(o.bytes);
  int64_t start = MonotonicNowNs();
  for (int i = 0; ok && i < o.round_trips; ++i) {
    ok = WriteFully(client, out.data(), o.bytes) && ReadFully(client, in.data(), o.bytes);
  }
  int64_t elapsed = MonotonicNowNs() - start;
  ::shutdown(client, SHUT_WR);
  server.join();
  ::close(client);
  ::close(listener);
  return ok ? o.round_trips / Seconds(elapsed) : -1;
}

// ---- Async ----

// The client: ROUND_TRIPS echoes of BYTES; the elapsed nanoseconds, or -1. It reads the way a
// buffered stream does, into a buffer larger than the message: a short read tells the loop the
// socket is drained, so the next wait needs no read that would only say EAGAIN.
constexpr int64_t kReadBufferBytes = 16 * 1024;

Task<int64_t> Client(int port, Options o) {
  testing::OwnedFd conn(co_await testing::Connect("127.0.0.1", port));
  if (conn.get() < 0) co_return -1;
  std::vector<uint8_t> out(o.bytes, 'x'), in(std::max(o.bytes, kReadBufferBytes));
  int64_t start = MonotonicNowNs();
  for (int i = 0; i < o.round_trips; ++i) {
    if (co_await testing::WriteAll(conn.get(), out.data(), o.bytes) != o.bytes) co_return -1;
    for (int64_t got = 0; got < o.bytes;) {
      int64_t n = co_await testing::ReadSome(conn.get(), in.data(), static_cast<int64_t>(in.size()));
      if (n <= 0) co_return -1;
      got += n;
    }
  }
  co_return MonotonicNowNs() - start;
}

Task<int64_t> ServerAndClient(int listener, Options o) {
  JoinHandle<void> server = spawn(testing::EchoServer(listener));
  co_return co_await Client(rt_tcp_local_port(listener), o);
}

double AsyncOneLoop(const Options& o) {
  int listener = rt_tcp_listen("127.0.0.1", 0, 0);
  if (listener < 0) return -1;
  int64_t elapsed = BlockOn(ServerAndClient(listener, o));
  rt_fd_close(listener);
  return elapsed < 0 ? -1 : o.round_trips / Seconds(elapsed);
}

Task<void> ServeUntil(int listener, int stop_fd) {
  co_await select(testing::EchoServer(listener), readable(stop_fd));
}

double AsyncTwoLoops(const Options& o) {
  int listener = rt_tcp_listen("127.0.0.1", 0, 0);
  int stop[2];
  if (listener < 0 || ::pipe2(stop, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
  std::thread server([&] { BlockOn(ServeUntil(listener, stop[0])); });
  int64_t elapsed = BlockOn(Client(rt_tcp_local_port(listener), o));
  (void)::write(stop[1], "x", 1);
  server.join();
  ::close(stop[0]);
  ::close(stop[1]);
  rt_fd_close(listener);
  return elapsed < 0 ? -1 : o.round_trips / Seconds(elapsed);
}

// ---- Driver ----

struct Row {
  const char* mode;
  const char* name;
  std::function<double(const Options&)> run;
  std::vector<double> rates;
  double median() const {
    std::vector<double> r = rates;
    std::sort(r.begin(), r.end());
    return r[r.size() / 2];
  }
};

bool ParseFlag(const char* arg, const char* name, int64_t* out) {
  std::size_t n = std::strlen(name);
  if (std::strncmp(arg, name, n) != 0 || arg[n] != '=') return false;
  char* end = nullptr;
  long long v = std::strtoll(arg + n + 1, &end, 10);
  if (*end != '\0' || v <= 0) {
    std::fprintf(stderr, "bench: %s needs a positive integer, got '%s'\n", name, arg + n + 1);
    std::exit(2);
  }
  *out = v;
  return true;
}

int Main(int argc, char** argv) {
  Options o;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    int64_t v = 0;
    if (std::strncmp(argv[i], "--mode=", 7) == 0) {
      only = argv[i] + 7;
    } else if (std::strcmp(argv[i], "--quick") == 0) {
      o.round_trips = 500;
      o.repeats = 1;
    } else if (ParseFlag(argv[i], "--round-trips", &v)) {
      o.round_trips = static_cast<int>(v);
    } else if (ParseFlag(argv[i], "--bytes", &v)) {
      o.bytes = v;
    } else if (ParseFlag(argv[i], "--repeats", &v)) {
      o.repeats = static_cast<int>(v);
    } else {
      std::fprintf(stderr, "usage: bench [--quick] [--round-trips=N] [--bytes=N] [--repeats=N] [--mode=M]\n");
      return 2;
    }
  }
  std::vector<Row> rows = {
      {"blocking", "blocking (2 threads)", Blocking, {}},
      {"async2", "async, 2 loops (2 threads)", AsyncTwoLoops, {}},
      {"async1", "async, 1 loop (1 thread)", AsyncOneLoop, {}},
  };
  if (!only.empty()) {
    std::erase_if(rows, [&](const Row& r) { return only != r.mode; });
    if (rows.empty()) {
      std::fprintf(stderr, "bench: --mode must be blocking, async2 or async1\n");
      return 2;
    }
  }
  // Interleave the runs so that a noisy moment hurts every row alike.
  for (int r = 0; r < o.repeats; ++r) {
    for (Row& row : rows) {
      double rate = row.run(o);
      if (rate < 0) {
        std::fprintf(stderr, "bench: %s failed\n", row.name);
        return 1;
      }
      row.rates.push_back(rate);
    }
  }
  std::printf("loopback TCP echo: %d round trips of %lld bytes, %d repeats (median, min..max)\n\n", o.round_trips,
              static_cast<long long>(o.bytes), o.repeats);
  std::printf("| mode | round trips/s | spread | vs blocking |\n| --- | ---: | ---: | ---: |\n");
  const double baseline = rows[0].median();  // Blocking, unless --mode chose another.
  for (const Row& row : rows) {
    auto [lo, hi] = std::minmax_element(row.rates.begin(), row.rates.end());
    std::printf("| %s | %.0f | %.0f..%.0f | %.2f |\n", row.name, row.median(), *lo, *hi, row.median() / baseline);
  }
  return 0;
}

}  // namespace
}  // namespace rt::bench

int main(int argc, char** argv) { return rt::bench::Main(argc, argv); }
