// The emulator's command line: a local AWS Lambda for one bootstrap, or for several functions
// behind one Invoke API port.
//
//   bazel run //tools/emulator -- --bootstrap PATH [options] [-- BOOTSTRAP ARGS]
//   bazel run //tools/emulator -- --function NAME=PATH --function NAME2=PATH2 [options]
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "tools/emulator/emulator.h"
#include "tools/emulator/function_set.h"

namespace {

constexpr char kUsage[] = R"(usage: emulator --bootstrap PATH [options] [-- BOOTSTRAP ARGS...]
       emulator --function NAME=PATH [--function NAME=PATH ...] [options] [-- BOOTSTRAP ARGS...]

A local AWS Lambda. It serves the Runtime API to the bootstrap it starts and Lambda's Invoke API
to you:
  curl -d '{"name":"x"}' http://127.0.0.1:8080/2015-03-31/functions/function/invocations
  aws lambda invoke --endpoint-url http://127.0.0.1:8080 --function-name function out.json

A bootstrap file that changes on disk (a rebuild) is started again at the next invoke.

options:
  --bootstrap PATH          the runtime to run (relative to where `bazel run` was called);
                            the Invoke API answers for any function name
  --function NAME=PATH      serve function NAME with bootstrap PATH (repeatable): each has
                            its own runtime, Runtime API port (any free one), queue and
                            limits; another name gets ResourceNotFoundException (404)
  --port N                  Invoke API port (default 8080)
  --runtime-api-port N      Runtime API port (default 9001; 0 = any free port)
  --once EVENT              run one invoke with EVENT (JSON text, or @FILE), print the
                            response, exit 0 on success and 1 if the invoke failed
  --timeout SECONDS         function timeout (default 300, as AWS_LAMBDA_FUNCTION_TIMEOUT)
  --memory MB               memory size reported to the function (default 128)
  --concurrency N           AWS_LAMBDA_MAX_CONCURRENCY: concurrent invokes per runtime (default 1)
  --framing MODE            /next body framing: content-length (default), chunked,
                            multi-chunk, mixed (alternates per invoke)
  --chunk-size BYTES        chunk size for multi-chunk framing (default 16384)
  --function-name NAME      default "function"
  --region REGION           default us-east-1
  --handler NAME            _HANDLER (default "handler")
  --env NAME=VALUE          extra environment for the bootstrap (repeatable), e.g.
                            --env AWS_LAMBDA_LOG_FORMAT=JSON
  --help                    this text
)";

std::atomic<bool> g_stop{false};

void OnSignal(int) { g_stop = true; }

[[noreturn]] void Usage(const std::string& error) {
  std::fprintf(stderr, "emulator: %s\n\n%s", error.c_str(), kUsage);
  std::exit(2);
}

int ParseInt(const std::string& flag, const std::string& value, int min, int max) {
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(value.c_str(), &end, 10);
  if (errno != 0 || end == value.c_str() || *end != '\0' || v < min || v > max) {
    Usage(flag + " takes a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", not '" +
          value + "'");
  }
  return static_cast<int>(v);
}

// `bazel run` starts us in the runfiles tree; paths the user typed are relative to their shell.
std::string ResolveUserPath(const std::string& path) {
  const char* cwd = std::getenv("BUILD_WORKING_DIRECTORY");
  if (path.empty() || path[0] == '/' || cwd == nullptr) return path;
  return std::string(cwd) + "/" + path;
}

std::string ReadEvent(const std::string& spec) {
  if (spec.empty() || spec[0] != '@') return spec;
  std::string path = ResolveUserPath(spec.substr(1));
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) Usage("cannot read event file " + path + ": " + std::strerror(errno));
  std::string data;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) data.append(buffer, n);
  std::fclose(f);
  return data;
}

void RequireExecutable(const std::string& path) {
  if (::access(path.c_str(), X_OK) != 0) {
    Usage("bootstrap " + path + " is not an executable file: " + std::strerror(errno));
  }
}

void InstallSignalHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

void WaitForSignal() {
  while (!g_stop) ::usleep(50 * 1000);  // The signal may land on any thread.
  std::fprintf(stderr, "emulator: shutting down\n");
}

