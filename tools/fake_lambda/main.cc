// fake_lambda: a local fake of AWS Lambda's API for testing deploy commands and templates.
//
//   bazel run //tools/fake_lambda -- [--port N] [--region R] [--account ID]
//   aws lambda create-function --endpoint-url http://127.0.0.1:PORT ...
//
// Prints "fake_lambda: listening on http://127.0.0.1:PORT" on stdout once it accepts requests.
// See lambda_api.h for what it checks and serves.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "httplib.h"
#include "tools/fake_lambda/emulator_runner.h"
#include "tools/fake_lambda/lambda_api.h"

namespace {

constexpr char kUsage[] = R"(usage: fake_lambda [--port N] [--region REGION] [--account ID] [--qemu PATH]

A local fake of AWS Lambda's API (2015-03-31) for deploy commands: create-function,
update-function-code, get-function, get-function-configuration, delete-function, list-functions
and invoke (run through the emulator; arm64 under qemu), each request checked as Lambda checks it.
  aws lambda create-function --endpoint-url http://127.0.0.1:PORT --function-name f ...

options:
  --port N         port on 127.0.0.1 (default 0: any free port, printed at start)
  --region REGION  the one region it serves (default us-east-1)
  --account ID     account in ARNs (default 123456789012)
  --qemu PATH      runs arm64 functions (default /usr/bin/qemu-aarch64-static)
)";

// Room for Lambda's own request limit (70167211 bytes) to be the one that answers.
constexpr std::size_t kMaxHttpBody = 128u << 20;

[[noreturn]] void Usage(const std::string& error) {
  std::fprintf(stderr, "fake_lambda: %s\n\n%s", error.c_str(), kUsage);
  std::exit(2);
}

lambda::fake::ApiRequest ToApiRequest(const httplib::Request& req) {
  lambda::fake::ApiRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [name, value] : req.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[lower] = value;
  }
  r.body = req.body;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  lambda::fake::ApiOptions api_options;
  lambda::fake::RunnerOptions runner_options;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (i + 1 >= argc) Usage(flag == "--port" || flag == "--region" || flag == "--account" || flag == "--qemu"
                                 ? flag + " needs a value"
                                 : "unknown option " + flag);
    std::string value = argv[++i];
    if (flag == "--port") {
      char* end = nullptr;
      long p = std::strtol(value.c_str(), &end, 10);
      if (*end != '\0' || p < 0 || p > 65535) Usage("--port takes 0 to 65535, not '" + value + "'");
      port = static_cast<int>(p);
    } else if (flag == "--region") {
      api_options.region = runner_options.region = value;
    } else if (flag == "--account") {
      api_options.account = value;
    } else if (flag == "--qemu") {
      runner_options.qemu_aarch64 = value;
    } else {
      Usage("unknown option " + flag);
    }
  }
  // SIGINT and SIGTERM stop the server from a thread of their own (every thread started later
  // inherits the blocked mask), so shutdown runs outside a signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  char work[] = "/tmp/fake_lambda.XXXXXX";
  if (::mkdtemp(work) == nullptr) {
    std::perror("fake_lambda: mkdtemp");
    return 3;
  }
  runner_options.work_dir = work;

  int status = 0;
  {
    lambda::fake::EmulatorRunner runner(runner_options);
    lambda::fake::LambdaApi api(api_options, &runner);
    httplib::Server server;
    server.set_payload_max_length(kMaxHttpBody);
    auto handler = [&api](const httplib::Request& req, httplib::Response& res) {
      lambda::fake::ApiResponse r = api.Handle(ToApiRequest(req));
      res.status = r.status;
      std::string content_type = "application/json";
      for (const auto& [name, value] : r.headers) {
        if (name == "Content-Type") content_type = value;
        else res.set_header(name.c_str(), value);
      }
      if (!r.body.empty()) res.set_content(r.body, content_type.c_str());
    };
    server.Get(".*", handler);
    server.Post(".*", handler);
    server.Put(".*", handler);
    server.Delete(".*", handler);
    int bound = port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
    if (bound < 0) {
      std::fprintf(stderr, "fake_lambda: cannot listen on 127.0.0.1:%d\n", port);
      status = 3;
    } else {
      std::thread stopper([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        server.stop();
      });
      std::printf("fake_lambda: listening on http://127.0.0.1:%d\n", bound);
      std::fflush(stdout);
      if (!server.listen_after_bind()) status = 3;
      ::kill(::getpid(), SIGTERM);  // wakes the stopper when the server ended on its own
      stopper.join();
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(work, ignored);
  return status;
}
