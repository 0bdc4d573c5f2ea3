// Methods of Ruchy's built-in types (Vec, String, HashMap, HashSet, Option, Result, numbers and
// chars). Generated code calls `rt::method(receiver, args...)`; overloads pick the receiver type.
// Lengths and indices are i64; negative indices count from the end, as in the reference.
#ifndef RUCHY_STD_COLLECTIONS_H_
#define RUCHY_STD_COLLECTIONS_H_

#include <algorithm>
#include <cctype>
#include <numeric>
#include <string>

#include "ruchy/core.h"
#include "ruchy/display.h"
#include "ruchy/int_parse.h"

namespace rt {

template <class T>
using Id = std::type_identity_t<T>;

// Hashing for map and set keys, tuples included.
struct Hash {
  template <class T>
  size_t operator()(const T& v) const {
    if constexpr (IsTuple<T>::value) {
      size_t h = 0x9e3779b97f4a7c15ULL;
      std::apply([&](const auto&... e) { ((h = h * 31 + Hash{}(e)), ...); }, v);
      return h;
    } else if constexpr (std::is_same_v<T, Bool>) {
      return std::hash<bool>{}(v.value);
    } else {
      return std::hash<T>{}(v);
    }
  }
};

template <class K, class V>
using Map = std::unordered_map<K, V, Hash>;
template <class T>
using Set = std::unordered_set<T, Hash>;

std::vector<char32_t> DecodeUtf8(const std::string& s);
// Decodes the character starting at byte i into *c and returns its length in bytes; an invalid
// byte decodes as U+FFFD of length 1 (DecodeUtf8 and char_indices agree on offsets).
size_t DecodeUtf8At(const std::string& s, size_t i, char32_t* c);
std::string EncodeUtf8(const std::vector<char32_t>& chars);

inline int64_t CheckIndex(int64_t i, size_t size) {
  int64_t n = static_cast<int64_t>(size);
  int64_t j = i < 0 ? i + n : i;
  if (j < 0 || j >= n) {
    Fail(rt::errors::kIndexOutOfRange, "index " + std::to_string(i) + " out of range for length " + std::to_string(n));
  }
  return j;
}

// ---- indexing and slicing ----
template <class T>
T& at(std::vector<T>& v, int64_t i) {
  return v[CheckIndex(i, v.size())];
}
template <class T>
const T& at(const std::vector<T>& v, int64_t i) {
  return v[CheckIndex(i, v.size())];
}
std::string at(const std::string& s, int64_t i);
template <class K, class V>
const V& at(const Map<K, V>& m, const Id<K>& k) {
  auto it = m.find(k);
  if (it == m.end()) Fail(rt::errors::kKeyNotFound, "key " + DebugToString(k) + " not found");
  return it->second;
}
template <class K, class V>
V& at(Map<K, V>& m, const Id<K>& k) {
  auto it = m.find(k);
  if (it == m.end()) Fail(rt::errors::kKeyNotFound, "key " + DebugToString(k) + " not found");
  return it->second;
}

// Negative bounds count from the end; an inclusive end takes the element at `hi`, which is
// counted from the end first (`v[..=-1]` is all of v).
inline void SliceBounds(int64_t size, int64_t& lo, int64_t& hi, bool inclusive = false) {
  if (lo < 0) lo += size;
  if (hi < 0) hi += size;
  if (inclusive && hi < size) ++hi;  // at or past the end there is nothing more to take
  lo = std::clamp<int64_t>(lo, 0, size);
  hi = std::clamp<int64_t>(hi, lo, size);
}
template <class T>
std::vector<T> slice(const std::vector<T>& v, int64_t lo, int64_t hi, bool inclusive = false) {
  SliceBounds(static_cast<int64_t>(v.size()), lo, hi, inclusive);
  return std::vector<T>(v.begin() + lo, v.begin() + hi);
}
std::string slice(const std::string& s, int64_t lo, int64_t hi, bool inclusive = false);
template <class T>
std::vector<T> repeat(const T& value, int64_t n) {
  return std::vector<T>(n < 0 ? 0 : static_cast<size_t>(n), value);
}

// ---- sizes ----
inline int64_t len(const std::string& s) { return static_cast<int64_t>(s.size()); }
template <class C>
int64_t len(const C& c) {
  return static_cast<int64_t>(c.size());
}
template <class C>
bool is_empty(const C& c) {
  return len(c) == 0;
}

// `Vec::with_capacity(n)`, `String::with_capacity(n)`: empty, with room for n elements (bytes)
// before the first reallocation. A negative or impossible capacity is Ruchy.InvalidArgument, where
// Rust panics ("capacity overflow").
template <class C>
C with_capacity(int64_t n) {
  C out;
  if (n < 0) Fail(errors::kInvalidArgument, "with_capacity: the capacity must not be negative, found " + std::to_string(n));
  if (static_cast<uint64_t>(n) > out.max_size()) {
    Fail(errors::kInvalidArgument, "with_capacity: capacity overflow: " + std::to_string(n) + " elements");
  }
  out.reserve(static_cast<size_t>(n));
  return out;
}
// How many elements (bytes) fit before the next reallocation.
template <class C>
int64_t capacity(const C& c) {
  return static_cast<int64_t>(c.capacity());
}

// Ranges are used like vectors by the methods below.
template <class T>
std::vector<T> to_vec(const Range<T>& r) {
  std::vector<T> out;
  out.reserve(r.size());
  for (T x : r) out.push_back(x);
  return out;
}
template <class T>
const std::vector<T>& to_vec(const std::vector<T>& v) {
  return v;
}
template <class T>
std::vector<T> to_vec(const Set<T>& s) {
  return SortedKeys(s);
}
// `collect::<Target>()` (or `let t: Target = xs.collect()`): the elements gathered into the type
// asked for. The checker allows Vec<T>, String (of chars or strings), Set<T> and Map<K, V> (of
// (K, V) pairs); it picks Vec<T> when nothing asks for another.
template <class Target, class Source>
Target collect(const Source& source) {
  const auto& items = to_vec(source);
  if constexpr (std::is_same_v<Target, std::string>) {
    std::string out;
    for (const auto& x : items) {
      if constexpr (std::is_same_v<std::decay_t<decltype(x)>, char32_t>) AppendUtf8(out, x);
      else out += x;
    }
    return out;
  } else if constexpr (IsSet<Target>::value) {
    return Target(items.begin(), items.end());
  } else if constexpr (IsMap<Target>::value) {
    Target out;
    for (const auto& [k, v] : items) out.insert_or_assign(k, v);
    return out;
  } else {
    return Target(items.begin(), items.end());
  }
}
template <class T>
bool contains(const Range<T>& r, const Id<T>& x) {
  return x >= r.lo && (r.inclusive ? x <= r.hi : x < r.hi);
}

// ---- vectors ----
template <class T>
void push(std::vector<T>& v, Id<T> x) {
  v.push_back(std::move(x));
}
template <class T>
std::optional<T> pop(std::vector<T>& v) {
  if (v.empty()) return std::nullopt;
  T x = std::move(v.back());
  v.pop_back();
  return x;
}
template <class T>
std::optional<T> first(const std::vector<T>& v) {
  if (v.empty()) return std::nullopt;
  return v.front();
}
template <class T>
std::optional<T> last(const std::vector<T>& v) {
  if (v.empty()) return std::nullopt;
  return v.back();
}
template <class T>
std::optional<T> get(const std::vector<T>& v, int64_t i) {
  if (i < 0 || i >= static_cast<int64_t>(v.size())) return std::nullopt;
  return v[i];
}
template <class T>
bool contains(const std::vector<T>& v, const Id<T>& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}
template <class T>
std::optional<int64_t> index_of(const std::vector<T>& v, const Id<T>& x) {
  auto it = std::find(v.begin(), v.end(), x);
  if (it == v.end()) return std::nullopt;
  return static_cast<int64_t>(it - v.begin());
}
template <class T>
void insert(std::vector<T>& v, int64_t i, Id<T> x) {
  if (i < 0 || i > static_cast<int64_t>(v.size())) {
    Fail(rt::errors::kIndexOutOfRange, "insert index " + std::to_string(i) + " out of range for length " + std::to_string(v.size()));
  }
  v.insert(v.begin() + i, std::move(x));
}
template <class T>
T remove(std::vector<T>& v, int64_t i) {
  int64_t j = CheckIndex(i, v.size());
  T x = std::move(v[j]);
  v.erase(v.begin() + j);
  return x;
}
template <class T>
void clear(T& c) {
  c.clear();
}
template <class T>
void extend(std::vector<T>& v, const std::vector<T>& more) {
  v.insert(v.end(), more.begin(), more.end());
}
template <class T>
std::vector<T> concat(const std::vector<T>& a, const std::vector<T>& b) {
  std::vector<T> out(a);
  out.insert(out.end(), b.begin(), b.end());
  return out;
}
template <class T>
void truncate(std::vector<T>& v, int64_t n) {
  if (n >= 0 && static_cast<size_t>(n) < v.size()) v.resize(n);
}
template <class T>
void reverse(std::vector<T>& v) {
  std::reverse(v.begin(), v.end());
}
template <class T>
void sort(std::vector<T>& v) {
  std::stable_sort(v.begin(), v.end(), [](const T& a, const T& b) {
    if constexpr (std::is_floating_point_v<T>) {
      return a < b || (!std::isnan(a) && std::isnan(b));
    } else {
      return a < b;
    }
  });
}
template <class T>
void dedup(std::vector<T>& v) {
  v.erase(std::unique(v.begin(), v.end()), v.end());
}
template <class T, class F>
void retain(std::vector<T>& v, F keep) {
  v.erase(std::remove_if(v.begin(), v.end(), [&](const T& x) { return !keep(x); }), v.end());
}
template <class C>
auto sorted(const C& c) {
  auto v = to_vec(c);
  std::vector<typename std::decay_t<decltype(v)>::value_type> out(v.begin(), v.end());
  sort(out);
  return out;
}
template <class C>
auto rev(const C& c) {
  auto v = to_vec(c);
  std::vector<typename std::decay_t<decltype(v)>::value_type> out(v.rbegin(), v.rend());
  return out;
}
template <class C>
auto reversed(const C& c) {
  return rev(c);
}
template <class T>
std::vector<T> step_by(const Range<T>& r, int64_t step) {
  if (step <= 0) Fail(rt::errors::kArithmeticError, "step_by needs a positive step");
  std::vector<T> out;
  for (int64_t x = r.lo; x < static_cast<int64_t>(r.last_exclusive()); x += step) out.push_back(static_cast<T>(x));
  return out;
}
template <class C>
auto sum(const C& c) {
  typename std::decay_t<decltype(to_vec(c))>::value_type total{};
  for (const auto& x : to_vec(c)) total = static_cast<decltype(total)>(total + x);
  return total;
}
template <class C>
auto product(const C& c) {
  typename std::decay_t<decltype(to_vec(c))>::value_type total{1};
  for (const auto& x : to_vec(c)) total = static_cast<decltype(total)>(total * x);
  return total;
}
template <class C>
auto min(const C& c) -> std::optional<typename std::decay_t<decltype(to_vec(c))>::value_type> {
  const auto& v = to_vec(c);
  if (v.empty()) return std::nullopt;
  return *std::min_element(v.begin(), v.end());
}
template <class C>
auto max(const C& c) -> std::optional<typename std::decay_t<decltype(to_vec(c))>::value_type> {
  const auto& v = to_vec(c);
  if (v.empty()) return std::nullopt;
  return *std::max_element(v.begin(), v.end());
}
template <class C, class F>
auto map(const C& c, F f) {
  const auto& v = to_vec(c);
  using U = std::decay_t<decltype(f(*v.begin()))>;
  std::vector<std::conditional_t<std::is_same_v<U, bool>, Bool, U>> out;
  out.reserve(v.size());
  for (const auto& x : v) out.push_back(f(x));
  return out;
}
template <class C, class F>
auto flat_map(const C& c, F f) {
  const auto& v = to_vec(c);
  std::decay_t<decltype(f(*v.begin()))> out;
  for (const auto& x : v) {
    auto part = f(x);
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}
template <class C, class F>
auto filter(const C& c, F keep) {
  const auto& v = to_vec(c);
  std::vector<typename std::decay_t<decltype(v)>::value_type> out;
  for (const auto& x : v) {
    if (keep(x)) out.push_back(x);
  }
  return out;
}
template <class C, class F>
void for_each(const C& c, F f) {
  for (const auto& x : to_vec(c)) f(x);
}
template <class C, class F>
void each(const C& c, F f) {
  for_each(c, f);
}
template <class C, class F>
bool any(const C& c, F f) {
  for (const auto& x : to_vec(c)) {
    if (f(x)) return true;
  }
  return false;
}
template <class C, class F>
bool all(const C& c, F f) {
  for (const auto& x : to_vec(c)) {
    if (!f(x)) return false;
  }
  return true;
}
template <class C, class F>
int64_t count_if(const C& c, F f) {
  int64_t n = 0;
  for (const auto& x : to_vec(c)) n += f(x) ? 1 : 0;
  return n;
}
template <class C, class F>
auto find(const C& c, F f) -> std::optional<typename std::decay_t<decltype(to_vec(c))>::value_type> {
  for (const auto& x : to_vec(c)) {
    if (f(x)) return x;
  }
  return std::nullopt;
}
template <class C, class F>
std::optional<int64_t> position(const C& c, F f) {
  int64_t i = 0;
  for (const auto& x : to_vec(c)) {
    if (f(x)) return i;
    ++i;
  }
  return std::nullopt;
}
template <class C, class A, class F>
A fold(const C& c, A acc, F f) {
  for (const auto& x : to_vec(c)) acc = f(std::move(acc), x);
  return acc;
}
template <class C, class F, class A>
A reduce_init(const C& c, F f, A acc) {
  return fold(c, std::move(acc), f);
}
template <class C, class F>
auto reduce(const C& c, F f) -> std::optional<typename std::decay_t<decltype(to_vec(c))>::value_type> {
  const auto& v = to_vec(c);
  if (v.empty()) return std::nullopt;
  auto acc = v[0];
  for (size_t i = 1; i < v.size(); ++i) acc = f(acc, v[i]);
  return acc;
}
template <class C>
auto enumerate(const C& c) {
  const auto& v = to_vec(c);
  std::vector<std::tuple<int64_t, typename std::decay_t<decltype(v)>::value_type>> out;
  out.reserve(v.size());
  int64_t i = 0;
  for (const auto& x : v) out.emplace_back(i++, x);
  return out;
}
template <class C, class U>
auto zip(const C& c, const std::vector<U>& other) {
  const auto& v = to_vec(c);
  std::vector<std::tuple<typename std::decay_t<decltype(v)>::value_type, U>> out;
  for (size_t i = 0; i < v.size() && i < other.size(); ++i) out.emplace_back(v[i], other[i]);
  return out;
}
template <class C>
auto take(const C& c, int64_t n) {
  const auto& v = to_vec(c);
  size_t k = n < 0 ? 0 : std::min<size_t>(n, v.size());
  return std::vector<typename std::decay_t<decltype(v)>::value_type>(v.begin(), v.begin() + k);
}
template <class C>
auto skip(const C& c, int64_t n) {
  const auto& v = to_vec(c);
  size_t k = n < 0 ? 0 : std::min<size_t>(n, v.size());
  return std::vector<typename std::decay_t<decltype(v)>::value_type>(v.begin() + k, v.end());
}
template <class T>
std::string join(const std::vector<T>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    Display(out, v[i]);
  }
  return out;
}

// ---- strings ----
std::string to_upper(const std::string& s);
std::string to_lower(const std::string& s);
inline std::string to_uppercase(const std::string& s) { return to_upper(s); }
inline std::string to_lowercase(const std::string& s) { return to_lower(s); }
std::string trim(const std::string& s);
std::string trim_start(const std::string& s);
std::string trim_end(const std::string& s);
std::vector<std::string> split(const std::string& s, const std::string& sep);
std::vector<std::string> split_whitespace(const std::string& s);
std::vector<std::string> lines(const std::string& s);
std::vector<char32_t> chars(const std::string& s);
std::vector<uint8_t> bytes(const std::string& s);
inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
bool contains(const std::string& s, char32_t c);
inline bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }
bool starts_with(const std::string& s, char32_t c);
inline bool ends_with(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}
bool ends_with(const std::string& s, char32_t c);
std::string replace(const std::string& s, const std::string& from, const std::string& to);
// The longest string `s * n` and `s.repeat(n)` make (1 GiB); a longer one is Ruchy.InvalidArgument.
inline constexpr uint64_t kMaxRepeatedStringBytes = uint64_t{1} << 30;
std::string repeat(const std::string& s, int64_t n);
std::optional<int64_t> find(const std::string& s, const std::string& part);
std::string substring(const std::string& s, int64_t lo, int64_t hi);
char32_t char_at(const std::string& s, int64_t i);
std::optional<std::string> strip_prefix(const std::string& s, const std::string& p);
std::optional<std::string> strip_suffix(const std::string& s, const std::string& p);
inline void push_str(std::string& s, const std::string& more) { s += more; }
void push_char(std::string& s, char32_t c);
std::string reversed(const std::string& s);
inline std::string concat_char(const std::string& s, char32_t c) {
  std::string out = s;
  push_char(out, c);
  return out;
}

