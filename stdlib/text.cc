// Out-of-line parts of ruchy/text.h: searching from the end, splitting once, pattern trimming,
// character offsets, UTF-8 validation and the reference's text conversions.
#include "ruchy/text.h"

#include <algorithm>

namespace rt {

namespace {

std::string Utf8Of(char32_t c) {
  std::string out;
  AppendUtf8(out, c);
  return out;
}

std::optional<std::tuple<std::string, std::string>> SplitAt(const std::string& s, size_t pos, size_t sep_size) {
  if (pos == std::string::npos) return std::nullopt;
  return std::make_tuple(s.substr(0, pos), s.substr(pos + sep_size));
}

}  // namespace

std::optional<int64_t> find(const std::string& s, char32_t c) { return find(s, Utf8Of(c)); }

std::optional<int64_t> rfind(const std::string& s, const std::string& part) {
  size_t pos = s.rfind(part);
  if (pos == std::string::npos) return std::nullopt;
  return static_cast<int64_t>(pos);
}

std::optional<int64_t> rfind(const std::string& s, char32_t c) { return rfind(s, Utf8Of(c)); }

std::optional<std::tuple<std::string, std::string>> split_once(const std::string& s, const std::string& sep) {
  return SplitAt(s, s.find(sep), sep.size());
}

std::optional<std::tuple<std::string, std::string>> split_once(const std::string& s, char32_t sep) {
  return split_once(s, Utf8Of(sep));
}

std::optional<std::tuple<std::string, std::string>> rsplit_once(const std::string& s, const std::string& sep) {
  return SplitAt(s, s.rfind(sep), sep.size());
}

std::optional<std::tuple<std::string, std::string>> rsplit_once(const std::string& s, char32_t sep) {
  return rsplit_once(s, Utf8Of(sep));
}

std::vector<std::tuple<int64_t, char32_t>> char_indices(const std::string& s) {
  std::vector<std::tuple<int64_t, char32_t>> out;
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    size_t len = DecodeUtf8At(s, i, &c);
    out.emplace_back(static_cast<int64_t>(i), c);
    i += len;
  }
  return out;
}

std::string trim_start_matches(const std::string& s, const std::string& pattern) {
  if (pattern.empty()) return s;
  size_t start = 0;
  while (s.compare(start, pattern.size(), pattern) == 0 && start + pattern.size() <= s.size()) start += pattern.size();
  return s.substr(start);
}

std::string trim_end_matches(const std::string& s, const std::string& pattern) {
  if (pattern.empty()) return s;
  size_t end = s.size();
  while (end >= pattern.size() && s.compare(end - pattern.size(), pattern.size(), pattern) == 0) end -= pattern.size();
  return s.substr(0, end);
}

std::string trim_matches(const std::string& s, const std::string& pattern) {
  return trim_end_matches(trim_start_matches(s, pattern), pattern);
}

std::string trim_start_matches(const std::string& s, char32_t c) { return trim_start_matches(s, Utf8Of(c)); }
std::string trim_end_matches(const std::string& s, char32_t c) { return trim_end_matches(s, Utf8Of(c)); }
std::string trim_matches(const std::string& s, char32_t c) { return trim_matches(s, Utf8Of(c)); }

