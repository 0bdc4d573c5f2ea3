// The runtime conformance suite: every fixture runs as a real process against the emulator, and
// behaviour is proven by what the emulator observes (counts, ordering, overlap, headers). Timeouts
// are generous guards only; CPU ceilings are far above the expected values.
//
// The runtime under test is whatever the fixtures were linked with (--//runtime:impl); the
// architecture is chosen by the environment: FIXTURE_SUFFIX ("" or "_arm64") and LAUNCHER (empty,
// or qemu-aarch64-static to run arm64 fixtures on this host).
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "tools/emulator/emulator.h"
#include "tools/emulator/testing/log_capture.h"

namespace lambda::conformance {
namespace {

using emulator::Emulator;
using emulator::EmulatorOptions;
using emulator::Fault;
using emulator::InvokeResult;
using emulator::Outcome;
using namespace std::chrono_literals;

constexpr auto kGuard = std::chrono::seconds(120);

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

class Conformance : public ::testing::Test {
 protected:
  void Start(const std::string& fixture, EmulatorOptions options = {}) {
    std::string path = Env("FIXTURE_DIR") + "/" + fixture + Env("FIXTURE_SUFFIX");
    std::string launcher = Env("LAUNCHER");
    if (launcher.empty()) {
      options.bootstrap = path;
    } else {
      options.bootstrap = launcher;
      options.bootstrap_args = {path};
    }
    options.log_sink = log_.Sink();
    options.max_observed = 10'000;  // Behaviour is proven by what the emulator observes.
    emulator_ = std::make_unique<Emulator>(options);
    ASSERT_EQ(emulator_->Start(), "");
  }
  void TearDown() override {
    if (emulator_) emulator_->Stop();
  }
  InvokeResult Invoke(emulator::InvokeRequest request) { return emulator_->Invoke(std::move(request), kGuard); }
  std::vector<emulator::ObservedRequest> Requests(const std::string& path_part) {
    std::vector<emulator::ObservedRequest> out;
    for (auto& r : emulator_->Observed()) {
      if (r.path.find(path_part) != std::string::npos) out.push_back(r);
    }
    return out;
  }
  std::vector<std::string> Log() { return log_.Lines(); }

