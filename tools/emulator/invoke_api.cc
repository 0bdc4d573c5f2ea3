// The Invoke API a developer or test talks to: Lambda's Invoke
// (POST /2015-03-31/functions/{name}/invocations) and InvokeWithResponseStream
// (POST /2021-11-15/functions/{name}/response-streaming-invocations), which relays the runtime's
// streamed response as it arrives, in AWS's event-stream encoding as Lambda does.
#include <string>

#include "runtime/cpp/http/base64.h"
#include "runtime/cpp/http/writer.h"
#include "tools/emulator/api_paths.h"
#include "tools/emulator/emulator.h"
#include "tools/emulator/event_stream.h"
#include "tools/emulator/ids.h"
#include "tools/emulator/invoke_errors.h"
#include "tools/emulator/json_util.h"

namespace lambda::emulator {

std::string RequestTooLargeMessage() {
  return "Request must be smaller than " + std::to_string(kMaxInvokeRequestBytes) +
         " bytes for the InvokeFunction operation";
}

void Emulator::HandleInvokeApi(ServerRequest& request, ResponseWriter& writer) {
  std::string_view path = request.path();
  std::optional<InvokePath> parsed = ParseInvokePath(path);
  if (!parsed) {
    SendApiError(writer, 404, "ResourceNotFoundException", "No such endpoint: " + std::string(path));
    return;
  }
  const bool streaming = parsed->call == InvokePath::Call::kInvokeWithResponseStream;
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
  // InvokeWithResponseStream knows RequestResponse and DryRun only, as on Lambda.
  if ((type != "RequestResponse" && type != "Event" && type != "DryRun") || (streaming && type == "Event")) {
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
  invoke.request_id = NewRequestId();  // Known now: a stream's head carries it before the answer.

  if (type == "DryRun") {
    writer.Send(204, http::Headers(), "");
    return;
  }
  // Lambda throttles past a function's concurrency; the emulator past what it lets wait. (Two
  // invokes arriving together may both pass: the bound is soft by one or two, never unbounded.)
  if (PendingInvokes() >= options_.max_pending_invokes) return SendThrottled(writer);

  http::Headers headers;
  headers.Add("X-Amzn-RequestId", *invoke.request_id);
  headers.Add("X-Amz-Executed-Version", "$LATEST");
  // A streamed answer goes out as it arrives, on the Runtime API's thread, through a body this
  // handler ends exactly once: late data after a timeout never reaches the client. Lambda answers
  // 200 at once and reports a failure, before or after the first byte, in the closing
  // InvokeComplete event.
  std::shared_ptr<ChunkedBody> stream;
  if (streaming) {
    headers.Add("Content-Type", event_stream::kContentType);
    stream = writer.BeginChunked(200, headers);
    if (stream == nullptr) return;  // The client is gone.
    invoke.on_stream_data = [stream](std::string_view data) { stream->Write(event_stream::PayloadChunkEvents(data)); };
  }
  auto invocation = Enqueue(std::move(invoke));
  if (type == "Event") {  // Queued; the caller does not wait.
    http::Headers accepted;
    accepted.Add("X-Amzn-RequestId", invocation->request_id());
    writer.Send(202, accepted, "");
    return;
  }
  while (!invocation->Wait(std::chrono::seconds(1))) {
  }
  InvokeResult result = invocation->result();
  if (result.outcome == Outcome::kCancelled) {
    if (stream != nullptr) return;  // Left open: the server aborts it and closes the connection.
    SendApiError(writer, 503, "ServiceException", "the emulator is shutting down");
    return;
  }
  const bool failed = result.outcome != Outcome::kSuccess;
  const std::string log_result = invocation->request().log_tail ? http::Base64Encode(result.log_tail) : "";
  if (stream != nullptr) {
    // A buffered answer (the runtime did not stream) arrives in one piece; then InvokeComplete.
    if (!result.streamed && !failed) stream->Write(event_stream::PayloadChunkEvents(result.body));
    // InvokeComplete and the end go out together: a relay writing late (after a timeout) cannot
    // put a PayloadChunk after InvokeComplete.
    stream->End(http::Headers(), event_stream::InvokeCompleteEvent(failed ? result.error_type : "",
                                                                   failed ? result.body : "", log_result));
    return;
  }
  if (failed) headers.Add("X-Amz-Function-Error", "Unhandled");
  if (invocation->request().log_tail) headers.Add("X-Amz-Log-Result", log_result);
  const std::string* content_type = result.response_headers.Find("Content-Type");
  headers.Add("Content-Type", content_type != nullptr && !failed ? *content_type : "application/json");
  writer.Send(200, headers, result.body);
}

}  // namespace lambda::emulator
