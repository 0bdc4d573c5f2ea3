// Replies from the Runtime API: unusual but valid HTTP the runtime must read correctly, and
// malformed HTTP it must refuse, say so honestly in its log, and recover from on a new connection.
#include <sys/wait.h>

#include <string>
#include <vector>

#include "tests/hostile_runtime_api/hostile_test_base.h"

namespace lambda::hostile {
namespace {

using namespace std::chrono_literals;

class Replies : public HostileTest {};

TEST_F(Replies, ManyInvokesOverOneKeepAliveConnection) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(EchoRoundTrip(*peer, "id-" + std::to_string(i), "{\"i\":" + std::to_string(i) + "}"), "");
  }
}

TEST_F(Replies, InterimRepliesBeforeTheEventAreSkipped) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  ASSERT_TRUE(peer->Send("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\nX-Progress: 1\r\n\r\n" +
                         NextReply("after-interim", "{\"interim\":true}")));
  CapturedRequest posted = peer->ReadRequest();
  ASSERT_TRUE(posted.ok()) << posted.error.message << "\n" << runtime_->LogText();
  EXPECT_EQ(posted.target, ResponsePath("after-interim"));
  EXPECT_EQ(posted.body, "{\"interim\":true}");
  ASSERT_TRUE(peer->Send(Accepted()));
  ASSERT_TRUE(peer->ReadRequest().IsNext());
  EXPECT_EQ(EchoRoundTrip(*peer, "still-in-step", "{}"), "");
}

TEST_F(Replies, InterimRepliesBeforeTheAcceptanceAreSkipped) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  ASSERT_TRUE(peer->Send(NextReply("first", "one")));
  CapturedRequest posted = peer->ReadRequest();
  ASSERT_TRUE(posted.ok());
  ASSERT_EQ(posted.target, ResponsePath("first"));
  // A 100 Continue before the 202: taken as the answer, it would leave the 202 to be read as the
  // reply to the next poll, and the event after it would be lost.
  ASSERT_TRUE(peer->Send("HTTP/1.1 100 Continue\r\n\r\n" + Accepted()));
  CapturedRequest next = peer->ReadRequest();
  ASSERT_TRUE(next.IsNext()) << next.method << " " << next.target << "\n" << runtime_->LogText();
  EXPECT_EQ(EchoRoundTrip(*peer, "second", "two"), "");
}

TEST_F(Replies, ChunkedEventsInEveryLegalShape) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  struct Case {
    const char* chunked_body;
    const char* event;
  };
  const Case cases[] = {
      {"5\r\nhello\r\n0\r\n\r\n", "hello"},
      {"5;name=value\r\nhello\r\n1;x\r\n!\r\n0;last\r\n\r\n", "hello!"},  // chunk extensions
      {"A\r\n0123456789\r\n0\r\n\r\n", "0123456789"},                    // upper-case hex
      {"0005\r\nhello\r\n0000\r\n\r\n", "hello"},                          // leading zeros
      {"2\r\nab\r\n0\r\nX-Trailer: yes\r\nY: z\r\n\r\n", "ab"},          // trailers
      {"1\r\na\r\n1\r\nb\r\n1\r\nc\r\n1\r\nd\r\n0\r\n\r\n", "abcd"},      // one byte a chunk
      {"0\r\n\r\n", ""},                                                  // an empty event
  };
  int n = 0;
  for (const Case& c : cases) {
    const std::string id = "chunked-" + std::to_string(n++);
    ASSERT_TRUE(peer->Send(RawReply("HTTP/1.1 200 OK",
                                    {"Lambda-Runtime-Aws-Request-Id: " + id, "Lambda-Runtime-Deadline-Ms: 4102444800000",
                                     "Transfer-Encoding: chunked"},
                                    c.chunked_body)));
    CapturedRequest posted = peer->ReadRequest();
    ASSERT_TRUE(posted.ok()) << c.chunked_body << ": " << posted.error.message << "\n" << runtime_->LogText();
    EXPECT_EQ(posted.target, ResponsePath(id));
    EXPECT_EQ(posted.body, c.event) << c.chunked_body;
    ASSERT_TRUE(peer->Send(Accepted()));
    ASSERT_TRUE(peer->ReadRequest().IsNext()) << c.chunked_body;
  }
}

