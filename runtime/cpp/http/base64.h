// File: runtime/cpp/http/base64.h
//
// Standard base64 (RFC 4648, with padding), as the Lambda APIs use it for client context, log
// tails and streamed error bodies.
#ifndef RUNTIME_CPP_HTTP_BASE64_H_
#define RUNTIME_CPP_HTTP_BASE64_H_

#include <string>
#include <string_view>

namespace lambda::http {

std::string Base64Encode(std::string_view data);
// Decodes DATA into *out; false (and *out unspecified) if it is not valid padded base64.
bool Base64Decode(std::string_view data, std::string* out);

}  // namespace lambda::http

#endif  // RUNTIME_CPP_HTTP_BASE64_H_
