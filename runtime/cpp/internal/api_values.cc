#include "runtime/cpp/internal/api_values.h"

#include <limits>

namespace lambda::internal {

bool UsableRequestId(std::string_view request_id) {
  return !request_id.empty() && request_id != "." && request_id != "..";
}

std::string InvocationPath(std::string_view request_id, std::string_view what) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string path = "/2018-06-01/runtime/invocation/";
  path.reserve(path.size() + request_id.size() + what.size() + 1);
  for (char c : request_id) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) {
      path.push_back(c);
    } else {
      const auto byte = static_cast<unsigned char>(c);
      path.push_back('%');
      path.push_back(kHex[byte >> 4]);
      path.push_back(kHex[byte & 15]);
    }
  }
  path.push_back('/');
  path.append(what);
  return path;
}

std::string HeaderSafe(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if ((c >= 0 && c < 0x20) || c == 0x7f) c = ' ';
  }
  return out;
}

bool ParseDeadlineMs(std::string_view text, int64_t* out) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || text.size() > 19) return false;
  // Accumulate as a negative number: int64's range reaches one further below zero than above.
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    const int digit = c - '0';
    if (value < (std::numeric_limits<int64_t>::min() + digit) / 10) return false;
    value = value * 10 - digit;
  }
  if (!negative) {
    if (value == std::numeric_limits<int64_t>::min()) return false;
    value = -value;
  }
  *out = value;
  return true;
}

}  // namespace lambda::internal
