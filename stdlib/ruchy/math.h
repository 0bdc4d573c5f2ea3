// The reference interpreter's free math functions (`sqrt(x)`, `pow(a, b)`, `max(a, b)`,
// `round(x)`...), which take integers and floats alike. The methods (`x.sqrt()`) are in
// collections.h.
#ifndef RUCHY_STD_MATH_H_
#define RUCHY_STD_MATH_H_

#include <cmath>
#include <cstdint>
#include <type_traits>

#include "ruchy/core.h"

namespace rt {

// sqrt, sin, cos, tan, log (natural), log10, exp: a float, whatever number goes in.
template <class T>
double fn_sqrt(T x) { return std::sqrt(static_cast<double>(x)); }
template <class T>
double fn_sin(T x) { return std::sin(static_cast<double>(x)); }
template <class T>
double fn_cos(T x) { return std::cos(static_cast<double>(x)); }
template <class T>
double fn_tan(T x) { return std::tan(static_cast<double>(x)); }
template <class T>
double fn_ln(T x) { return std::log(static_cast<double>(x)); }
template <class T>
double fn_log10(T x) { return std::log10(static_cast<double>(x)); }
template <class T>
double fn_exp(T x) { return std::exp(static_cast<double>(x)); }

// floor, ceil, round: an integer, as in the reference (floats saturate as `as i64` does; round
// takes halves away from zero).
template <class T>
int64_t fn_floor(T x) {
  if constexpr (std::is_floating_point_v<T>) return cast<int64_t>(std::floor(x));
  else return static_cast<int64_t>(x);
}
template <class T>
int64_t fn_ceil(T x) {
  if constexpr (std::is_floating_point_v<T>) return cast<int64_t>(std::ceil(x));
  else return static_cast<int64_t>(x);
}
template <class T>
int64_t fn_round(T x) {
  if constexpr (std::is_floating_point_v<T>) return cast<int64_t>(std::round(x));
  else return static_cast<int64_t>(x);
}

// min and max of two numbers. For floats, as Rust's f64::min/max: a NaN loses to a number.
template <class T>
T fn_min(T a, std::type_identity_t<T> b) {
  if constexpr (std::is_floating_point_v<T>) return std::fmin(a, b);
  else return b < a ? b : a;
}
template <class T>
T fn_max(T a, std::type_identity_t<T> b) {
  if constexpr (std::is_floating_point_v<T>) return std::fmax(a, b);
  else return a < b ? b : a;
}

}  // namespace rt

#endif  // RUCHY_STD_MATH_H_
