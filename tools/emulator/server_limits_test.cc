// The emulator's bounds on what its peers can make it hold or wait for: connections, idle and
// slow requests, pending invokes (Lambda's 429), oversized bodies, and a streamed answer that
// outlives its invoke. Raw sockets where the bytes matter; cpp-httplib as an independent client
// where an ordinary client's view is the point.
#include <sys/socket.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "httplib.h"
#include "runtime/cpp/http/base64.h"
#include "tools/emulator/emulator.h"
#include "tools/emulator/event_stream.h"
#include "tools/emulator/json_util.h"
#include "tools/emulator/testing/raw_client.h"

namespace lambda::emulator {
namespace {

using testing::RawClient;
using testing::RawResponse;
using namespace std::chrono_literals;

constexpr char kInvoke[] = "/2015-03-31/functions/function/invocations";
constexpr char kStream[] = "/2021-11-15/functions/function/response-streaming-invocations";
constexpr char kNext[] = "/2018-06-01/runtime/invocation/next";
constexpr auto kGuard = 20s;

class ServerLimitsTest : public ::testing::Test {
 protected:
  // FAKE_MODE "": the test plays the runtime.
  void Start(const std::string& fake_mode, EmulatorOptions options = {}) {
    if (!fake_mode.empty()) {
      options.bootstrap = std::getenv("FAKE_RUNTIME");
      options.bootstrap_args = {fake_mode};
    }
    options.invoke_port = 0;
    options.log_sink = [](std::string_view) {};
    emulator_ = std::make_unique<Emulator>(options);
    ASSERT_EQ(emulator_->Start(), "");
  }
  void TearDown() override {
    if (emulator_) emulator_->Stop();
  }
  uint16_t port() { return emulator_->invoke_port(); }
  // Waits (guarded) until N invokes are queued or running.
  bool WaitForPending(std::size_t n) {
    for (int i = 0; i < 20000 && emulator_->PendingInvokes() < n; ++i) std::this_thread::sleep_for(1ms);
    return emulator_->PendingInvokes() >= n;
  }

