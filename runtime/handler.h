// File: runtime/handler.h
//
// The one interface between a Lambda handler and a runtime. Every handler is compiled against
// this header, and every runtime implementation (`--//runtime:impl`) defines what it declares:
// link a handler into a static `bootstrap` and call lambda::Run from main. A C++ handler is one
// function from an invocation to a response:
//
//   #include "runtime/handler.h"
//
//   lambda::Response Handle(const lambda::Invocation& in) {
//     if (in.payload.empty()) return lambda::Response::Failure("EmptyEvent", "no event");
//     return lambda::Response::Success("{\"echo\":" + in.payload + "}");
//   }
//
//   int main() { return lambda::Run(Handle); }
//
// A Ruchy handler file is compiled (`ruchy transpile --handler`) into the two functions of
// namespace lambda::ruchy_entry below, and runtime/ruchy_bridge supplies main().
//
// The runtime talks to the Runtime API at AWS_LAMBDA_RUNTIME_API over one keep-alive connection
// (one per worker when AWS_LAMBDA_MAX_CONCURRENCY > 1), turns handler failures and C++ exceptions
// into POST /error, reports a failed initialisation to /init/error, and exits cleanly on SIGTERM.
// Payloads are bytes: binary and non-UTF-8 bodies pass through untouched.
#ifndef RUNTIME_HANDLER_H_
#define RUNTIME_HANDLER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace lambda {

// What Lambda says about the invoke, from the /next headers and the environment.
struct Context {
  std::string request_id;
  int64_t deadline_ms = 0;  // Epoch milliseconds.
  std::string function_arn;
  std::string trace_id;
  std::optional<std::string> client_context;    // JSON text, when the caller sent one.
  std::optional<std::string> cognito_identity;  // JSON text, when present.
  std::optional<std::string> tenant_id;
  std::optional<std::string> invocation_id;     // Lambda Managed Instances.
  std::string function_name;
  std::string function_version;
  int memory_limit_mb = 0;
  std::string log_group_name;
  std::string log_stream_name;

  // Milliseconds left before the deadline (negative once it has passed; saturates instead of
  // overflowing for deadlines at the ends of the int64 range).
  int64_t RemainingMs() const;
};

struct Invocation {
  std::string payload;
  Context context;
};

// A handler's answer: a body (bytes) with its content type, or an error.
class Response {
 public:
  static Response Success(std::string body, std::string content_type = "application/json");
  static Response Failure(std::string error_type, std::string error_message);

  bool ok() const { return ok_; }
  const std::string& body() const { return body_; }
  const std::string& content_type() const { return content_type_; }
  const std::string& error_type() const { return error_type_; }
  const std::string& error_message() const { return body_; }

 private:
  bool ok_ = true;
  std::string body_;
  std::string content_type_;
  std::string error_type_;
};

// The body of a streamed response (Lambda response streaming). Each Write goes out as it is
// made; Fail ends the stream with an error the invoker sees.
class ResponseStream {
 public:
  virtual ~ResponseStream() = default;
  // Sets the content type; only before the first Write.
  virtual void SetContentType(std::string content_type) = 0;
  // Sends DATA now. False if the stream is broken (the invoke is gone); stop writing then.
  virtual bool Write(std::string_view data) = 0;
  // Ends the stream with an error (sent as HTTP trailers).
  virtual void Fail(std::string error_type, std::string error_message) = 0;
};

using Handler = std::function<Response(const Invocation&)>;
using StreamingHandler = std::function<void(const Invocation&, ResponseStream&)>;

// An error that stops initialisation; reported to /runtime/init/error.
struct InitError {
  std::string type;
  std::string message;
};

// Runs once before the first invoke. Return an InitError to report a failed init (the runtime
// then exits non-zero, as Lambda expects).
using InitFunction = std::function<std::optional<InitError>()>;

// Serves invokes until SIGTERM or a fatal Runtime API answer. Returns main's exit status.
int Run(Handler handler, InitFunction init = nullptr);
int RunStreaming(StreamingHandler handler, InitFunction init = nullptr);

// Logging that follows AWS_LAMBDA_LOG_FORMAT (Text or JSON) and AWS_LAMBDA_LOG_LEVEL.
enum class LogLevel { kTrace, kDebug, kInfo, kWarn, kError, kFatal };
void Log(LogLevel level, std::string_view message);

// What a Ruchy handler file compiles to (`ruchy transpile --handler`). Both may throw
// rt::RuntimeError (a Ruchy runtime error); runtime/ruchy_bridge turns that into an init error or a
// failed invoke.
namespace ruchy_entry {
// Runs the file's top-level statements, once, before the first invoke.
void Init();
// Runs the file's handler for one invoke.
Response Invoke(const Invocation& invocation);
}  // namespace ruchy_entry

}  // namespace lambda

#endif  // RUNTIME_HANDLER_H_