// `s.parse::<T>()`: Err carries Rust's message. Integers follow Rust's `from_str_radix(s, 10)`.
template <class T>
Result<T, std::string> parse(const std::string& s);
template <>
Result<double, std::string> parse<double>(const std::string& s);
template <>
Result<bool, std::string> parse<bool>(const std::string& s);
template <>
Result<char32_t, std::string> parse<char32_t>(const std::string& s);
template <class T>
Result<T, std::string> parse(const std::string& s) {
  if constexpr (std::is_integral_v<T>) {
    T value = 0;
    IntParseError e = ParseInteger<T>(s, 10, &value);
    if (e != IntParseError::kNone) return Result<T, std::string>::Err(IntParseMessage(e));
    return Result<T, std::string>::Ok(value);
  } else {
    auto wide = parse<double>(s);
    if (wide.is_err()) return Result<T, std::string>::Err(wide.err_value());
    return Result<T, std::string>::Ok(static_cast<T>(wide.ok_value()));
  }
}

// `s.parse()` used as its value rather than as a Result: the value, or the runtime error
// Ruchy.ParseError with Rust's message.
template <class T>
T parsed_value(Result<T, std::string> parsed) {
  if (parsed.is_err()) Fail(errors::kParseError, "parse(): " + parsed.err_value());
  return std::move(parsed.ok_value());
}

