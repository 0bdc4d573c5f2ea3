#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "gtest/gtest.h"
#include "runtime/cpp/http/base64.h"
#include "runtime/cpp/http/message.h"
#include "runtime/cpp/http/reader.h"
#include "runtime/cpp/http/socket.h"
#include "runtime/cpp/http/writer.h"

namespace lambda::http {
namespace {

struct Parsed {
  Error error;
  ResponseHead head;
  std::string body;
  Headers trailers;
};

// Parses one response from WIRE, delivered STEP bytes at a time (0: all at once).
Parsed ParseResponse(const std::string& wire, std::size_t step = 0, std::size_t max_body = 1 << 24) {
  StringSource source(wire, step);
  Reader reader(source);
  Parsed p;
  p.error = ReadResponseHead(reader, &p.head);
  if (!p.error.ok()) return p;
  Framing framing;
  std::size_t length = 0;
  p.error = ResponseFraming(p.head.headers, p.head.status, &framing, &length);
  if (!p.error.ok()) return p;
  p.error = ReadBodyToString(reader, framing, length, max_body, &p.body, &p.trailers);
  return p;
}

TEST(Headers, LookupIsCaseInsensitiveAndSetReplaces) {
  Headers h;
  h.Add("Lambda-Runtime-Aws-Request-Id", "abc");
  h.Add("content-type", "text/plain");
  ASSERT_NE(h.Find("lambda-runtime-aws-request-id"), nullptr);
  EXPECT_EQ(*h.Find("LAMBDA-RUNTIME-AWS-REQUEST-ID"), "abc");
  h.Set("Content-Type", "application/json");
  EXPECT_EQ(h.size(), 2u);
  EXPECT_EQ(*h.Find("content-type"), "application/json");
  EXPECT_EQ(h.Find("missing"), nullptr);
}

TEST(ResponseReader, ContentLengthBodyAtAnySplit) {
  const std::string wire = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A:  b \r\n\r\nhello";
  for (std::size_t step : {0, 1, 2, 7}) {
    Parsed p = ParseResponse(wire, step);
    ASSERT_TRUE(p.error.ok()) << step << ": " << p.error.message;
    EXPECT_EQ(p.head.status, 200);
    EXPECT_EQ(p.head.reason, "OK");
    EXPECT_EQ(*p.head.headers.Find("x-a"), "b");
    EXPECT_EQ(p.body, "hello");
  }
}

TEST(ResponseReader, ChunkedBodyWithManyChunksExtensionsAndTrailers) {
  for (std::size_t step : {0, 1, 3}) {
    Parsed p = ParseResponse(std::string("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                         "3\r\nabc\r\nA;ext=1\r\n0123456789\r\n1\r\n") +
                                 std::string(1, '\0') +
                                 "\r\n0\r\nLambda-Runtime-Function-Error-Type: Boom\r\n\r\n",
                             step);
    ASSERT_TRUE(p.error.ok()) << p.error.message;
    EXPECT_EQ(p.body, std::string("abc0123456789") + std::string(1, '\0'));
    ASSERT_NE(p.trailers.Find("lambda-runtime-function-error-type"), nullptr);
    EXPECT_EQ(*p.trailers.Find("lambda-runtime-function-error-type"), "Boom");
  }
}

TEST(ResponseReader, BodyUntilCloseWhenUnframed) {
  Parsed p = ParseResponse("HTTP/1.1 200 OK\r\n\r\nall of it");
  ASSERT_TRUE(p.error.ok());
  EXPECT_EQ(p.body, "all of it");
}

TEST(ResponseReader, NoBodyFor204) {
  Parsed p = ParseResponse("HTTP/1.1 204 No Content\r\n\r\n");
  ASSERT_TRUE(p.error.ok());
  EXPECT_EQ(p.body, "");
}

struct BadCase {
  const char* wire;
  ErrorCode code;
};

TEST(ResponseReader, RejectsMalformedResponses) {
  const BadCase cases[] = {
      {"", ErrorCode::kClosed},
      {"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", ErrorCode::kTruncated},
      {"HTTP/1.1 200 OK\r\nContent-Le", ErrorCode::kTruncated},
      {"HTTP/1.1 20x OK\r\n\r\n", ErrorCode::kMalformed},
      {"HTTP/2 200 OK\r\n\r\n", ErrorCode::kMalformed},
      {"HTTP/1.1 200 OK\n\n", ErrorCode::kMalformed},
      {"HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n", ErrorCode::kMalformed},
      {"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", ErrorCode::kMalformed},
      {"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", ErrorCode::kMalformed},
      {"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", ErrorCode::kMalformed},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", ErrorCode::kMalformed},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
       ErrorCode::kMalformed},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\ntransfer-encoding: identity\r\n\r\n0\r\n\r\n",
       ErrorCode::kMalformed},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", ErrorCode::kMalformed},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n", ErrorCode::kMalformed},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nab", ErrorCode::kTruncated},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n", ErrorCode::kMalformed},
  };
  for (const BadCase& c : cases) {
    Parsed p = ParseResponse(c.wire);
    EXPECT_EQ(p.error.code, c.code) << "wire: " << c.wire << " got: " << p.error.message;
  }
}

