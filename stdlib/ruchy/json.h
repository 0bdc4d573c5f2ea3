// `Json`: a JSON value for Lambda events and responses. Parsing is RapidJSON's (in json.cc, so
// generated code does not include RapidJSON); objects keep their keys in insertion order.
#ifndef RUCHY_STD_JSON_H_
#define RUCHY_STD_JSON_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ruchy/core.h"
#include "ruchy/display.h"
#include "ruchy/error.h"

namespace rt {

// The deepest nesting of arrays and objects a Json may have. Parsing refuses deeper input, and
// building refuses deeper values (push and set check it), so everything that walks a Json
// (copying, printing, comparing, freeing, converting to typed values) recurses at most this deep.
inline constexpr int kMaxJsonDepth = 512;

class Json {
 public:
  enum class Kind { kNull, kBool, kInt, kFloat, kString, kArray, kObject };

  Json() = default;
  static Json Null() { return Json(); }
  static Json Object() {
    Json j;
    j.kind_ = Kind::kObject;
    j.depth_ = 1;
    return j;
  }
  static Json Array() {
    Json j;
    j.kind_ = Kind::kArray;
    j.depth_ = 1;
    return j;
  }
  static Json Of(bool b) {
    Json j;
    j.kind_ = Kind::kBool;
    j.bool_ = b;
    return j;
  }
  static Json Of(int64_t i) {
    Json j;
    j.kind_ = Kind::kInt;
    j.int_ = i;
    return j;
  }
  static Json Of(double d) {
    Json j;
    j.kind_ = Kind::kFloat;
    j.float_ = d;
    return j;
  }
  static Json Of(std::string s) {
    Json j;
    j.kind_ = Kind::kString;
    j.string_ = std::move(s);
    return j;
  }

