#include "tests/hostile_runtime_api/runtime_under_test.h"

#include <signal.h>

#include <cstdlib>
#include <regex>

namespace lambda::hostile {
namespace {

const char* FixtureVariable(Fixture fixture) { return fixture == Fixture::kEcho ? "BOOTSTRAP" : "CONTEXT_BOOTSTRAP"; }

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

}  // namespace

bool HasFixture(Fixture fixture) { return !Env(FixtureVariable(fixture)).empty(); }

RuntimeUnderTest::RuntimeUnderTest(Fixture fixture, uint16_t port, std::vector<std::string> extra_env) {
  const std::string bootstrap = Env(FixtureVariable(fixture));
  if (bootstrap.empty()) {
    error_ = std::string("no bootstrap given in $") + FixtureVariable(fixture);
    return;
  }
  emulator::BootstrapProcess::Spec spec;
  const std::string launcher = Env("LAUNCHER");
  if (launcher.empty()) {
    spec.path = bootstrap;
  } else {
    spec.path = launcher;
    spec.args = {bootstrap};
  }
  spec.env = {
      "AWS_LAMBDA_RUNTIME_API=127.0.0.1:" + std::to_string(port),
      "_HANDLER=handler",
      "LAMBDA_TASK_ROOT=/var/task",
      "AWS_LAMBDA_FUNCTION_NAME=hostile",
      "AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
      "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128",
      "AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/hostile",
      "AWS_LAMBDA_LOG_STREAM_NAME=$LATEST/hostile",
      "AWS_REGION=us-east-1",
      "TZ=:UTC",
      "PATH=/usr/local/bin:/usr/bin/:/bin",
  };
  spec.env.insert(spec.env.end(), extra_env.begin(), extra_env.end());
  error_ = process_.Start(
      spec,
      [this](std::string_view line) {
        {
          std::lock_guard<std::mutex> lock(mu_);
          lines_.emplace_back(line);
        }
        changed_.notify_all();
      },
      [this](int status) {
        {
          std::lock_guard<std::mutex> lock(mu_);
          exit_status_ = status;
        }
        changed_.notify_all();
      });
}

RuntimeUnderTest::~RuntimeUnderTest() { process_.Terminate(std::chrono::milliseconds(0)); }

void RuntimeUnderTest::Signal(int signal) {
  if (process_.pid() > 0 && process_.running()) ::kill(process_.pid(), signal);
}

std::optional<int> RuntimeUnderTest::WaitForExit(std::chrono::milliseconds guard) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait_for(lock, guard, [this] { return exit_status_.has_value(); });
  return exit_status_;
}

std::vector<std::string> RuntimeUnderTest::Log() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lines_;
}

bool RuntimeUnderTest::WaitForLog(const std::string& pattern, std::chrono::milliseconds guard) {
  const std::regex re(pattern);
  std::unique_lock<std::mutex> lock(mu_);
  std::size_t checked = 0;
  return changed_.wait_for(lock, guard, [&] {
    for (; checked < lines_.size(); ++checked) {
      if (std::regex_search(lines_[checked], re)) return true;
    }
    return false;
  });
}

std::string RuntimeUnderTest::LogText() const {
  std::string text;
  for (const std::string& line : Log()) text += line + "\n";
  return text;
}

}  // namespace lambda::hostile
