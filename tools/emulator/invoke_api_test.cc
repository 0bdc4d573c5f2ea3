// The Invoke API, as `curl` or `aws lambda invoke --endpoint-url` use it, over raw sockets.
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
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

class InvokeApiTest : public ::testing::Test {
 protected:
  void Start(const std::string& fake_mode) {
    EmulatorOptions options;
    if (!fake_mode.empty()) {
      options.bootstrap = std::getenv("FAKE_RUNTIME");
      options.bootstrap_args = {fake_mode};
    }
    options.invoke_port = 0;
    options.max_observed = 1000;
    options.log_sink = [](std::string_view) {};
    emulator_ = std::make_unique<Emulator>(options);
    ASSERT_EQ(emulator_->Start(), "");
  }
  void TearDown() override {
    if (emulator_) emulator_->Stop();
  }
  RawResponse Invoke(const std::string& body, const http::Headers& headers = http::Headers(),
                     const std::string& path = kInvoke) {
    RawClient client(emulator_->invoke_port());
    return client.Post(path, body, headers);
  }

  std::unique_ptr<Emulator> emulator_;
};

TEST_F(InvokeApiTest, RequestResponseReturnsTheFunctionsAnswer) {
  Start("echo");
  RawResponse r = Invoke("{\"name\":\"x\"}");
  ASSERT_EQ(r.status, 200) << r.error.message;
  EXPECT_EQ(r.body, "{\"name\":\"x\"}");
  EXPECT_EQ(*r.headers.Find("X-Amz-Executed-Version"), "$LATEST");
  EXPECT_TRUE(r.headers.Has("X-Amzn-RequestId"));
  EXPECT_FALSE(r.headers.Has("X-Amz-Function-Error"));
}

TEST_F(InvokeApiTest, FailedInvokeCarriesXAmzFunctionError) {
  Start("crash");
  RawResponse r = Invoke("crash");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(*r.headers.Find("X-Amz-Function-Error"), "Unhandled");
  EXPECT_NE(r.body.find("\"errorType\":\"Runtime.ExitError\""), std::string::npos);
  // The emulator restarted the runtime and keeps serving.
  EXPECT_EQ(Invoke("after").body, "after");
}

TEST_F(InvokeApiTest, EventIsAcceptedAtOnceAndStillRuns) {
  Start("sleep");
  http::Headers h;
  h.Add("X-Amz-Invocation-Type", "Event");
  RawResponse r = Invoke("300", h);
  EXPECT_EQ(r.status, 202);
  EXPECT_EQ(r.body, "");
  for (int i = 0; i < 3000; ++i) {  // The queued invoke runs and is answered.
    bool answered = false;
    for (const auto& o : emulator_->Observed()) answered |= o.path.find("/response") != std::string::npos;
    if (answered) return;
    std::this_thread::sleep_for(10ms);
  }
  FAIL() << "the Event invoke never ran";
}

TEST_F(InvokeApiTest, DryRunAndBadInvocationType) {
  Start("echo");
  http::Headers dry;
  dry.Add("X-Amz-Invocation-Type", "DryRun");
  EXPECT_EQ(Invoke("x", dry).status, 204);
  http::Headers bad;
  bad.Add("X-Amz-Invocation-Type", "Sometimes");
  RawResponse r = Invoke("x", bad);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(*r.headers.Find("x-amzn-ErrorType"), "InvalidParameterValueException");
  EXPECT_EQ(emulator_->Starts(), 0);  // Neither started the runtime.
}

TEST_F(InvokeApiTest, ClientContextAndTenantArePassedThrough) {
  Start("");  // The test plays the runtime and echoes what it was given.
  std::thread runtime([this] {
    RawClient c(emulator_->runtime_api_port());
    RawResponse next = c.Get(kNext);
    std::string id = *next.headers.Find("Lambda-Runtime-Aws-Request-Id");
    std::string seen = *next.headers.Find("Lambda-Runtime-Client-Context") + "|" +
                       *next.headers.Find("Lambda-Runtime-Aws-Tenant-Id");
    c.Post("/2018-06-01/runtime/invocation/" + id + "/response", seen);
  });
  http::Headers h;
  h.Add("X-Amz-Client-Context", http::Base64Encode("{\"custom\":{\"k\":\"v\"}}"));
  h.Add("X-Amz-Tenant-Id", "acme");
  RawResponse r = Invoke("{}", h);
  runtime.join();
  EXPECT_EQ(r.body, "{\"custom\":{\"k\":\"v\"}}|acme");

  http::Headers bad;
  bad.Add("X-Amz-Client-Context", "not base64!");
  EXPECT_EQ(Invoke("{}", bad).status, 400);
  http::Headers deep;  // Valid JSON, but nested past kMaxJsonDepth.
  deep.Add("X-Amz-Client-Context", http::Base64Encode(std::string(600, '[') + std::string(600, ']')));
  EXPECT_EQ(Invoke("{}", deep).status, 400);
}

TEST_F(InvokeApiTest, LogTailReturnsTheInvokesLogs) {
  Start("print");
  http::Headers h;
  h.Add("X-Amz-Log-Type", "Tail");
  RawResponse r = Invoke("line from the function", h);
  ASSERT_EQ(r.status, 200);
  std::string logs;
  ASSERT_TRUE(http::Base64Decode(*r.headers.Find("X-Amz-Log-Result"), &logs));
  EXPECT_NE(logs.find("line from the function\n"), std::string::npos) << logs;
  EXPECT_NE(logs.find("REPORT RequestId: "), std::string::npos) << logs;
  EXPECT_LE(logs.size(), kLogTailBytes);
}