  Kind kind() const { return kind_; }
  // Levels of arrays and objects: 0 for a scalar, 1 for [] or {}, 2 for [[]], ...
  int depth() const { return depth_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_bool() const { return kind_ == Kind::kBool; }
  bool is_number() const { return kind_ == Kind::kInt || kind_ == Kind::kFloat; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_array() const { return kind_ == Kind::kArray; }
  bool is_object() const { return kind_ == Kind::kObject; }

  std::optional<std::string> as_str() const {
    if (kind_ != Kind::kString) return std::nullopt;
    return string_;
  }
  std::optional<int64_t> as_i64() const;
  std::optional<double> as_f64() const;
  std::optional<bool> as_bool() const {
    if (kind_ != Kind::kBool) return std::nullopt;
    return bool_;
  }
  std::optional<std::vector<Json>> as_array() const {
    if (kind_ != Kind::kArray) return std::nullopt;
    return items_;
  }

  // Missing keys and indices read as null (like JavaScript's undefined).
  const Json& operator[](const std::string& key) const;
  const Json& operator[](int64_t index) const;
  std::optional<Json> get(const std::string& key) const;
  bool contains_key(const std::string& key) const;
  int64_t size() const;
  std::vector<std::string> keys() const;

  // Add to an object or array (null becomes one). A result deeper than kMaxJsonDepth is the
  // runtime error Ruchy.JsonError.
  void set(const std::string& key, Json value);
  void push(Json value);

  const std::vector<Json>& items() const { return items_; }
  const std::vector<std::pair<std::string, Json>>& members() const { return members_; }

  friend bool operator==(const Json& a, const Json& b);

 private:
  Kind kind_ = Kind::kNull;
  int depth_ = 0;
  bool bool_ = false;
  int64_t int_ = 0;
  double float_ = 0;
  std::string string_;
  std::vector<Json> items_;
  std::vector<std::pair<std::string, Json>> members_;
};

Result<Json, std::string> ParseJson(const std::string& text);

// JSON literals in Ruchy source (`{"message": m}` where a Json is expected).
inline Json MakeJsonObject(std::initializer_list<std::pair<std::string, Json>> members) {
  Json out = Json::Object();
  for (const auto& [k, v] : members) out.set(k, v);
  return out;
}
inline Json MakeJsonArray(std::initializer_list<Json> items) {
  Json out = Json::Array();
  for (const auto& v : items) out.push(v);
  return out;
}
std::string Stringify(const Json& j);

// Values to JSON (map literals in handler results, `Json::from(x)`).
template <class T>
Json ToJson(const T& v);

template <class T>
Json ToJson(const T& v) {
  if constexpr (std::is_same_v<T, Json>) {
    return v;
  } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, Bool>) {
    return Json::Of(static_cast<bool>(v));
  } else if constexpr (std::is_same_v<T, char32_t>) {
    std::string s;
    AppendUtf8(s, v);
    return Json::Of(s);
  } else if constexpr (std::is_integral_v<T>) {
    return Json::Of(static_cast<int64_t>(v));
  } else if constexpr (std::is_floating_point_v<T>) {
    return Json::Of(static_cast<double>(v));
  } else if constexpr (std::is_same_v<T, std::string>) {
    return Json::Of(v);
  } else if constexpr (std::is_same_v<T, Unit> || IsFunction<T>::value) {
    return Json::Null();
  } else if constexpr (IsOptional<T>::value) {
    return v ? ToJson(*v) : Json::Null();
  } else if constexpr (IsVector<T>::value || IsSet<T>::value) {
    Json out = Json::Array();
    for (const auto& x : v) out.push(ToJson(x));
    return out;
  } else if constexpr (IsTuple<T>::value) {
    Json out = Json::Array();
    std::apply([&](const auto&... e) { (out.push(ToJson(e)), ...); }, v);
    return out;
  } else if constexpr (IsMap<T>::value) {
    Json out = Json::Object();
    for (const auto& k : SortedKeys(v)) out.set(k, ToJson(v.at(k)));
    return out;
  } else if constexpr (IsSharedPtr<T>::value) {
    return v ? RuchyToJson(*v) : Json::Null();  // a class object (a field of another class)
  } else {
    return RuchyToJson(v);  // generated structs and enums (found by ADL)
  }
}

std::vector<char32_t> DecodeUtf8(const std::string& s);

// The invocation event: JSON, or a `Ruchy.InvalidEvent` error naming what is wrong.
Json ParseEventJson(const std::string& text);

// JSON to typed values (typed handler events). A wrong shape is a `Ruchy.InvalidEvent` error that
// names the field.
[[noreturn]] void FailJsonShape(const std::string& where, const char* wanted, const Json& got);

template <class T>
T FromJson(const Json& j, const std::string& where = "event") {
  if constexpr (std::is_same_v<T, Json>) {
    return j;
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!j.as_bool()) FailJsonShape(where, "a boolean", j);
    return *j.as_bool();
  } else if constexpr (std::is_integral_v<T>) {
    if (!j.as_i64()) FailJsonShape(where, "an integer", j);
    return static_cast<T>(*j.as_i64());
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!j.as_f64()) FailJsonShape(where, "a number", j);
    return static_cast<T>(*j.as_f64());
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!j.as_str()) FailJsonShape(where, "a string", j);
    return *j.as_str();
  } else if constexpr (IsOptional<T>::value) {
    if (j.is_null()) return std::nullopt;
    return FromJson<typename T::value_type>(j, where);
  } else if constexpr (IsVector<T>::value) {
    if (!j.is_array()) FailJsonShape(where, "an array", j);
    T out;
    for (size_t i = 0; i < j.items().size(); ++i) {
      out.push_back(FromJson<typename T::value_type>(j.items()[i], where + "[" + std::to_string(i) + "]"));
    }
    return out;
  } else if constexpr (IsMap<T>::value) {
    if (!j.is_object()) FailJsonShape(where, "an object", j);
    T out;
    for (const auto& [k, v] : j.members()) out[k] = FromJson<typename T::mapped_type>(v, where + "." + k);
    return out;
  } else if constexpr (IsSet<T>::value) {
    if (!j.is_array()) FailJsonShape(where, "an array", j);
    T out;
    for (size_t i = 0; i < j.items().size(); ++i) {
      out.insert(FromJson<typename T::key_type>(j.items()[i], where + "[" + std::to_string(i) + "]"));
    }
    return out;
  } else if constexpr (IsTuple<T>::value) {
    if (!j.is_array() || j.items().size() != std::tuple_size_v<T>) FailJsonShape(where, "an array of the tuple's size", j);
    return [&]<size_t... I>(std::index_sequence<I...>) {
      return T{FromJson<std::tuple_element_t<I, T>>(j.items()[I], where + "[" + std::to_string(I) + "]")...};
    }(std::make_index_sequence<std::tuple_size_v<T>>{});
  } else if constexpr (std::is_same_v<T, char32_t>) {
    std::optional<std::string> s = j.as_str();
    std::vector<char32_t> chars = s ? DecodeUtf8(*s) : std::vector<char32_t>{};
    if (chars.size() != 1) FailJsonShape(where, "a one-character string", j);
    return chars[0];
  } else if constexpr (std::is_same_v<T, Unit>) {
    return Unit{};
  } else if constexpr (IsFunction<T>::value || IsResult<T>::value || IsRange<T>::value || IsSharedPtr<T>::value ||
                       std::is_same_v<T, Error>) {
    FailJsonShape(where, "a value of a type JSON cannot describe", j);
  } else {
    T out{};
    RuchyFromJson(j, where, &out);  // generated structs (found by ADL)
    return out;
  }
}

}  // namespace rt

#endif  // RUCHY_STD_JSON_H_