// ---- maps ----
template <class K, class V>
void insert(Map<K, V>& m, Id<K> k, Id<V> v) {
  m.insert_or_assign(std::move(k), std::move(v));
}
template <class K, class V>
std::optional<V> get(const Map<K, V>& m, const Id<K>& k) {
  auto it = m.find(k);
  if (it == m.end()) return std::nullopt;
  return it->second;
}
template <class K, class V>
V get_or(const Map<K, V>& m, const Id<K>& k, Id<V> fallback) {
  auto it = m.find(k);
  return it == m.end() ? fallback : it->second;
}
template <class K, class V>
V get_or_default(const Map<K, V>& m, const Id<K>& k) {
  auto it = m.find(k);
  return it == m.end() ? V{} : it->second;
}
template <class K, class V>
bool contains_key(const Map<K, V>& m, const Id<K>& k) {
  return m.count(k) != 0;
}
template <class K, class V>
std::optional<V> remove(Map<K, V>& m, const Id<K>& k) {
  auto it = m.find(k);
  if (it == m.end()) return std::nullopt;
  V v = std::move(it->second);
  m.erase(it);
  return v;
}
template <class K, class V>
std::vector<K> keys(const Map<K, V>& m) {
  return SortedKeys(m);
}
template <class K, class V>
std::vector<V> values(const Map<K, V>& m) {
  std::vector<V> out;
  for (const auto& k : SortedKeys(m)) out.push_back(m.at(k));
  return out;
}
template <class K, class V>
std::vector<std::tuple<K, V>> items(const Map<K, V>& m) {
  std::vector<std::tuple<K, V>> out;
  for (const auto& k : SortedKeys(m)) out.emplace_back(k, m.at(k));
  return out;
}
template <class K, class V>
std::vector<std::tuple<K, V>> iter(const Map<K, V>& m) {
  return items(m);
}
// `m.entry(k)`: the map's slot for a key. `*m.entry(k).or_insert(v) += 1` changes the map: the
// slot refers to it, and or_insert/or_default return the value in place.
template <class K, class V>
struct MapEntry {
  Map<K, V>* map;
  K key;
};
template <class K, class V>
MapEntry<K, V> entry(Map<K, V>& m, const Id<K>& k) {
  return {&m, k};
}
template <class K, class V>
V& or_insert(MapEntry<K, V> e, Id<V> v) {
  return e.map->try_emplace(std::move(e.key), std::move(v)).first->second;
}
template <class K, class V>
V& or_default(MapEntry<K, V> e) {
  return e.map->try_emplace(std::move(e.key)).first->second;
}
// `let c = m.entry(k).or_insert(v)`: a name for the map's value at `k`, as Rust's `&mut V` is.
// It looks the key up on each use (one hash lookup) rather than holding a reference, so it stays
// right while the map grows and cannot dangle if the key is removed (it is inserted again with
// `v`; Rust would not compile that program).
template <class E>
class Slot;
template <class K, class V>
class Slot<MapEntry<K, V>> {
 public:
  Slot() = default;  // a global, set when the top-level code runs
  explicit Slot(MapEntry<K, V> e) : entry_(std::move(e)) {}
  Slot(MapEntry<K, V> e, Id<V> init) : entry_(std::move(e)), init_(std::move(init)) {}
  V& get() const { return entry_.map->try_emplace(entry_.key, init_).first->second; }

