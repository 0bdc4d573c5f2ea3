// The C++ side of the Ruchy runtime (runtime/ruchy): what runtime/handler.h declares, done by
// handing control to the Ruchy code, plus the one thing Ruchy cannot do itself: call the C++
// handler. Everything else (HTTP, the Runtime API, the loop, logging, the environment) is Ruchy.
//
// Ruchy calls the rl_seam_* functions through its C interop, which passes integers and byte views
// and gets back integers or a NUL-terminated text. So an invocation's context is handed over field
// by field before the call, and a result's parts are read back afterwards, up to each NUL byte
// (seam.ruchy puts the NULs back). Both happen on the worker's thread with no suspension in
// between, so the pending invocation and the last result are per thread.
#include <malloc.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "runtime/cpp/internal/caught_error.h"
#include "runtime/handler.h"
#include "runtime/ruchy/lambda_runtime.ruchy.h"
#include "stdlib/async/block_on.h"

namespace ruchy_runtime = rl::s_runtime::s_ruchy::t_lambda_runtime;

namespace lambda {
namespace {

// Field numbers of rl_seam_set_text / rl_seam_set_number (seam.ruchy has the same).
enum Field : int64_t {
  kRequestId = 0,
  kFunctionArn,
  kTraceId,
  kClientContext,
  kCognitoIdentity,
  kTenantId,
  kInvocationId,
  kFunctionName,
  kFunctionVersion,
  kLogGroupName,
  kLogStreamName,
  kDeadlineMs,
  kMemoryLimitMb,
};

// Parts of a result (seam.ruchy: part_body, part_content_type, part_error_type).
enum Part : int64_t { kBody = 0, kContentType, kErrorType, kPartCount };

struct Handlers {
  Handler handler;
  InitFunction init;
};

Handlers g_handlers;  // Set once by Run, before any worker starts.

struct WorkerState {
  Invocation pending;
  std::string parts[kPartCount];
};

thread_local WorkerState t_state;

void SetResult(std::string body, std::string content_type, std::string error_type) {
  t_state.parts[kBody] = std::move(body);
  t_state.parts[kContentType] = std::move(content_type);
  t_state.parts[kErrorType] = std::move(error_type);
}

// Events and responses are up to 6 MB; glibc would mmap and unmap every such buffer, so every
// large invoke would page-fault fresh memory (runtime/cpp/runtime.cc has the measurement).
void KeepLargeBuffersOnTheHeap() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

// A process-ending exit that does not wait for other workers' threads.
[[noreturn]] void ExitProcess(int code) {
  std::fflush(nullptr);
  _exit(code);
}

// Runs the Ruchy task MAKE_TASK gives on a loop of a new thread; when it ends, so does the
// process (the first worker to end decides the exit status for all).
template <class MakeTask>
void RunOnOwnThread(const char* what, MakeTask make_task) {
  std::thread([what, make_task] {
    int code = 1;
    try {
      code = static_cast<int>(rt::BlockOn(make_task()));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "FATAL %s failed: %s\n", what, e.what());
    }
    ExitProcess(code);
  }).detach();
}

}  // namespace

int Run(Handler handler, InitFunction init) {
  KeepLargeBuffersOnTheHeap();
  g_handlers = Handlers{std::move(handler), std::move(init)};
  int code = 1;
  try {
    ruchy_runtime::g_top_level();
    code = static_cast<int>(rt::BlockOn(ruchy_runtime::r_serve()));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "FATAL the Ruchy runtime failed: %s\n", e.what());
  }
  ExitProcess(code);
}

int RunStreaming(StreamingHandler, InitFunction) {
  // Not yet: a streamed response needs the handler's writes to reach the Ruchy loop as they are
  // made (issue 17). Refuse plainly rather than buffer and pretend to stream.
  static constexpr char kMessage[] = "FATAL streaming handlers are not supported by the Ruchy runtime yet\n";
  ssize_t ignored = ::write(2, kMessage, sizeof kMessage - 1);
  (void)ignored;
  return 1;
}