  emulator::testing::LogCapture log_;  // Declared first: it outlives the emulator.
  std::unique_ptr<Emulator> emulator_;
};

TEST_F(Conformance, EchoManyInvokesOverOneConnection) {
  Start("echo");
  for (int i = 0; i < 25; ++i) {
    InvokeResult r = Invoke({.payload = "event " + std::to_string(i)});
    ASSERT_EQ(r.outcome, Outcome::kSuccess) << r.body;
    EXPECT_EQ(r.body, "event " + std::to_string(i));
  }
  auto observed = emulator_->Observed();
  ASSERT_EQ(observed.size(), 50u);  // 25 × (next + response); the waiting poll is not answered yet.
  for (const auto& r : observed) EXPECT_EQ(r.connection_id, observed[0].connection_id) << r.path;
  EXPECT_EQ(emulator_->Starts(), 1);
  // The runtime names itself.
  const std::string* agent = observed[0].headers.Find("User-Agent");
  ASSERT_NE(agent, nullptr);
  EXPECT_TRUE(std::regex_match(*agent, std::regex("[a-z-]+/[0-9]+\\.[0-9]+\\.[0-9]+.*"))) << *agent;
}

// Minor page faults of the runtime process so far (field 10 of /proc/PID/stat).
long MinorFaults(int pid) {
  FILE* f = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
  if (f == nullptr) return -1;
  char buf[1024] = {0};
  size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  const char* p = std::strrchr(buf, ')');  // the command name may contain spaces
  if (p == nullptr || n == 0) return -1;
  long fields[8] = {0};
  char state = 0;
  if (std::sscanf(p + 2, "%c %ld %ld %ld %ld %ld %ld %ld", &state, &fields[0], &fields[1], &fields[2], &fields[3],
                  &fields[4], &fields[5], &fields[6]) != 8) {
    return -1;
  }
  return fields[6];  // minflt
}

// Large events must not cost fresh memory on every invoke: a runtime that lets malloc mmap and
// unmap its 1 MB buffers page-faults ~256 pages per buffer per invoke (and was 15x slower).
// musl's malloc gives blocks back to the system well below its 128 KB mmap threshold, so 100 KB
// events faulted ~75 pages per invoke (and were 3.7x slower than with glibc) until
// runtime/cpp/block_cache.cc kept blocks from 16 KB up. Counted, not timed.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RUNTIME_UNDER_ASAN 1  // ASan's allocator replaces malloc: mallopt does not apply
#endif
#endif

TEST_F(Conformance, LargeInvokesReuseTheirMemory) {
  if (!Env("LAUNCHER").empty()) GTEST_SKIP() << "page faults are qemu's under a launcher";
#ifdef RUNTIME_UNDER_ASAN
  GTEST_SKIP() << "under ASan the allocator is ASan's";
#endif
  // (event size, most minor page faults per invoke): well under one buffer's pages.
  constexpr struct {
    std::size_t bytes;
    long max_faults;
  } kCases[] = {{100 << 10, 16}, {1 << 20, 64}};
  Start("echo");
  for (const auto& c : kCases) {
    const std::string event(c.bytes, 'x');
    for (int i = 0; i < 3; ++i) ASSERT_EQ(Invoke({.payload = event}).outcome, Outcome::kSuccess);
    int pid = emulator_->RuntimePid();
    long before = MinorFaults(pid);
    ASSERT_GE(before, 0);
    constexpr int kInvokes = 10;
    for (int i = 0; i < kInvokes; ++i) ASSERT_EQ(Invoke({.payload = event}).outcome, Outcome::kSuccess);
    long per_invoke = (MinorFaults(pid) - before) / kInvokes;
    EXPECT_LT(per_invoke, c.max_faults) << "minor page faults per invoke of " << c.bytes << " bytes";
  }
}

TEST_F(Conformance, RequestIdsThatNeedEncodingRoundTrip) {
  Start("echo");
  // Lambda's ids are UUIDs, but the API names an id a string: it must reach the path encoded
  // and come back to the right invoke.
  for (const std::string id : {"with space", "../../init/error?x=#y", "\xc3\xbc-%41", "a/b"}) {
    InvokeResult r = Invoke({.payload = "for " + id, .request_id = id});
    ASSERT_EQ(r.outcome, emulator::Outcome::kSuccess) << id << ": " << r.body;
    EXPECT_EQ(r.body, "for " + id);
  }
  EXPECT_EQ(emulator_->Starts(), 1);
}

TEST_F(Conformance, BinaryPayloadsPassThroughUntouched) {
  Start("echo");
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  bytes += "\xff\xfe not utf-8 \xc3\x28";
  InvokeResult r = Invoke({.payload = bytes});
  ASSERT_EQ(r.outcome, Outcome::kSuccess);
  EXPECT_EQ(r.body, bytes);
}

TEST_F(Conformance, ReconnectsAfterTheServerClosesTheConnection) {
  Start("echo");
  emulator_->InjectFault({.kind = Fault::Kind::kCloseAfterResponse, .endpoint = "response", .times = 2});
  for (int i = 0; i < 4; ++i) {
    InvokeResult r = Invoke({.payload = "r" + std::to_string(i)});
    ASSERT_EQ(r.outcome, Outcome::kSuccess);
    EXPECT_EQ(r.body, "r" + std::to_string(i));
  }
  std::map<uint64_t, int> connections;
  for (const auto& r : emulator_->Observed()) connections[r.connection_id]++;
  EXPECT_EQ(connections.size(), 3u);
  EXPECT_EQ(emulator_->Starts(), 1);
}

TEST_F(Conformance, ChunkedAndMultiChunkEventsUpTo6MB) {
  Start("echo", {.framing = emulator::Framing::kMixed, .chunk_size = 64 * 1024});
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{100 * 1024}, std::size_t{6 * 1024 * 1024}}) {
    for (int frame = 0; frame < 3; ++frame) {  // Content-Length, one chunk, many chunks.
      std::string event(size, static_cast<char>('a' + frame));
      InvokeResult r = Invoke({.payload = event});
      ASSERT_EQ(r.outcome, Outcome::kSuccess) << size;
      EXPECT_EQ(r.body.size(), size);
      EXPECT_EQ(r.body, event);
    }
  }
}

