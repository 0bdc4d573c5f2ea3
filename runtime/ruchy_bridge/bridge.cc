// The bridge between a Ruchy handler and the Lambda runtime: main() for Ruchy functions.
//
// The handler file is compiled in handler mode (`ruchy transpile --handler`) into
// lambda::ruchy_entry::Init and ::Invoke (runtime/handler.h). Top-level statements run once, at
// init; a runtime error there is an init error. A runtime error in an invoke (division by zero,
// index out of range, unwrapping None, an uncaught throw) fails that invoke with an errorType
// naming it, and serving goes on.
#include <cstdio>
#include <exception>
#include <optional>

#include "ruchy/core.h"
#include "runtime/handler.h"

namespace {

lambda::Response Invoke(const lambda::Invocation& in) {
  lambda::Response out = lambda::Response::Failure(rt::errors::kInternalError, "no response");
  try {
    out = lambda::ruchy_entry::Invoke(in);
  } catch (const rt::RuntimeError& e) {
    out = lambda::Response::Failure(e.type(), e.described());
  } catch (const std::exception& e) {
    out = lambda::Response::Failure(rt::errors::kInternalError, e.what());
  }
  std::fflush(stdout);  // what the handler printed belongs to this invoke's logs
  return out;
}

std::optional<lambda::InitError> Init() {
  std::optional<lambda::InitError> error;
  try {
    lambda::ruchy_entry::Init();
  } catch (const rt::RuntimeError& e) {
    error = lambda::InitError{e.type(), e.described()};
  } catch (const std::exception& e) {
    error = lambda::InitError{rt::errors::kInternalError, e.what()};
  }
  std::fflush(stdout);
  return error;
}

}  // namespace

int main() { return lambda::Run(Invoke, Init); }
