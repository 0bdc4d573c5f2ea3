// More string built-ins: searching from the end, splitting once, trimming patterns, character
// offsets, UTF-8 validation, integer parsing in any radix, and the reference interpreter's
// conversions (`int`, `float`, `bool`, `str`) and string helpers (`format`, `append`, `to_int`).
// Offsets are byte offsets into the UTF-8 text, as `find` and `len` are (LANGUAGE.md).
#ifndef RUCHY_STD_TEXT_H_
#define RUCHY_STD_TEXT_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "ruchy/collections.h"
#include "ruchy/int_parse.h"
#include "ruchy/json.h"

namespace rt {

// ---- searching and splitting (byte offsets) ----
std::optional<int64_t> find(const std::string& s, char32_t c);
std::optional<int64_t> rfind(const std::string& s, const std::string& part);
std::optional<int64_t> rfind(const std::string& s, char32_t c);
std::optional<std::tuple<std::string, std::string>> split_once(const std::string& s, const std::string& sep);
std::optional<std::tuple<std::string, std::string>> split_once(const std::string& s, char32_t sep);
std::optional<std::tuple<std::string, std::string>> rsplit_once(const std::string& s, const std::string& sep);
std::optional<std::tuple<std::string, std::string>> rsplit_once(const std::string& s, char32_t sep);
// Each character with the byte offset it starts at.
std::vector<std::tuple<int64_t, char32_t>> char_indices(const std::string& s);

// ---- trimming a pattern: every repetition at the start, the end, or both ----
std::string trim_start_matches(const std::string& s, const std::string& pattern);
std::string trim_end_matches(const std::string& s, const std::string& pattern);
std::string trim_matches(const std::string& s, const std::string& pattern);
std::string trim_start_matches(const std::string& s, char32_t c);
std::string trim_end_matches(const std::string& s, char32_t c);
std::string trim_matches(const std::string& s, char32_t c);

// ---- UTF-8 ----
// `String::from_utf8(bytes)`: Err carries Rust's message ("invalid utf-8 sequence of 1 bytes
// from index 2", "incomplete utf-8 byte sequence from index 5").
Result<std::string, std::string> from_utf8(const std::vector<uint8_t>& bytes);
// `String::from_utf8_lossy(bytes)`: each invalid sequence becomes U+FFFD, as Rust does.
std::string from_utf8_lossy(const std::vector<uint8_t>& bytes);

// ---- integers from text (ParseInteger: int_parse.h) ----
// The Ruchy name of an integer type (`u8`); isize and usize share i64's and u64's C++ types.
template <class T>
constexpr const char* IntTypeName() {
  constexpr int bits = sizeof(T) * 8;
  if constexpr (std::is_signed_v<T>) {
    return bits == 8 ? "i8" : bits == 16 ? "i16" : bits == 32 ? "i32" : "i64";
  } else {
    return bits == 8 ? "u8" : bits == 16 ? "u16" : bits == 32 ? "u32" : "u64";
  }
}

[[noreturn]] void FailBadRadix(uint32_t radix);

// `u8::from_str_radix(text, radix)`: Err names the call, the input and Rust's reason. A radix
// outside 2..=36 is the runtime error Ruchy.InvalidArgument (Rust panics).
template <class T>
Result<T, std::string> from_str_radix(const std::string& s, uint32_t radix) {
  if (radix < 2 || radix > 36) FailBadRadix(radix);
  T value = 0;
  IntParseError e = ParseInteger<T>(s, radix, &value);
  if (e == IntParseError::kNone) return Result<T, std::string>::Ok(value);
  return Result<T, std::string>::Err(std::string(IntTypeName<T>()) + "::from_str_radix(" + DebugString(s) + ", " +
                                      std::to_string(radix) + "): " + IntParseMessage(e));
}

// ---- the reference interpreter's conversions and string helpers ----
// `int(x)`, `parse_int(s)`, `s.to_int()`: the runtime error Ruchy.ParseError names the text.
int64_t int_from_text(const std::string& s, const char* what);
double float_from_text(const std::string& s, const char* what);
template <class T>
int64_t to_int(const T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    return int_from_text(v, "int()");
  } else if constexpr (std::is_floating_point_v<T>) {
    return cast<int64_t>(v);
  } else {
    return static_cast<int64_t>(v);  // integers and bool
  }
}
template <class T>
double to_float(const T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    return float_from_text(v, "float()");
  } else {
    return static_cast<double>(v);
  }
}
// `bool(x)`: the reference's truthiness: false for false, 0, 0.0, "", [] and nil; true otherwise.
template <class T>
bool truthy(const T& v) {
  if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, Bool>) {
    return static_cast<bool>(v);
  } else if constexpr (std::is_arithmetic_v<T>) {
    return v != 0;
  } else if constexpr (std::is_same_v<T, std::string> || IsVector<T>::value) {
    return !v.empty();
  } else if constexpr (std::is_same_v<T, Unit>) {
    return false;
  } else {
    return true;
  }
}
// `type_of(x)`, `type(x)`, `typeof(x)`: the reference's name for the kind of value (its
// Value::type_name): a char is a "string" there, Option and Result values are "enum_variant".
template <class T>
std::string type_of(const T& v) {
  if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, Bool>) return "boolean";
  else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, char32_t>) return "integer";
  else if constexpr (std::is_floating_point_v<T>) return "float";
  else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, char32_t>) return "string";
  else if constexpr (std::is_same_v<T, Unit>) return "nil";
  else if constexpr (IsVector<T>::value) return "array";
  else if constexpr (IsTuple<T>::value) return "tuple";
  else if constexpr (IsRange<T>::value) return "range";
  else if constexpr (IsFunction<T>::value || requires { &T::operator(); }) return "function";  // closures too
  else if constexpr (IsSharedPtr<T>::value) return "class";
  else if constexpr (IsOptional<T>::value || IsResult<T>::value || requires { typename T::Tag; }) return "enum_variant";
  else if constexpr (std::is_same_v<T, Json>) {
    switch (v.kind()) {
      case Json::Kind::kNull: return "nil";
      case Json::Kind::kBool: return "boolean";
      case Json::Kind::kInt: return "integer";
      case Json::Kind::kFloat: return "float";
      case Json::Kind::kString: return "string";
      case Json::Kind::kArray: return "array";
      case Json::Kind::kObject: return "object";
    }
    return "object";
  } else if constexpr (IsMap<T>::value || IsSet<T>::value || std::is_same_v<T, Error>) return "object";
  else return "struct";
}

// `is_nil(x)`: only unit is nil in a typed program (`None` is not, as in the reference).
template <class T>
bool is_nil(const T&) {
  return std::is_same_v<T, Unit>;
}

// `"{} and {}".format(a, b)`: each argument replaces the first `{}` left in the text so far (an
// argument's own `{}` included), as the reference does; extra arguments are ignored.
std::string FormatBracesFilled(std::string text, const std::vector<std::string>& args);
template <class... A>
std::string format_braces(const std::string& text, const A&... args) {
  return FormatBracesFilled(text, {ToString(args)...});
}
inline std::string append(const std::string& s, const std::string& more) { return s + more; }
// `s.is_numeric()` and friends on strings: every character is one (true for "").
bool all_chars(const std::string& s, bool (*test)(char32_t));
// `s.to_int()`: the reference trims, then parses an i64.
int64_t string_to_int(const std::string& s);

}  // namespace rt

#endif  // RUCHY_STD_TEXT_H_
