// TcpStream's reads as the built-ins `stream.read(n)` and `stream.read_exact(n)` use them: a small
// read gives what arrived in a string sized to it (not a 16 KiB buffer cut down); read_exact of 1 MiB + 3 bytes, sent in pieces that do not
// line up with its growth steps, gives every byte in order; a stream that ends early is an error
// naming how much arrived.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "stdlib/async/async.h"

namespace rt {
namespace {

constexpr int64_t kLargeBytes = 1024 * 1024 + 3;

char PatternByte(int64_t i) { return static_cast<char>((i * 131 + i / 256) & 0xff); }

std::string Pattern(int64_t from, int64_t to) {
  std::string out;
  for (int64_t i = from; i < to; ++i) out.push_back(PatternByte(i));
  return out;
}

constexpr int64_t kFirstPieceBytes = 5;
constexpr int64_t kSmallReadMax = 16 * 1024;

// Sends the first kFirstPieceBytes of the pattern, waits for one byte from the reader, then sends
// the rest in pieces ending at PIECE_ENDS, and closes.
Task<Unit> Sender(TcpListener listener, std::vector<int64_t> piece_ends) {
  Result<TcpStream, std::string> conn = co_await tcp_accept(listener);
  EXPECT_TRUE(conn.is_ok());
  EXPECT_TRUE((co_await tcp_write_all(conn.ok_value(), Pattern(0, kFirstPieceBytes))).is_ok());
  EXPECT_EQ((co_await tcp_read_exact(conn.ok_value(), 1)).ok_value(), "+");
  int64_t at = kFirstPieceBytes;
  for (int64_t end : piece_ends) {
    EXPECT_TRUE((co_await tcp_write_all(conn.ok_value(), Pattern(at, end))).is_ok());
    at = end;
  }
  conn.ok_value().close();
  co_return Unit{};
}

struct Reads {
  std::string small;
  size_t small_capacity = 0;
  Result<std::string, std::string> exact = Result<std::string, std::string>::Ok("");
  Result<std::string, std::string> past_end = Result<std::string, std::string>::Ok("");
};

Task<Reads> ReadAll(std::vector<int64_t> piece_ends) {
  Result<TcpListener, std::string> listener = TcpListener::Bind("127.0.0.1", 0);
  EXPECT_TRUE(listener.is_ok());
  JoinHandle<Unit> sender = spawn(Sender(listener.ok_value(), piece_ends));
  Result<TcpStream, std::string> stream = co_await tcp_connect("127.0.0.1", listener.ok_value().local_port());
  EXPECT_TRUE(stream.is_ok());
  Reads out;
  while (static_cast<int64_t>(out.small.size()) < kFirstPieceBytes) {
    Result<std::string, std::string> small = co_await tcp_read(stream.ok_value(), kSmallReadMax);
    EXPECT_TRUE(small.is_ok() && !small.ok_value().empty());
    if (!small.is_ok() || small.ok_value().empty()) co_return out;
    out.small_capacity = std::max(out.small_capacity, small.ok_value().capacity());
    out.small += small.ok_value();
  }
  EXPECT_TRUE((co_await tcp_write_all(stream.ok_value(), "+")).is_ok());
  out.exact = co_await tcp_read_exact(stream.ok_value(), kLargeBytes - kFirstPieceBytes);
  out.past_end = co_await tcp_read_exact(stream.ok_value(), 10);
  co_await sender;
  co_return out;
}

TEST(TcpTest, ReadsGiveWhatArrivedAndReadExactEveryByte) {
  Reads r = BlockOn(ReadAll({70000, 70001, 300000, kLargeBytes}));
  EXPECT_EQ(r.small, Pattern(0, kFirstPieceBytes));
  EXPECT_LT(r.small_capacity, 1024u);  // sized to the 5 bytes, not to the 16 KiB asked for
  ASSERT_TRUE(r.exact.is_ok()) << r.exact.err_value();
  EXPECT_EQ(r.exact.ok_value().size(), static_cast<size_t>(kLargeBytes - kFirstPieceBytes));
  EXPECT_TRUE(r.exact.ok_value() == Pattern(kFirstPieceBytes, kLargeBytes));
  ASSERT_TRUE(r.past_end.is_err());
  EXPECT_EQ(r.past_end.err_value(), "read_exact: the stream ended after 0 of 10 bytes");
}

}  // namespace
}  // namespace rt