TEST_F(InvokeApiTest, OversizedEventIs413) {
  Start("echo");
  RawResponse r = Invoke(std::string(kMaxInvokeRequestBytes + 1, 'x'));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(*r.headers.Find("x-amzn-ErrorType"), "RequestEntityTooLargeException");
  EXPECT_EQ(Invoke(std::string(kMaxInvokeRequestBytes, 'y')).body.size(), kMaxInvokeRequestBytes);
}

TEST_F(InvokeApiTest, ConcurrentInvokesQueueAndAllComplete) {
  Start("echo");
  std::vector<std::thread> clients;
  std::vector<RawResponse> results(8);
  for (int i = 0; i < 8; ++i) {
    clients.emplace_back([&, i] { results[i] = Invoke("body-" + std::to_string(i)); });
  }
  for (auto& t : clients) t.join();
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(results[i].status, 200);
    EXPECT_EQ(results[i].body, "body-" + std::to_string(i));
  }
  EXPECT_EQ(emulator_->Starts(), 1);
  EXPECT_EQ(emulator_->MaxInFlight(), 1);
}

TEST_F(InvokeApiTest, StreamingEndpointRelaysChunksAndErrorTrailers) {
  Start("");
  std::thread runtime([this] {
    RawClient c(emulator_->runtime_api_port());
    RawResponse next = c.Get(kNext);
    std::string id = *next.headers.Find("Lambda-Runtime-Aws-Request-Id");
    c.SendRaw("POST /2018-06-01/runtime/invocation/" + id +
              "/response HTTP/1.1\r\nLambda-Runtime-Function-Response-Mode: streaming\r\n"
              "Transfer-Encoding: chunked\r\n\r\n3\r\none\r\n3\r\ntwo\r\n0\r\n"
              "Lambda-Runtime-Function-Error-Type: Broke\r\nLambda-Runtime-Function-Error-Body: " +
              http::Base64Encode("{\"errorType\":\"Broke\"}") + "\r\n\r\n");
    c.ReadResponse();
  });
  http::Headers tail;
  tail.Add("X-Amz-Log-Type", "Tail");
  RawResponse r = Invoke("{}", tail, kStream);
  runtime.join();
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.chunked);
  EXPECT_EQ(*r.headers.Find("Content-Type"), "application/vnd.amazon.eventstream");
  EXPECT_EQ(*r.headers.Find("X-Amz-Executed-Version"), "$LATEST");
  ASSERT_TRUE(r.headers.Has("X-Amzn-RequestId"));
  std::vector<event_stream::Message> events;
  ASSERT_EQ(event_stream::DecodeAll(r.body, &events), "");
  // Each relayed chunk is one PayloadChunk; the failure arrives in InvokeComplete.
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(*events[0].Find(":event-type"), "PayloadChunk");
  EXPECT_EQ(events[0].payload, "one");
  EXPECT_EQ(events[1].payload, "two");
  EXPECT_EQ(*events[2].Find(":event-type"), "InvokeComplete");
  EXPECT_EQ(*events[2].Find(":content-type"), "application/json");
  std::string log_result = StringMember(events[2].payload, "LogResult");
  std::string logs;
  ASSERT_TRUE(http::Base64Decode(log_result, &logs));
  EXPECT_NE(logs.find("END RequestId: " + *r.headers.Find("X-Amzn-RequestId")), std::string::npos);
  EXPECT_EQ(StringMember(events[2].payload, "ErrorCode"), "Broke");
  EXPECT_EQ(StringMember(events[2].payload, "ErrorDetails"), "{\"errorType\":\"Broke\"}");
  EXPECT_TRUE(r.trailers.empty());
}

TEST_F(InvokeApiTest, StreamingEndpointWrapsABufferedAnswerAndAFailureBeforeTheFirstByte) {
  Start("echo");
  RawResponse ok = Invoke("buffered", http::Headers(), kStream);
  ASSERT_EQ(ok.status, 200);
  std::vector<event_stream::Message> events;
  ASSERT_EQ(event_stream::DecodeAll(ok.body, &events), "");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].payload, "buffered");
  EXPECT_EQ(*events[1].Find(":event-type"), "InvokeComplete");
  EXPECT_EQ(events[1].payload, "{}");

  emulator_.reset();
  Start("crash");
  RawResponse crashed = Invoke("crash", http::Headers(), kStream);
  ASSERT_EQ(crashed.status, 200);  // Lambda answers 200 and reports the failure in the stream.
  events.clear();
  ASSERT_EQ(event_stream::DecodeAll(crashed.body, &events), "");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(*events[0].Find(":event-type"), "InvokeComplete");
  EXPECT_EQ(StringMember(events[0].payload, "ErrorCode"), "Runtime.ExitError");
  EXPECT_NE(StringMember(events[0].payload, "ErrorDetails").find("Runtime exited"), std::string::npos);

  http::Headers event;
  event.Add("X-Amz-Invocation-Type", "Event");
  EXPECT_EQ(Invoke("{}", event, kStream).status, 400);  // Not a streaming invocation type.
}

TEST_F(InvokeApiTest, UnknownPathsAndMethods) {
  Start("echo");
  RawClient c(emulator_->invoke_port());
  EXPECT_EQ(c.Get(kInvoke).status, 405);
  EXPECT_EQ(c.Post("/2015-03-31/functions/", "x").status, 404);
  EXPECT_EQ(c.Post("/elsewhere", "x").status, 404);
}

}  // namespace
}  // namespace lambda::emulator