TEST_F(Conformance, A6MBResponseAndA413HandledWithoutError) {
  Start("echo");
  InvokeResult big = Invoke({.payload = std::string(6 * 1024 * 1024, 'r')});
  ASSERT_EQ(big.outcome, Outcome::kSuccess);
  EXPECT_EQ(big.body.size(), 6u * 1024 * 1024);
  // Over the limit: Lambda answers 413; the runtime must not post /error and must go on.
  InvokeResult too_big = Invoke({.payload = std::string(emulator::kMaxResponseBytes + 1, 'o')});
  EXPECT_EQ(too_big.outcome, Outcome::kTooLarge);
  InvokeResult after = Invoke({.payload = "after"});
  EXPECT_EQ(after.outcome, Outcome::kSuccess);
  EXPECT_EQ(after.body, "after");
  EXPECT_TRUE(Requests("/error").empty());
  EXPECT_EQ(emulator_->Starts(), 1);
}

TEST_F(Conformance, A410And413FromTheApiAreLoggedAndTheLoopGoesOn) {
  Start("echo");
  emulator_->InjectFault({.kind = Fault::Kind::kStatus, .endpoint = "response", .status = 410});
  emulator_->InjectFault({.kind = Fault::Kind::kStatus, .endpoint = "response", .status = 413});
  EXPECT_EQ(Invoke({.payload = "a"}).outcome, Outcome::kTimeout);
  EXPECT_EQ(Invoke({.payload = "b"}).outcome, Outcome::kTooLarge);
  InvokeResult r = Invoke({.payload = "c"});
  EXPECT_EQ(r.outcome, Outcome::kSuccess);
  EXPECT_EQ(r.body, "c");
  EXPECT_TRUE(Requests("/error").empty());
  EXPECT_EQ(emulator_->Starts(), 1);
}

TEST_F(Conformance, A500FromTheApiMakesTheRuntimeExit) {
  Start("echo");
  emulator_->InjectFault({.kind = Fault::Kind::kStatus, .endpoint = "next", .status = 500});
  emulator_->Enqueue({.payload = "starts the runtime"});
  for (int i = 0; i < 3000 && !emulator_->LastExitStatus().has_value(); ++i) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(emulator_->LastExitStatus().has_value());
  int status = *emulator_->LastExitStatus();
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_NE(WEXITSTATUS(status), 0);
  EXPECT_EQ(Requests("/next").size(), 1u);  // It did not retry.
}

// CPU time (user + system) of a process in milliseconds, from /proc.
long CpuMs(int pid) {
  char path[64];
  std::snprintf(path, sizeof(path), "/proc/%d/stat", pid);
  FILE* f = std::fopen(path, "r");
  if (f == nullptr) return -1;
  char buffer[1024];
  std::size_t n = std::fread(buffer, 1, sizeof(buffer) - 1, f);
  std::fclose(f);
  buffer[n] = '\0';
  const char* p = std::strrchr(buffer, ')');
  unsigned long utime = 0, stime = 0;
  // Fields after ") ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
  if (p == nullptr || std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) {
    return -1;
  }
  return static_cast<long>((utime + stime) * 1000 / static_cast<unsigned long>(sysconf(_SC_CLK_TCK)));
}

TEST_F(Conformance, BacksOffWhileTheApiIsDownWithoutBurningCpu) {
  Start("echo");
  ASSERT_EQ(Invoke({.payload = "warm"}).outcome, Outcome::kSuccess);
  int pid = emulator_->RuntimePid();
  ASSERT_GT(pid, 0);
  long cpu_before = CpuMs(pid);
  // Refuse new connections for 3 s, then close the runtime's connection after its next answer:
  // it must reconnect, be refused, and retry slowly until the API is back.
  emulator_->RefuseConnectionsFor(3s);
  emulator_->InjectFault({.kind = Fault::Kind::kCloseAfterResponse, .endpoint = "response"});
  auto queued = emulator_->Enqueue({.payload = "x"});
  ASSERT_TRUE(queued->Wait(kGuard));
  auto during = emulator_->Enqueue({.payload = "after the outage"});
  ASSERT_TRUE(during->Wait(kGuard));
  EXPECT_EQ(during->result().outcome, Outcome::kSuccess);
  EXPECT_EQ(during->result().body, "after the outage");
  long cpu_used = CpuMs(pid) - cpu_before;
  // A busy loop would burn ~3000 ms; backoff needs a few ms (qemu adds its own overhead).
  EXPECT_LT(cpu_used, 1000) << "CPU ms used while the API was down";
  EXPECT_EQ(emulator_->Starts(), 1);
}