 private:
  MapEntry<K, V> entry_{};
  V init_{};
};
template <class K, class V>
Slot(MapEntry<K, V>) -> Slot<MapEntry<K, V>>;
template <class K, class V, class U>
Slot(MapEntry<K, V>, U) -> Slot<MapEntry<K, V>>;

// ---- sets ----
template <class T>
bool insert(Set<T>& s, Id<T> x) {
  return s.insert(std::move(x)).second;
}
template <class T>
bool contains(const Set<T>& s, const Id<T>& x) {
  return s.count(x) != 0;
}
template <class T>
bool remove(Set<T>& s, const Id<T>& x) {
  return s.erase(x) != 0;
}
template <class T>
Set<T> set_union(const Set<T>& a, const Set<T>& b) {
  Set<T> out(a);
  out.insert(b.begin(), b.end());
  return out;
}
template <class T>
Set<T> intersection(const Set<T>& a, const Set<T>& b) {
  Set<T> out;
  for (const auto& x : a) {
    if (b.count(x)) out.insert(x);
  }
  return out;
}
template <class T>
Set<T> difference(const Set<T>& a, const Set<T>& b) {
  Set<T> out;
  for (const auto& x : a) {
    if (!b.count(x)) out.insert(x);
  }
  return out;
}

// ---- Option ----
template <class T>
bool is_some(const std::optional<T>& o) {
  return o.has_value();
}
template <class T>
bool is_none(const std::optional<T>& o) {
  return !o.has_value();
}
template <class T>
T unwrap_or(const std::optional<T>& o, Id<T> fallback) {
  return o ? *o : fallback;
}
template <class T>
T unwrap_or_default(const std::optional<T>& o) {
  return o ? *o : T{};
}
template <class T, class F>
T unwrap_or_else(const std::optional<T>& o, F f) {
  return o ? *o : f();
}
template <class T, class F>
auto map(const std::optional<T>& o, F f) -> std::optional<std::decay_t<decltype(f(*o))>> {
  if (!o) return std::nullopt;
  return f(*o);
}
template <class T, class F>
auto and_then(const std::optional<T>& o, F f) -> std::decay_t<decltype(f(*o))> {
  if (!o) return std::nullopt;
  return f(*o);
}
template <class T, class F>
std::optional<T> filter(const std::optional<T>& o, F keep) {
  if (o && keep(*o)) return o;
  return std::nullopt;
}
template <class T>
std::optional<T> or_else_value(const std::optional<T>& o, const std::optional<T>& other) {
  return o ? o : other;
}
template <class T, class E>
Result<T, E> ok_or(const std::optional<T>& o, E err) {
  if (o) return Result<T, E>::Ok(*o);
  return Result<T, E>::Err(std::move(err));
}