TEST_F(Replies, AnEventFramedByTheConnectionClosing) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  ASSERT_TRUE(peer->Send(RawReply("HTTP/1.1 200 OK",
                                  {"Lambda-Runtime-Aws-Request-Id: until-close", "Connection: close"},
                                  "{\"framed\":\"by close\"}")));
  peer->Close();
  // The body ends with the connection, so the answer comes on a new one.
  CapturedRequest posted;
  std::unique_ptr<Peer> again = api_.AcceptPoll(&posted);
  ASSERT_NE(again, nullptr) << runtime_->LogText();
  EXPECT_EQ(posted.target, ResponsePath("until-close"));
  EXPECT_EQ(posted.body, "{\"framed\":\"by close\"}");
  ASSERT_TRUE(again->Send(Accepted()));
  ASSERT_TRUE(again->ReadRequest().IsNext());
}

TEST_F(Replies, ASlowlyTrickledEventIsReadWhole) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  const std::string event = "{\"slow\":\"" + std::string(64, 's') + "\"}";
  ASSERT_TRUE(peer->SendSlowly(NextReply("slow", event), 2ms));
  CapturedRequest posted = peer->ReadRequest();
  ASSERT_TRUE(posted.ok()) << posted.error.message;
  EXPECT_EQ(posted.body, event);
  ASSERT_TRUE(peer->Send(Accepted()));
  ASSERT_TRUE(peer->ReadRequest().IsNext());
}

// Lines the runtime printed from index FROM on, joined.
std::string LinesSince(const std::vector<std::string>& lines, std::size_t from) {
  std::string text;
  for (std::size_t i = from; i < lines.size(); ++i) text += lines[i] + "\n";
  return text;
}

TEST_F(Replies, MalformedRepliesAreRefusedNamedAndRecoveredFrom) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  const std::string id = "Lambda-Runtime-Aws-Request-Id: bad";
  const std::vector<std::string> hostile = {
      "HTTP/1.1 2000 OK\r\n\r\n",
      "HTTP/1.1 OK\r\n\r\n",
      std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 a TLS hello\r\n\r\n", 27),
      "HTTP/1.1 200 OK\n" + id + "\nContent-Length: 0\n\n",  // bare LF
      "HTTP/2 200\r\n\r\n",
      "HTTP/1.1 200 " + std::string(1 << 20, 'r') + "\r\n\r\n",               // a 1 MB status line
      RawReply("HTTP/1.1 200 OK", {id, "X-Big: " + std::string(20000, 'h')}, ""),  // a 20 KB header
      [&] {
        std::vector<std::string> lines = {id};
        for (int i = 0; i < 200; ++i) lines.push_back("X-" + std::to_string(i) + ": v");
        return RawReply("HTTP/1.1 200 OK", lines, "");
      }(),
      RawReply("HTTP/1.1 200 OK", {id, "Content-Length: 2", "Transfer-Encoding: chunked"}, "2\r\nab\r\n0\r\n\r\n"),
      RawReply("HTTP/1.1 200 OK", {id, "Transfer-Encoding: chunked", "Transfer-Encoding: chunked"},
               "2\r\nab\r\n0\r\n\r\n"),
      RawReply("HTTP/1.1 200 OK", {id, "Content-Length: -1"}, ""),
      RawReply("HTTP/1.1 200 OK", {id, "Content-Length: 2", "Content-Length: 3"}, "abc"),
      RawReply("HTTP/1.1 200 OK", {id, "Transfer-Encoding: gzip"}, "xx"),
      RawReply("HTTP/1.1 200 OK", {id, "Transfer-Encoding: chunked"}, "fffffffffffffffffff\r\n"),
      RawReply("HTTP/1.1 200 OK", {id, "Transfer-Encoding: chunked"}, "2\r\nabcdef\r\n0\r\n\r\n"),
      RawReply("HTTP/1.1 200 OK", {id, "Transfer-Encoding: chunked"}, "zz\r\n"),
      RawReply("HTTP/1.1 200 OK", {id, std::string("X-Control: a\x01z", 14), "Content-Length: 0"}, ""),
      RawReply("HTTP/1.1 200 OK", {id, "Bad Name: x", "Content-Length: 0"}, ""),
      RawReply("HTTP/1.1 200 OK", {id, " folded-continuation", "Content-Length: 0"}, ""),
  };
  int n = 0;
  for (const std::string& reply : hostile) {
    SCOPED_TRACE("hostile reply #" + std::to_string(n) + ": " + reply.substr(0, 80));
    const std::size_t logged = runtime_->Log().size();
    // Whether all of it can be written is up to the runtime: one that refuses the 1 MB status
    // line at its limit and hangs up while the rest is still on its way is right, not broken.
    (void)peer->Send(reply);
    peer = ExpectReconnectAndServe(*peer, "recovered-" + std::to_string(n++));
    ASSERT_NE(peer, nullptr);
    // What the log says must be what happened: a malformed reply, not an unreachable API.
    const std::string said = LinesSince(runtime_->Log(), logged);
    EXPECT_NE(said.find("malformed"), std::string::npos) << said;
    EXPECT_EQ(said.find("unreachable"), std::string::npos) << said;
  }
}