TEST_F(Conformance, HandlerErrorsBecomeErrorPostsAndTheLoopGoesOn) {
  Start("fail");
  for (const std::string& message : {std::string("first"), std::string("quote \" and \n newline")}) {
    InvokeResult r = Invoke({.payload = message});
    ASSERT_EQ(r.outcome, Outcome::kFunctionError);
    EXPECT_EQ(r.error_type, "FixtureError");
    rapidjson::Document doc;
    ASSERT_FALSE(doc.Parse(r.body.c_str()).HasParseError()) << r.body;
    EXPECT_EQ(std::string(doc["errorMessage"].GetString()), message);
    EXPECT_EQ(std::string(doc["errorType"].GetString()), "FixtureError");
    EXPECT_TRUE(doc["stackTrace"].IsArray());
  }
  auto errors = Requests("/error");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(*errors[0].headers.Find("Lambda-Runtime-Function-Error-Type"), "FixtureError");
  EXPECT_EQ(emulator_->Starts(), 1);
}

TEST_F(Conformance, InitErrorIsReportedAndTheRuntimeExitsNonZero) {
  Start("init_fail");
  InvokeResult r = Invoke({.payload = "x"});
  EXPECT_EQ(r.outcome, Outcome::kInitError);
  EXPECT_EQ(r.error_type, "FixtureInitError");
  rapidjson::Document doc;
  ASSERT_FALSE(doc.Parse(r.body.c_str()).HasParseError()) << r.body;
  EXPECT_EQ(std::string(doc["errorMessage"].GetString()), "fixture init failed");
  EXPECT_EQ(std::string(doc["errorType"].GetString()), "FixtureInitError");
  for (int i = 0; i < 3000 && !emulator_->LastExitStatus().has_value(); ++i) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(emulator_->LastExitStatus().has_value());
  EXPECT_TRUE(WIFEXITED(*emulator_->LastExitStatus()));
  EXPECT_NE(WEXITSTATUS(*emulator_->LastExitStatus()), 0);
  EXPECT_TRUE(Requests("/next").empty());
}

TEST_F(Conformance, StreamingWithAndWithoutAMidStreamError) {
  Start("stream");
  std::mutex mu;
  std::vector<std::size_t> pieces;
  auto relay = [&](std::string_view d) {
    std::lock_guard<std::mutex> lock(mu);
    pieces.push_back(d.size());
  };
  InvokeResult ok = Invoke({.payload = R"({"chunks": 5, "size": 1000})", .on_stream_data = relay});
  ASSERT_EQ(ok.outcome, Outcome::kSuccess) << ok.body;
  EXPECT_TRUE(ok.streamed);
  EXPECT_EQ(ok.body, std::string(5000, 'x'));
  std::size_t total = 0;
  for (std::size_t n : pieces) total += n;
  EXPECT_EQ(total, 5000u);
  auto posts = Requests("/response");
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(*posts[0].headers.Find("Lambda-Runtime-Function-Response-Mode"), "streaming");
  EXPECT_EQ(*posts[0].headers.Find("Transfer-Encoding"), "chunked");

  InvokeResult failed = Invoke({.payload = R"({"chunks": 5, "size": 10, "fail_after": 2})"});
  EXPECT_EQ(failed.outcome, Outcome::kFunctionError);
  EXPECT_EQ(failed.error_type, "FixtureStreamError");
  EXPECT_NE(failed.body.find("\"errorType\":\"FixtureStreamError\""), std::string::npos) << failed.body;
  posts = Requests("/response");
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[1].body, std::string(20, 'x'));  // What came before the error was delivered.
  EXPECT_EQ(*posts[1].trailers.Find("Lambda-Runtime-Function-Error-Type"), "FixtureStreamError");
}

