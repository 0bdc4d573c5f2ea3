// What the runtime sends, whatever the Runtime API gave it: request ids that are not safe in a
// path, deadlines at the ends of int64, and a reply that comes before the request was read.
#include <string>
#include <vector>

#include "rapidjson/document.h"
#include "tests/hostile_runtime_api/hostile_test_base.h"

namespace lambda::hostile {
namespace {

class Requests : public HostileTest {};

TEST_F(Requests, RequestIdsArePercentEncodedOrRefusedNeverSentRaw) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  struct Case {
    std::string id;
    std::string encoded;  // RFC 3986: unreserved characters kept, every other byte %XX.
  };
  const Case cases[] = {
      {"8f6b5c1e-2d4a-4c3b-9a1e-0f2d3c4b5a69", "8f6b5c1e-2d4a-4c3b-9a1e-0f2d3c4b5a69"},
      {"abc def", "abc%20def"},
      {"../../init/error?x=", "..%2F..%2Finit%2Ferror%3Fx%3D"},
      {"\xc3\xbc-non-ascii", "%C3%BC-non-ascii"},
      {"a%2Fb", "a%252Fb"},
      {"q#frag;p+x", "q%23frag%3Bp%2Bx"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("request id '" + c.id + "'");
    ASSERT_TRUE(peer->Send(NextReply(c.id, "{}")));
    CapturedRequest posted = peer->ReadRequest();
    ASSERT_TRUE(posted.ok()) << "not a valid HTTP request: " << posted.error.message;
    if (posted.IsNext()) continue;  // Refused: the runtime went back to polling.
    EXPECT_EQ(posted.target, ResponsePath(c.encoded));
    ASSERT_TRUE(peer->Send(Accepted()));
    ASSERT_TRUE(peer->ReadRequest().IsNext());
  }
}

TEST_F(Requests, DotSegmentIdsAreRefused) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  for (const char* id : {".", ".."}) {
    SCOPED_TRACE(id);
    // /invocation/../response is /runtime/response to any server that normalises paths.
    ASSERT_TRUE(peer->Send(NextReply(id, "{}")));
    CapturedRequest next = peer->ReadRequest();
    EXPECT_TRUE(next.IsNext()) << next.method << " " << next.target;
  }
  EXPECT_EQ(EchoRoundTrip(*peer, "fine", "{}"), "");
}

TEST_F(Requests, DeadlinesAtTheEndsOfInt64DoNotOverflow) {
  REQUIRE_FIXTURE(Fixture::kContext);
  std::unique_ptr<Peer> peer = Start(Fixture::kContext);
  ASSERT_NE(peer, nullptr);
  struct Case {
    const char* deadline;
    int sign;  // Of remaining_ms: -1 past, +1 future, 0 any.
  };
  const Case cases[] = {
      {"-9223372036854775808", -1}, {"9223372036854775807", 1}, {"-1", -1}, {"0", -1},
      {"not a number", 0},          {"", 0},                    {"99999999999999999999", 0},
  };
  int n = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string("Lambda-Runtime-Deadline-Ms: ") + c.deadline);
    const std::string id = "deadline-" + std::to_string(n++);
    ASSERT_TRUE(peer->Send(RawReply("HTTP/1.1 200 OK",
                                    {"Lambda-Runtime-Aws-Request-Id: " + id,
                                     std::string("Lambda-Runtime-Deadline-Ms: ") + c.deadline, "Content-Length: 2"},
                                    "{}")));
    CapturedRequest posted = peer->ReadRequest();
    ASSERT_TRUE(posted.ok()) << posted.error.message << "\n" << runtime_->LogText();
    ASSERT_EQ(posted.target, ResponsePath(id)) << runtime_->LogText();
    rapidjson::Document doc;
    ASSERT_FALSE(doc.Parse(posted.body.c_str()).HasParseError()) << posted.body;
    ASSERT_TRUE(doc.HasMember("remaining_ms") && doc["remaining_ms"].IsInt64()) << posted.body;
    const int64_t remaining = doc["remaining_ms"].GetInt64();
    if (c.sign < 0) EXPECT_LE(remaining, 0) << posted.body;
    if (c.sign > 0) EXPECT_GT(remaining, 0) << posted.body;
    ASSERT_TRUE(peer->Send(Accepted()));
    ASSERT_TRUE(peer->ReadRequest().IsNext());
  }
}

TEST_F(Requests, ARefusalBeforeTheBodyWasReadIsSurvived) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  // A 6 MB echo: more than the socket buffers hold, so the runtime is still writing when the
  // server answers 413 and resets the connection.
  const std::string event(6 * 1024 * 1024, 'e');
  ASSERT_TRUE(peer->Send(NextReply("early", event)));
  CapturedRequest head = peer->ReadRequestHead();
  ASSERT_TRUE(head.ok()) << head.error.message;
  ASSERT_EQ(head.target, ResponsePath("early"));
  const std::string refusal =
      RawReply("HTTP/1.1 413 Request Entity Too Large", {"Connection: close", "Content-Length: 2"}, "{}");
  peer->Send(refusal);
  peer->Reset();
  CapturedRequest first;
  std::unique_ptr<Peer> again = api_.AcceptPoll(&first);
  ASSERT_NE(again, nullptr) << runtime_->LogText();
  if (!first.IsNext()) {
    // The runtime could not read the 413 (the reset came first) and may take the reset for a
    // stale keep-alive connection: one resend is fair, a second is a loop.
    ASSERT_EQ(first.target, ResponsePath("early"));
    ASSERT_TRUE(again->Send(refusal));
    again->Close();
    again = api_.AcceptPoll(&first);
    ASSERT_NE(again, nullptr) << runtime_->LogText();
    ASSERT_TRUE(first.IsNext()) << "resent twice: " << first.method << " " << first.target;
  }
  EXPECT_EQ(EchoRoundTrip(*again, "after-refusal", "{}"), "");
}

}  // namespace
}  // namespace lambda::hostile