// ---- Result ----
template <class T, class E>
bool is_ok(const Result<T, E>& r) {
  return r.is_ok();
}
template <class T, class E>
bool is_err(const Result<T, E>& r) {
  return r.is_err();
}
template <class T, class E>
T unwrap_or(const Result<T, E>& r, Id<T> fallback) {
  return r.is_ok() ? r.ok_value() : fallback;
}
template <class T, class E>
T unwrap_or_default(const Result<T, E>& r) {
  return r.is_ok() ? r.ok_value() : T{};
}
template <class T, class E, class F>
T unwrap_or_else(const Result<T, E>& r, F f) {
  return r.is_ok() ? r.ok_value() : f(r.err_value());
}
template <class T, class E>
std::optional<T> ok(const Result<T, E>& r) {
  if (r.is_ok()) return r.ok_value();
  return std::nullopt;
}
template <class T, class E>
std::optional<E> err(const Result<T, E>& r) {
  if (r.is_err()) return r.err_value();
  return std::nullopt;
}
template <class T, class E, class F>
auto map(const Result<T, E>& r, F f) -> Result<std::decay_t<decltype(f(r.ok_value()))>, E> {
  using R = Result<std::decay_t<decltype(f(r.ok_value()))>, E>;
  if (r.is_ok()) return R::Ok(f(r.ok_value()));
  return R::Err(r.err_value());
}
template <class T, class E, class F>
auto map_err(const Result<T, E>& r, F f) -> Result<T, std::decay_t<decltype(f(r.err_value()))>> {
  using R = Result<T, std::decay_t<decltype(f(r.err_value()))>>;
  if (r.is_ok()) return R::Ok(r.ok_value());
  return R::Err(f(r.err_value()));
}
template <class T, class E, class F>
auto and_then(const Result<T, E>& r, F f) -> std::decay_t<decltype(f(r.ok_value()))> {
  using R = std::decay_t<decltype(f(r.ok_value()))>;
  if (r.is_ok()) return f(r.ok_value());
  return R::Err(r.err_value());
}

