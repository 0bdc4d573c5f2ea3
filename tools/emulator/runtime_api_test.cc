// The Runtime API side of the emulator, driven over raw sockets: the test plays the runtime.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <regex>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "runtime/cpp/http/base64.h"
#include "tools/emulator/emulator.h"
#include "tools/emulator/testing/log_capture.h"
#include "tools/emulator/testing/raw_client.h"

namespace lambda::emulator {
namespace {

using testing::RawClient;
using testing::RawResponse;
using namespace std::chrono_literals;

constexpr char kNext[] = "/2018-06-01/runtime/invocation/next";
// Generous guards only: behaviour is proven by what is observed, not by time.
constexpr auto kGuard = 20s;

std::string outcome_name(const std::shared_ptr<Invocation>& invocation) {
  return OutcomeName(invocation->result().outcome);
}

std::string ResponsePath(const std::string& id) { return "/2018-06-01/runtime/invocation/" + id + "/response"; }
std::string ErrorPath(const std::string& id) { return "/2018-06-01/runtime/invocation/" + id + "/error"; }

class RuntimeApiTest : public ::testing::Test {
 protected:
  void StartEmulator(EmulatorOptions options = {}) {
    options.log_sink = log_.Sink();
    if (options.max_observed == 0) options.max_observed = 10'000;  // These tests check what was sent.
    emulator_ = std::make_unique<Emulator>(options);
    ASSERT_EQ(emulator_->Start(), "");
  }
  void TearDown() override {
    if (emulator_) emulator_->Stop();
  }
  uint16_t port() { return emulator_->runtime_api_port(); }

