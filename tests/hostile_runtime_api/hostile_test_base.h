// File: tests/hostile_runtime_api/hostile_test_base.h
//
// What every hostile case shares: a fake Runtime API, the runtime under test started against it,
// and the ordinary exchange that proves the runtime is still in step after something hostile.
#ifndef TESTS_HOSTILE_RUNTIME_API_HOSTILE_TEST_BASE_H_
#define TESTS_HOSTILE_RUNTIME_API_HOSTILE_TEST_BASE_H_

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/hostile_runtime_api/fake_runtime_api.h"
#include "tests/hostile_runtime_api/runtime_under_test.h"

namespace lambda::hostile {

class HostileTest : public ::testing::Test {
 protected:
  // Starts the runtime and returns its first connection, already holding its first /next poll.
  std::unique_ptr<Peer> Start(Fixture fixture = Fixture::kEcho, std::vector<std::string> extra_env = {}) {
    if (!HasFixture(fixture)) return nullptr;
    runtime_ = std::make_unique<RuntimeUnderTest>(fixture, api_.port(), std::move(extra_env));
    EXPECT_EQ(runtime_->error(), "");
    CapturedRequest first;
    std::unique_ptr<Peer> peer = api_.AcceptPoll(&first);
    EXPECT_NE(peer, nullptr) << "the runtime never polled\n" << runtime_->LogText();
    if (peer != nullptr) EXPECT_TRUE(first.IsNext()) << first.method << " " << first.target;
    return peer;
  }

  // On a connection whose /next poll is waiting: hands out EVENT as request ID, expects the echo
  // back on the same connection, accepts it, and expects the next poll. Returns "" or what went
  // wrong, so callers can ASSERT_EQ(..., "").
  std::string EchoRoundTrip(Peer& peer, const std::string& id, const std::string& event) {
    if (!peer.Send(NextReply(id, event))) return "could not send the event";
    CapturedRequest posted = peer.ReadRequest();
    if (!posted.ok()) return "reading the response: " + posted.error.message + "\n" + runtime_->LogText();
    if (posted.method != "POST" || posted.target != ResponsePath(id)) {
      return "expected POST " + ResponsePath(id) + ", got " + posted.method + " " + posted.target;
    }
    if (posted.body != event) return "expected the event back, got '" + posted.body + "'";
    if (!peer.Send(Accepted())) return "could not accept the response";
    CapturedRequest next = peer.ReadRequest();
    if (!next.IsNext()) return "expected the next poll, got " + next.method + " " + next.target + " " + next.error.message;
    return "";
  }

  // The runtime gave up on PEER: it closes that connection, comes back on a new one, polls, and
  // serves an event there. Returns the new connection (null on failure, with the test failed).
  std::unique_ptr<Peer> ExpectReconnectAndServe(Peer& peer, const std::string& id) {
    EXPECT_TRUE(peer.ClosedByRuntime()) << "the runtime kept a connection it could not trust\n" << runtime_->LogText();
    CapturedRequest first;
    std::unique_ptr<Peer> again = api_.AcceptPoll(&first);
    EXPECT_NE(again, nullptr) << "the runtime did not come back\n" << runtime_->LogText();
    if (again == nullptr) return nullptr;
    EXPECT_TRUE(first.IsNext()) << first.method << " " << first.target;
    EXPECT_EQ(EchoRoundTrip(*again, id, "{\"after\":\"" + id + "\"}"), "");
    return again;
  }

  FakeRuntimeApi api_;
  std::unique_ptr<RuntimeUnderTest> runtime_;
};

// Skips a test that needs a fixture the suite was not given.
#define REQUIRE_FIXTURE(fixture)                                                             \
  if (!HasFixture(fixture)) GTEST_SKIP() << "no bootstrap for this fixture was given"

}  // namespace lambda::hostile

#endif  // TESTS_HOSTILE_RUNTIME_API_HOSTILE_TEST_BASE_H_
