// More methods of vectors and ranges (`Seq<T>` in builtins.def): nth, unique, filter_map,
// min/max by key or comparator, sort_by, windows, chunks, flatten, the reference's set operations
// on arrays, and `range(a, b, step)`. The basic ones are in collections.h.
#ifndef RUCHY_STD_SEQUENCES_H_
#define RUCHY_STD_SEQUENCES_H_

#include <cmath>
#include <cstring>
#include <type_traits>
#include <unordered_set>

#include "ruchy/collections.h"
#include "ruchy/ordering.h"

namespace rt {

template <class C>
using ElementOf = typename std::decay_t<decltype(to_vec(std::declval<const C&>()))>::value_type;

// Element storage for a result type: Vec<bool> holds rt::Bool (std::vector<bool> is no container).
template <class U>
using Stored = std::conditional_t<std::is_same_v<std::decay_t<U>, bool>, Bool, std::decay_t<U>>;

// The reference compares array elements by their printed form (unique, union, intersection,
// difference): the same as == except that two NaNs are equal and 0.0 and -0.0 differ.
template <class T>
bool SamePrinted(const T& a, const T& b) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
  } else if constexpr (IsVector<T>::value) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!SamePrinted(a[i], b[i])) return false;
    }
    return true;
  } else if constexpr (IsTuple<T>::value) {
    return std::apply([&](const auto&... x) { return std::apply([&](const auto&... y) { return (SamePrinted(x, y) && ...); }, b); }, a);
  } else if constexpr (IsOptional<T>::value) {
    if (a.has_value() != b.has_value()) return false;
    return !a || SamePrinted(*a, *b);
  } else {
    return a == b;
  }
}

// A set of elements under SamePrinted: hashed for scalar types, a linear scan otherwise.
template <class T>
class PrintedSet {
  static constexpr bool kHashed = std::is_integral_v<T> || std::is_same_v<T, std::string> || std::is_same_v<T, Bool>;

 public:
  bool contains(const T& x) const {
    if constexpr (kHashed) {
      return hashed_.count(x) != 0;
    } else {
      for (const T& y : items_) {
        if (SamePrinted(x, y)) return true;
      }
      return false;
    }
  }
  // True when `x` was not there yet.
  bool insert(const T& x) {
    if constexpr (kHashed) {
      return hashed_.insert(x).second;
    } else {
      if (contains(x)) return false;
      items_.push_back(x);
      return true;
    }
  }

 private:
  std::unordered_set<T, Hash> hashed_;
  std::vector<T> items_;
};

// `v.nth(i)`: the element at index i, `None` when out of range (negative included).
template <class C>
std::optional<ElementOf<C>> nth(const C& c, int64_t i) {
  const auto& v = to_vec(c);
  if (i < 0 || i >= static_cast<int64_t>(v.size())) return std::nullopt;
  return v[static_cast<size_t>(i)];
}

// `v.unique()`: the first occurrence of each element, in order.
template <class C>
std::vector<ElementOf<C>> unique(const C& c) {
  std::vector<ElementOf<C>> out;
  PrintedSet<ElementOf<C>> seen;
  for (const auto& x : to_vec(c)) {
    if (seen.insert(x)) out.push_back(x);
  }
  return out;
}

// The reference's set operations on arrays: results keep first occurrences, in order.
template <class T>
std::vector<T> vec_union(const std::vector<T>& a, const std::vector<T>& b) {
  std::vector<T> out;
  PrintedSet<T> seen;
  for (const auto* side : {&a, &b}) {
    for (const T& x : *side) {
      if (seen.insert(x)) out.push_back(x);
    }
  }
  return out;
}
template <class T>
std::vector<T> vec_intersection(const std::vector<T>& a, const std::vector<T>& b) {
  PrintedSet<T> other, seen;
  for (const T& x : b) other.insert(x);
  std::vector<T> out;
  for (const T& x : a) {
    if (other.contains(x) && seen.insert(x)) out.push_back(x);
  }
  return out;
}
template <class T>
std::vector<T> vec_difference(const std::vector<T>& a, const std::vector<T>& b) {
  PrintedSet<T> other, seen;
  for (const T& x : b) other.insert(x);
  std::vector<T> out;
  for (const T& x : a) {
    if (!other.contains(x) && seen.insert(x)) out.push_back(x);
  }
  return out;
}

// `v.filter_map(f)`: the values of the `Some`s f returns.
template <class C, class F>
auto filter_map(const C& c, F f) {
  using U = typename std::decay_t<decltype(f(std::declval<const ElementOf<C>&>()))>::value_type;
  std::vector<Stored<U>> out;
  for (const auto& x : to_vec(c)) {
    auto r = f(x);
    if (r) out.push_back(std::move(*r));
  }
  return out;
}

// Keys and elements ordered for min/max/sort: as `<`, except that NaN is above every number
// (sort, max_by_key and friends never see an inconsistent order).
template <class T>
bool OrderedLess(const T& a, const T& b) {
  if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(a)) return false;
    if (std::isnan(b)) return true;
  }
  return a < b;
}

