// Core of the support library generated Ruchy programs link with: runtime errors, the unit and
// bool element types, ranges, Result, and integer arithmetic with Ruchy's semantics (wrapping
// overflow, division by zero is an error, `**` on integers).
#ifndef RUCHY_STD_CORE_H_
#define RUCHY_STD_CORE_H_

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <numbers>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "ruchy/error_types.h"
#include "ruchy/source_spot.h"

namespace rt {

// A Ruchy runtime error. `type` is what a Lambda invocation reports as errorType
// (`Ruchy.IndexOutOfRange`); `message` is what `catch e` binds and what is printed.
class RuntimeError : public std::exception {
 public:
  RuntimeError(std::string type, std::string message) : type_(std::move(type)), message_(std::move(message)) {}
  const char* what() const noexcept override { return message_.c_str(); }
  const std::string& type() const { return type_; }
  const std::string& message() const { return message_; }
  // Records where the error happened (source_spot.h); the innermost Ruchy function that sees the
  // error leave it calls this first, so later calls keep that place.
  void Locate(const char* file, uint32_t spot) {
    if (file_ == nullptr && spot != kNoSpot) {
      file_ = file;
      spot_ = spot;
    }
  }
  // `file:line:column` of the Ruchy statement that failed, or "" when not known.
  std::string location() const { return SpotText(file_, spot_); }
  // The message and, when known, where: what `ruchy run`, a failed test and a Lambda errorMessage
  // show (`division by zero (f.ruchy:3:5)`). `catch e` binds the message alone.
  std::string described() const {
    std::string where = location();
    return where.empty() ? message_ : message_ + " (" + where + ")";
  }

 private:
  std::string type_;
  std::string message_;
  const char* file_ = nullptr;
  uint32_t spot_ = kNoSpot;
};

[[noreturn]] void Fail(const char* type, std::string message);

// `()`, printed as `nil`.
struct Unit {
  friend bool operator==(Unit, Unit) { return true; }
};

// Element type for Vec<bool>: std::vector<bool> has no addressable elements.
struct Bool {
  bool value = false;
  Bool() = default;
  Bool(bool v) : value(v) {}  // NOLINT: implicit by design
  operator bool() const { return value; }
};

template <class T>
struct Range {
  T lo{};
  T hi{};
  bool inclusive = false;

  T last_exclusive() const { return inclusive ? static_cast<T>(hi + 1) : hi; }
  int64_t size() const {
    int64_t n = static_cast<int64_t>(last_exclusive()) - static_cast<int64_t>(lo);
    return n < 0 ? 0 : n;
  }
  struct iterator {
    T value;
    T operator*() const { return value; }
    iterator& operator++() {
      ++value;
      return *this;
    }
    bool operator!=(const iterator& o) const { return value != o.value; }
  };
  iterator begin() const { return {lo}; }
  iterator end() const { return {size() == 0 ? lo : last_exclusive()}; }
  friend bool operator==(const Range& a, const Range& b) {
    return a.lo == b.lo && a.hi == b.hi && a.inclusive == b.inclusive;
  }
};

template <class T>
Range<T> MakeRange(T start, T end, bool inclusive) {
  return Range<T>{start, end, inclusive};
}

// Result<T, E>: Ok(T) or Err(E).
template <class T, class E>
class Result {
 public:
  Result() : v_(std::in_place_index<0>) {}
  static Result Ok(T value) { return Result(std::in_place_index<0>, std::move(value)); }
  static Result Err(E error) { return Result(std::in_place_index<1>, std::move(error)); }

  bool is_ok() const { return v_.index() == 0; }
  bool is_err() const { return v_.index() == 1; }
  T& ok_value() { return std::get<0>(v_); }
  const T& ok_value() const { return std::get<0>(v_); }
  E& err_value() { return std::get<1>(v_); }
  const E& err_value() const { return std::get<1>(v_); }
  friend bool operator==(const Result& a, const Result& b) { return a.v_ == b.v_; }

 private:
  template <size_t I, class V>
  Result(std::in_place_index_t<I> tag, V&& value) : v_(tag, std::forward<V>(value)) {}
  std::variant<T, E> v_;
};

template <class T>
struct IsResult : std::false_type {};
template <class T, class E>
struct IsResult<Result<T, E>> : std::true_type {};

// Runs `finally` blocks on every way out of a scope (normal, return, break, exception).
template <class F>
class Finally {
 public:
  explicit Finally(F f) : f_(std::move(f)) {}
  ~Finally() noexcept(false) { f_(); }
  Finally(const Finally&) = delete;
  Finally& operator=(const Finally&) = delete;

