#include "tools/emulator/invocation.h"

namespace lambda::emulator {

bool ParseFraming(std::string_view text, Framing* out) {
  if (text == "content-length") *out = Framing::kContentLength;
  else if (text == "chunked") *out = Framing::kChunked;
  else if (text == "multi-chunk") *out = Framing::kMultiChunk;
  else if (text == "mixed") *out = Framing::kMixed;
  else return false;
  return true;
}

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPending: return "pending";
    case Outcome::kSuccess: return "success";
    case Outcome::kFunctionError: return "function error";
    case Outcome::kTimeout: return "timeout";
    case Outcome::kExitError: return "exit error";
    case Outcome::kInitError: return "init error";
    case Outcome::kTooLarge: return "response too large";
    case Outcome::kCancelled: return "cancelled";
  }
  return "unknown";
}

bool Invocation::Complete(InvokeResult result) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (result_.outcome != Outcome::kPending) return false;
    result_ = std::move(result);
    if (result_.outcome == Outcome::kPending) result_.outcome = Outcome::kCancelled;
  }
  cv_.notify_all();
  return true;
}

bool Invocation::done() const {
  std::lock_guard<std::mutex> lock(mu_);
  return result_.outcome != Outcome::kPending;
}

bool Invocation::Wait(std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mu_);
  return cv_.wait_for(lock, timeout, [this] { return result_.outcome != Outcome::kPending; });
}

InvokeResult Invocation::result() const {
  std::lock_guard<std::mutex> lock(mu_);
  return result_;
}

}  // namespace lambda::emulator
