// The one header generated Ruchy code includes.
#ifndef RUCHY_STD_PRELUDE_H_
#define RUCHY_STD_PRELUDE_H_

#include "ruchy/box.h"
#include "ruchy/collections.h"
#include "ruchy/core.h"
#include "ruchy/display.h"
#include "ruchy/error.h"
#include "ruchy/json.h"
#include "ruchy/math.h"
#include "ruchy/ordering.h"
#include "ruchy/sequences.h"
#include "ruchy/stack_guard.h"
#include "ruchy/system.h"
#include "ruchy/text.h"

namespace rt {

// Runs a program's top-level code and main(); a runtime error prints `Error: message` on stderr
// and exits 1. Output is buffered and flushed at exit.
int RunProgram(int argc, char** argv, void (*body)());

// Program arguments for `std::env::args()`.
const std::vector<std::string>& Args();

inline std::string to_string(const Json& j) { return Stringify(j); }
inline std::optional<std::string> as_str(const Json& j) { return j.as_str(); }
inline std::optional<int64_t> as_i64(const Json& j) { return j.as_i64(); }
inline std::optional<double> as_f64(const Json& j) { return j.as_f64(); }
inline std::optional<bool> as_bool(const Json& j) { return j.as_bool(); }
inline std::optional<std::vector<Json>> as_array(const Json& j) { return j.as_array(); }
// `j.as_object()`: the members as a map (a repeated key keeps its last value, as serde_json does).
inline std::optional<Map<std::string, Json>> as_object(const Json& j) {
  if (!j.is_object()) return std::nullopt;
  Map<std::string, Json> out;
  for (const auto& [key, value] : j.members()) out.insert_or_assign(key, value);
  return out;
}
inline bool is_null(const Json& j) { return j.is_null(); }
inline bool is_string(const Json& j) { return j.is_string(); }
inline bool is_number(const Json& j) { return j.is_number(); }
inline bool is_object(const Json& j) { return j.is_object(); }
inline bool is_array(const Json& j) { return j.is_array(); }
inline bool is_bool(const Json& j) { return j.is_bool(); }
inline int64_t len(const Json& j) { return j.size(); }
inline std::vector<std::string> keys(const Json& j) { return j.keys(); }
inline bool contains_key(const Json& j, const std::string& k) { return j.contains_key(k); }
inline std::optional<Json> json_get(const Json& j, const std::string& k) { return j.get(k); }
inline void json_set(Json& j, const std::string& k, Json v) { j.set(k, std::move(v)); }
inline void json_push(Json& j, Json v) { j.push(std::move(v)); }
inline const Json& at(const Json& j, const std::string& k) { return j[k]; }
inline const Json& at(const Json& j, int64_t i) { return j[i]; }

}  // namespace rt

#endif  // RUCHY_STD_PRELUDE_H_
