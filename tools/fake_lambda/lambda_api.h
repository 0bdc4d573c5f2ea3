// File: tools/fake_lambda/lambda_api.h
//
// A local fake of AWS Lambda's API (version 2015-03-31) for testing deploy commands: the AWS CLI
// pointed at it with --endpoint-url creates, updates, reads, deletes and invokes functions, and
// every request is checked as Lambda checks it (function_rules.h), with Lambda's status codes and
// error shapes. Requests must carry a SigV4 Authorization header scoped to this region and the
// `lambda` service; the signature itself is not verified (there is no secret to check it with).
//
//   LambdaApi api({.region = "us-east-1"}, &runner);
//   ApiResponse r = api.Handle({.method = "POST", .path = "/2015-03-31/functions", ...});
//
// Operations: CreateFunction, UpdateFunctionCode, GetFunction, GetFunctionConfiguration,
// DeleteFunction, Invoke (RequestResponse and DryRun; run by a FunctionRunner), ListFunctions.
#ifndef TOOLS_FAKE_LAMBDA_LAMBDA_API_H_
#define TOOLS_FAKE_LAMBDA_LAMBDA_API_H_

#include <map>
#include <mutex>
#include <string>

#include "tools/fake_lambda/api_types.h"

namespace lambda::fake {

// Runs a stored function's code for Invoke (the data plane), separate from the control plane so
// the API's tests need no processes.
class FunctionRunner {
 public:
  struct Result {
    bool function_error = false;  // the body is the function's error JSON
    std::string body;
    std::string log_tail;  // the invoke's last 4 KB of logs
  };
  virtual ~FunctionRunner() = default;
  virtual Result Invoke(const StoredFunction& function, const std::string& payload, bool log_tail) = 0;
  // The function's code changed or the function is gone: drop what runs it.
  virtual void Forget(const std::string& name) = 0;
};

struct ApiOptions {
  std::string region = "us-east-1";
  std::string account = "123456789012";  // AWS's documentation account
};

class LambdaApi {
 public:
  LambdaApi(ApiOptions options, FunctionRunner* runner) : options_(std::move(options)), runner_(runner) {}

  // Answers one request; safe to call from several threads.
  ApiResponse Handle(const ApiRequest& request);

  // The functions as they are now (for tests).
  std::map<std::string, StoredFunction> Functions() const;

 private:
  ApiResponse CreateFunction(const ApiRequest& request);
  ApiResponse UpdateFunctionCode(const std::string& name, const ApiRequest& request);
  ApiResponse GetFunction(const std::string& name, bool configuration_only);
  ApiResponse DeleteFunction(const std::string& name);
  ApiResponse Invoke(const std::string& name, const ApiRequest& request);
  ApiResponse ListFunctions();
  ApiError NotFound(const std::string& name) const;
  std::string Arn(const std::string& name) const;

  const ApiOptions options_;
  FunctionRunner* const runner_;
  mutable std::mutex mu_;
  std::map<std::string, StoredFunction> functions_;
  uint64_t revisions_ = 0;
};

}  // namespace lambda::fake

#endif  // TOOLS_FAKE_LAMBDA_LAMBDA_API_H_