namespace {

// Rust's UTF-8 validation (core::str::from_utf8): where the text stops being valid, and how
// many bytes the bad sequence has (0 when the text ends inside a sequence).
struct Utf8Check {
  size_t valid_up_to;
  size_t error_len;
  bool ok;
};

bool IsContinuation(uint8_t b) { return (b & 0xC0) == 0x80; }

Utf8Check CheckUtf8(const std::vector<uint8_t>& v, size_t from) {
  size_t i = from;
  const size_t n = v.size();
  while (i < n) {
    const size_t start = i;
    const uint8_t first = v[i];
    if (first < 0x80) {
      ++i;
      continue;
    }
    const size_t width = first >= 0xC2 && first <= 0xDF ? 2 : first >= 0xE0 && first <= 0xEF ? 3 : first >= 0xF0 && first <= 0xF4 ? 4 : 0;
    if (width == 0) return {start, 1, false};
    if (i + 1 >= n) return {start, 0, false};
    const uint8_t second = v[i + 1];
    bool second_ok = IsContinuation(second);
    if (width == 3) {
      second_ok = (first == 0xE0 && second >= 0xA0 && second <= 0xBF) || (first >= 0xE1 && first <= 0xEC && IsContinuation(second)) ||
                  (first == 0xED && second >= 0x80 && second <= 0x9F) || (first >= 0xEE && IsContinuation(second));
    } else if (width == 4) {
      second_ok = (first == 0xF0 && second >= 0x90 && second <= 0xBF) || (first >= 0xF1 && first <= 0xF3 && IsContinuation(second)) ||
                  (first == 0xF4 && second >= 0x80 && second <= 0x8F);
    }
    if (!second_ok) return {start, 1, false};
    for (size_t k = 2; k < width; ++k) {
      if (i + k >= n) return {start, 0, false};
      if (!IsContinuation(v[i + k])) return {start, k, false};
    }
    i += width;
  }
  return {n, 0, true};
}

}  // namespace

Result<std::string, std::string> from_utf8(const std::vector<uint8_t>& bytes) {
  using R = Result<std::string, std::string>;
  Utf8Check check = CheckUtf8(bytes, 0);
  if (check.ok) return R::Ok(std::string(bytes.begin(), bytes.end()));
  if (check.error_len == 0) return R::Err("incomplete utf-8 byte sequence from index " + std::to_string(check.valid_up_to));
  return R::Err("invalid utf-8 sequence of " + std::to_string(check.error_len) + " bytes from index " +
                std::to_string(check.valid_up_to));
}

std::string from_utf8_lossy(const std::vector<uint8_t>& bytes) {
  std::string out;
  size_t from = 0;
  while (true) {
    Utf8Check check = CheckUtf8(bytes, from);
    out.append(bytes.begin() + from, bytes.begin() + check.valid_up_to);
    if (check.ok) return out;
    AppendUtf8(out, 0xFFFD);
    if (check.error_len == 0) return out;  // the text ends inside a sequence
    from = check.valid_up_to + check.error_len;
  }
}

const char* IntParseMessage(IntParseError e) {
  switch (e) {
    case IntParseError::kNone: return "";
    case IntParseError::kEmpty: return "cannot parse integer from empty string";
    case IntParseError::kInvalidDigit: return "invalid digit found in string";
    case IntParseError::kPosOverflow: return "number too large to fit in target type";
    case IntParseError::kNegOverflow: return "number too small to fit in target type";
  }
  return "";
}

void FailBadRadix(uint32_t radix) {
  Fail(errors::kInvalidArgument, "from_str_radix: the radix must be in 2..=36, found " + std::to_string(radix));
}

int64_t int_from_text(const std::string& s, const char* what) {
  int64_t value = 0;
  if (ParseInteger<int64_t>(s, 10, &value) != IntParseError::kNone) {
    Fail(errors::kParseError, std::string(what) + " cannot parse string: '" + s + "'");
  }
  return value;
}

double float_from_text(const std::string& s, const char* what) {
  Result<double, std::string> r = parse<double>(s);
  if (r.is_err()) Fail(errors::kParseError, std::string(what) + " cannot parse string: '" + s + "'");
  return r.ok_value();
}

int64_t string_to_int(const std::string& s) {
  int64_t value = 0;
  if (ParseInteger<int64_t>(trim(s), 10, &value) != IntParseError::kNone) {
    Fail(errors::kParseError, "Failed to parse '" + s + "' as integer");
  }
  return value;
}

std::string FormatBracesFilled(std::string text, const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    size_t pos = text.find("{}");
    if (pos == std::string::npos) break;
    text.replace(pos, 2, arg);
  }
  return text;
}

bool all_chars(const std::string& s, bool (*test)(char32_t)) {
  std::vector<char32_t> chars = DecodeUtf8(s);
  return std::all_of(chars.begin(), chars.end(), test);
}

}  // namespace rt
