// File: tools/emulator/invocation.h
//
// One invoke as the emulator tracks it: what the invoker asked for, what the runtime answered,
// and when each step happened (so benchmarks can time invokes without trusting the runtime).
#ifndef TOOLS_EMULATOR_INVOCATION_H_
#define TOOLS_EMULATOR_INVOCATION_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/cpp/http/message.h"

namespace lambda::emulator {

using Clock = std::chrono::steady_clock;

// How the event body of a /next response is framed on the wire.
enum class Framing {
  kContentLength,
  kChunked,       // One chunk.
  kMultiChunk,    // Many small chunks (chunk_size bytes each).
  kMixed,         // Alternates Content-Length, chunked, multi-chunk per invoke.
};

bool ParseFraming(std::string_view text, Framing* out);

struct InvokeRequest {
  std::string payload;
  std::optional<std::string> client_context;    // JSON, sent as Lambda-Runtime-Client-Context.
  std::optional<std::string> cognito_identity;  // JSON, sent as Lambda-Runtime-Cognito-Identity.
  std::optional<std::string> tenant_id;
  std::optional<std::string> trace_id;          // Generated when absent.
  std::optional<std::string> request_id;        // Generated when absent.
  std::optional<std::string> invocation_id;     // Lambda Managed Instances: echoed back by runtimes.
  bool log_tail = false;                        // Collect the invoke's last 4 KB of logs.
  // Streaming invokes: called with each piece of the response body as it arrives.
  std::function<void(std::string_view)> on_stream_data;
};

enum class Outcome {
  kPending,
  kSuccess,        // POST /response.
  kFunctionError,  // POST /error, or a streamed response that ended with an error trailer.
  kTimeout,        // The function timeout passed first.
  kExitError,      // The runtime exited (or crashed) during the invoke.
  kInitError,      // The runtime reported /init/error, or init failed or timed out.
  kTooLarge,       // The response exceeded 6 MB.
  kCancelled,      // The emulator shut down.
};

const char* OutcomeName(Outcome outcome);

struct InvokeResult {
  Outcome outcome = Outcome::kPending;
  std::string body;          // The response, or the error JSON.
  std::string error_type;    // Lambda-Runtime-Function-Error-Type / errorType.
  http::Headers response_headers;  // Headers of the runtime's POST (e.g. Content-Type, invocation id).
  http::Headers trailers;          // Trailers of a streamed response.
  bool streamed = false;
  std::string log_tail;      // Last 4 KB of the runtime's output during the invoke.
  Clock::time_point enqueued{};
  Clock::time_point handed_out{};  // /next response written.
  Clock::time_point completed{};   // /response or /error fully received.
  double duration_ms = 0;          // handed_out → completed.
  double init_duration_ms = 0;     // Set on the first invoke after a (re)start.
  uint64_t max_memory_kb = 0;      // Peak RSS of the runtime (VmHWM) at completion.
};

// Shared between the invoker, the Runtime API handlers and the watchdog.
class Invocation {
 public:
  Invocation(std::string request_id, InvokeRequest request)
      : request_id_(std::move(request_id)), request_(std::move(request)) {}

  const std::string& request_id() const { return request_id_; }
  const InvokeRequest& request() const { return request_; }

  // Completes the invocation once; later calls are ignored and return false.
  bool Complete(InvokeResult result);
  bool done() const;
  // Waits for completion; false on timeout.
  bool Wait(std::chrono::milliseconds timeout) const;
  // The result (outcome kPending until complete).
  InvokeResult result() const;

  // Timestamps and facts recorded along the way (under the emulator's lock).
  Clock::time_point enqueued{};
  Clock::time_point handed_out{};
  int64_t deadline_epoch_ms = 0;
  Clock::time_point deadline{};
  uint64_t generation = 0;  // Which runtime process received it.

 private:
  const std::string request_id_;
  const InvokeRequest request_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  InvokeResult result_;
};

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_INVOCATION_H_
