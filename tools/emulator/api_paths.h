// File: tools/emulator/api_paths.h
//
// Reading the paths of Lambda's Invoke API: which call, and which function. AWS clients put the
// FunctionName parameter into the path percent-encoded, and it may be a name, a name with a
// qualifier (`fn:prod`), or a full or partial ARN (`arn:aws:lambda:us-east-1:123456789012:function:fn`,
// `123456789012:function:fn`); the emulator addresses functions by their plain name.
#ifndef TOOLS_EMULATOR_API_PATHS_H_
#define TOOLS_EMULATOR_API_PATHS_H_

#include <optional>
#include <string>
#include <string_view>

namespace lambda::emulator {

// Decodes %XX escapes; false for a malformed one.
bool PercentDecode(std::string_view text, std::string* out);

struct InvokePath {
  enum class Call {
    kInvoke,                    // POST /2015-03-31/functions/{name}/invocations
    kInvokeWithResponseStream,  // POST /2021-11-15/functions/{name}/response-streaming-invocations
  };
  Call call = Call::kInvoke;
  std::string function_name;  // Decoded, without ARN prefix or qualifier.
  std::string qualifier;      // "" when none was given.
};

// The call and function a request path names, or nullopt if it is not an Invoke API path (or its
// function segment is empty or malformed).
std::optional<InvokePath> ParseInvokePath(std::string_view path);

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_API_PATHS_H_