  std::unique_ptr<Emulator> emulator_;
};

TEST_F(ServerLimitsTest, InvokesPastTheLimitAreThrottledAsLambdaDoes) {
  Start("sleep", {.max_pending_invokes = 2});
  std::vector<std::thread> slow;
  for (int i = 0; i < 2; ++i) {
    slow.emplace_back([this] { RawClient(port()).Post(kInvoke, "1500"); });
  }
  ASSERT_TRUE(WaitForPending(2));
  httplib::Client client("127.0.0.1", port());
  httplib::Result r = client.Post(kInvoke, "1", "application/json");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 429);
  EXPECT_EQ(r->get_header_value("x-amzn-ErrorType"), "TooManyRequestsException");
  EXPECT_EQ(r->body,
            R"({"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."})");
  for (auto& t : slow) t.join();
  // Room again: served.
  r = client.Post(kInvoke, "1", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "done");
}

TEST_F(ServerLimitsTest, AnIdleKeepAliveConnectionIsClosed) {
  Start("", {.server_limits = {.idle_timeout = 200ms}});
  RawClient client(port());
  http::Headers dry;
  dry.Add("X-Amz-Invocation-Type", "DryRun");
  ASSERT_EQ(client.Post(kInvoke, "{}", dry).status, 204);
  EXPECT_TRUE(client.ClosedByPeer(static_cast<int>(std::chrono::milliseconds(kGuard).count())));
}

TEST_F(ServerLimitsTest, ASlowlyTrickledRequestHeadIs408) {
  Start("", {.server_limits = {.request_timeout = 200ms}});
  RawClient slow(port());
  slow.SendRaw("POST /2015-03-31/functions/function/invocations HTTP/1.1\r\nHost: x\r\nX-Slow:");
  RawResponse r = slow.ReadResponse(kGuard);
  EXPECT_EQ(r.status, 408) << r.error.message;
  EXPECT_TRUE(slow.ClosedByPeer());
}

TEST_F(ServerLimitsTest, AtTheConnectionCapTheLongestIdleConnectionMakesRoom) {
  Start("", {.server_limits = {.max_connections = 3}});
  http::Headers dry;
  dry.Add("X-Amz-Invocation-Type", "DryRun");
  std::vector<std::unique_ptr<RawClient>> idle;
  for (int i = 0; i < 3; ++i) {
    idle.push_back(std::make_unique<RawClient>(port()));
    ASSERT_EQ(idle.back()->Post(kInvoke, "{}", dry).status, 204);
  }
  RawClient newcomer(port());
  EXPECT_EQ(newcomer.Post(kInvoke, "{}", dry).status, 204);
  EXPECT_TRUE(idle[0]->ClosedByPeer()) << "the oldest idle connection should have made room";
  EXPECT_EQ(idle[2]->Post(kInvoke, "{}", dry).status, 204);
}

TEST_F(ServerLimitsTest, AtTheConnectionCapWithNobodyIdleANewcomerGets429) {
  Start("sleep", {.server_limits = {.max_connections = 2}});
  std::vector<std::thread> busy;
  for (int i = 0; i < 2; ++i) busy.emplace_back([this] { RawClient(port()).Post(kInvoke, "1500"); });
  ASSERT_TRUE(WaitForPending(2));
  RawClient newcomer(port());
  RawResponse r = newcomer.ReadResponse(kGuard);  // Answered before it even asked.
  ASSERT_EQ(r.status, 429) << r.error.message;
  EXPECT_EQ(*r.headers.Find("x-amzn-ErrorType"), "TooManyRequestsException");
  EXPECT_TRUE(newcomer.ClosedByPeer());
  for (auto& t : busy) t.join();
}

TEST_F(ServerLimitsTest, AContentLengthOverAnySaneSizeIs413) {
  Start("");
  RawClient client(port());
  client.SendRaw(std::string("POST ") + kInvoke + " HTTP/1.1\r\nContent-Length: " +
                 std::to_string(kMaxRequestBodyBytes + 1) + "\r\n\r\n");
  EXPECT_EQ(client.ReadResponse(kGuard).status, 413);
  EXPECT_TRUE(client.ClosedByPeer());
}

TEST_F(ServerLimitsTest, AStreamThatOutlivesItsInvokeEndsOnceAndNothingFollows) {
  Start("", {.timeout_seconds = 1});
  RawClient invoker(port());
  invoker.SendRaw(std::string("POST ") + kStream + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
  RawClient runtime(emulator_->runtime_api_port());
  RawResponse next = runtime.Get(kNext);
  ASSERT_EQ(next.status, 200);
  const std::string id = *next.headers.Find("Lambda-Runtime-Aws-Request-Id");
  runtime.SendRaw("POST /2018-06-01/runtime/invocation/" + id +
                  "/response HTTP/1.1\r\nLambda-Runtime-Function-Response-Mode: streaming\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n5\r\nearly\r\n");
  // The invoke times out: the invoker's stream ends, once, with the timeout in InvokeComplete.
  RawResponse streamed = invoker.ReadResponse(kGuard);
  ASSERT_EQ(streamed.status, 200) << streamed.error.message;
  std::vector<event_stream::Message> events;
  ASSERT_EQ(event_stream::DecodeAll(streamed.body, &events), "");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].payload, "early");
  EXPECT_EQ(*events[1].Find(":event-type"), "InvokeComplete");
  EXPECT_EQ(StringMember(events[1].payload, "ErrorCode"), "Sandbox.Timedout");
  // The runtime goes on streaming, too late: Lambda answers 410, and the invoker sees nothing.
  runtime.SendRaw("4\r\nlate\r\n0\r\n\r\n");
  EXPECT_EQ(runtime.ReadResponse(kGuard).status, 410);
  char byte;
  ssize_t n = ::recv(invoker.fd(), &byte, 1, MSG_DONTWAIT);
  EXPECT_TRUE(n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) << "bytes after the end of the response";
}

}  // namespace
}  // namespace lambda::emulator
