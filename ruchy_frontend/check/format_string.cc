#include "ruchy_frontend/check/format_string.h"

#include <cctype>

namespace ruchy {

namespace {

bool IsAlign(char c) { return c == '<' || c == '>' || c == '^'; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Digits at `i`, as a number capped well above any sensible width (no overflow on hostile input).
int Number(std::string_view s, size_t& i) {
  int n = 0;
  while (i < s.size() && IsDigit(s[i])) {
    n = n > 100000 ? n : n * 10 + (s[i] - '0');
    ++i;
  }
  return n;
}

}  // namespace

std::optional<FormatSpec> ParseFormatSpec(std::string_view s) {
  FormatSpec spec;
  size_t i = 0;
  if (s.size() >= 2 && IsAlign(s[1]) && static_cast<unsigned char>(s[0]) < 0x80) {
    spec.fill = s[0];
    spec.align = s[1];
    i = 2;
  } else if (!s.empty() && IsAlign(s[0])) {
    spec.align = s[0];
    i = 1;
  }
  if (i < s.size() && s[i] == '+') {
    spec.plus = true;
    ++i;
  }
  if (i < s.size() && s[i] == '0') {
    spec.zero = true;
    ++i;
  }
  if (i < s.size() && IsDigit(s[i])) spec.width = Number(s, i);
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i == s.size() || !IsDigit(s[i])) return std::nullopt;
    spec.precision = Number(s, i);
  }
  if (s.substr(i) == "#?") return spec.kind = '?', spec;
  if (i < s.size() && std::string_view("?xXboe").find(s[i]) != std::string_view::npos) spec.kind = s[i++];
  if (i != s.size()) return std::nullopt;
  return spec;
}

FormatString ParseFormatString(std::string_view f) {
  FormatString out;
  std::string text;
  int next = 0;
  auto flush = [&] {
    if (!text.empty()) out.pieces.push_back({text, -1, ""});
    text.clear();
  };
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] == '{' && i + 1 < f.size() && f[i + 1] == '{') {
      text += '{';
      ++i;
    } else if (f[i] == '}' && i + 1 < f.size() && f[i + 1] == '}') {
      text += '}';
      ++i;
    } else if (f[i] == '{') {
      size_t close = f.find('}', i);
      if (close == std::string_view::npos) {
        text += f.substr(i);
        break;
      }
      std::string_view inside = f.substr(i + 1, close - i - 1);
      size_t colon = inside.find(':');
      std::string_view index = inside.substr(0, colon);
      FormatPiece hole;
      hole.spec = colon == std::string_view::npos ? "" : std::string(inside.substr(colon + 1));
      if (index.empty()) {
        hole.arg = next++;
      } else {
        size_t k = 0;
        int n = Number(index, k);
        if (k != index.size()) {
          if (out.error.empty()) out.error = std::string(inside);
          hole.arg = next++;
        } else {
          hole.arg = n;
          out.explicit_index = true;
        }
      }
      flush();
      out.pieces.push_back(hole);
      ++out.holes;
      if (hole.arg + 1 > out.arguments_needed) out.arguments_needed = hole.arg + 1;
      i = close;
    } else {
      text += f[i];
    }
  }
  flush();
  return out;
}

}  // namespace ruchy
