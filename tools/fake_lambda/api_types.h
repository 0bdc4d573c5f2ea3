// File: tools/fake_lambda/api_types.h
//
// What the fake Lambda control plane exchanges: HTTP requests and responses as plain values (so
// the API is testable without sockets), Lambda's error shape, and a stored function.
#ifndef TOOLS_FAKE_LAMBDA_API_TYPES_H_
#define TOOLS_FAKE_LAMBDA_API_TYPES_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lambda::fake {

struct ApiRequest {
  std::string method;
  std::string path;                            // URL-decoded, without the query string
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// An error as Lambda reports it: the status, the `x-amzn-ErrorType` header (which the AWS CLI
// prints as "An error occurred (TYPE) when calling the OPERATION operation: MESSAGE") and a JSON
// body with the message.
struct ApiError {
  int status = 400;
  std::string type;
  std::string message;
};

ApiError InvalidParameter(std::string message);  // 400 InvalidParameterValueException
// 400 ValidationException: "N validation error(s) detected: V1; V2", each a constraint violation.
ApiError Validation(const std::vector<std::string>& violations);
ApiResponse ErrorResponse(const ApiError& error);

// One function as the fake keeps it: its configuration and its code ($LATEST only).
struct StoredFunction {
  std::string name;
  std::string arn;
  std::string runtime;
  std::string role;
  std::string handler;
  std::string architecture = "x86_64";  // Lambda's default when Architectures is left out
  std::string description;
  int memory_mb = 128;     // Lambda's default
  int timeout_seconds = 3;  // Lambda's default
  std::map<std::string, std::string> environment;
  std::string zip;
  std::string code_sha256;  // base64 of the zip's SHA-256, as Lambda reports it
  std::string last_modified;
  std::string revision_id;
  uint64_t code_revision = 0;  // increases with every code update
};

}  // namespace lambda::fake

#endif  // TOOLS_FAKE_LAMBDA_API_TYPES_H_
