// The parts of the handler interface that are the same for every runtime.
#include "runtime/handler.h"

#include <time.h>

#include <limits>

namespace lambda {

int64_t Context::RemainingMs() const {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  const int64_t now_ms = static_cast<int64_t>(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
  // The deadline comes from a header the runtime does not control: saturate rather than overflow.
  int64_t left = 0;
  if (__builtin_sub_overflow(deadline_ms, now_ms, &left)) {
    return deadline_ms < 0 ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
  }
  return left;
}

Response Response::Success(std::string body, std::string content_type) {
  Response r;
  r.body_ = std::move(body);
  r.content_type_ = std::move(content_type);
  return r;
}

Response Response::Failure(std::string error_type, std::string error_message) {
  Response r;
  r.ok_ = false;
  r.error_type_ = std::move(error_type);
  r.body_ = std::move(error_message);
  return r;
}

}  // namespace lambda
