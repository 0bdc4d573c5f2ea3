// The bridge between a Ruchy handler and the Lambda runtime: main() for Ruchy functions.
//
// The handler file is compiled in handler mode (`ruchy transpile --handler`), which defines the
// two entry points below. Top-level statements run once, at init; a runtime error there is an
// init error. A runtime error in an invoke (division by zero, index out of range, unwrapping
// None, an uncaught throw) fails that invoke with an errorType naming it, and serving goes on.
#include <exception>
#include <optional>
#include <string>

#include "ruchy/prelude.h"
#include "runtime/cpp/lambda_runtime.h"

void ruchy_handler_init();
rt::HandlerOutcome ruchy_handler_invoke(const std::string& event, const rt::Context& ctx);

namespace {

rt::Context ToRuchy(const lambda::Context& c) {
  rt::Context out;
  out.request_id_value = c.request_id;
  out.function_name_value = c.function_name;
  out.function_version_value = c.function_version;
  out.invoked_function_arn_value = c.function_arn;
  out.log_group_name_value = c.log_group_name;
  out.log_stream_name_value = c.log_stream_name;
  out.trace_id_value = c.trace_id;
  out.deadline_ms_value = c.deadline_ms;
  out.memory_limit_mb_value = c.memory_limit_mb;
  return out;
}

lambda::Response Invoke(const lambda::Invocation& in) {
  try {
    rt::HandlerOutcome out = ruchy_handler_invoke(in.payload, ToRuchy(in.context));
    std::fflush(stdout);  // what the handler printed belongs to this invoke's logs
    if (!out.ok) return lambda::Response::Failure(out.error_type, out.error_message);
    return lambda::Response::Success(std::move(out.body));
  } catch (const rt::RuntimeError& e) {
    std::fflush(stdout);
    return lambda::Response::Failure(e.type(), e.message());
  } catch (const std::exception& e) {
    std::fflush(stdout);
    return lambda::Response::Failure("Ruchy.InternalError", e.what());
  }
}

std::optional<lambda::InitError> Init() {
  try {
    ruchy_handler_init();
  } catch (const rt::RuntimeError& e) {
    return lambda::InitError{e.type(), e.message()};
  } catch (const std::exception& e) {
    return lambda::InitError{"Ruchy.InternalError", e.what()};
  }
  std::fflush(stdout);
  return std::nullopt;
}

}  // namespace

int main() { return lambda::Run(Invoke, Init); }
