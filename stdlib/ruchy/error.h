// `Error`: an errorType and a message. A handler's `Err(e)` is reported to the Runtime API with
// them; the invocation context itself is the runtime's (lambda::Context, runtime/handler.h).
#ifndef RUCHY_STD_ERROR_H_
#define RUCHY_STD_ERROR_H_

#include <cstdint>
#include <string>

namespace rt {

struct Error {
  std::string type = "Error";
  std::string message_value;
  friend bool operator==(const Error& a, const Error& b) {
    return a.type == b.type && a.message_value == b.message_value;
  }
};

inline Error MakeError(std::string message) { return Error{"Error", std::move(message)}; }
inline Error MakeError(std::string type, std::string message) { return Error{std::move(type), std::move(message)}; }
inline std::string message(const Error& e) { return e.message_value; }
inline std::string error_type(const Error& e) { return e.type; }

}  // namespace rt

#endif  // RUCHY_STD_ERROR_H_