// Several functions behind one Invoke API port; the shared options apply to each.
int ServeFunctions(const lambda::emulator::EmulatorOptions& shared,
                   const std::vector<std::pair<std::string, std::string>>& functions) {
  std::vector<lambda::emulator::EmulatorOptions> each;
  for (const auto& [name, path] : functions) {
    RequireExecutable(path);
    lambda::emulator::EmulatorOptions options = shared;
    options.function_name = name;
    options.bootstrap = path;
    options.runtime_api_port = 0;
    options.restart_on_change = true;
    each.push_back(std::move(options));
  }
  lambda::emulator::FunctionSet set(std::move(each));
  std::string error = set.Start(shared.invoke_port.value_or(0));
  if (!error.empty()) {
    std::fprintf(stderr, "emulator: %s\n", error.c_str());
    return 3;
  }
  InstallSignalHandlers();
  std::fprintf(stderr, "emulator: Invoke API on http://127.0.0.1:%u\n", set.invoke_port());
  for (const auto& function : set.functions()) {
    std::fprintf(stderr, "emulator: function %s: bootstrap %s, Runtime API on 127.0.0.1:%u\n",
                 function->options().function_name.c_str(), function->options().bootstrap.c_str(),
                 function->runtime_api_port());
  }
  WaitForSignal();
  set.Stop();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using lambda::emulator::EmulatorOptions;
  EmulatorOptions options;
  options.runtime_api_port = 9001;
  options.invoke_port = 8080;
  std::string once;
  bool has_once = false;
  bool runtime_api_port_given = false;
  std::vector<std::pair<std::string, std::string>> functions;  // NAME, bootstrap path

  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--") {
      options.bootstrap_args.assign(args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    }
    if (flag == "--help" || flag == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) Usage(flag + " needs a value");
      return args[++i];
    };
    if (flag == "--bootstrap") options.bootstrap = ResolveUserPath(value());
    else if (flag == "--function") {
      std::string spec = value();
      std::size_t eq = spec.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
        Usage("--function takes NAME=BOOTSTRAP, not '" + spec + "'");
      }
      functions.emplace_back(spec.substr(0, eq), ResolveUserPath(spec.substr(eq + 1)));
    }
    else if (flag == "--port") options.invoke_port = static_cast<uint16_t>(ParseInt(flag, value(), 0, 65535));
    else if (flag == "--runtime-api-port") {
      options.runtime_api_port = static_cast<uint16_t>(ParseInt(flag, value(), 0, 65535));
      runtime_api_port_given = true;
    }
    else if (flag == "--once") { once = ReadEvent(value()); has_once = true; }
    else if (flag == "--timeout") options.timeout_seconds = ParseInt(flag, value(), 1, 900);
    else if (flag == "--memory") options.memory_mb = ParseInt(flag, value(), 128, 10240);
    else if (flag == "--concurrency") options.max_concurrency = ParseInt(flag, value(), 1, 64);
    else if (flag == "--chunk-size") options.chunk_size = static_cast<std::size_t>(ParseInt(flag, value(), 1, 1 << 24));
    else if (flag == "--function-name") options.function_name = value();
    else if (flag == "--region") options.region = value();
    else if (flag == "--handler") options.handler = value();
    else if (flag == "--framing") {
      std::string mode = value();
      if (!lambda::emulator::ParseFraming(mode, &options.framing)) {
        Usage("--framing takes content-length, chunked, multi-chunk or mixed, not '" + mode + "'");
      }
    } else if (flag == "--env") {
      std::string kv = value();
      std::size_t eq = kv.find('=');
      if (eq == std::string::npos || eq == 0) Usage("--env takes NAME=VALUE, not '" + kv + "'");
      options.extra_env[kv.substr(0, eq)] = kv.substr(eq + 1);
    } else {
      Usage("unknown option " + flag);
    }
  }
  if (!functions.empty()) {
    if (!options.bootstrap.empty()) Usage("give either --bootstrap or --function, not both");
    if (has_once) Usage("--once runs one bootstrap: use --bootstrap");
    if (runtime_api_port_given) Usage("with --function every function gets a free Runtime API port of its own");
    return ServeFunctions(options, functions);
  }
  if (options.bootstrap.empty()) Usage("--bootstrap PATH (or --function NAME=PATH) is required");
  RequireExecutable(options.bootstrap);
  if (has_once && once.size() > lambda::emulator::kMaxInvokeRequestBytes) {
    // What the Invoke API answers (and `aws lambda invoke` prints): the function never runs.
    std::string message = lambda::emulator::RequestTooLargeMessage();
    std::printf("{\"Type\":\"User\",\"message\":\"%s\"}\n", message.c_str());
    std::fprintf(stderr, "emulator: %d %s: %s (the event is %zu bytes)\n", lambda::emulator::kRequestTooLargeStatus,
                 lambda::emulator::kRequestTooLargeType, message.c_str(), once.size());
    return 1;
  }
  if (has_once) {
    options.invoke_port.reset();
    options.runtime_api_port = 0;  // Scripts may run several at once.
  } else {
    options.restart_on_change = true;
  }

  lambda::emulator::Emulator emulator(options);
  std::string error = emulator.Start();
  if (!error.empty()) {
    std::fprintf(stderr, "emulator: %s\n", error.c_str());
    return 3;
  }
  InstallSignalHandlers();

  if (has_once) {
    auto result = emulator.Invoke({.payload = once});
    emulator.Stop();
    std::fwrite(result.body.data(), 1, result.body.size(), stdout);
    std::fputc('\n', stdout);
    return result.outcome == lambda::emulator::Outcome::kSuccess ? 0 : 1;
  }
  std::fprintf(stderr, "emulator: Invoke API on http://127.0.0.1:%u, Runtime API on 127.0.0.1:%u, bootstrap %s\n",
               emulator.invoke_port(), emulator.runtime_api_port(), options.bootstrap.c_str());
  WaitForSignal();
  emulator.Stop();
  return 0;
}
