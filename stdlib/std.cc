// Out-of-line parts of the support library: formatting, strings, chars, output and the program
// entry helper.
#include <pthread.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <type_traits>
#include <version>

#include "ruchy/float_text.h"
#include "ruchy/prelude.h"

namespace rt {

[[noreturn]] void Fail(const char* type, std::string message) { throw RuntimeError(type, std::move(message)); }

namespace stack_guard_internal {
namespace {

// This thread's limit (see stack_guard.h), from its stack's bounds; 0 when they are unknown or
// `here` is not on that stack.
std::uintptr_t ThreadStackLimit(std::uintptr_t here) {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* addr = nullptr;
  std::size_t size = 0;
  int rc = pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  auto low = reinterpret_cast<std::uintptr_t>(addr);
  if (rc != 0 || here < low || here - low >= size) return 0;
  if (size > kMaxStackBytes) {
    low += size - kMaxStackBytes;
    size = kMaxStackBytes;
  }
  return low + std::min(kStackReserveBytes, size / 4);
}

}  // namespace

void BelowLimit(const char* function, std::uintptr_t here) {
  if (t_stack_limit == kUnknownLimit) {
    t_stack_limit = ThreadStackLimit(here);
    if (here >= t_stack_limit) return;
  }
  Fail(errors::kStackOverflow,
       std::string("stack overflow in `") + function + "`: the recursion is deeper than the stack allows");
}

}  // namespace stack_guard_internal

void AppendUtf8(std::string& out, char32_t c) {
  uint32_t cp = c;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t DecodeUtf8At(const std::string& s, size_t i, char32_t* c) {
  unsigned char lead = s[i];
  size_t len = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    *c = 0xFFFD;  // invalid byte: the replacement character, as lossy decoding does
    return 1;
  }
  char32_t cp = len == 1 ? lead : len == 2 ? (lead & 0x1F) : len == 3 ? (lead & 0x0F) : (lead & 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *c = cp;
  return len;
}

std::vector<char32_t> DecodeUtf8(const std::string& s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    i += DecodeUtf8At(s, i, &c);
    out.push_back(c);
  }
  return out;
}

std::string EncodeUtf8(const std::vector<char32_t>& chars) {
  std::string out;
  for (char32_t c : chars) AppendUtf8(out, c);
  return out;
}

namespace {

template <class F>
void AppendFloatDigits(std::string& out, F v) {
  if (std::isnan(v)) {
    out += "NaN";
    return;
  }
  if (std::isinf(v)) {
    out += v < 0 ? "-inf" : "inf";
    return;
  }
  if constexpr (std::is_same_v<F, double>) {
    AppendShortestFloat(out, v, FloatForm::kFixed);
  } else {
    // f32 keeps std::to_chars: float_text's shortest digits are a double's. Only programs that
    // print an f32 link it.
    char buf[400];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    out.append(buf, res.ptr - buf);
  }
}

}  // namespace

void AppendFloatPlain(std::string& out, double v) { AppendFloatDigits(out, v); }
void AppendFloatPlain(std::string& out, float v) { AppendFloatDigits(out, v); }

void AppendFloat(std::string& out, double v) {
  size_t start = out.size();
  AppendFloatDigits(out, v);
  std::string_view text(out.data() + start, out.size() - start);
  if (std::isfinite(v) && text.find('.') == std::string_view::npos) out += ".0";
}

void AppendQuoted(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\0': out += "\\0"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char esc[12];
          std::snprintf(esc, sizeof esc, "\\u{%x}", c);
          out += esc;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void AppendError(std::string& out, const Error& e) { out += e.message_value; }

std::string ApplySpec(std::string text, const FormatSpec& spec, bool numeric) {
  if (spec.width < 0 || static_cast<int>(DecodeUtf8(text).size()) >= spec.width) return text;
  size_t pad = spec.width - DecodeUtf8(text).size();
  if (spec.zero && numeric && !spec.align) {
    size_t sign = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
    return text.substr(0, sign) + std::string(pad, '0') + text.substr(sign);
  }
  char align = spec.align ? spec.align : (numeric ? '>' : '<');
  std::string fill;
  AppendUtf8(fill, static_cast<unsigned char>(spec.fill));
  auto repeat = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += fill;
    return s;
  };
  if (align == '<') return text + repeat(pad);
  if (align == '>') return repeat(pad) + text;
  return repeat(pad / 2) + text + repeat(pad - pad / 2);
}

std::string FormatFloat(double v, const FormatSpec& spec) {
  std::string out;
  if (spec.kind == 'e') {
    if (spec.precision >= 0) {
      AppendFloatWithPrecision(out, v, FloatForm::kScientific, spec.precision);
    } else {
      AppendShortestFloat(out, v, FloatForm::kScientific);
    }
    // Rust writes 1.5e3, not 1.5e+03.
    size_t e = out.find('e');
    if (e != std::string::npos) {
      std::string exp = out.substr(e + 1);
      bool negative = !exp.empty() && exp[0] == '-';
      size_t digits = exp.find_first_not_of("+-0");
      out = out.substr(0, e + 1) + (negative ? "-" : "") + (digits == std::string::npos ? "0" : exp.substr(digits));
    }
  } else if (spec.precision >= 0 && std::isfinite(v)) {
    AppendFloatWithPrecision(out, v, FloatForm::kFixed, spec.precision);
  } else {
    AppendFloat(out, v);
  }
  if (spec.plus && v >= 0) out = "+" + out;
  return out;
}

std::string FormatInteger(int64_t v, bool is_unsigned, const FormatSpec& spec) {
  std::string out;
  int base = spec.kind == 'x' || spec.kind == 'X' ? 16 : spec.kind == 'b' ? 2 : spec.kind == 'o' ? 8 : 10;
  char buf[80];
  std::to_chars_result res;
  if (is_unsigned || base != 10) {
    res = std::to_chars(buf, buf + sizeof buf, static_cast<uint64_t>(v), base);
  } else {
    res = std::to_chars(buf, buf + sizeof buf, v, base);
  }
  out.assign(buf, res.ptr);
  if (spec.kind == 'X') {
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (spec.kind == 'e') {
    FormatSpec f = spec;
    return FormatFloat(static_cast<double>(v), f);
  }
  if (spec.plus && v >= 0) out = "+" + out;
  return out;
}

// Output goes through one buffer per stream (stdio is fully buffered when not a terminal).
void WriteOut(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }
void WriteErr(const std::string& s) {
  std::fflush(stdout);
  std::fwrite(s.data(), 1, s.size(), stderr);
}

std::string DebugString(const std::string& s) {
  std::string out;
  AppendQuoted(out, s);
  return out;
}

// ---- strings ----
// Indices and slices of strings are UTF-8 byte offsets (as `len` and `find` are); an offset inside
// a character is the runtime error Ruchy.StringIndex. `substring` and `char_at` count characters.
namespace {

bool IsCharBoundary(const std::string& s, size_t i) {
  return i == 0 || i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

void CheckCharBoundary(const std::string& s, int64_t i) {
  if (!IsCharBoundary(s, static_cast<size_t>(i))) {
    Fail(rt::errors::kStringIndex, "byte index " + std::to_string(i) + " is inside a character of a " +
                                  std::to_string(s.size()) + "-byte string");
  }
}

}  // namespace

std::string at(const std::string& s, int64_t i) {
  int64_t start = CheckIndex(i, s.size());
  CheckCharBoundary(s, start);
  size_t end = static_cast<size_t>(start) + 1;
  while (!IsCharBoundary(s, end)) ++end;
  return s.substr(static_cast<size_t>(start), end - static_cast<size_t>(start));
}

std::string slice(const std::string& s, int64_t lo, int64_t hi, bool inclusive) {
  SliceBounds(static_cast<int64_t>(s.size()), lo, hi, inclusive);
  CheckCharBoundary(s, lo);
  CheckCharBoundary(s, hi);
  return s.substr(static_cast<size_t>(lo), static_cast<size_t>(hi - lo));
}

std::string substring(const std::string& s, int64_t lo, int64_t hi) {
  std::vector<char32_t> chars = DecodeUtf8(s);
  SliceBounds(static_cast<int64_t>(chars.size()), lo, hi);
  return EncodeUtf8(std::vector<char32_t>(chars.begin() + lo, chars.begin() + hi));
}

char32_t char_at(const std::string& s, int64_t i) {
  std::vector<char32_t> chars = DecodeUtf8(s);
  return chars[CheckIndex(i, chars.size())];
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  if (sep.empty()) {
    // Like Rust: "", then every character, then "".
    out.emplace_back();
    for (char32_t c : DecodeUtf8(s)) {
      std::string one;
      AppendUtf8(one, c);
      out.push_back(one);
    }
    out.emplace_back();
    return out;
  }
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    if (pos == std::string::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + sep.size();
  }
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out = split(s, "\n");
  if (!out.empty() && out.back().empty()) out.pop_back();
  for (std::string& line : out) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
  }
  return out;
}

std::vector<char32_t> chars(const std::string& s) { return DecodeUtf8(s); }

std::vector<uint8_t> bytes(const std::string& s) { return std::vector<uint8_t>(s.begin(), s.end()); }

bool contains(const std::string& s, char32_t c) {
  std::string one;
  AppendUtf8(one, c);
  return s.find(one) != std::string::npos;
}

bool starts_with(const std::string& s, char32_t c) {
  std::string one;
  AppendUtf8(one, c);
  return starts_with(s, one);
}

bool ends_with(const std::string& s, char32_t c) {
  std::string one;
  AppendUtf8(one, c);
  return ends_with(s, one);
}

std::string replace(const std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  std::string out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(from, start);
    if (pos == std::string::npos) break;
    out.append(s, start, pos - start);
    out += to;
    start = pos + from.size();
  }
  out.append(s, start, std::string::npos);
  return out;
}

std::string repeat(const std::string& s, int64_t n) {
  std::string out;
  if (n <= 0) return out;  // as the reference: `"ab" * -2` is ""
  // A count whose result no program could hold is a clear error, not an allocation that fails
  // (or a size that wraps) somewhere below.
  if (!s.empty() && static_cast<uint64_t>(n) > kMaxRepeatedStringBytes / s.size()) {
    Fail(errors::kInvalidArgument, "repeating a " + std::to_string(s.size()) + "-byte string " + std::to_string(n) +
                                       " times would make more than " + std::to_string(kMaxRepeatedStringBytes) +
                                       " bytes");
  }
  out.reserve(s.size() * static_cast<uint64_t>(n));
  for (int64_t i = 0; i < n; ++i) out += s;
  return out;
}

std::optional<int64_t> find(const std::string& s, const std::string& part) {
  size_t pos = s.find(part);
  if (pos == std::string::npos) return std::nullopt;
  return static_cast<int64_t>(pos);
}

std::optional<std::string> strip_prefix(const std::string& s, const std::string& p) {
  if (!starts_with(s, p)) return std::nullopt;
  return s.substr(p.size());
}

std::optional<std::string> strip_suffix(const std::string& s, const std::string& p) {
  if (!ends_with(s, p)) return std::nullopt;
  return s.substr(0, s.size() - p.size());
}

void push_char(std::string& s, char32_t c) { AppendUtf8(s, c); }

std::string reversed(const std::string& s) {
  std::vector<char32_t> chars = DecodeUtf8(s);
  std::reverse(chars.begin(), chars.end());
  return EncodeUtf8(chars);
}

namespace {

#if defined(__cpp_lib_to_chars)  // libstdc++: std::from_chars for double.

// Parses all of [first, last) as std::from_chars(..., chars_format::general) does; false if it
// is not a number or is out of range.
bool ParseWholeDouble(const char* first, const char* last, double& out) {
  auto res = std::from_chars(first, last, out);
  return res.ec == std::errc() && res.ptr == last;
}

#else  // libc++ 14 (the musl toolchains) has no floating-point std::from_chars.

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool EqualsIgnoringCase(const char* first, const char* last, const char* word) {
  for (; first != last && *word; ++first, ++word) {
    if ((*first | 0x20) != *word) return false;
  }
  return first == last && *word == '\0';
}

// The same grammar and range rules as std::from_chars(..., chars_format::general): [-] then
// inf, infinity, nan or nan(chars) in any case, or digits with an optional point (one digit at
// least) and an optional exponent; no leading '+', spaces or hex. Out of range (overflow, or a
// nonzero number that rounds to zero) is an error. Checked here, then converted by strtod, which
// rounds correctly (musl's and glibc's) and reads '.' in the C locale that Ruchy programs run in.
bool ParseWholeDouble(const char* first, const char* last, double& out) {
  const char* p = first;
  if (p != last && *p == '-') ++p;
  const char* body = p;
  bool special = EqualsIgnoringCase(body, last, "inf") || EqualsIgnoringCase(body, last, "infinity") ||
                 EqualsIgnoringCase(body, last, "nan");
  if (!special && last - body >= 5 && EqualsIgnoringCase(body, body + 4, "nan(") && last[-1] == ')') {
    special = true;
    for (const char* q = body + 4; q != last - 1; ++q) {
      if (!IsDigit(*q) && !((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z') && *q != '_') special = false;
    }
  }
  bool nonzero = false;
  if (!special) {
    size_t digits = 0;
    for (; p != last && IsDigit(*p); ++p, ++digits) nonzero |= *p != '0';
    if (p != last && *p == '.') {
      for (++p; p != last && IsDigit(*p); ++p, ++digits) nonzero |= *p != '0';
    }
    if (digits == 0) return false;
    if (p != last && (*p == 'e' || *p == 'E')) {
      ++p;
      if (p != last && (*p == '+' || *p == '-')) ++p;
      if (p == last || !IsDigit(*p)) return false;
      while (p != last && IsDigit(*p)) ++p;
    }
    if (p != last) return false;
  }
  std::string text(first, last);  // strtod needs the terminating NUL.
  out = std::strtod(text.c_str(), nullptr);
  if (special) return true;
  return !std::isinf(out) && !(out == 0 && nonzero);
}

#endif

}  // namespace

template <>
Result<double, std::string> parse<double>(const std::string& s) {
  using R = Result<double, std::string>;
  if (s == "inf" || s == "+inf" || s == "infinity") return R::Ok(INFINITY);
  if (s == "-inf" || s == "-infinity") return R::Ok(-INFINITY);
  if (s == "NaN") return R::Ok(NAN);
  const char* begin = s.data();
  if (!s.empty() && *begin == '+') ++begin;
  double v = 0;
  if (s.empty() || !ParseWholeDouble(begin, s.data() + s.size(), v)) return R::Err("invalid float literal");
  return R::Ok(v);
}

template <>
Result<bool, std::string> parse<bool>(const std::string& s) {
  using R = Result<bool, std::string>;
  if (s == "true") return R::Ok(true);
  if (s == "false") return R::Ok(false);
  return R::Err("provided string was not `true` or `false`");
}

template <>
Result<char32_t, std::string> parse<char32_t>(const std::string& s) {
  using R = Result<char32_t, std::string>;
  std::vector<char32_t> chars = DecodeUtf8(s);
  if (chars.size() != 1) return R::Err(chars.empty() ? "cannot parse char from empty string" : "too many characters in string");
  return R::Ok(chars[0]);
}

// ---- chars (the Unicode classes and case mappings are in unicode.cc) ----
std::optional<uint32_t> to_digit(char32_t c, uint32_t radix) {
  uint32_t v;
  if (c >= '0' && c <= '9') v = c - '0';
  else if (c >= 'a' && c <= 'z') v = c - 'a' + 10;
  else if (c >= 'A' && c <= 'Z') v = c - 'A' + 10;
  else return std::nullopt;
  if (v >= radix) return std::nullopt;
  return v;
}

bool is_digit(char32_t c, uint32_t radix) { return to_digit(c, radix).has_value(); }

namespace {
std::vector<std::string>& ArgsStorage() {
  static auto* args = new std::vector<std::string>();
  return *args;
}
}  // namespace

const std::vector<std::string>& Args() { return ArgsStorage(); }

int RunProgram(int argc, char** argv, void (*body)()) {
  for (int i = 0; i < argc; ++i) ArgsStorage().push_back(argv[i]);
  static char out_buffer[1 << 16];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  try {
    body();
  } catch (const RuntimeError& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "Error: %s\n", e.described().c_str());
    return 1;
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace rt