// Rust's choice among equals: max_by_key/max_by keep the last maximum, min_by_key/min_by the
// first minimum.
// The element whose key `replaces` the best one so far, each key computed once.
template <class C, class F, class Replaces>
std::optional<ElementOf<C>> BestByKey(const C& c, F key, Replaces replaces) {
  const auto& v = to_vec(c);
  if (v.empty()) return std::nullopt;
  size_t best = 0;
  auto best_key = key(v[0]);
  for (size_t i = 1; i < v.size(); ++i) {
    auto k = key(v[i]);
    if (replaces(k, best_key)) {
      best = i;
      best_key = std::move(k);
    }
  }
  return v[best];
}
template <class C, class F>
std::optional<ElementOf<C>> max_by_key(const C& c, F key) {
  return BestByKey(c, key, [](const auto& k, const auto& best) { return !OrderedLess(k, best); });
}
template <class C, class F>
std::optional<ElementOf<C>> min_by_key(const C& c, F key) {
  return BestByKey(c, key, [](const auto& k, const auto& best) { return OrderedLess(k, best); });
}
template <class C, class F>
std::optional<ElementOf<C>> max_by(const C& c, F compare) {
  const auto& v = to_vec(c);
  if (v.empty()) return std::nullopt;
  size_t best = 0;
  for (size_t i = 1; i < v.size(); ++i) {
    if (compare(v[best], v[i]) != Ordering::Greater) best = i;
  }
  return v[best];
}
template <class C, class F>
std::optional<ElementOf<C>> min_by(const C& c, F compare) {
  const auto& v = to_vec(c);
  if (v.empty()) return std::nullopt;
  size_t best = 0;
  for (size_t i = 1; i < v.size(); ++i) {
    if (compare(v[i], v[best]) == Ordering::Less) best = i;
  }
  return v[best];
}

// A stable merge sort that stays in bounds and terminates whatever the comparison answers: user
// comparators need not be consistent (std::stable_sort's behaviour would be undefined then).
template <class T, class Less>
void SafeStableSort(std::vector<T>& v, Less less) {
  const size_t n = v.size();
  if (n < 2) return;
  std::vector<T> buffer(v.begin(), v.end());
  std::vector<T>* from = &v;
  std::vector<T>* to = &buffer;
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) (*to)[k++] = less((*from)[j], (*from)[i]) ? (*from)[j++] : (*from)[i++];
      while (i < mid) (*to)[k++] = (*from)[i++];
      while (j < hi) (*to)[k++] = (*from)[j++];
    }
    std::swap(from, to);
  }
  if (from != &v) v = std::move(*from);
}

// `v.sort_by(|a, b| a.cmp(b))`: stable, in place.
template <class T, class F>
void sort_by(std::vector<T>& v, F compare) {
  SafeStableSort(v, [&](const T& a, const T& b) { return compare(a, b) == Ordering::Less; });
}

// `v.sort_by_key(f)`: stable, in place; keys compare as OrderedLess (NaN last).
template <class T, class F>
void sort_by_key(std::vector<T>& v, F key) {
  SafeStableSort(v, [&](const T& a, const T& b) { return OrderedLess(key(a), key(b)); });
}

// `v.windows(n)`, `v.chunks(n)`: n must be at least 1, as in Rust.
inline void CheckPieceSize(const char* what, int64_t n) {
  if (n < 1) Fail(errors::kInvalidArgument, std::string(what) + " size must be at least 1, found " + std::to_string(n));
}
template <class C>
std::vector<std::vector<ElementOf<C>>> windows(const C& c, int64_t n) {
  CheckPieceSize("window", n);
  const auto& v = to_vec(c);
  std::vector<std::vector<ElementOf<C>>> out;
  const size_t size = static_cast<size_t>(n);
  for (size_t i = 0; i + size <= v.size(); ++i) out.emplace_back(v.begin() + i, v.begin() + i + size);
  return out;
}
template <class C>
std::vector<std::vector<ElementOf<C>>> chunks(const C& c, int64_t n) {
  CheckPieceSize("chunk", n);
  const auto& v = to_vec(c);
  std::vector<std::vector<ElementOf<C>>> out;
  const size_t size = static_cast<size_t>(n);
  for (size_t i = 0; i < v.size(); i += size) out.emplace_back(v.begin() + i, v.begin() + std::min(i + size, v.size()));
  return out;
}

// `v.flatten()` on a vector of vectors.
template <class T>
std::vector<T> flatten(const std::vector<std::vector<T>>& v) {
  std::vector<T> out;
  for (const auto& inner : v) out.insert(out.end(), inner.begin(), inner.end());
  return out;
}

// The reference's `push(v, x)`: a new vector with x appended (v is unchanged).
template <class T>
std::vector<T> pushed(std::vector<T> v, Id<T> x) {
  v.push_back(std::move(x));
  return v;
}

// `range(end)`, `range(start, end)`, `range(start, end, step)`: the integers from start towards
// end (excluded) by step, as the reference's `range` builds them. A zero step is an error.
inline std::vector<int64_t> range_vec(int64_t start, int64_t end, int64_t step) {
  if (step == 0) Fail(errors::kInvalidArgument, "range() step cannot be zero");
  // The count in 128 bits: `start + k * step` never overflows before it passes `end`.
  __int128 span = step > 0 ? static_cast<__int128>(end) - start : static_cast<__int128>(start) - end;
  __int128 stride = step > 0 ? static_cast<__int128>(step) : -static_cast<__int128>(step);
  __int128 count = span <= 0 ? 0 : (span + stride - 1) / stride;
  std::vector<int64_t> out;
  out.reserve(static_cast<size_t>(count));
  for (__int128 k = 0; k < count; ++k) out.push_back(static_cast<int64_t>(start + k * step));
  return out;
}

}  // namespace rt

#endif  // RUCHY_STD_SEQUENCES_H_