TEST_F(Conformance, ConcurrencyFourServesFourOverlappingInvokes) {
  Start("sleep", {.max_concurrency = 4});
  ASSERT_EQ(Invoke({.payload = "0"}).outcome, Outcome::kSuccess);  // Starts the runtime.
  for (int i = 0; i < 30000 && emulator_->MaxConcurrentPolls() < 4; ++i) std::this_thread::sleep_for(1ms);
  ASSERT_EQ(emulator_->MaxConcurrentPolls(), 4);  // Four workers wait for work at once.
  std::vector<std::shared_ptr<emulator::Invocation>> invocations;
  for (int i = 0; i < 4; ++i) invocations.push_back(emulator_->Enqueue({.payload = "1500"}));
  for (auto& inv : invocations) {
    ASSERT_TRUE(inv->Wait(kGuard));
    EXPECT_EQ(inv->result().outcome, Outcome::kSuccess);
    EXPECT_EQ(inv->result().body, "\"done\"");
  }
  EXPECT_EQ(emulator_->MaxInFlight(), 4);   // All four were in the runtime at once...
  std::map<uint64_t, int> connections;      // ...each on its own worker's connection.
  for (const auto& r : Requests("/response")) connections[r.connection_id]++;
  EXPECT_EQ(connections.size(), 4u);
  EXPECT_EQ(emulator_->Starts(), 1);
}

TEST_F(Conformance, ContextTraceEnvAndInvocationIdEcho) {
  Start("context", {.function_name = "ctx-fn", .memory_mb = 256, .timeout_seconds = 60});
  const std::string trace = "Root=1-65a1b2c3-0123456789abcdef01234567;Parent=1122334455667788;Sampled=1";
  InvokeResult r = Invoke({.payload = "{}",
                           .client_context = R"({"client":{"app":"x"},"custom":{"k":"v"}})",
                           .cognito_identity = R"({"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool"})",
                           .tenant_id = "tenant-9",
                           .trace_id = trace,
                           .request_id = "req-ctx",
                           .invocation_id = "inv-42"});
  ASSERT_EQ(r.outcome, Outcome::kSuccess) << r.body;
  rapidjson::Document doc;
  ASSERT_FALSE(doc.Parse(r.body.c_str()).HasParseError()) << r.body;
  EXPECT_EQ(std::string(doc["request_id"].GetString()), "req-ctx");
  EXPECT_EQ(std::string(doc["function_arn"].GetString()), "arn:aws:lambda:us-east-1:123456789012:function:ctx-fn");
  EXPECT_EQ(std::string(doc["trace_id"].GetString()), trace);
  EXPECT_EQ(std::string(doc["x_amzn_trace_id_env"].GetString()), trace);
  EXPECT_EQ(std::string(doc["tenant_id"].GetString()), "tenant-9");
  EXPECT_EQ(std::string(doc["client_context"]["custom"]["k"].GetString()), "v");
  EXPECT_EQ(std::string(doc["cognito_identity"]["cognitoIdentityId"].GetString()), "id-1");
  EXPECT_GT(doc["deadline_ms"].GetInt64(), 0);
  EXPECT_GT(doc["remaining_ms"].GetInt64(), 30000);
  EXPECT_LE(doc["remaining_ms"].GetInt64(), 60000);
  EXPECT_EQ(std::string(doc["function_name"].GetString()), "ctx-fn");
  EXPECT_EQ(doc["memory_limit_mb"].GetInt(), 256);
  auto posts = Requests("/response");
  ASSERT_EQ(posts.size(), 1u);
  ASSERT_NE(posts[0].headers.Find("Lambda-Runtime-Invocation-Id"), nullptr);
  EXPECT_EQ(*posts[0].headers.Find("Lambda-Runtime-Invocation-Id"), "inv-42");

  // Absent fields are null, and the trace variable follows the invoke.
  InvokeResult bare = Invoke({.payload = "{}", .trace_id = "Root=1-00000000-000000000000000000000001"});
  ASSERT_FALSE(doc.Parse(bare.body.c_str()).HasParseError());
  EXPECT_TRUE(doc["tenant_id"].IsNull());
  EXPECT_TRUE(doc["client_context"].IsNull());
  EXPECT_TRUE(doc["cognito_identity"].IsNull());
  EXPECT_EQ(std::string(doc["x_amzn_trace_id_env"].GetString()), "Root=1-00000000-000000000000000000000001");
  EXPECT_FALSE(Requests("/response")[1].headers.Has("Lambda-Runtime-Invocation-Id"));
}