 private:
  F f_;
};

// ---- integer arithmetic ----
template <class T>
T div(T a, std::type_identity_t<T> b) {
  if constexpr (std::is_integral_v<T>) {
    if (b == 0) Fail(rt::errors::kDivisionByZero, "division by zero");
    if constexpr (std::is_signed_v<T>) {
      if (b == -1) return static_cast<T>(static_cast<std::make_unsigned_t<T>>(0) - static_cast<std::make_unsigned_t<T>>(a));
    }
    return a / b;
  } else {
    return a / b;
  }
}

template <class T>
T rem(T a, std::type_identity_t<T> b) {
  if constexpr (std::is_integral_v<T>) {
    if (b == 0) Fail(rt::errors::kDivisionByZero, "division by zero");
    if constexpr (std::is_signed_v<T>) {
      if (b == -1) return 0;
    }
    return a % b;
  } else {
    return std::fmod(a, b);
  }
}

template <class T>
T pow(T base, T exp) {
  if constexpr (std::is_integral_v<T>) {
    if constexpr (std::is_signed_v<T>) {
      if (exp < 0) Fail(rt::errors::kArithmeticError, "negative exponent in integer `**`");
    }
    using U = std::make_unsigned_t<T>;
    U result = 1, b = static_cast<U>(base);
    auto e = static_cast<uint64_t>(exp);
    while (e) {
      if (e & 1) result = static_cast<U>(result * b);
      b = static_cast<U>(b * b);
      e >>= 1;
    }
    return static_cast<T>(result);
  } else {
    return std::pow(base, exp);
  }
}

template <class T>
T neg(T a) {
  if constexpr (std::is_integral_v<T>) {
    return static_cast<T>(static_cast<std::make_unsigned_t<T>>(0) - static_cast<std::make_unsigned_t<T>>(a));
  } else {
    return -a;
  }
}

// Shifts by the count modulo the width (as wrapping shifts do), never undefined behaviour.
template <class T, class U>
T shl(T a, U b) {
  constexpr unsigned bits = sizeof(T) * 8;
  return static_cast<T>(static_cast<std::make_unsigned_t<T>>(a) << (static_cast<unsigned>(b) % bits));
}
template <class T, class U>
T shr(T a, U b) {
  constexpr unsigned bits = sizeof(T) * 8;
  return static_cast<T>(a >> (static_cast<unsigned>(b) % bits));
}

// `x as i64` from a float: saturating (as in the reference), never undefined behaviour.
template <class To, class From>
To cast(From v) {
  if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
    if (std::isnan(v)) return 0;
    if (v <= static_cast<From>(std::numeric_limits<To>::min())) return std::numeric_limits<To>::min();
    if (v >= static_cast<From>(std::numeric_limits<To>::max())) return std::numeric_limits<To>::max();
    return static_cast<To>(v);
  } else {
    return static_cast<To>(v);
  }
}

// `T::from(v)` and `T::try_from(v)`: conversions that keep the value exactly. An integer out of
// the target's range, a float that is not a whole number in range, a float that would round, or a
// number that is not a Unicode scalar value (for char) has no exact counterpart.
template <class To, class From>
std::optional<To> ExactCast(From v) {
  if constexpr (std::is_same_v<To, char32_t>) {
    auto n = ExactCast<int64_t>(v);
    if (!n || *n < 0 || *n > 0x10FFFF || (*n >= 0xD800 && *n <= 0xDFFF)) return std::nullopt;
    return static_cast<char32_t>(*n);
  } else if constexpr (std::is_same_v<From, char32_t>) {
    return ExactCast<To>(static_cast<int64_t>(v));
  } else if constexpr (std::is_integral_v<From> && std::is_integral_v<To>) {
    if (!std::in_range<To>(v)) return std::nullopt;
    return static_cast<To>(v);
  } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
    // In range and whole: the bounds are exact powers of two (2^63 for int64_t, 2^64 for uint64_t).
    const long double low = std::is_signed_v<To> ? -std::ldexp(1.0L, sizeof(To) * 8 - 1) : 0.0L;
    const long double high = std::ldexp(1.0L, sizeof(To) * 8 - (std::is_signed_v<To> ? 1 : 0));
    if (!(v >= low && v < high) || std::trunc(v) != v) return std::nullopt;
    return static_cast<To>(v);
  } else {
    // To a float: exact when converting back gives the same value (not for NaN, which has none).
    To out = static_cast<To>(v);
    if constexpr (std::is_integral_v<From>) {
      if (out >= static_cast<To>(std::numeric_limits<From>::max()) || static_cast<From>(out) != v) return std::nullopt;
    } else {
      if (static_cast<From>(out) != v && !(std::isnan(v))) return std::nullopt;
    }
    return out;
  }
}

template <class To, class From>
To from(From v, const char* to_name) {
  std::optional<To> out = ExactCast<To>(v);
  if (!out) Fail(rt::errors::kArithmeticError, "the value does not fit in `" + std::string(to_name) + "` exactly");
  return *out;
}

template <class To, class From>
Result<To, std::string> try_from(From v, const char* to_name) {
  std::optional<To> out = ExactCast<To>(v);
  if (!out) return Result<To, std::string>::Err("the value does not fit in `" + std::string(to_name) + "` exactly");
  return Result<To, std::string>::Ok(*out);
}

// ---- Option / Result accessors with Ruchy's error types ----
template <class T>
T& unwrap(std::optional<T>& o) {
  if (!o) Fail(rt::errors::kUnwrapNone, "called unwrap() on None");
  return *o;
}
template <class T>
T unwrap(std::optional<T>&& o) {
  if (!o) Fail(rt::errors::kUnwrapNone, "called unwrap() on None");
  return std::move(*o);
}
template <class T>
T unwrap(const std::optional<T>& o) {
  if (!o) Fail(rt::errors::kUnwrapNone, "called unwrap() on None");
  return *o;
}
template <class T>
T expect(const std::optional<T>& o, const std::string& message) {
  if (!o) Fail(rt::errors::kUnwrapNone, message);
  return *o;
}

std::string DebugString(const std::string& s);

template <class E>
[[noreturn]] void FailUnwrapErr(const E& e);

template <class T, class E>
T unwrap(const Result<T, E>& r) {
  if (r.is_err()) FailUnwrapErr(r.err_value());
  return r.ok_value();
}
template <class T, class E>
T expect(const Result<T, E>& r, const std::string& message) {
  if (r.is_err()) Fail(rt::errors::kUnwrapErr, message);
  return r.ok_value();
}
template <class T, class E>
E unwrap_err(const Result<T, E>& r) {
  if (r.is_ok()) Fail(rt::errors::kUnwrapErr, "called unwrap_err() on Ok");
  return r.err_value();
}

}  // namespace rt

#endif  // RUCHY_STD_CORE_H_