TEST_F(Replies, ATruncatedEventIsDroppedAndTheRuntimeReconnects) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  ASSERT_TRUE(peer->Send(NextReply("cut", std::string(100, 'c')).substr(0, 300)));
  peer->Close();
  CapturedRequest first;
  std::unique_ptr<Peer> again = api_.AcceptPoll(&first);
  ASSERT_NE(again, nullptr) << runtime_->LogText();
  EXPECT_TRUE(first.IsNext()) << "a cut event must not be answered: " << first.target;
  EXPECT_EQ(EchoRoundTrip(*again, "whole", "{}"), "");
}

TEST_F(Replies, AResetInTheMiddleOfTheEventIsSurvived) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  ASSERT_TRUE(peer->Send(NextReply("reset", std::string(10000, 'r')).substr(0, 1000)));
  peer->Reset();
  CapturedRequest first;
  std::unique_ptr<Peer> again = api_.AcceptPoll(&first);
  ASSERT_NE(again, nullptr) << runtime_->LogText();
  EXPECT_TRUE(first.IsNext()) << first.target;
  EXPECT_EQ(EchoRoundTrip(*again, "after-reset", "{}"), "");
}

TEST_F(Replies, AnEventWithoutARequestIdIsSkipped) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  ASSERT_TRUE(peer->Send(RawReply("HTTP/1.1 200 OK", {"Content-Length: 2"}, "{}")));
  ASSERT_TRUE(peer->ReadRequest().IsNext()) << runtime_->LogText();
  EXPECT_EQ(EchoRoundTrip(*peer, "with-id", "{}"), "");
}

TEST_F(Replies, AnEventOverAnySaneSizeIsRefusedUnread) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  // A gigabyte promised: the runtime must refuse it, not try to hold it.
  ASSERT_TRUE(peer->Send(RawReply("HTTP/1.1 200 OK",
                                  {"Lambda-Runtime-Aws-Request-Id: huge", "Content-Length: 1073741824"}, "xxxx")));
  ExpectReconnectAndServe(*peer, "after-huge");
}

TEST_F(Replies, A5xxOnNextMakesTheRuntimeExitNonZero) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  ASSERT_TRUE(peer->Send(RawReply("HTTP/1.1 500 Internal Server Error", {"Content-Length: 2"}, "{}")));
  std::optional<int> status = runtime_->WaitForExit();
  ASSERT_TRUE(status.has_value()) << runtime_->LogText();
  EXPECT_TRUE(WIFEXITED(*status));
  EXPECT_NE(WEXITSTATUS(*status), 0);
}

}  // namespace
}  // namespace lambda::hostile