void Log(LogLevel level, std::string_view message) {
  ruchy_runtime::r_log_from_handler(static_cast<int64_t>(level), std::string(message),
                                    t_state.pending.context.request_id);
}

}  // namespace lambda

using lambda::t_state;

extern "C" {

int64_t rl_seam_run_init() {
  if (!lambda::g_handlers.init) return 0;
  std::optional<lambda::InitError> failed;
  std::optional<lambda::InitError> thrown = lambda::internal::CatchAsError([&] { failed = lambda::g_handlers.init(); });
  if (thrown) failed = thrown;
  if (!failed) return 0;
  lambda::SetResult(std::move(failed->message), "", std::move(failed->type));
  return 1;
}

void rl_seam_begin_invocation() { t_state.pending = lambda::Invocation(); }

void rl_seam_set_text(int64_t field, const void* data, size_t size) {
  std::string value(static_cast<const char*>(data), size);
  lambda::Context& c = t_state.pending.context;
  switch (field) {
    case lambda::kRequestId: c.request_id = std::move(value); break;
    case lambda::kFunctionArn: c.function_arn = std::move(value); break;
    case lambda::kTraceId: c.trace_id = std::move(value); break;
    case lambda::kClientContext: c.client_context = std::move(value); break;
    case lambda::kCognitoIdentity: c.cognito_identity = std::move(value); break;
    case lambda::kTenantId: c.tenant_id = std::move(value); break;
    case lambda::kInvocationId: c.invocation_id = std::move(value); break;
    case lambda::kFunctionName: c.function_name = std::move(value); break;
    case lambda::kFunctionVersion: c.function_version = std::move(value); break;
    case lambda::kLogGroupName: c.log_group_name = std::move(value); break;
    case lambda::kLogStreamName: c.log_stream_name = std::move(value); break;
    default: break;
  }
}

void rl_seam_set_number(int64_t field, int64_t value) {
  lambda::Context& c = t_state.pending.context;
  if (field == lambda::kDeadlineMs) c.deadline_ms = value;
  if (field == lambda::kMemoryLimitMb) c.memory_limit_mb = static_cast<int>(value);
}

int64_t rl_seam_invoke(const void* payload, size_t size) {
  t_state.pending.payload.assign(static_cast<const char*>(payload), size);
  lambda::Response response = lambda::Response::Failure("", "");
  std::optional<lambda::InitError> thrown =
      lambda::internal::CatchAsError([&] { response = lambda::g_handlers.handler(t_state.pending); });
  t_state.pending.payload = std::string();  // The event's memory is not kept past the call.
  if (thrown) {
    lambda::SetResult(std::move(thrown->message), "", std::move(thrown->type));
    return 1;
  }
  if (!response.ok()) {
    lambda::SetResult(response.error_message(), "", response.error_type());
    return 1;
  }
  lambda::SetResult(response.body(), response.content_type(), "");
  return 0;
}

int64_t rl_seam_result_size(int64_t part) {
  if (part < 0 || part >= lambda::kPartCount) return 0;
  return static_cast<int64_t>(t_state.parts[part].size());
}

const char* rl_seam_result_text(int64_t part, int64_t offset) {
  if (part < 0 || part >= lambda::kPartCount) return nullptr;
  const std::string& text = t_state.parts[part];
  if (offset < 0 || static_cast<size_t>(offset) > text.size()) return nullptr;
  return text.c_str() + offset;
}

int64_t rl_seam_start_workers(int64_t count) {
  for (int64_t i = 0; i < count; ++i) {
    lambda::RunOnOwnThread("a Ruchy runtime worker", [] { return ruchy_runtime::r_serve_worker(); });
  }
  return count;
}

void rl_seam_start_sigterm_watchdog() {
  // Its own thread: a synchronous handler holds its worker's thread (and loop) until it returns.
  lambda::RunOnOwnThread("the SIGTERM watchdog", [] { return ruchy_runtime::r_watch_grace_period(); });
}

}  // extern "C"
