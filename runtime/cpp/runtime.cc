// The invocation loop: /next → handler → /response or /error, per worker, until SIGTERM or a
// fatal answer from the Runtime API.
#include <malloc.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "runtime/cpp/http/base64.h"
#include "runtime/cpp/http/socket.h"
#include "runtime/cpp/internal/api_values.h"
#include "runtime/cpp/internal/json_text.h"
#include "runtime/cpp/internal/runtime_api_client.h"
#include "runtime/cpp/internal/runtime_state.h"
#include "runtime/cpp/internal/caught_error.h"
#include "runtime/handler.h"

namespace lambda {

namespace internal {
namespace {
thread_local std::string t_request_id;
}  // namespace

const std::string& CurrentRequestId() { return t_request_id; }
void SetCurrentRequestId(std::string id) { t_request_id = std::move(id); }

}  // namespace internal

namespace {

using internal::ApiReply;
using internal::RuntimeApiClient;

constexpr char kNextPath[] = "/2018-06-01/runtime/invocation/next";
constexpr char kInitErrorPath[] = "/2018-06-01/runtime/init/error";

// Waiting for an unreachable API: 10 ms, doubling, at most 1 s between attempts. No busy loop,
// and a quick recovery once the API is back.
constexpr auto kFirstBackoff = std::chrono::milliseconds(10);
constexpr auto kMaxBackoff = std::chrono::milliseconds(1000);

// After SIGTERM an invoke in progress may finish for this long; then the runtime exits anyway.
// Lambda sends SIGKILL 500 ms to 2 s after SIGTERM, and a clean exit 0 beats being killed.
constexpr long kSigtermGraceMicros = 500'000;

std::atomic<int> g_busy{0};
std::atomic<bool> g_terminating{false};

template <std::size_t N>
[[noreturn]] void ExitNow(const char (&message)[N]) {
  ssize_t ignored = ::write(2, message, N - 1);
  (void)ignored;
  _exit(0);
}

void OnGraceOver(int) { ExitNow("INFO SIGTERM grace period over; exiting with the invoke unfinished\n"); }

void OnSigterm(int) {
  g_terminating = true;
  if (g_busy.load() == 0) ExitNow("INFO SIGTERM received; exiting\n");  // Idle: nothing to finish.
  // Busy (in the handler, or waiting for the API to take its answer): the worker exits after the
  // invoke if it finishes in time; the timer ends the process if it does not.
  itimerval grace{};
  grace.it_value.tv_usec = kSigtermGraceMicros;
  setitimer(ITIMER_REAL, &grace, nullptr);
}

struct Environment {
  std::string host;
  uint16_t port = 0;
  std::string function_name, function_version, log_group, log_stream;
  int memory_mb = 0;
  int concurrency = 1;
};

const char* EnvOr(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : fallback;
}

bool ReadEnvironment(Environment* env) {
  const char* api = std::getenv("AWS_LAMBDA_RUNTIME_API");
  if (api == nullptr || !http::ParseHostPort(api, &env->host, &env->port)) {
    Log(LogLevel::kFatal, std::string("AWS_LAMBDA_RUNTIME_API must be host:port, got '") + (api ? api : "") + "'");
    return false;
  }
  env->function_name = EnvOr("AWS_LAMBDA_FUNCTION_NAME", "");
  env->function_version = EnvOr("AWS_LAMBDA_FUNCTION_VERSION", "");
  env->log_group = EnvOr("AWS_LAMBDA_LOG_GROUP_NAME", "");
  env->log_stream = EnvOr("AWS_LAMBDA_LOG_STREAM_NAME", "");
  env->memory_mb = std::atoi(EnvOr("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "0"));
  int concurrency = std::atoi(EnvOr("AWS_LAMBDA_MAX_CONCURRENCY", "1"));
  env->concurrency = concurrency < 1 ? 1 : (concurrency > 1024 ? 1024 : concurrency);
  return true;
}

void Sleep(std::chrono::milliseconds duration) {
  timespec ts{static_cast<time_t>(duration.count() / 1000), static_cast<long>(duration.count() % 1000) * 1000000};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

std::optional<std::string> HeaderValue(const http::Headers& h, const char* name) {
  const std::string* v = h.Find(name);
  if (v == nullptr) return std::nullopt;
  return *v;
}

// What went wrong in an exchange with the API, in words for the log.
std::string DescribeFailure(const http::Error& e, const std::string& what) {
  switch (e.code) {
    case http::ErrorCode::kConnect:
      return "Runtime API unreachable (" + e.message + ")";
    case http::ErrorCode::kMalformed:
    case http::ErrorCode::kTooLarge:
      return "malformed reply from the Runtime API to " + what + " (" + e.message + "); dropped the connection";
    case http::ErrorCode::kTimeout:
      return "no reply from the Runtime API to " + what + " within " + std::to_string(internal::kReplyTimeout.count()) +
             " s; dropped the connection";
    case http::ErrorCode::kClosed:
    case http::ErrorCode::kTruncated:
      return "the Runtime API closed the connection during " + what + " (" + e.message + ")";
    default:
      return "the connection to the Runtime API failed during " + what + " (" + e.message + ")";
  }
}

// The invoke a /next reply hands out. False (with the reason logged) if it cannot be served.
bool TakeInvocation(ApiReply& reply, const Environment& env, Invocation* out) {
  const std::string* id = reply.headers.Find("Lambda-Runtime-Aws-Request-Id");
  if (id == nullptr) {
    Log(LogLevel::kError, "/next answered without Lambda-Runtime-Aws-Request-Id; ignoring it");
    return false;
  }
  if (!internal::UsableRequestId(*id)) {
    Log(LogLevel::kError, "/next answered with request id '" + *id + "', which cannot be sent back; skipping it");
    return false;
  }
  Context& c = out->context;
  c.request_id = *id;
  c.deadline_ms = 0;
  const std::string* deadline = reply.headers.Find("Lambda-Runtime-Deadline-Ms");
  if (deadline != nullptr && !internal::ParseDeadlineMs(*deadline, &c.deadline_ms)) {
    Log(LogLevel::kWarn, "/next answered with a malformed Lambda-Runtime-Deadline-Ms '" + *deadline +
                             "'; the invoke has no known deadline");
  }
  c.function_arn = HeaderValue(reply.headers, "Lambda-Runtime-Invoked-Function-Arn").value_or("");
  c.trace_id = HeaderValue(reply.headers, "Lambda-Runtime-Trace-Id").value_or("");
  c.client_context = HeaderValue(reply.headers, "Lambda-Runtime-Client-Context");
  c.cognito_identity = HeaderValue(reply.headers, "Lambda-Runtime-Cognito-Identity");
  c.tenant_id = HeaderValue(reply.headers, "Lambda-Runtime-Aws-Tenant-Id");
  c.invocation_id = HeaderValue(reply.headers, "Lambda-Runtime-Invocation-Id");
  c.function_name = env.function_name;
  c.function_version = env.function_version;
  c.memory_limit_mb = env.memory_mb;
  c.log_group_name = env.log_group;
  c.log_stream_name = env.log_stream;
  out->payload = std::move(reply.body);
  return true;
}

// Waits for the next invoke. False if the runtime must exit (*exit_code says how).
bool NextInvocation(RuntimeApiClient& client, const Environment& env, Invocation* out, int* exit_code) {
  auto backoff = kFirstBackoff;
  std::string last_trouble;  // Logged once per kind of trouble, not once per retry.
  while (true) {
    ApiReply reply;
    http::Error e = client.Exchange("GET", kNextPath, http::Headers(), "", &reply, http::kNoDeadline);
    if (e.ok() && reply.status == 200) {
      if (TakeInvocation(reply, env, out)) return true;
    } else if (e.ok() && reply.status >= 500) {
      Log(LogLevel::kFatal, "Runtime API answered " + std::to_string(reply.status) + " to /next: exiting");
      *exit_code = 1;
      return false;
    } else {
      std::string trouble = e.ok() ? "status " + std::to_string(reply.status) : http::ErrorCodeName(e.code);
      if (trouble != last_trouble) {
        Log(LogLevel::kWarn, e.ok() ? "/next answered " + std::to_string(reply.status) + "; retrying"
                                    : DescribeFailure(e, "/next") + "; retrying with backoff");
        last_trouble = std::move(trouble);
      }
    }
    if (g_terminating) {
      *exit_code = 0;
      return false;
    }
    Sleep(backoff);
    backoff = std::min(backoff * 2, kMaxBackoff);
  }
}

// Acts on the API's answer to /response or /error. False if the runtime must exit.
bool Settle(const http::Error& e, const ApiReply& reply, const std::string& what) {
  if (!e.ok()) {
    Log(LogLevel::kError, what + " may not have been delivered: " + DescribeFailure(e, what));
    return true;
  }
  switch (reply.status) {
    case 202:
      return true;
    case 413:  // Lambda fails the invoke itself; an /error now would be answered 403.
      Log(LogLevel::kError, what + " exceeds Lambda's 6 MB limit (413); the invoke fails");
      return true;
    case 410:
      Log(LogLevel::kWarn, what + " arrived after the invoke timed out (410)");
      return true;
    default:
      if (reply.status >= 500) {
        Log(LogLevel::kFatal, "Runtime API answered " + std::to_string(reply.status) + " to " + what + ": exiting");
        return false;
      }
      Log(LogLevel::kError, "Runtime API answered " + std::to_string(reply.status) + " to " + what + ": " + reply.body);
      return true;
  }
}

std::string InvocationPath(const Context& c, const char* what) { return internal::InvocationPath(c.request_id, what); }

http::Headers BaseHeaders(const Context& c) {
  http::Headers h;
  if (c.invocation_id) h.Add("Lambda-Runtime-Invocation-Id", *c.invocation_id);
  return h;
}

bool PostError(RuntimeApiClient& client, const Context& c, const std::string& type, const std::string& message) {
  Log(LogLevel::kError, "Invoke failed: " + type + ": " + message);
  http::Headers h = BaseHeaders(c);
  h.Add("Content-Type", "application/json");
  h.Add("Lambda-Runtime-Function-Error-Type", internal::HeaderSafe(type));
  ApiReply reply;
  http::Error e = client.Exchange("POST", InvocationPath(c, "error"), h, internal::ErrorBody(type, message), &reply,
                                  http::DeadlineIn(internal::kReplyTimeout));
  return Settle(e, reply, "the error of " + c.request_id);
}

bool Dispatch(RuntimeApiClient& client, const Handler& handler, const Invocation& in) {
  Response response = Response::Failure("", "");
  std::optional<InitError> thrown = internal::CatchAsError([&] { response = handler(in); });
  if (thrown) return PostError(client, in.context, thrown->type, thrown->message);
  if (!response.ok()) return PostError(client, in.context, response.error_type(), response.error_message());
  http::Headers h = BaseHeaders(in.context);
  h.Add("Content-Type", internal::HeaderSafe(response.content_type()));
  ApiReply reply;
  http::Error e = client.Exchange("POST", InvocationPath(in.context, "response"), h, response.body(), &reply,
                                  http::DeadlineIn(internal::kReplyTimeout));
  return Settle(e, reply, "the response of " + in.context.request_id);
}

// A streamed response: chunks go out as the handler writes them; an error after the first chunk
// travels in the trailers, before it as an ordinary /error.
class Stream final : public ResponseStream {
 public:
  Stream(RuntimeApiClient& client, const Context& context) : client_(client), context_(context) {}

  void SetContentType(std::string content_type) override {
    if (!started_) content_type_ = std::move(content_type);
  }

  bool Write(std::string_view data) override {
    if (broken_ || failed_) return false;
    if (!started_ && !Start()) return false;
    if (data.empty()) return true;
    if (!client_.WriteChunk(data).ok()) {
      broken_ = true;
      Log(LogLevel::kError, "streamed response of " + context_.request_id + " broke off");
    }
    return !broken_;
  }

  void Fail(std::string error_type, std::string error_message) override {
    if (failed_) return;
    failed_ = true;
    error_type_ = std::move(error_type);
    error_message_ = std::move(error_message);
  }

  // Ends the stream after the handler returned. False if the runtime must exit.
  bool Finish() {
    if (!started_ && failed_) return PostError(client_, context_, error_type_, error_message_);
    if (!started_ && !Start()) return true;
    if (broken_) return true;
    http::Headers trailers;
    if (failed_) {
      Log(LogLevel::kError, "Streamed invoke failed: " + error_type_ + ": " + error_message_);
      trailers.Add("Lambda-Runtime-Function-Error-Type", internal::HeaderSafe(error_type_));
      trailers.Add("Lambda-Runtime-Function-Error-Body",
                   http::Base64Encode(internal::ErrorBody(error_type_, error_message_)));
    }
    ApiReply reply;
    http::Error e = client_.EndStream(trailers, &reply);
    return Settle(e, reply, "the streamed response of " + context_.request_id);
  }

 private:
  bool Start() {
    started_ = true;
    http::Headers h = BaseHeaders(context_);
    h.Add("Content-Type", internal::HeaderSafe(content_type_));
    h.Add("Lambda-Runtime-Function-Response-Mode", "streaming");
    h.Add("Trailer", "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body");
    if (!client_.BeginStream(InvocationPath(context_, "response"), h).ok()) {
      broken_ = true;
      Log(LogLevel::kError, "could not start the streamed response of " + context_.request_id);
    }
    return !broken_;
  }

  RuntimeApiClient& client_;
  const Context& context_;
  std::string content_type_ = "application/octet-stream";
  bool started_ = false, broken_ = false, failed_ = false;
  std::string error_type_, error_message_;
};

bool DispatchStreaming(RuntimeApiClient& client, const StreamingHandler& handler, const Invocation& in) {
  Stream stream(client, in.context);
  std::optional<InitError> thrown = internal::CatchAsError([&] { handler(in, stream); });
  if (thrown) stream.Fail(thrown->type, thrown->message);
  return stream.Finish();
}

using DispatchFn = std::function<bool(RuntimeApiClient&, const Invocation&)>;

// One worker: its own connection, its own loop. Returns the process exit status.
int Worker(const Environment& env, const DispatchFn& dispatch) {
  RuntimeApiClient client(env.host, env.port);
  const bool set_trace_env = env.concurrency == 1;  // setenv is not thread-safe.
  while (true) {
    Invocation in;
    int exit_code = 0;
    if (!NextInvocation(client, env, &in, &exit_code)) return exit_code;
    ++g_busy;
    internal::SetCurrentRequestId(in.context.request_id);
    if (set_trace_env) {
      if (in.context.trace_id.empty()) unsetenv("_X_AMZN_TRACE_ID");
      else setenv("_X_AMZN_TRACE_ID", in.context.trace_id.c_str(), 1);
    }
    bool keep_going = dispatch(client, in);
    internal::SetCurrentRequestId("");
    int busy = --g_busy;
    if (!keep_going) return 1;
    if (g_terminating && busy == 0) {
      Log(LogLevel::kInfo, "SIGTERM received; exiting after the invoke in progress");
      return 0;
    }
  }
}

bool ReportInitError(const Environment& env, const InitError& error) {
  Log(LogLevel::kFatal, "Init failed: " + error.type + ": " + error.message);
  RuntimeApiClient client(env.host, env.port);
  http::Headers h;
  h.Add("Content-Type", "application/json");
  h.Add("Lambda-Runtime-Function-Error-Type", internal::HeaderSafe(error.type));
  auto backoff = kFirstBackoff;
  for (int attempt = 0; attempt < 8; ++attempt) {  // ~2.5 s while unreachable, then give up and exit.
    ApiReply reply;
    http::Error e = client.Exchange("POST", kInitErrorPath, h, internal::ErrorBody(error.type, error.message), &reply,
                                    http::DeadlineIn(internal::kReplyTimeout));
    if (e.ok()) return reply.status == 202;
    Log(LogLevel::kError, DescribeFailure(e, "/init/error"));
    if (e.code != http::ErrorCode::kConnect) return false;
    Sleep(backoff);
    backoff = std::min(backoff * 2, kMaxBackoff);
  }
  return false;
}

// Events and responses are up to 6 MB. glibc's malloc serves blocks over 128 KB with mmap and
// returns them with munmap, so every large invoke would page-fault fresh zeroed memory for the
// event, the response and the request wire (measured with //tools/bench: a 1 MB echo took 14 ms
// instead of 0.9 ms). Keeping such blocks on the heap lets invokes reuse them; the cost is that
// memory a large invoke used stays with the process, which on Lambda is the function's anyway.
// musl's malloc has no such knobs (mallopt is a no-op there and malloc.h does not declare them).
void KeepLargeBuffersOnTheHeap() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // the largest value glibc accepts on 64-bit
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

int Serve(const DispatchFn& dispatch, const InitFunction& init) {
  KeepLargeBuffersOnTheHeap();
  Environment env;
  if (!ReadEnvironment(&env)) return 1;
  struct sigaction sa {};
  sa.sa_handler = OnSigterm;
  sigaction(SIGTERM, &sa, nullptr);
  sa.sa_handler = OnGraceOver;
  sigaction(SIGALRM, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);  // A vanished peer is an error return, not a signal.

  if (init) {
    std::optional<InitError> failed;
    std::optional<InitError> thrown = internal::CatchAsError([&] { failed = init(); });
    if (thrown) failed = thrown;
    if (failed) {
      ReportInitError(env, *failed);
      return 1;
    }
  }
  if (env.concurrency == 1) return Worker(env, dispatch);

  // Lambda Managed Instances: one worker (and connection) per allowed concurrent invoke. The
  // first worker to end decides the exit status for all.
  std::vector<std::thread> workers;
  for (int i = 1; i < env.concurrency; ++i) {
    workers.emplace_back([&env, &dispatch] {
      int code = Worker(env, dispatch);
      std::fflush(nullptr);
      _exit(code);
    });
  }
  int code = Worker(env, dispatch);
  std::fflush(nullptr);
  _exit(code);
}

}  // namespace

int Run(Handler handler, InitFunction init) {
  return Serve([&handler](RuntimeApiClient& c, const Invocation& in) { return Dispatch(c, handler, in); }, init);
}

int RunStreaming(StreamingHandler handler, InitFunction init) {
  return Serve([&handler](RuntimeApiClient& c, const Invocation& in) { return DispatchStreaming(c, handler, in); },
               init);
}

}  // namespace lambda
