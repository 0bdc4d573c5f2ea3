// How values print, following the reference interpreter: top-level strings raw, strings inside
// containers quoted, floats in shortest round-trip form with `.0` on whole numbers, maps and
// structs with sorted keys, `nil` for unit. `Display` is `{}` / println; `Debug` is `{:?}` and
// what containers use for their elements.
#ifndef RUCHY_STD_DISPLAY_H_
#define RUCHY_STD_DISPLAY_H_

#include <algorithm>
#include <string>

#include "ruchy/core.h"

namespace rt {

class Json;
struct Error;

void AppendUtf8(std::string& out, char32_t c);
void AppendFloat(std::string& out, double v);
// Rust's `{}` of a float: shortest round-trip digits, no exponent, and no `.0` on whole numbers.
void AppendFloatPlain(std::string& out, double v);
void AppendFloatPlain(std::string& out, float v);
void AppendQuoted(std::string& out, const std::string& s);
void AppendJson(std::string& out, const Json& j);
void AppendError(std::string& out, const Error& e);

template <class T>
void Debug(std::string& out, const T& v);

inline void Display(std::string& out, const std::string& s) { out += s; }
inline void Display(std::string& out, const char* s) { out += s; }
inline void Display(std::string& out, char32_t c) { AppendUtf8(out, c); }
template <class T>
void Display(std::string& out, const T& v) {
  Debug(out, v);
}

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsVector : std::false_type {};
template <class T, class A>
struct IsVector<std::vector<T, A>> : std::true_type {};
template <class T>
struct IsSharedPtr : std::false_type {};
template <class T>
struct IsSharedPtr<std::shared_ptr<T>> : std::true_type {};
template <class T>
struct IsTuple : std::false_type {};
template <class... T>
struct IsTuple<std::tuple<T...>> : std::true_type {};
template <class T>
struct IsRange : std::false_type {};
template <class T>
struct IsRange<Range<T>> : std::true_type {};
template <class T>
struct IsMap : std::false_type {};
template <class K, class V, class H, class E, class A>
struct IsMap<std::unordered_map<K, V, H, E, A>> : std::true_type {};
template <class T>
struct IsSet : std::false_type {};
template <class K, class H, class E, class A>
struct IsSet<std::unordered_set<K, H, E, A>> : std::true_type {};
template <class T>
struct IsFunction : std::false_type {};
template <class T>
struct IsFunction<std::function<T>> : std::true_type {};

// Sorted snapshot of a map's or set's keys: iteration and printing are deterministic.
template <class M>
auto SortedKeys(const M& m) {
  std::vector<typename M::key_type> keys;
  keys.reserve(m.size());
  for (const auto& kv : m) {
    if constexpr (IsMap<M>::value) {
      keys.push_back(kv.first);
    } else {
      keys.push_back(kv);
    }
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Map keys print bare when they are strings (`{a: 1}`), like the reference.
template <class K>
void DisplayKey(std::string& out, const K& k) {
  if constexpr (std::is_same_v<K, std::string>) {
    out += k;
  } else {
    Debug(out, k);
  }
}

template <class T>
void Debug(std::string& out, const T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    AppendQuoted(out, v);
  } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, Bool>) {
    out += static_cast<bool>(v) ? "true" : "false";
  } else if constexpr (std::is_same_v<T, char32_t>) {
    out += '\'';
    AppendUtf8(out, v);
    out += '\'';
  } else if constexpr (std::is_same_v<T, Unit>) {
    out += "nil";
  } else if constexpr (std::is_integral_v<T>) {
    out += std::to_string(v);
  } else if constexpr (std::is_floating_point_v<T>) {
    AppendFloat(out, static_cast<double>(v));
  } else if constexpr (std::is_same_v<T, Json>) {
    AppendJson(out, v);
  } else if constexpr (std::is_same_v<T, Error>) {
    AppendError(out, v);
  } else if constexpr (IsOptional<T>::value) {
    if (v) {
      out += "Some(";
      Debug(out, *v);
      out += ')';
    } else {
      out += "None";
    }
  } else if constexpr (IsResult<T>::value) {
    out += v.is_ok() ? "Ok(" : "Err(";
    if (v.is_ok()) {
      Debug(out, v.ok_value());
    } else {
      Debug(out, v.err_value());
    }
    out += ')';
  } else if constexpr (IsVector<T>::value) {
    out += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      Debug(out, v[i]);
    }
    out += ']';
  } else if constexpr (IsTuple<T>::value) {
    out += '(';
    std::apply(
        [&](const auto&... e) {
          size_t i = 0;
          ((out += (i++ ? ", " : ""), Debug(out, e)), ...);
        },
        v);
    out += ')';
  } else if constexpr (IsRange<T>::value) {
    Debug(out, v.lo);
    out += v.inclusive ? "..=" : "..";
    Debug(out, v.hi);
  } else if constexpr (IsMap<T>::value) {
    out += '{';
    bool first = true;
    for (const auto& k : SortedKeys(v)) {
      if (!first) out += ", ";
      first = false;
      DisplayKey(out, k);
      out += ": ";
      Debug(out, v.at(k));
    }
    out += '}';
  } else if constexpr (IsSet<T>::value) {
    out += '{';
    bool first = true;
    for (const auto& k : SortedKeys(v)) {
      if (!first) out += ", ";
      first = false;
      Debug(out, k);
    }
    out += '}';
  } else if constexpr (IsSharedPtr<T>::value) {
    if (!v) {
      out += "nil";
    } else {
      RuchyDebug(out, *v);
    }
  } else if constexpr (IsFunction<T>::value) {
    out += "<function>";
  } else {
    RuchyDebug(out, v);  // generated structs and enums (found by ADL)
  }
}