// Every byte as a header name's second character: RFC 9110's tchar are accepted, all others
// refused as malformed (the names are checked a character at a time).
TEST(ResponseReader, HeaderNamesAreTokensByteByByte) {
  const std::string tchar_symbols = "!#$%&'*+-.^_`|~";
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    if (c == ':' || c == '\r' || c == '\n') continue;  // they end the name or the line instead
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    const bool token = alnum || (c != '\0' && tchar_symbols.find(c) != std::string::npos);
    const std::string wire = std::string("HTTP/1.1 200 OK\r\nX") + c + "Y: v\r\nContent-Length: 0\r\n\r\n";
    Parsed p = ParseResponse(wire);
    if (token) {
      EXPECT_TRUE(p.error.ok()) << "byte " << b << ": " << p.error.message;
      const std::string* value = p.head.headers.Find(std::string("X") + c + "Y");
      ASSERT_NE(value, nullptr) << "byte " << b;
      EXPECT_EQ(*value, "v") << "byte " << b;
    } else {
      EXPECT_EQ(p.error.code, ErrorCode::kMalformed) << "byte " << b;
    }
  }
}

TEST(ResponseReader, EnforcesBodyLimit) {
  Parsed p = ParseResponse("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world", 0, 10);
  EXPECT_EQ(p.error.code, ErrorCode::kTooLarge);
  p = ParseResponse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n", 0, 10);
  EXPECT_EQ(p.error.code, ErrorCode::kTooLarge);
}

TEST(ResponseReader, EnforcesLineAndHeaderCountLimits) {
  std::string long_header = "HTTP/1.1 200 OK\r\nX: " + std::string(kMaxHeaderLine + 10, 'a') + "\r\n\r\n";
  EXPECT_EQ(ParseResponse(long_header).error.code, ErrorCode::kTooLarge);
  std::string many = "HTTP/1.1 200 OK\r\n";
  for (std::size_t i = 0; i <= kMaxHeaderCount; ++i) many += "X" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(ParseResponse(many + "\r\n").error.code, ErrorCode::kTooLarge);
}

TEST(RequestReader, ParsesRequestsBackToBackOnOneConnection) {
  const std::string wire =
      "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /2018-06-01/runtime/invocation/id/response HTTP/1.1\r\nContent-Length: 2\r\n\r\nok";
  StringSource source(wire, 5);
  Reader reader(source);
  RequestHead first;
  ASSERT_TRUE(ReadRequestHead(reader, &first).ok());
  EXPECT_EQ(first.method, "GET");
  EXPECT_EQ(first.target, "/2018-06-01/runtime/invocation/next");
  Framing framing;
  std::size_t length = 0;
  ASSERT_TRUE(RequestFraming(first.headers, &framing, &length).ok());
  EXPECT_EQ(framing, Framing::kNone);
  RequestHead second;
  ASSERT_TRUE(ReadRequestHead(reader, &second).ok());
  ASSERT_TRUE(RequestFraming(second.headers, &framing, &length).ok());
  std::string body;
  ASSERT_TRUE(ReadBodyToString(reader, framing, length, 100, &body, nullptr).ok());
  EXPECT_EQ(body, "ok");
  RequestHead third;
  EXPECT_EQ(ReadRequestHead(reader, &third).code, ErrorCode::kClosed);
}

TEST(RequestReader, RejectsBadRequestLines) {
  for (const char* wire : {"GET\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/3\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n",
                           "GET nopath HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 extra\r\n\r\n"}) {
    StringSource source(wire);
    Reader reader(source);
    RequestHead head;
    EXPECT_EQ(ReadRequestHead(reader, &head).code, ErrorCode::kMalformed) << wire;
  }
}

TEST(Writer, RoundTripsThroughTheReader) {
  Headers headers;
  headers.Add("Transfer-Encoding", "chunked");
  std::string wire;
  AppendResponseHead(&wire, 200, ReasonPhrase(200), headers);
  AppendChunk(&wire, "part one,");
  AppendChunk(&wire, "");
  AppendChunk(&wire, " part two");
  Headers trailers;
  trailers.Add("Lambda-Runtime-Function-Error-Type", "E");
  AppendLastChunk(&wire, trailers);
  Parsed p = ParseResponse(wire, 4);
  ASSERT_TRUE(p.error.ok()) << p.error.message;
  EXPECT_EQ(p.body, "part one, part two");
  EXPECT_EQ(*p.trailers.Find("Lambda-Runtime-Function-Error-Type"), "E");

  std::string request;
  AppendRequestHead(&request, "POST", "/x", Headers());
  EXPECT_EQ(request, "POST /x HTTP/1.1\r\n\r\n");
}

