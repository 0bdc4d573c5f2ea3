// File: tools/fake_lambda/function_rules.h
//
// What CreateFunction and UpdateFunctionCode accept, checked in Lambda's order with Lambda's
// error types and messages: the request's size, required members, each member's constraints
// (one ValidationException listing every violation), the runtime, Runtime and Handler for zip
// packages, then the zip itself.
//
// One rule is stricter than Lambda, on purpose: with an OS-only runtime (provided.al2023,
// provided.al2) the zip must hold an executable `bootstrap` at its root. Lambda accepts such an
// upload and then fails every invoke with Runtime.InvalidEntrypoint; here the deploy command
// fails, and the message says so.
#ifndef TOOLS_FAKE_LAMBDA_FUNCTION_RULES_H_
#define TOOLS_FAKE_LAMBDA_FUNCTION_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tools/fake_lambda/api_types.h"

namespace lambda::fake {

// Lambda's limits for code uploaded in the request (ZipFile).
inline constexpr std::size_t kMaxCodeRequestBytes = 70167211;  // the whole request
inline constexpr std::size_t kMaxZippedBytes = 52428800;       // 50 MiB
inline constexpr uint64_t kMaxUnzippedBytes = 262144000;       // 250 MiB
inline constexpr int kMaxTimeoutSeconds = 900;

// The function name of a FunctionName value (a name, or a function ARN), or the violation.
std::optional<ApiError> ParseFunctionName(const std::string& value, std::string* name);

// A CreateFunction body into *out: name, runtime, role, handler, architecture, memory, timeout,
// description, environment and zip (checked with CheckZip).
std::optional<ApiError> ParseCreateFunction(std::string_view body, StoredFunction* out);

// An UpdateFunctionCode body for `current`: the new zip and, when given, the architecture.
std::optional<ApiError> ParseUpdateFunctionCode(std::string_view body, const StoredFunction& current,
                                                std::string* zip, std::string* architecture);

// The deployment package: sizes, a readable zip, and for OS-only runtimes the bootstrap.
std::optional<ApiError> CheckZip(const std::string& zip, const std::string& runtime);

bool IsOsOnlyRuntime(const std::string& runtime);

}  // namespace lambda::fake

#endif  // TOOLS_FAKE_LAMBDA_FUNCTION_RULES_H_
