// File: tools/emulator/invoke_errors.h
//
// The Invoke API's error answers, in Lambda's shape: a JSON body, `x-amzn-ErrorType` naming the
// exception (which AWS SDKs turn into the exception's class), and Lambda's status code.
#ifndef TOOLS_EMULATOR_INVOKE_ERRORS_H_
#define TOOLS_EMULATOR_INVOKE_ERRORS_H_

#include <string>

#include "tools/emulator/http_server.h"

namespace lambda::emulator {

void SendApiError(ResponseWriter& writer, int status, const std::string& type, const std::string& message);
// 413 RequestEntityTooLargeException: the event is over kMaxInvokeRequestBytes.
void SendTooLarge(ResponseWriter& writer);
// 429 TooManyRequestsException, Lambda's throttle body.
void SendThrottled(ResponseWriter& writer);
// The same 429 as raw bytes, for a connection the server has no room for (then closed).
std::string ThrottledResponse();
// 404 ResourceNotFoundException for a function the emulator does not serve, as Lambda words it.
void SendFunctionNotFound(ResponseWriter& writer, const std::string& region, const std::string& name);

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_INVOKE_ERRORS_H_
