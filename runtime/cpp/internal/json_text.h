// File: runtime/cpp/internal/json_text.h
//
// The only JSON the runtime writes: quoted strings inside small fixed objects (error bodies, log
// lines). A full JSON library would cost every bootstrap its size for this.
#ifndef RUNTIME_CPP_INTERNAL_JSON_TEXT_H_
#define RUNTIME_CPP_INTERNAL_JSON_TEXT_H_

#include <string>
#include <string_view>

namespace lambda::internal {

// Appends TEXT as a JSON string (quotes included). Bytes that are not valid UTF-8 become U+FFFD,
// so the result is always valid JSON.
void AppendJsonString(std::string* out, std::string_view text);

// {"errorMessage":MESSAGE,"errorType":TYPE,"stackTrace":[]}
std::string ErrorBody(std::string_view type, std::string_view message);

}  // namespace lambda::internal

#endif  // RUNTIME_CPP_INTERNAL_JSON_TEXT_H_