// The exact bytes (written by hand, not printf): three-digit status, chunk sizes in lowercase hex.
TEST(Writer, WritesStatusAndChunkSizesExactly) {
  std::string head;
  AppendResponseHead(&head, 202, ReasonPhrase(202), Headers());
  EXPECT_EQ(head, "HTTP/1.1 202 Accepted\r\n\r\n");
  head.clear();
  AppendResponseHead(&head, 7, "X", Headers());
  EXPECT_EQ(head, "HTTP/1.1 007 X\r\n\r\n");

  for (std::size_t size : {std::size_t{1}, std::size_t{15}, std::size_t{16}, std::size_t{26}, std::size_t{4096},
                           std::size_t{6 << 20}}) {
    std::string chunk;
    AppendChunk(&chunk, std::string(size, 'a'));
    char hex[32];
    std::snprintf(hex, sizeof hex, "%zx\r\n", size);  // the oracle
    EXPECT_EQ(chunk.substr(0, chunk.find('\n') + 1), hex) << size;
    EXPECT_EQ(chunk.size(), std::strlen(hex) + size + 2);
  }
}

TEST(Socket, ParsesHostAndPort) {
  std::string host;
  uint16_t port = 0;
  ASSERT_TRUE(ParseHostPort("127.0.0.1:9001", &host, &port));
  EXPECT_EQ(host, "127.0.0.1");
  EXPECT_EQ(port, 9001);
  ASSERT_TRUE(ParseHostPort("localhost:1", &host, &port));
  EXPECT_EQ(host, "localhost");
  for (const char* bad : {"", "host", ":80", "h:", "h:0", "h:65536", "h:8x", "h:1234567"}) {
    EXPECT_FALSE(ParseHostPort(bad, &host, &port)) << bad;
  }
  Fd fd;
  EXPECT_EQ(ConnectTcp("example.com", 80, &fd).code, ErrorCode::kMalformed);
}

// A connected pair of sockets; the test plays both ends.
struct SocketPair {
  SocketPair() {
    int fds[2];
    EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
    ours.reset(fds[0]);
    theirs.reset(fds[1]);
  }
  Fd ours, theirs;
};

TEST(Deadline, AReadWithNothingToReadTimesOut) {
  SocketPair pair;
  FdSource source(pair.ours.get());
  source.set_deadline(DeadlineIn(std::chrono::milliseconds(20)));
  Reader reader(source);
  ResponseHead head;
  EXPECT_EQ(ReadResponseHead(reader, &head).code, ErrorCode::kTimeout);
  // Bytes already waiting are read even when the deadline has passed.
  ASSERT_TRUE(WriteAll(pair.theirs.get(), "HTTP/1.1 204 No Content\r\n\r\n").ok());
  source.set_deadline(DeadlineIn(-std::chrono::seconds(1)));
  Reader fresh(source);
  Error e = ReadResponseHead(fresh, &head);
  ASSERT_TRUE(e.ok()) << e.message;
  EXPECT_EQ(head.status, 204);
}

TEST(Deadline, AHalfSentHeadTimesOutRatherThanWaitingForever) {
  SocketPair pair;
  ASSERT_TRUE(WriteAll(pair.theirs.get(), "HTTP/1.1 200 OK\r\nContent-Le").ok());
  FdSource source(pair.ours.get());
  source.set_deadline(DeadlineIn(std::chrono::milliseconds(20)));
  Reader reader(source);
  ResponseHead head;
  EXPECT_EQ(ReadResponseHead(reader, &head).code, ErrorCode::kTimeout);
}

TEST(Deadline, AWriteThePeerNeverTakesTimesOut) {
  SocketPair pair;
  const std::string block(1 << 20, 'x');
  Error e;
  for (int i = 0; i < 64 && e.ok(); ++i) e = WriteAll(pair.ours.get(), block, DeadlineIn(std::chrono::milliseconds(20)));
  EXPECT_EQ(e.code, ErrorCode::kTimeout) << e.message;
}

TEST(Socket, ARefusedConnectionIsKConnect) {
  Fd listener(::socket(AF_INET, SOCK_STREAM, 0));  // Bound, never listening: connects are refused.
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(listener.get(), reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  socklen_t len = sizeof(addr);
  ASSERT_EQ(::getsockname(listener.get(), reinterpret_cast<sockaddr*>(&addr), &len), 0);
  Fd fd;
  EXPECT_EQ(ConnectTcp("127.0.0.1", ntohs(addr.sin_port), &fd).code, ErrorCode::kConnect);
}

}  // namespace
}  // namespace lambda::http

namespace lambda::http {
namespace {

TEST(Base64, RoundTripsAndRejectsGarbage) {
  const std::string binary("\x00\xff\x10 bytes\x80", 10);
  for (const std::string& s : {std::string(""), std::string("f"), std::string("fo"), std::string("foo"), binary}) {
    std::string back;
    ASSERT_TRUE(Base64Decode(Base64Encode(s), &back)) << s;
    EXPECT_EQ(back, s);
  }
  EXPECT_EQ(Base64Encode("{\"a\":1}"), "eyJhIjoxfQ==");
  std::string out;
  for (const char* bad : {"abc", "ab=c", "a===", "ab$d", "ab==cd=="}) EXPECT_FALSE(Base64Decode(bad, &out)) << bad;
}

}  // namespace
}  // namespace lambda::http
