#include "stdlib/async/testing/round_trip.h"

#include <vector>

#include "stdlib/async/async.h"
#include "stdlib/async/testing/counting_allocator.h"
#include "stdlib/async/testing/net_tasks.h"

namespace rt::testing {
namespace {

// One request/response: write the message, read the echo. With SPAWN, the write runs as a
// spawned task joined after the read.
Task<bool> RoundTrip(int fd, const std::vector<uint8_t>& out, std::vector<uint8_t>& in, bool spawn_writer) {
  const auto size = static_cast<int64_t>(out.size());
  if (spawn_writer) {
    JoinHandle<int64_t> writer = spawn(WriteAll(fd, out.data(), size));
    int64_t got = co_await ReadExact(fd, in.data(), size);
    co_return co_await writer == size && got == size && in == out;
  }
  if (co_await WriteAll(fd, out.data(), size) != size) co_return false;
  co_return co_await ReadExact(fd, in.data(), size) == size && in == out;
}

Task<RoundTripCount> Client(int port, RoundTripOptions options) {
  RoundTripCount count;
  OwnedFd conn(co_await Connect("127.0.0.1", port));
  if (conn.get() < 0) co_return count;
  std::vector<uint8_t> out(static_cast<std::size_t>(options.message_bytes)), in(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<uint8_t>(i * 7 + 1);
  bool ok = true;
  for (int i = 0; i < options.warmup_round_trips; ++i) ok = co_await RoundTrip(conn.get(), out, in, options.spawn_per_round_trip) && ok;
  const uint64_t before = AllocationCount();
  for (int i = 0; i < options.measured_round_trips; ++i) {
    ok = co_await RoundTrip(conn.get(), out, in, options.spawn_per_round_trip) && ok;
  }
  count.allocations = AllocationCount() - before;
  count.round_trips = options.measured_round_trips;
  count.echoes_ok = ok;
  co_return count;
}

Task<RoundTripCount> ServerAndClient(int listener, RoundTripOptions options) {
  JoinHandle<void> server = spawn(EchoServer(listener));
  RoundTripCount count = co_await Client(rt_tcp_local_port(listener), options);
  server.cancel();
  co_return count;
}

}  // namespace

RoundTripCount CountRoundTripAllocations(const RoundTripOptions& options) {
  int listener = rt_tcp_listen("127.0.0.1", 0, 0);
  if (listener < 0) return {};
  RoundTripCount count = BlockOn(ServerAndClient(listener, options));
  rt_fd_close(listener);
  return count;
}

}  // namespace rt::testing