template <class T>
std::string ToString(const T& v) {
  std::string out;
  Display(out, v);
  return out;
}

template <class T>
std::string DebugToString(const T& v) {
  std::string out;
  Debug(out, v);
  return out;
}

// Concatenates the Display forms: f-strings and format strings compile to this.
template <class... A>
std::string cat(const A&... parts) {
  std::string out;
  (Display(out, parts), ...);
  return out;
}

// A `{value:spec}` hole: [[fill]align][+][0][width][.precision][?|x|X|b|o|e]
struct FormatSpec {
  char fill = ' ';
  char align = 0;  // '<', '>', '^' or 0 (numbers right, others left)
  bool plus = false;
  bool zero = false;
  int width = -1;
  int precision = -1;
  char kind = 0;  // '?', 'x', 'X', 'b', 'o', 'e' or 0
};

std::string ApplySpec(std::string text, const FormatSpec& spec, bool numeric);
std::string FormatFloat(double v, const FormatSpec& spec);
std::string FormatInteger(int64_t v, bool is_unsigned, const FormatSpec& spec);

// Rust's precision on a string keeps that many characters: cutting bytes could split one.
inline void KeepChars(std::string& text, size_t chars) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char && seen++ == chars) {
      text.resize(i);
      return;
    }
  }
}

template <class T>
std::string fmt(const T& v, const FormatSpec& spec) {
  if constexpr (std::is_floating_point_v<T>) {
    if (spec.kind != '?') return ApplySpec(FormatFloat(static_cast<double>(v), spec), spec, true);
  } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char32_t>) {
    // (char32_t is an integral type in C++, but a Ruchy char formats as text.)
    if (spec.kind != '?') {
      return ApplySpec(FormatInteger(static_cast<int64_t>(v), std::is_unsigned_v<T>, spec), spec, true);
    }
  }
  std::string text = spec.kind == '?' ? DebugToString(v) : ToString(v);
  if (spec.precision >= 0 && std::is_same_v<T, std::string> && spec.kind != '?') {
    KeepChars(text, static_cast<size_t>(spec.precision));
  }
  return ApplySpec(std::move(text), spec, false);
}

// ---- output ----
void WriteOut(const std::string& s);
void WriteErr(const std::string& s);

template <class... A>
void JoinDisplay(std::string& out, const A&... parts) {
  size_t i = 0;
  ((out += (i++ ? " " : ""), Display(out, parts)), ...);
}

template <class... A>
void println(const A&... parts) {
  std::string line;
  JoinDisplay(line, parts...);
  line += '\n';
  WriteOut(line);
}

template <class... A>
void print(const A&... parts) {
  std::string line;
  JoinDisplay(line, parts...);
  WriteOut(line);
}

template <class... A>
void eprintln(const A&... parts) {
  std::string line;
  JoinDisplay(line, parts...);
  line += '\n';
  WriteErr(line);
}

template <class... A>
void eprint(const A&... parts) {
  std::string line;
  JoinDisplay(line, parts...);
  WriteErr(line);
}

template <class E>
[[noreturn]] void FailUnwrapErr(const E& e) {
  Fail(rt::errors::kUnwrapErr, "called unwrap() on Err(" + DebugToString(e) + ")");
}

// `panic(...)`, `throw value` and failed assertions.
template <class... A>
[[noreturn]] void panic(const A&... parts) {
  std::string message;
  JoinDisplay(message, parts...);
  Fail(rt::errors::kPanic, message);
}

template <class T>
[[noreturn]] void throw_value(const T& value) {
  Fail(rt::errors::kThrown, ToString(value));
}

template <class... A>
void Assert(bool condition, const A&... message) {
  if (condition) return;
  std::string text = "assertion failed";
  if constexpr (sizeof...(A) > 0) {
    text += ": ";
    JoinDisplay(text, message...);
  }
  Fail(rt::errors::kAssertionFailed, text);
}

template <class T, class U, class... A>
void AssertEq(const T& a, const U& b, bool equal_wanted, const A&... message) {
  if ((a == b) == equal_wanted) return;
  std::string text = std::string("assertion failed: ") + (equal_wanted ? "left == right" : "left != right") +
                     "\n  left: " + DebugToString(a) + "\n right: " + DebugToString(b);
  if constexpr (sizeof...(A) > 0) {
    text += "\n ";
    JoinDisplay(text, message...);
  }
  Fail(rt::errors::kAssertionFailed, text);
}

// `"n = " + 5`, `"x" + 2.5`, `"ok: " + true`, `5 + " apples"`, `s += 3`: the reference joins a
// string and a number or bool as Rust's `format!("{}{}", a, b)` does, so a whole float has no
// `.0` there (`"x" + 2.0` is "x2", while `println(2.0)` prints 2.0).
template <class T>
void AppendShown(std::string& out, T v) {
  if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, Bool>) {
    out += static_cast<bool>(v) ? "true" : "false";
  } else if constexpr (std::is_floating_point_v<T>) {
    AppendFloatPlain(out, v);
  } else {
    static_assert(std::is_integral_v<T>, "a string joins only numbers and bools");
    out += std::to_string(v);
  }
}
template <class T>
std::string concat_shown(const std::string& s, T v) {
  std::string out = s;
  AppendShown(out, v);
  return out;
}
template <class T>
std::string shown_concat(T v, const std::string& s) {
  std::string out;
  AppendShown(out, v);
  out += s;
  return out;
}
template <class T>
void append_shown(std::string& s, T v) {
  AppendShown(s, v);
}

}  // namespace rt

#endif  // RUCHY_STD_DISPLAY_H_