// ---- numbers ----
template <class T>
T abs(T v) {
  if constexpr (std::is_integral_v<T>) {
    return v < 0 ? neg(v) : v;
  } else {
    return std::fabs(v);
  }
}
template <class T>
T signum(T v) {
  return v > 0 ? T{1} : v < 0 ? T{-1} : T{0};
}
template <class T, class E>
T pow_method(T base, E exp) {
  if constexpr (std::is_integral_v<T>) {
    return pow<T>(base, static_cast<T>(exp));
  } else {
    return std::pow(base, static_cast<T>(exp));
  }
}
// As Rust's: for floats a NaN loses to a number.
template <class T>
T min(T a, Id<T> b) {
  if constexpr (std::is_floating_point_v<T>) return std::fmin(a, b);
  else return b < a ? b : a;
}
template <class T>
T max(T a, Id<T> b) {
  if constexpr (std::is_floating_point_v<T>) return std::fmax(a, b);
  else return a < b ? b : a;
}
template <class T>
T clamp(T v, Id<T> lo, Id<T> hi) {
  return v < lo ? lo : hi < v ? hi : v;
}
template <class T>
bool is_even(T v) {
  return v % 2 == 0;
}
template <class T>
bool is_odd(T v) {
  return v % 2 != 0;
}
template <class T>
bool is_positive(T v) {
  return v > 0;
}
template <class T>
bool is_negative(T v) {
  return v < 0;
}
template <class T>
double to_f64(T v) {
  return static_cast<double>(v);
}
inline int64_t to_i64(double v) { return cast<int64_t>(v); }
inline double sqrt(double v) { return std::sqrt(v); }
inline double floor(double v) { return std::floor(v); }
inline double ceil(double v) { return std::ceil(v); }
inline double round(double v) { return std::round(v); }
inline double trunc(double v) { return std::trunc(v); }
inline double fract(double v) { return v - std::trunc(v); }
inline double sin(double v) { return std::sin(v); }
inline double cos(double v) { return std::cos(v); }
inline double tan(double v) { return std::tan(v); }
inline double asin(double v) { return std::asin(v); }
inline double acos(double v) { return std::acos(v); }
inline double atan(double v) { return std::atan(v); }
inline double atan2(double y, double x) { return std::atan2(y, x); }
inline double hypot(double a, double b) { return std::hypot(a, b); }
inline double ln(double v) { return std::log(v); }
inline double log(double v, double base) { return std::log(v) / std::log(base); }
inline double log10(double v) { return std::log10(v); }
inline double log2(double v) { return std::log2(v); }
inline double exp(double v) { return std::exp(v); }
inline double cbrt(double v) { return std::cbrt(v); }
inline double powi(double v, int32_t e) { return std::pow(v, e); }
inline double powf(double v, double e) { return std::pow(v, e); }
inline bool is_nan(double v) { return std::isnan(v); }
inline bool is_infinite(double v) { return std::isinf(v); }
inline bool is_finite(double v) { return std::isfinite(v); }

// ---- chars ----
// Unicode classes and case mappings as Rust defines them (stdlib/unicode.cc): a char maps to a
// char by the simple mapping; the String functions above apply the full one (ß -> SS).
bool is_alphabetic(char32_t c);
bool is_numeric(char32_t c);
bool is_alphanumeric(char32_t c);
bool is_whitespace(char32_t c);
bool is_uppercase(char32_t c);
bool is_lowercase(char32_t c);
inline bool is_ascii(char32_t c) { return c < 0x80; }
inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_punctuation(char32_t c) { return c < 0x80 && std::ispunct(static_cast<int>(c)); }
bool is_digit(char32_t c, uint32_t radix);
std::optional<uint32_t> to_digit(char32_t c, uint32_t radix);
char32_t to_uppercase(char32_t c);
char32_t to_lowercase(char32_t c);
inline char32_t to_ascii_uppercase(char32_t c) { return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c; }
inline char32_t to_ascii_lowercase(char32_t c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }
// The version of the Unicode Character Database the tables were generated from ("15.0.0").
const char* unicode_version();

}  // namespace rt

#endif  // RUCHY_STD_COLLECTIONS_H_
