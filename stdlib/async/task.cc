#include "stdlib/async/task.h"

#include <cstdio>
#include <string>

#include "stdlib/async/loop.h"

namespace rt::async_internal {

void DestroyFrame(std::coroutine_handle<> frame, PromiseBase& promise) noexcept {
  if (frame.done()) {
    frame.destroy();
    return;
  }
  TaskContext* context = promise.context();
  PromiseBase::Teardown teardown;
  promise.teardown_ = &teardown;
  frame.destroy();
  if (!teardown.reached_final) return;  // Freed: the usual case.
  // Cleanup raised: the frame stopped at its final suspension with the error caught. Free it.
  frame.destroy();
  std::string type = "UnknownError", message = "not a std::exception";
  try {
    std::rethrow_exception(teardown.error);
  } catch (const RuntimeError& e) {
    type = e.type();
    message = e.message();
  } catch (const std::exception& e) {
    type = "std::exception";
    message = e.what();
  } catch (...) {
  }
  message += " (raised by cleanup while the task was cancelled)";
  if (context != nullptr && context->loop_or_null() != nullptr) {
    context->loop().ReportUnobservedError(type, message);
  } else {
    std::fprintf(stderr, "rt: unobserved task error: %s: %s\n", type.c_str(), message.c_str());
  }
}

}  // namespace rt::async_internal
