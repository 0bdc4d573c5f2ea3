// File: runtime/cpp/internal/type_name.h
//
// The errorType of an exception that escapes initialisation: its C++ type name, readable, without
// the demangler (abi::__cxa_demangle is tens of KB linked into every bootstrap for this one use).
#ifndef RUNTIME_CPP_INTERNAL_TYPE_NAME_H_
#define RUNTIME_CPP_INTERNAL_TYPE_NAME_H_

#include <string>

namespace lambda::internal {

// Decodes the names std::type_info::name() gives classes in the Itanium C++ ABI (every Linux
// compiler): a plain class ("5Error" -> "Error"), a class in namespaces ("N4mylib5ErrorE" ->
// "mylib::Error"), and std's ("St13runtime_error" -> "std::runtime_error"; libc++'s inline
// namespace "std::__1::" is left out). Anything else (templates, local classes) comes back as
// the mangled name it was given: still exact, only less pretty.
std::string ReadableTypeName(const char* mangled);

}  // namespace lambda::internal

#endif  // RUNTIME_CPP_INTERNAL_TYPE_NAME_H_
