// The Invoke API a developer or test talks to: Lambda's InvokeFunction
// (POST /2015-03-31/functions/{name}/invocations) and a streaming variant
// (POST /2021-11-15/functions/{name}/response-streaming-invocations) that relays the runtime's
// streamed response as it arrives, ending with the error trailers if it failed.
#include <string>

#include "runtime/cpp/http/base64.h"
#include "runtime/cpp/http/writer.h"
#include "tools/emulator/emulator.h"
#include "tools/emulator/json_util.h"

namespace lambda::emulator {
namespace {

bool ParseFunctionPath(std::string_view path, std::string_view prefix, std::string_view suffix) {
  if (path.size() <= prefix.size() + suffix.size()) return false;
  if (path.substr(0, prefix.size()) != prefix || path.substr(path.size() - suffix.size()) != suffix) return false;
  std::string_view name = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  return !name.empty() && name.find('/') == std::string_view::npos;
}

// AWS's error shape for the Invoke API: a JSON body and the x-amzn-ErrorType header.
void SendApiError(ResponseWriter& writer, int status, const std::string& type, const std::string& message) {
  http::Headers headers;
  headers.Add("Content-Type", "application/json");
  headers.Add("x-amzn-ErrorType", type);
  writer.Send(status, headers, "{\"Type\":\"User\",\"message\":" + JsonString(message) + "}");
}

// What Lambda answers past a function's concurrency.
constexpr char kThrottledBody[] =
    "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}";

void SendThrottled(ResponseWriter& writer) {
  http::Headers headers;
  headers.Add("Content-Type", "application/json");
  headers.Add("x-amzn-ErrorType", "TooManyRequestsException");
  writer.Send(429, headers, kThrottledBody);
}

void SendTooLarge(ResponseWriter& writer) {
  SendApiError(writer, kRequestTooLargeStatus, kRequestTooLargeType, RequestTooLargeMessage());
}

}  // namespace

std::string RequestTooLargeMessage() {
  return "Request must be smaller than " + std::to_string(kMaxInvokeRequestBytes) +
         " bytes for the InvokeFunction operation";
}

std::string Emulator::ThrottledResponse() {
  http::Headers headers;
  headers.Add("Content-Type", "application/json");
  headers.Add("x-amzn-ErrorType", "TooManyRequestsException");
  headers.Add("Content-Length", std::to_string(sizeof(kThrottledBody) - 1));
  headers.Add("Connection", "close");
  std::string wire;
  http::AppendResponseHead(&wire, 429, "Too Many Requests", headers);
  return wire + kThrottledBody;
}

void Emulator::HandleInvokeApi(ServerRequest& request, ResponseWriter& writer) {
  std::string_view path = request.path();
  bool plain = ParseFunctionPath(path, "/2015-03-31/functions/", "/invocations");
  bool streaming = ParseFunctionPath(path, "/2021-11-15/functions/", "/response-streaming-invocations");
  if (!plain && !streaming) {
    SendApiError(writer, 404, "ResourceNotFoundException", "No such endpoint: " + std::string(path));
    return;
  }
  if (request.method() != "POST") {
    SendApiError(writer, 405, "MethodNotAllowed", "Use POST");
    return;
  }
  InvokeRequest invoke;
  bool too_large = false;
  http::Error e = request.ReadBody(kMaxInvokeRequestBytes, &invoke.payload, nullptr, &too_large);
  if (!e.ok()) writer.CloseAfter();  // The rest of the body is unread: the connection is done.
  if (too_large || e.code == http::ErrorCode::kTooLarge) return SendTooLarge(writer);
  if (!e.ok()) {
    SendApiError(writer, 400, "InvalidRequestContentException", std::string("Malformed body: ") + e.message);
    return;
  }
  const http::Headers& h = request.headers();
  std::string type = h.Has("X-Amz-Invocation-Type") ? *h.Find("X-Amz-Invocation-Type") : "RequestResponse";
  if (type != "RequestResponse" && type != "Event" && type != "DryRun") {
    SendApiError(writer, 400, "InvalidParameterValueException", "Invalid X-Amz-Invocation-Type: " + type);
    return;
  }
  if (const std::string* context = h.Find("X-Amz-Client-Context")) {
    std::string decoded;
    if (!http::Base64Decode(*context, &decoded) || !IsJson(decoded)) {
      SendApiError(writer, 400, "InvalidRequestContentException", "X-Amz-Client-Context must be base64-encoded JSON");
      return;
    }
    invoke.client_context = decoded;
  }
  if (const std::string* tenant = h.Find("X-Amz-Tenant-Id")) invoke.tenant_id = *tenant;
  if (const std::string* trace = h.Find("X-Amzn-Trace-Id")) invoke.trace_id = *trace;
  invoke.log_tail = h.Has("X-Amz-Log-Type") && *h.Find("X-Amz-Log-Type") == "Tail";

  if (type == "DryRun") {
    writer.Send(204, http::Headers(), "");
    return;
  }
  // Lambda throttles past a function's concurrency; the emulator past what it lets wait. (Two
  // invokes arriving together may both pass: the bound is soft by one or two, never unbounded.)
  if (PendingInvokes() >= options_.max_pending_invokes) return SendThrottled(writer);
  // A streamed answer is relayed as it arrives, on the Runtime API's thread, through a body this
  // handler ends exactly once: late data after a timeout never reaches the client.
  std::shared_ptr<ChunkedBody> stream;
  if (streaming && type == "RequestResponse") {
    http::Headers headers;
    headers.Add("Content-Type", "application/octet-stream");
    stream = writer.BeginChunked(200, headers);
    if (stream == nullptr) return;  // The client is gone.
    invoke.on_stream_data = [stream](std::string_view data) { stream->Write(data); };
  }
  auto invocation = Enqueue(std::move(invoke));
  if (type == "Event") {  // Queued; the caller does not wait.
    http::Headers headers;
    headers.Add("X-Amzn-RequestId", invocation->request_id());
    writer.Send(202, headers, "");
    return;
  }
  while (!invocation->Wait(std::chrono::seconds(1))) {
  }
  InvokeResult result = invocation->result();

  http::Headers headers;
  headers.Add("X-Amzn-RequestId", invocation->request_id());
  headers.Add("X-Amz-Executed-Version", "$LATEST");
  if (result.outcome == Outcome::kCancelled) {
    if (stream != nullptr) return;  // Left open: the server aborts it and closes the connection.
    SendApiError(writer, 503, "ServiceException", "the emulator is shutting down");
    return;
  }
  bool failed = result.outcome != Outcome::kSuccess;
  if (stream != nullptr) {
    // A buffered answer (the runtime did not stream) arrives in one piece; then the trailers.
    if (!result.streamed && !failed) stream->Write(result.body);
    http::Headers trailers;
    if (failed) {
      trailers.Add("Lambda-Runtime-Function-Error-Type", result.error_type);
      trailers.Add("Lambda-Runtime-Function-Error-Body", http::Base64Encode(result.body));
    }
    stream->End(trailers);
    return;
  }
  if (failed) headers.Add("X-Amz-Function-Error", "Unhandled");
  if (invocation->request().log_tail) headers.Add("X-Amz-Log-Result", http::Base64Encode(result.log_tail));
  const std::string* content_type = result.response_headers.Find("Content-Type");
  headers.Add("Content-Type", content_type != nullptr && !failed ? *content_type : "application/json");
  writer.Send(200, headers, result.body);
}

}  // namespace lambda::emulator
