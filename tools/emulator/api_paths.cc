// Invoke API paths (see api_paths.h).
#include "tools/emulator/api_paths.h"

namespace lambda::emulator {
namespace {

// The segment between PREFIX and SUFFIX, if PATH is exactly PREFIX + one segment + SUFFIX.
std::optional<std::string_view> Segment(std::string_view path, std::string_view prefix, std::string_view suffix) {
  if (path.size() <= prefix.size() + suffix.size()) return std::nullopt;
  if (path.substr(0, prefix.size()) != prefix || path.substr(path.size() - suffix.size()) != suffix) {
    return std::nullopt;
  }
  std::string_view segment = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  if (segment.find('/') != std::string_view::npos) return std::nullopt;
  return segment;
}

}  // namespace

bool PercentDecode(std::string_view text, std::string* out) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  out->clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out->push_back(text[i]);
      continue;
    }
    int high = i + 1 < text.size() ? hex(text[i + 1]) : -1;
    int low = i + 2 < text.size() ? hex(text[i + 2]) : -1;
    if (high < 0 || low < 0) return false;
    out->push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return true;
}

std::optional<InvokePath> ParseInvokePath(std::string_view path) {
  InvokePath parsed;
  std::optional<std::string_view> segment = Segment(path, "/2015-03-31/functions/", "/invocations");
  if (!segment) {
    segment = Segment(path, "/2021-11-15/functions/", "/response-streaming-invocations");
    parsed.call = InvokePath::Call::kInvokeWithResponseStream;
  }
  std::string name;
  if (!segment || !PercentDecode(*segment, &name)) return std::nullopt;
  // A full ARN (arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]) or a partial one
  // (ACCOUNT:function:NAME[:QUALIFIER]): keep what follows ":function:".
  constexpr std::string_view kFunctionMarker = ":function:";
  if (std::size_t at = name.find(kFunctionMarker); at != std::string::npos) name.erase(0, at + kFunctionMarker.size());
  if (std::size_t colon = name.find(':'); colon != std::string::npos) {
    parsed.qualifier = name.substr(colon + 1);
    name.erase(colon);
  }
  if (name.empty()) return std::nullopt;
  parsed.function_name = std::move(name);
  return parsed;
}

}  // namespace lambda::emulator
