// The emulator running a real bootstrap process (a fake runtime over raw HTTP): Lambda's
// environment, output capture, REPORT lines, crash restarts, timeouts, init failures, shutdown.
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "tools/emulator/emulator.h"
#include "tools/emulator/testing/log_capture.h"

namespace lambda::emulator {
namespace {

using namespace std::chrono_literals;
constexpr auto kGuard = 30s;

class SupervisorTest : public ::testing::Test {
 protected:
  void Start(const std::string& mode, EmulatorOptions options = {}) {
    const char* fake = std::getenv("FAKE_RUNTIME");
    ASSERT_NE(fake, nullptr);
    options.bootstrap = fake;
    options.bootstrap_args = {mode};
    options.log_sink = log_.Sink();
    emulator_ = std::make_unique<Emulator>(options);
    ASSERT_EQ(emulator_->Start(), "");
  }
  void TearDown() override {
    if (emulator_) emulator_->Stop();
  }
  bool LogHas(const std::string& pattern) { return log_.Has(pattern); }

  testing::LogCapture log_;  // Declared first: it outlives the emulator.
  std::unique_ptr<Emulator> emulator_;
};

TEST_F(SupervisorTest, StartsTheBootstrapWithLambdasEnvironment) {
  Start("env", {.extra_env = {{"EXTRA", "yes"}}, .function_name = "my-fn", .memory_mb = 512});
  InvokeResult r = emulator_->Invoke({.payload = "{}"}, kGuard);
  ASSERT_EQ(r.outcome, Outcome::kSuccess) << r.body;
  EXPECT_NE(r.body.find("AWS_LAMBDA_RUNTIME_API=127.0.0.1:" + std::to_string(emulator_->runtime_api_port()) + "\n"),
            std::string::npos);
  EXPECT_NE(r.body.find("_HANDLER=handler\n"), std::string::npos);
  EXPECT_NE(r.body.find("LAMBDA_TASK_ROOT=/var/task\n"), std::string::npos);
  EXPECT_NE(r.body.find("AWS_LAMBDA_FUNCTION_NAME=my-fn\n"), std::string::npos);
  EXPECT_NE(r.body.find("AWS_LAMBDA_FUNCTION_VERSION=$LATEST\n"), std::string::npos);
  EXPECT_NE(r.body.find("AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512\n"), std::string::npos);
  EXPECT_NE(r.body.find("AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/my-fn\n"), std::string::npos);
  EXPECT_NE(r.body.find("AWS_REGION=us-east-1\n"), std::string::npos);
  EXPECT_NE(r.body.find("AWS_LAMBDA_MAX_CONCURRENCY=<unset>\n"), std::string::npos);
  EXPECT_NE(r.body.find("EXTRA=yes\n"), std::string::npos);
}

TEST_F(SupervisorTest, PrintsStartEndReportAndCapturesOutput) {
  Start("print", {.memory_mb = 256});
  InvokeResult first = emulator_->Invoke({.payload = "hello log", .request_id = "id-1", .log_tail = true}, kGuard);
  ASSERT_EQ(first.outcome, Outcome::kSuccess);
  InvokeResult second = emulator_->Invoke({.payload = "again", .request_id = "id-2"}, kGuard);
  ASSERT_EQ(second.outcome, Outcome::kSuccess);
  EXPECT_TRUE(LogHas("^START RequestId: id-1 Version: \\$LATEST$"));
  EXPECT_TRUE(LogHas("^hello log$"));
  EXPECT_TRUE(LogHas("^to stderr$"));
  EXPECT_TRUE(LogHas("^END RequestId: id-1$"));
  EXPECT_TRUE(LogHas("^REPORT RequestId: id-1\tDuration: [0-9]+\\.[0-9]{2} ms\tBilled Duration: [0-9]+ ms\t"
                     "Memory Size: 256 MB\tMax Memory Used: [1-9][0-9]* MB\tInit Duration: [0-9]+\\.[0-9]{2} ms$"));
  // Init Duration belongs to the cold start only.
  EXPECT_TRUE(LogHas("^REPORT RequestId: id-2\t.*Max Memory Used: [0-9]+ MB$"));
  EXPECT_GT(first.init_duration_ms, 0);
  EXPECT_EQ(second.init_duration_ms, 0);
  EXPECT_GT(first.max_memory_kb, 0u);
  // The tail holds this invoke's output and its END/REPORT lines.
  EXPECT_NE(first.log_tail.find("hello log\n"), std::string::npos);
  EXPECT_NE(first.log_tail.find("REPORT RequestId: id-1"), std::string::npos);
  EXPECT_EQ(emulator_->Starts(), 1);
}

TEST_F(SupervisorTest, CrashFailsTheInvokeWithExitErrorAndTheRuntimeRestarts) {
  Start("crash");
  InvokeResult crashed = emulator_->Invoke({.payload = "crash", .request_id = "c"}, kGuard);
  EXPECT_EQ(crashed.outcome, Outcome::kExitError);
  EXPECT_EQ(crashed.error_type, "Runtime.ExitError");
  EXPECT_NE(crashed.body.find("RequestId: c Error: Runtime exited with error: signal: aborted"), std::string::npos)
      << crashed.body;
  InvokeResult next = emulator_->Invoke({.payload = "fine"}, kGuard);
  EXPECT_EQ(next.outcome, Outcome::kSuccess);
  EXPECT_EQ(next.body, "fine");
  EXPECT_EQ(emulator_->Starts(), 2);
}

TEST_F(SupervisorTest, TimeoutAnswersTaskTimedOutAndRestartsTheRuntime) {
  Start("sleep", {.timeout_seconds = 1});
  InvokeResult slow = emulator_->Invoke({.payload = "60000", .request_id = "t"}, kGuard);
  EXPECT_EQ(slow.outcome, Outcome::kTimeout);
  EXPECT_NE(slow.body.find("Task timed out after 1.00 seconds"), std::string::npos);
  InvokeResult quick = emulator_->Invoke({.payload = "1"}, kGuard);
  EXPECT_EQ(quick.outcome, Outcome::kSuccess);
  EXPECT_EQ(quick.body, "done");
  EXPECT_EQ(emulator_->Starts(), 2);
}

TEST_F(SupervisorTest, InitErrorIsSurfacedToTheInvoker) {
  Start("init-error");
  InvokeResult r = emulator_->Invoke({.payload = "x"}, kGuard);
  EXPECT_EQ(r.outcome, Outcome::kInitError);
  EXPECT_EQ(r.error_type, "Fake.InitError");
  EXPECT_EQ(r.body, R"({"errorMessage":"cannot start","errorType":"Fake.InitError"})");
}

TEST_F(SupervisorTest, ExitBeforeInitIsAnExitError) {
  Start("exit-at-init");
  InvokeResult r = emulator_->Invoke({.payload = "x"}, kGuard);
  EXPECT_EQ(r.outcome, Outcome::kInitError);
  EXPECT_EQ(r.error_type, "Runtime.ExitError");
  EXPECT_NE(r.body.find("Runtime exited with error: exit status 3"), std::string::npos) << r.body;
}

TEST_F(SupervisorTest, InitTimeout) {
  Start("hang-at-init", {.init_timeout = 300ms});
  InvokeResult r = emulator_->Invoke({.payload = "x"}, kGuard);
  EXPECT_EQ(r.outcome, Outcome::kInitError);
  EXPECT_EQ(r.error_type, "Runtime.InitTimeout");
}

TEST_F(SupervisorTest, ShutdownSendsSigtermThenSigkill) {
  Start("ignore-sigterm", {.shutdown_grace = 200ms});
  ASSERT_EQ(emulator_->Invoke({.payload = "x"}, kGuard).outcome, Outcome::kSuccess);
  emulator_->Stop();
  ASSERT_TRUE(emulator_->LastExitStatus().has_value());
  int status = *emulator_->LastExitStatus();
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGKILL);
}

TEST_F(SupervisorTest, ShutdownOfAPoliteRuntimeIsSigterm) {
  Start("echo", {.shutdown_grace = 5000ms});
  ASSERT_EQ(emulator_->Invoke({.payload = "x"}, kGuard).outcome, Outcome::kSuccess);
  emulator_->Stop();
  ASSERT_TRUE(emulator_->LastExitStatus().has_value());
  EXPECT_TRUE(WIFSIGNALED(*emulator_->LastExitStatus()));
  EXPECT_EQ(WTERMSIG(*emulator_->LastExitStatus()), SIGTERM);
}

TEST_F(SupervisorTest, ARuntimeStartedFromAShortLivedThreadOutlivesIt) {
  // The runtime dies with the emulator (PR_SET_PDEATHSIG), which the kernel ties to the thread
  // that forked it: forking from the Invoke API connection that queued the invoke would kill the
  // runtime when that connection ends.
  Start("echo");
  std::shared_ptr<Invocation> first;
  std::thread([&] { first = emulator_->Enqueue({.payload = "from a thread that ends"}); }).join();
  ASSERT_TRUE(first->Wait(kGuard));
  ASSERT_EQ(first->result().outcome, Outcome::kSuccess);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(emulator_->Invoke({.payload = "again"}, kGuard).outcome, Outcome::kSuccess);
  EXPECT_EQ(emulator_->Starts(), 1);
}

TEST_F(SupervisorTest, MissingBootstrapIsAnInitError) {
  EmulatorOptions options;
  options.bootstrap = "/nonexistent/bootstrap";
  options.log_sink = [](std::string_view) {};
  emulator_ = std::make_unique<Emulator>(options);
  ASSERT_EQ(emulator_->Start(), "");
  InvokeResult r = emulator_->Invoke({.payload = "x"}, kGuard);
  EXPECT_EQ(r.outcome, Outcome::kInitError);
  EXPECT_EQ(r.error_type, "Runtime.InvalidEntrypoint");
}

}  // namespace
}  // namespace lambda::emulator
