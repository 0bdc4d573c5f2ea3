// The Invoke API's error answers (see invoke_errors.h).
#include "tools/emulator/invoke_errors.h"

#include "runtime/cpp/http/writer.h"
#include "tools/emulator/emulator.h"
#include "tools/emulator/json_util.h"

namespace lambda::emulator {
namespace {

// What Lambda answers past a function's concurrency.
constexpr char kThrottledBody[] =
    "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}";

}  // namespace

void SendApiError(ResponseWriter& writer, int status, const std::string& type, const std::string& message) {
  http::Headers headers;
  headers.Add("Content-Type", "application/json");
  headers.Add("x-amzn-ErrorType", type);
  writer.Send(status, headers, "{\"Type\":\"User\",\"message\":" + JsonString(message) + "}");
}

void SendTooLarge(ResponseWriter& writer) {
  SendApiError(writer, kRequestTooLargeStatus, kRequestTooLargeType, RequestTooLargeMessage());
}

void SendThrottled(ResponseWriter& writer) {
  http::Headers headers;
  headers.Add("Content-Type", "application/json");
  headers.Add("x-amzn-ErrorType", "TooManyRequestsException");
  writer.Send(429, headers, kThrottledBody);
}

std::string ThrottledResponse() {
  http::Headers headers;
  headers.Add("Content-Type", "application/json");
  headers.Add("x-amzn-ErrorType", "TooManyRequestsException");
  headers.Add("Content-Length", std::to_string(sizeof(kThrottledBody) - 1));
  headers.Add("Connection", "close");
  std::string wire;
  http::AppendResponseHead(&wire, 429, "Too Many Requests", headers);
  return wire + kThrottledBody;
}

void SendFunctionNotFound(ResponseWriter& writer, const std::string& region, const std::string& name) {
  // Lambda's body capitalises Message for this one.
  http::Headers headers;
  headers.Add("Content-Type", "application/json");
  headers.Add("x-amzn-ErrorType", "ResourceNotFoundException");
  std::string arn = "arn:aws:lambda:" + region + ":" + kAccountId + ":function:" + name;
  writer.Send(404, headers, "{\"Type\":\"User\",\"Message\":" + JsonString("Function not found: " + arn) + "}");
}

}  // namespace lambda::emulator
