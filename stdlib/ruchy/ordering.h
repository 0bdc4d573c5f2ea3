// `Ordering`, what comparators return, as in Rust: `a.cmp(b)` is `Less`, `Equal` or `Greater`,
// `x.partial_cmp(y)` is `None` when a float is NaN, and `v.sort_by(|a, b| a.cmp(b))`,
// `max_by`, `min_by` take closures returning one.
#ifndef RUCHY_STD_ORDERING_H_
#define RUCHY_STD_ORDERING_H_

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace rt {

enum class Ordering : int8_t { Less = -1, Equal = 0, Greater = 1 };

// Printed as Rust prints it: `Less`, `Equal`, `Greater` (found by Debug through ADL).
inline void RuchyDebug(std::string& out, Ordering o) {
  out += o == Ordering::Less ? "Less" : o == Ordering::Equal ? "Equal" : "Greater";
}

// A total order: integers, strings (bytewise, which for UTF-8 is code point order), chars, bools.
template <class T>
Ordering cmp(const T& a, const std::type_identity_t<T>& b) {
  if (a < b) return Ordering::Less;
  if (b < a) return Ordering::Greater;
  return Ordering::Equal;
}

// `None` when the values are unordered (a NaN).
template <class T>
std::optional<Ordering> partial_cmp(const T& a, const std::type_identity_t<T>& b) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(a) || std::isnan(b)) return std::nullopt;
  }
  return cmp(a, b);
}

inline Ordering reverse(Ordering o) { return static_cast<Ordering>(-static_cast<int8_t>(o)); }
inline Ordering then(Ordering o, Ordering other) { return o == Ordering::Equal ? other : o; }
template <class F>
Ordering then_with(Ordering o, F next) {
  return o == Ordering::Equal ? next() : o;
}
inline bool is_lt(Ordering o) { return o == Ordering::Less; }
inline bool is_le(Ordering o) { return o != Ordering::Greater; }
inline bool is_gt(Ordering o) { return o == Ordering::Greater; }
inline bool is_ge(Ordering o) { return o != Ordering::Less; }
inline bool is_eq(Ordering o) { return o == Ordering::Equal; }
inline bool is_ne(Ordering o) { return o != Ordering::Equal; }

}  // namespace rt

#endif  // RUCHY_STD_ORDERING_H_
