// What a Ruchy Lambda handler sees of its invocation: `Context` (request id, deadline, function
// metadata) and `Error` (an errorType and a message, reported to the Runtime API).
#ifndef RUCHY_STD_LAMBDA_H_
#define RUCHY_STD_LAMBDA_H_

#include <cstdint>
#include <string>

namespace rt {

struct Context {
  std::string request_id_value;
  std::string function_name_value;
  std::string function_version_value;
  std::string invoked_function_arn_value;
  std::string log_group_name_value;
  std::string log_stream_name_value;
  std::string trace_id_value;
  int64_t deadline_ms_value = 0;
  int64_t memory_limit_mb_value = 0;
};

int64_t NowUnixMillis();

inline std::string request_id(const Context& c) { return c.request_id_value; }
inline std::string function_name(const Context& c) { return c.function_name_value; }
inline std::string function_version(const Context& c) { return c.function_version_value; }
inline std::string invoked_function_arn(const Context& c) { return c.invoked_function_arn_value; }
inline std::string log_group_name(const Context& c) { return c.log_group_name_value; }
inline std::string log_stream_name(const Context& c) { return c.log_stream_name_value; }
inline std::string trace_id(const Context& c) { return c.trace_id_value; }
inline int64_t deadline_ms(const Context& c) { return c.deadline_ms_value; }
inline int64_t memory_limit_mb(const Context& c) { return c.memory_limit_mb_value; }
inline int64_t remaining_time_ms(const Context& c) {
  int64_t left = c.deadline_ms_value - NowUnixMillis();
  return left < 0 ? 0 : left;
}

struct Error {
  std::string type = "Error";
  std::string message_value;
  friend bool operator==(const Error& a, const Error& b) {
    return a.type == b.type && a.message_value == b.message_value;
  }
};

// What a handler invocation produced: a response body, or an error for the Runtime API.
struct HandlerOutcome {
  bool ok = true;
  std::string body;
  std::string error_type;
  std::string error_message;
  static HandlerOutcome Success(std::string body) { return {true, std::move(body), "", ""}; }
  static HandlerOutcome Failure(std::string type, std::string message) {
    return {false, "", std::move(type), std::move(message)};
  }
};

inline Error MakeError(std::string message) { return Error{"Error", std::move(message)}; }
inline Error MakeError(std::string type, std::string message) { return Error{std::move(type), std::move(message)}; }
inline std::string message(const Error& e) { return e.message_value; }
inline std::string error_type(const Error& e) { return e.type; }

}  // namespace rt

#endif  // RUCHY_STD_LAMBDA_H_
