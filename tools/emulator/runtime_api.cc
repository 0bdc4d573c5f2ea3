// The Runtime API (base path /2018-06-01), answered with AWS's status codes and bodies.
#include <sys/socket.h>

#include <algorithm>
#include <chrono>

#include "runtime/cpp/http/base64.h"
#include "runtime/cpp/http/writer.h"
#include "tools/emulator/api_paths.h"
#include "tools/emulator/emulator.h"
#include "tools/emulator/ids.h"
#include "tools/emulator/json_util.h"

namespace lambda::emulator {
namespace {

constexpr std::string_view kPrefix = "/2018-06-01/runtime/";
constexpr char kAccepted[] = "{\"status\":\"OK\"}";

http::Headers JsonHeaders() {
  http::Headers h;
  h.Add("Content-Type", "application/json");
  return h;
}

void SendJson(ResponseWriter& writer, ObservedRequest& observed, int status, const std::string& body) {
  observed.answered_status = status;
  writer.Send(status, JsonHeaders(), body);
}

void SendError(ResponseWriter& writer, ObservedRequest& observed, int status, std::string_view type,
               std::string_view message) {
  SendJson(writer, observed, status, ErrorJson(type, message));
}

// What AWS answers for a status forced by fault injection.
std::string FaultBody(int status) {
  switch (status) {
    case 413:
      return ErrorJson("RequestEntityTooLarge", "Exceeded maximum allowed payload size (6291556 bytes).");
    case 410:
      return ErrorJson("InvokeTimeout", "Invoke timeout");
    case 403:
      return ErrorJson("InvalidStateTransition", "State transition is not allowed");
    case 500:
      return ErrorJson("Runtime.Unknown", "Internal error: the runtime must exit");
  }
  return ErrorJson("Injected", "Injected status " + std::to_string(status));
}

// True if the peer closed its end (a poll whose runtime went away must not take an event).
bool PeerClosed(int fd) {
  char byte;
  ssize_t n = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n == 0;
}

int64_t EpochMs(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace

void Emulator::HandleRuntimeApi(ServerRequest& request, ResponseWriter& writer) {
  ObservedRequest observed;
  observed.method = request.method();
  observed.path = std::string(request.path());
  observed.headers = request.headers();
  observed.connection_id = request.connection_id();
  observed.received = Clock::now();
  bool recorded = false;
  auto record = [&] {
    if (recorded) return;
    recorded = true;
    std::lock_guard<std::mutex> lock(mu_);
    RecordLocked(observed);
  };
  writer.OnFirstWrite(record);
  // The hook refers to this frame: drop it when the handler returns (the server may still write
  // a fallback answer after that).
  struct ClearHook {
    ResponseWriter& writer;
    ~ClearHook() { writer.OnFirstWrite(nullptr); }
  } clear_hook{writer};

  std::string_view path = request.path();
  if (path.substr(0, kPrefix.size()) != kPrefix) {
    SendError(writer, observed, 404, "NotFound", "No such endpoint: " + std::string(path));
    return record();
  }
  std::string_view rest = path.substr(kPrefix.size());
  std::string endpoint;
  std::string request_id;
  const char* method = "POST";
  if (rest == "invocation/next") {
    endpoint = "next";
    method = "GET";
  } else if (rest == "init/error") {
    endpoint = "init/error";
  } else if (rest.substr(0, 11) == "invocation/") {
    std::string_view tail = rest.substr(11);
    std::size_t slash = tail.find('/');
    std::string_view what = slash == std::string_view::npos ? std::string_view() : tail.substr(slash + 1);
    // The id segment is percent-decoded, as Lambda's server does: runtimes encode ids.
    if (slash > 0 && (what == "response" || what == "error") && PercentDecode(tail.substr(0, slash), &request_id)) {
      endpoint = std::string(what);
    }
  }
  if (endpoint.empty()) {
    SendError(writer, observed, 404, "NotFound", "No such endpoint: " + std::string(path));
    return record();
  }
  if (request.method() != method) {
    SendError(writer, observed, 405, "MethodNotAllowed", std::string(method) + " is the only method here");
    return record();
  }

  std::optional<Fault> fault = TakeFault(endpoint);
  if (fault && fault->kind == Fault::Kind::kDelay) {
    std::this_thread::sleep_for(fault->delay);
    fault.reset();
  }
  if (fault && fault->kind == Fault::Kind::kStatus) {
    if (endpoint != "next") {
      bool too_large = false;
      request.ReadBody(kMaxResponseBytes, &observed.body, &observed.trailers, &too_large);
      std::lock_guard<std::mutex> lock(mu_);
      auto it = in_flight_.find(request_id);
      if (it != in_flight_.end()) {  // Settle the invoke the way the forced status implies.
        InvokeResult result;
        result.outcome = fault->status == 413 ? Outcome::kTooLarge
                         : fault->status == 410 ? Outcome::kTimeout
                                                : Outcome::kFunctionError;
        result.error_type = StringMember(FaultBody(fault->status), "errorType");
        result.body = FaultBody(fault->status);
        auto invocation = it->second;
        in_flight_.erase(it);
        if (fault->status == 410) timed_out_.Add(request_id);
        CompleteLocked(invocation, std::move(result));
      }
    }
    SendJson(writer, observed, fault->status, FaultBody(fault->status));
    work_cv_.notify_all();
    return record();
  }

  if (endpoint == "next") {
    HandleNext(request, writer, observed, fault && fault->kind == Fault::Kind::kTruncateBody);
  } else if (endpoint == "init/error") {
    HandleInitError(request, writer, observed);
  } else {
    HandleResult(request, writer, observed, request_id, endpoint == "error", &recorded);
  }
  if (fault && fault->kind == Fault::Kind::kCloseAfterResponse) writer.CloseAfter();
  record();
}

void Emulator::HandleNext(ServerRequest& request, ResponseWriter& writer, ObservedRequest& observed, bool truncate) {
  std::unique_lock<std::mutex> lock(mu_);
  const uint64_t generation = generation_;
  if (process_ && !initialized_) {  // The runtime's first /next ends its init phase.
    initialized_ = true;
    pending_init_ms_ = std::chrono::duration<double, std::milli>(Clock::now() - process_started_).count();
  }
  ++polls_waiting_;
  max_polls_ = std::max(max_polls_, polls_waiting_);
  const std::size_t capacity = static_cast<std::size_t>(std::max(1, options_.max_concurrency));
  while (true) {
    if (stopping_ || generation != generation_) {
      --polls_waiting_;
      lock.unlock();  // Sending records the request, which takes the lock.
      writer.CloseAfter();
      SendError(writer, observed, 500, "Runtime.Unknown", "The runtime is being shut down");
      return;
    }
    if (!queue_.empty() && in_flight_.size() < capacity) break;
    work_cv_.wait_for(lock, std::chrono::milliseconds(100));
    if (PeerClosed(request.fd())) {
      --polls_waiting_;
      writer.CloseAfter();
      return;
    }
  }
  --polls_waiting_;
  std::shared_ptr<Invocation> invocation = queue_.front();
  queue_.pop_front();
  const InvokeRequest& in = invocation->request();
  auto wall_deadline = std::chrono::system_clock::now() + std::chrono::seconds(options_.timeout_seconds);
  invocation->deadline = Clock::now() + std::chrono::seconds(options_.timeout_seconds);
  invocation->deadline_epoch_ms = EpochMs(wall_deadline);
  invocation->generation = generation;
  in_flight_[invocation->request_id()] = invocation;
  // START and the tail begin before the event is written: the runtime may print at once.
  std::string start = "START RequestId: " + invocation->request_id() + " Version: $LATEST";
  if (in.log_tail) log_tails_[invocation->request_id()] = start + "\n";
  Log(start);
  max_in_flight_ = std::max(max_in_flight_, static_cast<int>(in_flight_.size()));
  Framing framing = options_.framing;
  if (framing == Framing::kMixed) {
    static constexpr Framing kCycle[] = {Framing::kContentLength, Framing::kChunked, Framing::kMultiChunk};
    framing = kCycle[frame_counter_++ % 3];
  }
  lock.unlock();

  http::Headers headers;
  headers.Add("Content-Type", "application/json");
  headers.Add("Lambda-Runtime-Aws-Request-Id", invocation->request_id());
  headers.Add("Lambda-Runtime-Deadline-Ms", std::to_string(invocation->deadline_epoch_ms));
  headers.Add("Lambda-Runtime-Invoked-Function-Arn",
              "arn:aws:lambda:" + options_.region + ":" + kAccountId + ":function:" + options_.function_name);
  headers.Add("Lambda-Runtime-Trace-Id", in.trace_id.value_or(NewTraceId()));
  if (in.client_context) headers.Add("Lambda-Runtime-Client-Context", *in.client_context);
  if (in.cognito_identity) headers.Add("Lambda-Runtime-Cognito-Identity", *in.cognito_identity);
  if (in.tenant_id) headers.Add("Lambda-Runtime-Aws-Tenant-Id", *in.tenant_id);
  if (in.invocation_id) headers.Add("Lambda-Runtime-Invocation-Id", *in.invocation_id);

  bool ok;
  const std::string& payload = in.payload;
  if (truncate) {
    observed.answered_status = 200;
    std::string wire;
    headers.Set("Transfer-Encoding", "chunked");
    http::AppendResponseHead(&wire, 200, "OK", headers);
    http::AppendChunk(&wire, payload);
    wire.resize(wire.size() - payload.size() / 2 - 2);  // Half the data, no chunk end.
    ok = writer.WriteRaw(wire);
    writer.CloseAfter();
  } else if (framing == Framing::kContentLength) {
    observed.answered_status = 200;
    ok = writer.Send(200, headers, payload);
  } else {
    observed.answered_status = 200;
    std::shared_ptr<ChunkedBody> body = writer.BeginChunked(200, headers);
    ok = body != nullptr;
    std::size_t step = framing == Framing::kMultiChunk ? std::max<std::size_t>(1, options_.chunk_size) : payload.size();
    for (std::size_t at = 0; ok && at < payload.size(); at += step) {
      ok = body->Write(std::string_view(payload).substr(at, step));
    }
    ok = ok && body->End();
  }
  lock.lock();
  invocation->handed_out = Clock::now();
  if (!ok) {  // The runtime went away: give the event to the next poll.
    if (in_flight_.erase(invocation->request_id()) > 0) {
      invocation->handed_out = {};
      queue_.push_front(invocation);
    }
    writer.CloseAfter();
    lock.unlock();
    work_cv_.notify_all();
    return;
  }
  lock.unlock();
}

void Emulator::HandleResult(ServerRequest& request, ResponseWriter& writer, ObservedRequest& observed,
                            const std::string& request_id, bool is_error, bool* recorded) {
  auto lookup = [&]() -> std::shared_ptr<Invocation> {
    auto it = in_flight_.find(request_id);
    return it == in_flight_.end() ? nullptr : it->second;
  };
  // Answers an id that is not in flight the way AWS does; false if it is in flight.
  auto reject = [&](bool body_read) {
    std::unique_lock<std::mutex> lock(mu_);
    if (lookup()) return false;
    bool timed_out = timed_out_.Contains(request_id);
    bool finished = finished_.Contains(request_id);
    lock.unlock();
    if (!body_read) {
      bool too_large = false;
      request.ReadBody(kMaxResponseBytes, &observed.body, &observed.trailers, &too_large);
    }
    if (timed_out) {
      SendError(writer, observed, 410, "InvokeTimeout", "Invoke timeout");
    } else if (finished) {
      SendError(writer, observed, 403, "InvalidStateTransition", "State transition from " +
                                                                     std::string(is_error ? "Error" : "Response") +
                                                                     " is not allowed: invoke already completed");
    } else {
      SendError(writer, observed, 400, "InvalidRequestID", "Invalid request ID: " + request_id);
    }
    return true;
  };
  if (reject(false)) return;

  const std::string* mode = request.headers().Find("Lambda-Runtime-Function-Response-Mode");
  bool streaming = false;
  if (mode != nullptr && !is_error) {
    if (!http::EqualsIgnoreCase(*mode, "streaming")) {
      bool too_large = false;
      request.ReadBody(kMaxResponseBytes, &observed.body, &observed.trailers, &too_large);
      SendError(writer, observed, 400, "InvalidResponseModeHeader", "Invalid response mode: " + *mode);
      return;
    }
    streaming = true;
  }

  InvokeResult result;
  bool too_large = false;
  http::Error e;
  if (streaming) {
    std::shared_ptr<Invocation> invocation;
    {
      std::lock_guard<std::mutex> lock(mu_);
      invocation = lookup();
    }
    auto relay = invocation ? invocation->request().on_stream_data : nullptr;
    e = request.StreamBody(
        [&](std::string_view data) {
          if (observed.body.size() < kMaxResponseBytes) observed.body.append(data);
          if (relay) relay(data);
        },
        &observed.trailers);
    result.streamed = true;
  } else {
    e = request.ReadBody(kMaxResponseBytes, &observed.body, &observed.trailers, &too_large);
  }
  if (!e.ok()) writer.CloseAfter();  // The rest of the body is unread: the connection is done.
  if (e.code == http::ErrorCode::kTooLarge) {  // Too large to even read and drop.
    SendJson(writer, observed, 413, FaultBody(413));
    return;
  }
  if (!e.ok()) {  // A broken body: the invoke stays in flight, as on Lambda.
    SendError(writer, observed, 400, "InvalidRequestBody", std::string("Malformed body: ") + e.message);
    return;
  }

  FlushRuntimeOutput();  // What the function logged before answering belongs to this invoke.
  std::unique_lock<std::mutex> lock(mu_);
  std::shared_ptr<Invocation> invocation = lookup();
  if (!invocation) {  // Timed out while its body was arriving.
    lock.unlock();
    reject(true);
    return;
  }
  in_flight_.erase(request_id);
  // Record the request before the invoker can see the result, so Observed() is complete for it.
  observed.answered_status = too_large ? 413 : 202;
  RecordLocked(observed);
  *recorded = true;
  result.completed = Clock::now();
  result.response_headers = request.headers();
  result.trailers = observed.trailers;
  result.body = observed.body;
  int status = 202;
  if (too_large) {
    result.outcome = Outcome::kTooLarge;
    result.error_type = "Function.ResponseSizeTooLarge";
    result.body = ErrorJson(result.error_type, "Response payload size exceeded maximum allowed payload size (6291556 bytes).");
    status = 413;
  } else if (is_error) {
    result.outcome = Outcome::kFunctionError;
    const std::string* type = request.headers().Find("Lambda-Runtime-Function-Error-Type");
    result.error_type = type != nullptr ? *type : StringMember(observed.body, "errorType");
    if (result.error_type.empty()) result.error_type = "Unhandled";
  } else if (const std::string* type = observed.trailers.Find("Lambda-Runtime-Function-Error-Type")) {
    result.outcome = Outcome::kFunctionError;
    result.error_type = *type;
    std::string decoded;
    const std::string* error_body = observed.trailers.Find("Lambda-Runtime-Function-Error-Body");
    if (error_body != nullptr && http::Base64Decode(*error_body, &decoded)) result.body = decoded;
    else result.body = ErrorJson(*type, "streamed response failed");
  } else {
    result.outcome = Outcome::kSuccess;
  }
  CompleteLocked(invocation, std::move(result));
  lock.unlock();
  work_cv_.notify_all();
  if (status == 413) {
    SendJson(writer, observed, 413, ErrorJson("RequestEntityTooLarge", "Exceeded maximum allowed payload size (6291556 bytes)."));
  } else {
    SendJson(writer, observed, 202, kAccepted);
  }
}

void Emulator::HandleInitError(ServerRequest& request, ResponseWriter& writer, ObservedRequest& observed) {
  bool too_large = false;
  request.ReadBody(kMaxResponseBytes, &observed.body, &observed.trailers, &too_large);
  const std::string* header = request.headers().Find("Lambda-Runtime-Function-Error-Type");
  std::string type = header != nullptr ? *header : StringMember(observed.body, "errorType");
  if (type.empty()) type = "Runtime.Unknown";
  Log("emulator: init error reported: " + type + " " + observed.body);
  {
    std::lock_guard<std::mutex> lock(mu_);
    initialized_ = true;  // Its exit is the consequence, not a second failure.
    FailInitLocked(type, observed.body.empty() ? ErrorJson(type, "init failed") : observed.body);
  }
  SendJson(writer, observed, 202, kAccepted);
}

}  // namespace lambda::emulator
