// File: stdlib/async/opaque_values.h
//
// Tasks and join handles as members of Ruchy values. Generated code gives every struct, enum and
// class a printer (RuchyDebug) and JSON conversions (RuchyToJson, RuchyFromJson), which call the
// same functions on each member. A task or join handle has no printed or JSON form (the checker
// rejects printing one), but a struct may hold one (`handle: JoinHandle<i64>`), so these
// overloads, found by argument-dependent lookup, let such a struct's helpers compile: they print a
// placeholder, convert to null, and refuse to be read from JSON.
#ifndef STDLIB_ASYNC_OPAQUE_VALUES_H_
#define STDLIB_ASYNC_OPAQUE_VALUES_H_

#include <string>
#include <utility>
#include <vector>

#include "ruchy/json.h"
#include "stdlib/async/spawn.h"
#include "stdlib/async/task.h"

namespace rt {

template <class T>
void RuchyDebug(std::string& out, const Task<T>&) {
  out += "<task>";
}
template <class T>
void RuchyDebug(std::string& out, const JoinHandle<T>&) {
  out += "<join handle>";
}

template <class T>
Json RuchyToJson(const Task<T>&) {
  return Json::Null();
}
template <class T>
Json RuchyToJson(const JoinHandle<T>&) {
  return Json::Null();
}

template <class T>
void RuchyFromJson(const Json& j, const std::string& where, Task<T>*) {
  FailJsonShape(where, "a value of a type JSON cannot describe (a task)", j);
}
template <class T>
void RuchyFromJson(const Json& j, const std::string& where, JoinHandle<T>*) {
  FailJsonShape(where, "a value of a type JSON cannot describe (a join handle)", j);
}

// A vector literal of values that cannot be copied (`[spawn(a()), spawn(b())]`): each item is
// moved in (a braced list would copy).
template <class T, class... Items>
std::vector<T> VecOfMoved(Items&&... items) {
  std::vector<T> out;
  out.reserve(sizeof...(Items));
  (out.push_back(std::forward<Items>(items)), ...);
  return out;
}

}  // namespace rt

#endif  // STDLIB_ASYNC_OPAQUE_VALUES_H_
