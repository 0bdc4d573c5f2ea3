// File: stdlib/async/opaque_values.h
//
// Tasks, join handles and sockets as members of Ruchy values. Generated code gives every struct,
// enum and class a printer (RuchyDebug) and JSON conversions (RuchyToJson, RuchyFromJson), which
// call the same functions on each member, and a `match` prints its scrutinee when no arm matched.
// A task, join handle, TcpStream or TcpListener has no printed or JSON form of its own (the checker
// rejects printing one directly), but a struct, an Option or a Result may hold one
// (`stream: TcpStream`), so these overloads, found by argument-dependent lookup, let such a
// value's helpers compile: they print a placeholder (a socket says whether it is open), convert to
// null, and refuse to be read from JSON.
#ifndef STDLIB_ASYNC_OPAQUE_VALUES_H_
#define STDLIB_ASYNC_OPAQUE_VALUES_H_

#include <string>
#include <utility>
#include <vector>

#include "ruchy/json.h"
#include "stdlib/async/spawn.h"
#include "stdlib/async/task.h"
#include "stdlib/async/tcp.h"

namespace rt {

template <class T>
void RuchyDebug(std::string& out, const Task<T>&) {
  out += "<task>";
}
template <class T>
void RuchyDebug(std::string& out, const JoinHandle<T>&) {
  out += "<join handle>";
}

// `<TcpStream fd 5>`, or `<TcpStream closed>`: enough to tell streams apart in a log line.
inline void RuchyDebug(std::string& out, const TcpStream& s) {
  out += s.fd() < 0 ? std::string("<TcpStream closed>") : "<TcpStream fd " + std::to_string(s.fd()) + ">";
}
inline void RuchyDebug(std::string& out, const TcpListener& l) {
  out += l.fd() < 0 ? std::string("<TcpListener closed>") : "<TcpListener fd " + std::to_string(l.fd()) + ">";
}

template <class T>
Json RuchyToJson(const Task<T>&) {
  return Json::Null();
}
template <class T>
Json RuchyToJson(const JoinHandle<T>&) {
  return Json::Null();
}

inline Json RuchyToJson(const TcpStream&) { return Json::Null(); }
inline Json RuchyToJson(const TcpListener&) { return Json::Null(); }

template <class T>
void RuchyFromJson(const Json& j, const std::string& where, Task<T>*) {
  FailJsonShape(where, "a value of a type JSON cannot describe (a task)", j);
}
template <class T>
void RuchyFromJson(const Json& j, const std::string& where, JoinHandle<T>*) {
  FailJsonShape(where, "a value of a type JSON cannot describe (a join handle)", j);
}

inline void RuchyFromJson(const Json& j, const std::string& where, TcpStream*) {
  FailJsonShape(where, "a value of a type JSON cannot describe (a TcpStream)", j);
}
inline void RuchyFromJson(const Json& j, const std::string& where, TcpListener*) {
  FailJsonShape(where, "a value of a type JSON cannot describe (a TcpListener)", j);
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
