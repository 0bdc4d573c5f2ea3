#include "runtime/cpp/internal/json_text.h"

#include <cstdint>

namespace lambda::internal {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0.
std::size_t Utf8Length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<uint8_t>(s[k]); };
  uint8_t b = byte(i);
  std::size_t n;
  uint32_t min;
  if (b < 0x80) return 1;
  if ((b & 0xE0) == 0xC0) { n = 2; min = 0x80; }
  else if ((b & 0xF0) == 0xE0) { n = 3; min = 0x800; }
  else if ((b & 0xF8) == 0xF0) { n = 4; min = 0x10000; }
  else return 0;
  if (i + n > s.size()) return 0;
  uint32_t cp = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    switch (c) {
      case '"': out->append("\\\""); ++i; continue;
      case '\\': out->append("\\\\"); ++i; continue;
      case '\n': out->append("\\n"); ++i; continue;
      case '\r': out->append("\\r"); ++i; continue;
      case '\t': out->append("\\t"); ++i; continue;
      default: break;
    }
    auto u = static_cast<uint8_t>(c);
    if (u < 0x20) {
      out->append("\\u00");
      out->push_back(kHex[u >> 4]);
      out->push_back(kHex[u & 15]);
      ++i;
      continue;
    }
    std::size_t n = Utf8Length(text, i);
    if (n == 0) {
      out->append("\xEF\xBF\xBD");  // U+FFFD for a byte that is not UTF-8.
      ++i;
      continue;
    }
    out->append(text.substr(i, n));
    i += n;
  }
  out->push_back('"');
}

std::string ErrorBody(std::string_view type, std::string_view message) {
  std::string out = "{\"errorMessage\":";
  AppendJsonString(&out, message);
  out.append(",\"errorType\":");
  AppendJsonString(&out, type);
  out.append(",\"stackTrace\":[]}");
  return out;
}

}  // namespace lambda::internal