TEST_F(Conformance, JsonLogsAndLogLevel) {
  Start("fail", {.extra_env = {{"AWS_LAMBDA_LOG_FORMAT", "JSON"}}});
  ASSERT_EQ(Invoke({.payload = "boom", .request_id = "json-1"}).outcome, Outcome::kFunctionError);
  bool found = false;
  for (const std::string& line : Log()) {
    if (line.find("Invoke failed") == std::string::npos) continue;
    rapidjson::Document doc;
    ASSERT_FALSE(doc.Parse(line.c_str()).HasParseError()) << line;
    EXPECT_EQ(std::string(doc["level"].GetString()), "ERROR");
    EXPECT_EQ(std::string(doc["requestId"].GetString()), "json-1");
    EXPECT_TRUE(std::regex_match(std::string(doc["timestamp"].GetString()),
                                 std::regex("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")));
    found = true;
  }
  EXPECT_TRUE(found);
  emulator_->Stop();

  log_.Clear();
  Start("fail", {.extra_env = {{"AWS_LAMBDA_LOG_LEVEL", "FATAL"}}});
  ASSERT_EQ(Invoke({.payload = "quiet"}).outcome, Outcome::kFunctionError);
  for (const std::string& line : Log()) EXPECT_EQ(line.find("Invoke failed"), std::string::npos) << line;
}

TEST_F(Conformance, SigtermEndsTheRuntimeCleanly) {
  Start("echo", {.shutdown_grace = 10s});
  ASSERT_EQ(Invoke({.payload = "x"}).outcome, Outcome::kSuccess);
  emulator_->Stop();
  ASSERT_TRUE(emulator_->LastExitStatus().has_value());
  int status = *emulator_->LastExitStatus();
  EXPECT_TRUE(WIFEXITED(status)) << "killed by a signal instead of exiting";
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// A synchronous handler that outlives SIGTERM's grace period does not keep the runtime alive: it
// exits 0 about 500 ms after the signal, as runtime/cpp's timer does, rather than waiting to be
// killed (the emulator's grace is far longer, so a runtime that waits for the handler is killed).
TEST_F(Conformance, SigtermEndsTheRuntimeWhileASynchronousHandlerRuns) {
  Start("sleep", {.shutdown_grace = 30s});
  ASSERT_EQ(Invoke({.payload = "0"}).outcome, Outcome::kSuccess);
  auto stuck = emulator_->Enqueue({.payload = "600000"});
  for (int i = 0; i < 12'000 && emulator_->InFlight() == 0; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_EQ(emulator_->InFlight(), 1);
  emulator_->Stop();
  ASSERT_TRUE(emulator_->LastExitStatus().has_value());
  int status = *emulator_->LastExitStatus();
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status) << " instead of exiting";
  EXPECT_EQ(WEXITSTATUS(status), 0);
  bool said_why = false;
  for (const std::string& line : Log()) said_why = said_why || line.find("SIGTERM grace period over") != std::string::npos;
  EXPECT_TRUE(said_why);
}

// Context switches of every thread of process PID so far, or -1.
long ContextSwitches(int pid) {
  long total = 0;
  std::error_code error;
  for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", error)) {
    std::ifstream status(task.path() / "status");
    std::string line;
    while (std::getline(status, line)) {
      for (const char* field : {"voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:"}) {
        if (line.rfind(field, 0) == 0) total += std::strtol(line.c_str() + std::strlen(field), nullptr, 10);
      }
    }
  }
  return error ? -1 : total;
}

// An idle runtime sleeps until the API answers /next or SIGTERM arrives: it waits for both, and
// does not wake up now and then to look for the signal.
TEST_F(Conformance, AnIdleRuntimeDoesNotWakeUp) {
  Start("echo");
  ASSERT_EQ(Invoke({.payload = "warm"}).outcome, Outcome::kSuccess);
  int pid = emulator_->RuntimePid();
  ASSERT_GT(pid, 0);
  std::this_thread::sleep_for(200ms);  // The runtime posts its answer and asks for the next.
  long before = ContextSwitches(pid);
  ASSERT_GE(before, 0);
  std::this_thread::sleep_for(2s);
  long woken = ContextSwitches(pid) - before;
  // Looking for SIGTERM every 25 ms would be about 80 wake-ups in these 2 s.
  EXPECT_LT(woken, 20) << "context switches of an idle runtime in 2 s";
}

}  // namespace
}  // namespace lambda::conformance
