// File: runtime/cpp/internal/caught_error.h
//
// Runs handler code (init, an invoke) and turns a C++ exception escaping it into the error the
// Runtime API is told about: errorType the exception's readable type name, errorMessage its
// what(). Shared by the C++ runtime and the Ruchy runtime's handler seam, so both report a
// throwing handler the same way.
#ifndef RUNTIME_CPP_INTERNAL_CAUGHT_ERROR_H_
#define RUNTIME_CPP_INTERNAL_CAUGHT_ERROR_H_

#include <exception>
#include <optional>
#include <typeinfo>

#include "runtime/cpp/internal/type_name.h"
#include "runtime/handler.h"

namespace lambda::internal {

// Calls F; nothing if it returns, the error if it throws.
template <typename F>
std::optional<InitError> CatchAsError(F&& f) {
  try {
    f();
    return std::nullopt;
  } catch (const std::exception& e) {
    return InitError{ReadableTypeName(typeid(e).name()), e.what()};
  } catch (...) {
    return InitError{"UnknownException", "the handler threw something that is not a std::exception"};
  }
}

}  // namespace lambda::internal

#endif  // RUNTIME_CPP_INTERNAL_CAUGHT_ERROR_H_