  testing::LogCapture log_;  // Declared first: it outlives the emulator.
  std::unique_ptr<Emulator> emulator_;
};

TEST_F(RuntimeApiTest, NextCarriesTheEventAndEveryLambdaHeader) {
  StartEmulator({.function_name = "fn", .timeout_seconds = 30});
  auto invocation = emulator_->Enqueue({.payload = "{\"k\":1}",
                                        .client_context = "{\"custom\":{\"a\":\"b\"}}",
                                        .cognito_identity = "{\"cognitoIdentityId\":\"id\"}",
                                        .tenant_id = "tenant-7",
                                        .trace_id = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
                                        .request_id = "req-1",
                                        .invocation_id = "inv-1"});
  RawClient runtime(port());
  auto before = std::chrono::system_clock::now();
  RawResponse next = runtime.Get(kNext);
  ASSERT_EQ(next.status, 200) << next.error.message;
  EXPECT_EQ(next.body, "{\"k\":1}");
  EXPECT_EQ(*next.headers.Find("Lambda-Runtime-Aws-Request-Id"), "req-1");
  EXPECT_EQ(*next.headers.Find("Lambda-Runtime-Invoked-Function-Arn"), "arn:aws:lambda:us-east-1:123456789012:function:fn");
  EXPECT_EQ(*next.headers.Find("Lambda-Runtime-Trace-Id"), "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
  EXPECT_EQ(*next.headers.Find("Lambda-Runtime-Client-Context"), "{\"custom\":{\"a\":\"b\"}}");
  EXPECT_EQ(*next.headers.Find("Lambda-Runtime-Cognito-Identity"), "{\"cognitoIdentityId\":\"id\"}");
  EXPECT_EQ(*next.headers.Find("Lambda-Runtime-Aws-Tenant-Id"), "tenant-7");
  EXPECT_EQ(*next.headers.Find("Lambda-Runtime-Invocation-Id"), "inv-1");
  EXPECT_EQ(*next.headers.Find("Content-Type"), "application/json");
  int64_t deadline = std::stoll(*next.headers.Find("Lambda-Runtime-Deadline-Ms"));
  int64_t expected = std::chrono::duration_cast<std::chrono::milliseconds>(before.time_since_epoch()).count() + 30000;
  EXPECT_NEAR(static_cast<double>(deadline), static_cast<double>(expected), 5000.0);

  RawResponse posted = runtime.Post(ResponsePath("req-1"), "{\"ok\":true}");
  EXPECT_EQ(posted.status, 202);
  EXPECT_EQ(posted.body, "{\"status\":\"OK\"}");
  ASSERT_TRUE(invocation->Wait(kGuard));
  InvokeResult result = invocation->result();
  EXPECT_EQ(result.outcome, Outcome::kSuccess);
  EXPECT_EQ(result.body, "{\"ok\":true}");
  EXPECT_LE(result.enqueued, result.handed_out);
  EXPECT_LE(result.handed_out, result.completed);
}

TEST_F(RuntimeApiTest, GeneratesRequestAndTraceIdsInLambdasShape) {
  StartEmulator();
  emulator_->Enqueue({.payload = "x"});
  RawClient runtime(port());
  RawResponse next = runtime.Get(kNext);
  ASSERT_EQ(next.status, 200);
  EXPECT_TRUE(std::regex_match(*next.headers.Find("Lambda-Runtime-Aws-Request-Id"),
                               std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  EXPECT_TRUE(std::regex_match(*next.headers.Find("Lambda-Runtime-Trace-Id"),
                               std::regex("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0")));
  EXPECT_FALSE(next.headers.Has("Lambda-Runtime-Client-Context"));
  EXPECT_FALSE(next.headers.Has("Lambda-Runtime-Aws-Tenant-Id"));
}

TEST_F(RuntimeApiTest, LongPollWaitsForAnInvoke) {
  StartEmulator();
  RawClient runtime(port());
  std::atomic<bool> answered{false};
  RawResponse next;
  std::thread poller([&] {
    next = runtime.Get(kNext);
    answered = true;
  });
  // The poll arrives and waits: nothing to hand out yet.
  for (int i = 0; i < 2000 && emulator_->Observed().size() < 1 && emulator_->MaxConcurrentPolls() < 1; ++i) {
    std::this_thread::sleep_for(1ms);
  }
  std::this_thread::sleep_for(200ms);
  EXPECT_FALSE(answered);
  auto invocation = emulator_->Enqueue({.payload = "late", .request_id = "r"});
  poller.join();
  EXPECT_EQ(next.status, 200);
  EXPECT_EQ(next.body, "late");
}

TEST_F(RuntimeApiTest, ErrorPostReachesTheInvoker) {
  StartEmulator();
  auto invocation = emulator_->Enqueue({.payload = "x", .request_id = "e1"});
  RawClient runtime(port());
  ASSERT_EQ(runtime.Get(kNext).status, 200);
  http::Headers h;
  h.Add("Lambda-Runtime-Function-Error-Type", "MyError");
  const std::string body = R"({"errorMessage":"boom","errorType":"MyError","stackTrace":[]})";
  EXPECT_EQ(runtime.Post(ErrorPath("e1"), body, h).status, 202);
  ASSERT_TRUE(invocation->Wait(kGuard));
  EXPECT_EQ(invocation->result().outcome, Outcome::kFunctionError);
  EXPECT_EQ(invocation->result().error_type, "MyError");
  EXPECT_EQ(invocation->result().body, body);
}

TEST_F(RuntimeApiTest, UnknownIdIs400AndSecondAnswerIs403) {
  StartEmulator();
  emulator_->Enqueue({.payload = "x", .request_id = "once"});
  RawClient runtime(port());
  ASSERT_EQ(runtime.Get(kNext).status, 200);
  RawResponse unknown = runtime.Post(ResponsePath("nope"), "x");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("\"errorType\":\"InvalidRequestID\""), std::string::npos);
  EXPECT_EQ(runtime.Post(ResponsePath("once"), "a").status, 202);
  RawResponse again = runtime.Post(ErrorPath("once"), "{}");
  EXPECT_EQ(again.status, 403);
  EXPECT_NE(again.body.find("\"errorType\":\"InvalidStateTransition\""), std::string::npos);
}

TEST_F(RuntimeApiTest, ResponseAfterTimeoutIs410) {
  StartEmulator({.timeout_seconds = 1, .max_concurrency = 2});
  auto invocation = emulator_->Enqueue({.payload = "x", .request_id = "slow"});
  RawClient runtime(port());
  ASSERT_EQ(runtime.Get(kNext).status, 200);
  ASSERT_TRUE(invocation->Wait(kGuard));
  EXPECT_EQ(invocation->result().outcome, Outcome::kTimeout);
  EXPECT_NE(invocation->result().body.find("Task timed out after 1.00 seconds"), std::string::npos);
  RawResponse late = runtime.Post(ResponsePath("slow"), "too late");
  EXPECT_EQ(late.status, 410);
  EXPECT_NE(late.body.find("InvokeTimeout"), std::string::npos);
}

TEST_F(RuntimeApiTest, ResponseOver6MBIs413WithAwsBody) {
  StartEmulator();
  auto invocation = emulator_->Enqueue({.payload = "x", .request_id = "big"});
  RawClient runtime(port());
  ASSERT_EQ(runtime.Get(kNext).status, 200);
  RawResponse r = runtime.Post(ResponsePath("big"), std::string(kMaxResponseBytes + 1, 'a'));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.body,
            "{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\","
            "\"errorType\":\"RequestEntityTooLarge\"}");
  ASSERT_TRUE(invocation->Wait(kGuard));
  EXPECT_EQ(invocation->result().outcome, Outcome::kTooLarge);
  // Lambda refuses the /error a careless runtime would send next.
  EXPECT_EQ(runtime.Post(ErrorPath("big"), "{}").status, 403);
  // Exactly at the limit is fine, and the connection is still usable.
  auto second = emulator_->Enqueue({.payload = "y", .request_id = "edge"});
  ASSERT_EQ(runtime.Get(kNext).status, 200);
  EXPECT_EQ(runtime.Post(ResponsePath("edge"), std::string(kMaxResponseBytes, 'b')).status, 202);
}

TEST_F(RuntimeApiTest, ChunkedAndMultiChunkAndMixedFraming) {
  StartEmulator({.framing = Framing::kMixed, .chunk_size = 1000});
  const std::string event(4500, 'e');
  RawClient runtime(port());
  std::vector<bool> chunked;
  for (int i = 0; i < 3; ++i) {
    std::string id = "m" + std::to_string(i);
    emulator_->Enqueue({.payload = event, .request_id = id});
    std::string wire;
    RawResponse next = runtime.Get(kNext);
    ASSERT_EQ(next.status, 200);
    EXPECT_EQ(next.body, event);
    chunked.push_back(next.chunked);
    ASSERT_EQ(runtime.Post(ResponsePath(id), "ok").status, 202);
  }
  EXPECT_EQ(chunked, (std::vector<bool>{false, true, true}));
}

TEST_F(RuntimeApiTest, MultiChunkSendsManyChunksOnTheWire) {
  StartEmulator({.framing = Framing::kMultiChunk, .chunk_size = 10});
  emulator_->Enqueue({.payload = std::string(35, 'z'), .request_id = "c"});
  RawClient runtime(port());
  runtime.SendRaw(std::string("GET ") + kNext + " HTTP/1.1\r\n\r\n");
  std::string wire;
  char buffer[4096];
  while (wire.find("\r\n0\r\n\r\n") == std::string::npos) {
    ssize_t n = ::read(runtime.fd(), buffer, sizeof(buffer));
    ASSERT_GT(n, 0);
    wire.append(buffer, static_cast<std::size_t>(n));
  }
  std::string body = wire.substr(wire.find("\r\n\r\n") + 4);
  EXPECT_EQ(body, "a\r\nzzzzzzzzzz\r\na\r\nzzzzzzzzzz\r\na\r\nzzzzzzzzzz\r\n5\r\nzzzzz\r\n0\r\n\r\n");
}

TEST_F(RuntimeApiTest, StreamedResponseIsRelayedAndTrailersCarryTheError) {
  StartEmulator();
  std::mutex mu;
  std::vector<std::string> pieces;
  auto invocation = emulator_->Enqueue({.payload = "x", .request_id = "s", .on_stream_data = [&](std::string_view d) {
                                          std::lock_guard<std::mutex> lock(mu);
                                          pieces.emplace_back(d);
                                        }});
  RawClient runtime(port());
  ASSERT_EQ(runtime.Get(kNext).status, 200);
  std::string wire = "POST " + ResponsePath("s") +
                     " HTTP/1.1\r\nLambda-Runtime-Function-Response-Mode: streaming\r\n"
                     "Transfer-Encoding: chunked\r\nTrailer: Lambda-Runtime-Function-Error-Type\r\n\r\n"
                     "5\r\nfirst\r\n6\r\nsecond\r\n0\r\nLambda-Runtime-Function-Error-Type: StreamBroke\r\n"
                     "Lambda-Runtime-Function-Error-Body: " +
                     http::Base64Encode(R"({"errorMessage":"mid","errorType":"StreamBroke"})") + "\r\n\r\n";
  runtime.SendRaw(wire);
  EXPECT_EQ(runtime.ReadResponse().status, 202);
  ASSERT_TRUE(invocation->Wait(kGuard));
  InvokeResult result = invocation->result();
  EXPECT_EQ(pieces, (std::vector<std::string>{"first", "second"}));
  EXPECT_TRUE(result.streamed);
  EXPECT_EQ(result.outcome, Outcome::kFunctionError);
  EXPECT_EQ(result.error_type, "StreamBroke");
  EXPECT_EQ(result.body, R"({"errorMessage":"mid","errorType":"StreamBroke"})");
}

TEST_F(RuntimeApiTest, BadResponseModeIs400) {
  StartEmulator();
  emulator_->Enqueue({.payload = "x", .request_id = "m"});
  RawClient runtime(port());
  ASSERT_EQ(runtime.Get(kNext).status, 200);
  http::Headers h;
  h.Add("Lambda-Runtime-Function-Response-Mode", "buffered-ish");
  RawResponse r = runtime.Post(ResponsePath("m"), "x", h);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("InvalidResponseModeHeader"), std::string::npos);
  EXPECT_EQ(emulator_->InFlight(), 1);  // Still waiting for a proper answer.
}

TEST_F(RuntimeApiTest, MalformedRequestsGet4xxAndTheServerKeepsServing) {
  StartEmulator();
  const char* garbage[] = {
      "\x16\x03\x01\x02\x01garbage\r\n\r\n",
      "GET /2018-06-01/runtime/invocation/next HTTP/9.9\r\n\r\n",
      "POST /2018-06-01/runtime/invocation/x/response HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
      "POST /2018-06-01/runtime/invocation/x/response HTTP/1.1\r\nContent-Length: nope\r\n\r\n",
      "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nBad Header Line\r\n\r\n",
  };
  for (const char* bytes : garbage) {
    RawClient client(port());
    client.SendRaw(bytes);
    RawResponse r = client.ReadResponse();
    EXPECT_GE(r.status, 400) << bytes;
    EXPECT_LT(r.status, 500) << bytes;
  }
  RawClient unknown(port());
  EXPECT_EQ(unknown.Get("/2018-06-01/runtime/nothing").status, 404);
  EXPECT_EQ(unknown.Post(kNext, "").status, 405);
  // A request cut short, then a clean exchange on a new connection.
  {
    RawClient cut(port());
    cut.SendRaw("POST /2018-06-01/runtime/invocation/x/response HTTP/1.1\r\nContent-Length: 100\r\n\r\nshort");
  }
  emulator_->Enqueue({.payload = "fine", .request_id = "ok"});
  RawClient runtime(port());
  EXPECT_EQ(runtime.Get(kNext).body, "fine");
  EXPECT_EQ(runtime.Post(ResponsePath("ok"), "x").status, 202);
}

TEST_F(RuntimeApiTest, ContentLengthWithTransferEncodingIs400AndTheConnectionCloses) {
  StartEmulator();
  auto queued = emulator_->Enqueue({.payload = "the real invoke's event", .request_id = "real"});
  // A smuggled poll in the body: a server that answers and keeps the connection reads it as the
  // next request, and hands it the real invoke's event.
  const std::string smuggled = std::string("GET ") + kNext + " HTTP/1.1\r\nHost: x\r\n\r\n";
  RawClient attacker(port());
  attacker.SendRaw("POST /2018-06-01/runtime/init/error HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                   std::to_string(smuggled.size()) + "\r\nTransfer-Encoding: chunked\r\n\r\n" + smuggled);
  RawResponse r = attacker.ReadResponse();
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(attacker.ClosedByPeer()) << "the connection stayed open after a request it could not frame";
  EXPECT_FALSE(queued->done()) << outcome_name(queued);
  EXPECT_EQ(emulator_->InFlight(), 0);
  EXPECT_EQ(emulator_->PendingInvokes(), 1u);
}

TEST_F(RuntimeApiTest, RepeatedTransferEncodingIs400AndTheConnectionCloses) {
  StartEmulator();
  RawClient client(port());
  client.SendRaw("POST /2018-06-01/runtime/init/error HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  EXPECT_EQ(client.ReadResponse().status, 400);
  EXPECT_TRUE(client.ClosedByPeer());
}

TEST_F(RuntimeApiTest, ContentLengthOverTheLimitIs413AndTheConnectionCloses) {
  StartEmulator();
  emulator_->Enqueue({.payload = "x", .request_id = "big"});
  RawClient runtime(port());
  ASSERT_EQ(runtime.Get(kNext).status, 200);
  runtime.SendRaw("POST " + ResponsePath("big") + " HTTP/1.1\r\nContent-Length: " +
                  std::to_string(kMaxRequestBodyBytes + 1) + "\r\n\r\n");
  EXPECT_EQ(runtime.ReadResponse().status, 413);
  EXPECT_TRUE(runtime.ClosedByPeer());
  EXPECT_EQ(emulator_->InFlight(), 1);  // Still waiting for a proper answer.
}

TEST_F(RuntimeApiTest, ObservationsAreKeptOnlyWhenAskedAndCapped) {
  auto run_invokes = [](Emulator& emulator, int count, std::size_t body_size) {
    RawClient runtime(emulator.runtime_api_port());
    for (int i = 0; i < count; ++i) {
      std::string id = "o" + std::to_string(i);
      emulator.Enqueue({.payload = "x", .request_id = id});
      ASSERT_EQ(runtime.Get(kNext).status, 200);
      ASSERT_EQ(runtime.Post(ResponsePath(id), std::string(body_size, 'b')).status, 202);
    }
  };
  {
    Emulator quiet({.log_sink = [](std::string_view) {}});  // The default: nothing kept.
    ASSERT_EQ(quiet.Start(), "");
    run_invokes(quiet, 3, 10);
    EXPECT_TRUE(quiet.Observed().empty());
  }
  Emulator capped({.max_observed = 3, .log_sink = [](std::string_view) {}});
  ASSERT_EQ(capped.Start(), "");
  run_invokes(capped, 5, kMaxObservedBodyBytes + 1000);
  std::vector<ObservedRequest> kept = capped.Observed();
  ASSERT_EQ(kept.size(), 3u);  // The latest: response 3, next, response 4.
  EXPECT_EQ(kept[0].path, ResponsePath("o3"));
  EXPECT_EQ(kept[2].path, ResponsePath("o4"));
  EXPECT_EQ(kept[2].body.size(), kMaxObservedBodyBytes);
  EXPECT_EQ(kept[2].body_size, kMaxObservedBodyBytes + 1000);
}

TEST_F(RuntimeApiTest, OnlyTheLatestAnsweredIdsAreRemembered) {
  StartEmulator({.max_observed = 1});
  RawClient runtime(port());
  const int count = static_cast<int>(kRememberedRequestIds) + 1;
  for (int i = 0; i < count; ++i) {
    std::string id = "r" + std::to_string(i);
    emulator_->Enqueue({.payload = "x", .request_id = id});
    ASSERT_EQ(runtime.Get(kNext).status, 200);
    ASSERT_EQ(runtime.Post(ResponsePath(id), "ok").status, 202);
  }
  EXPECT_EQ(runtime.Post(ResponsePath("r" + std::to_string(count - 1)), "again").status, 403);
  EXPECT_EQ(runtime.Post(ResponsePath("r0"), "again").status, 400);  // Forgotten, as unknown.
}

TEST_F(RuntimeApiTest, RequestIdsArePercentDecoded) {
  StartEmulator();
  auto invocation = emulator_->Enqueue({.payload = "x", .request_id = "a b/c%"});
  RawClient runtime(port());
  ASSERT_EQ(runtime.Get(kNext).status, 200);
  EXPECT_EQ(runtime.Post(ResponsePath("a%2"), "x").status, 404);  // A broken escape names nothing.
  EXPECT_EQ(runtime.Post(ResponsePath("a%20b%2Fc%25"), "ok").status, 202);
  ASSERT_TRUE(invocation->Wait(kGuard));
  EXPECT_EQ(invocation->result().body, "ok");
}

TEST_F(RuntimeApiTest, ManyInvokesOverOneConnection) {
  StartEmulator();
  RawClient runtime(port());
  for (int i = 0; i < 50; ++i) {
    std::string id = "k" + std::to_string(i);
    emulator_->Enqueue({.payload = id, .request_id = id});
    ASSERT_EQ(runtime.Get(kNext).body, id);
    ASSERT_EQ(runtime.Post(ResponsePath(id), id).status, 202);
  }
  std::vector<ObservedRequest> observed = emulator_->Observed();
  ASSERT_EQ(observed.size(), 100u);
  for (const auto& r : observed) EXPECT_EQ(r.connection_id, observed[0].connection_id);
}

TEST_F(RuntimeApiTest, ConcurrencyHandsOutUpToTheLimitAtOnce) {
  StartEmulator({.max_concurrency = 3});
  std::vector<std::unique_ptr<RawClient>> workers;
  std::vector<RawResponse> nexts(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) workers.push_back(std::make_unique<RawClient>(port()));
  for (int i = 0; i < 4; ++i) threads.emplace_back([&, i] { nexts[i] = workers[i]->Get(kNext); });
  for (int i = 0; i < 2000 && emulator_->MaxConcurrentPolls() < 4; ++i) std::this_thread::sleep_for(1ms);
  EXPECT_EQ(emulator_->MaxConcurrentPolls(), 4);
  for (int i = 0; i < 4; ++i) emulator_->Enqueue({.payload = "p", .request_id = "c" + std::to_string(i)});
  // Three polls get work; the fourth waits until one of them answers.
  for (int i = 0; i < 2000 && emulator_->InFlight() < 3; ++i) std::this_thread::sleep_for(1ms);
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(emulator_->InFlight(), 3);
  EXPECT_EQ(emulator_->MaxInFlight(), 3);
  for (int answered = 0; answered < 4;) {
    for (int i = 0; i < 4; ++i) {
      if (threads[i].joinable() && nexts[i].status == 200 && !nexts[i].body.empty()) {
        threads[i].join();
        EXPECT_EQ(workers[i]->Post(ResponsePath(*nexts[i].headers.Find("Lambda-Runtime-Aws-Request-Id")), "done").status,
                  202);
        ++answered;
      }
    }
    std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(emulator_->MaxInFlight(), 3);
}

TEST_F(RuntimeApiTest, InitErrorFailsTheWaitingInvoke) {
  StartEmulator();
  auto invocation = emulator_->Enqueue({.payload = "x"});
  RawClient runtime(port());
  http::Headers h;
  h.Add("Lambda-Runtime-Function-Error-Type", "Runtime.BadConfig");
  RawResponse r = runtime.Post("/2018-06-01/runtime/init/error", R"({"errorMessage":"no config","errorType":"Runtime.BadConfig"})", h);
  EXPECT_EQ(r.status, 202);
  ASSERT_TRUE(invocation->Wait(kGuard));
  EXPECT_EQ(invocation->result().outcome, Outcome::kInitError);
  EXPECT_EQ(invocation->result().error_type, "Runtime.BadConfig");
}

TEST_F(RuntimeApiTest, DeeplyNestedJsonBodiesAreJustBadJson) {
  StartEmulator();
  const std::string deep(100 * 1024, '[');  // A recursive parse ran out of stack on this.
  auto init_failed = emulator_->Enqueue({.payload = "x"});
  RawClient runtime(port());
  EXPECT_EQ(runtime.Post("/2018-06-01/runtime/init/error", deep).status, 202);
  ASSERT_TRUE(init_failed->Wait(kGuard));
  EXPECT_EQ(init_failed->result().error_type, "Runtime.Unknown");

  auto invocation = emulator_->Enqueue({.payload = "x", .request_id = "deep"});
  ASSERT_EQ(runtime.Get(kNext).status, 200);
  EXPECT_EQ(runtime.Post(ErrorPath("deep"), deep).status, 202);
  ASSERT_TRUE(invocation->Wait(kGuard));
  EXPECT_EQ(invocation->result().outcome, Outcome::kFunctionError);
  EXPECT_EQ(invocation->result().error_type, "Unhandled");
  EXPECT_EQ(invocation->result().body, deep);

  // Nesting within the limit still finds the error type; past it, the body is not JSON to us.
  auto nested = emulator_->Enqueue({.payload = "x", .request_id = "nested"});
  ASSERT_EQ(runtime.Get(kNext).status, 200);
  std::string within = R"({"errorType":"Deep","x":)" + std::string(kMaxJsonDepth - 1, '[') +
                       std::string(kMaxJsonDepth - 1, ']') + "}";
  EXPECT_EQ(runtime.Post(ErrorPath("nested"), within).status, 202);
  ASSERT_TRUE(nested->Wait(kGuard));
  EXPECT_EQ(nested->result().error_type, "Deep");
}

TEST_F(RuntimeApiTest, FaultStatusOnNextAndCloseAfterResponse) {
  StartEmulator();
  emulator_->InjectFault({.kind = Fault::Kind::kStatus, .endpoint = "next", .status = 500});
  RawClient runtime(port());
  RawResponse r = runtime.Get(kNext);
  EXPECT_EQ(r.status, 500);
  emulator_->InjectFault({.kind = Fault::Kind::kCloseAfterResponse, .endpoint = "next"});
  emulator_->Enqueue({.payload = "x", .request_id = "c1"});
  EXPECT_EQ(runtime.Get(kNext).status, 200);
  EXPECT_TRUE(runtime.ClosedByPeer());
  RawClient again(port());
  EXPECT_EQ(again.Post(ResponsePath("c1"), "ok").status, 202);
}

TEST_F(RuntimeApiTest, FaultStatusOnResponseSettlesTheInvoke) {
  StartEmulator();
  for (int status : {413, 410}) {
    emulator_->InjectFault({.kind = Fault::Kind::kStatus, .endpoint = "response", .status = status});
    auto invocation = emulator_->Enqueue({.payload = "x", .request_id = "f" + std::to_string(status)});
    RawClient runtime(port());
    ASSERT_EQ(runtime.Get(kNext).status, 200);
    EXPECT_EQ(runtime.Post(ResponsePath("f" + std::to_string(status)), "body").status, status);
    ASSERT_TRUE(invocation->Wait(kGuard));
    EXPECT_EQ(invocation->result().outcome, status == 413 ? Outcome::kTooLarge : Outcome::kTimeout);
  }
}

TEST_F(RuntimeApiTest, TruncatedChunkedEventIsCutAndTheEventIsNotLost) {
  StartEmulator();
  emulator_->InjectFault({.kind = Fault::Kind::kTruncateBody, .endpoint = "next"});
  emulator_->Enqueue({.payload = std::string(1000, 't'), .request_id = "t"});
  RawClient runtime(port());
  RawResponse r = runtime.Get(kNext);
  EXPECT_EQ(r.error.code, http::ErrorCode::kTruncated);
  EXPECT_EQ(emulator_->InFlight(), 1);  // Handed out; the runtime must report or time out.
}

TEST_F(RuntimeApiTest, DelayAndRefusedConnections) {
  StartEmulator();
  emulator_->InjectFault({.kind = Fault::Kind::kDelay, .endpoint = "next", .delay = 300ms});
  emulator_->Enqueue({.payload = "x", .request_id = "d"});
  RawClient runtime(port());
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(runtime.Get(kNext).status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 300ms);

  emulator_->RefuseConnectionsFor(500ms);
  std::this_thread::sleep_for(50ms);
  RawClient refused(port());
  EXPECT_FALSE(refused.connected());
  bool reconnected = false;
  for (int i = 0; i < 400 && !reconnected; ++i) {
    std::this_thread::sleep_for(10ms);
    reconnected = RawClient(port()).connected();
  }
  EXPECT_TRUE(reconnected);
}

}  // namespace
}  // namespace lambda::emulator
