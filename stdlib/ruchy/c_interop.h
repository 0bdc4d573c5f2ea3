// What generated code needs to call C functions declared in `extern "C"` blocks
// (docs/language.md, "C interop"). Views pass the caller's storage itself: nothing here copies a
// buffer on the way in; only a C string coming back is copied, because C owns it.
#ifndef STDLIB_RUCHY_C_INTEROP_H_
#define STDLIB_RUCHY_C_INTEROP_H_

#include <cstring>
#include <optional>
#include <string>

#include "ruchy/core.h"
#include "ruchy/error_types.h"

namespace rt {

// A String as the NUL-terminated `const char*` C wants, without a copy: std::string always keeps
// a NUL after its bytes. A NUL inside would make C see a shorter string than Ruchy holds, so it is
// the runtime error Ruchy.InvalidArgument instead.
inline const char* CStringView(const std::string& s, const char* function) {
  if (std::memchr(s.data(), '\0', s.size()) != nullptr) {
    Fail(errors::kInvalidArgument, std::string("a string passed to C function `") + function + "` contains a NUL byte");
  }
  return s.c_str();
}

// A call of a C function returning void, as the unit value a Ruchy call gives (and a statement
// clang does not call unused, as it would `(f(), Unit{})`).
template <typename Call>
Unit CallUnit(Call call) {
  call();
  return Unit{};
}

// A `const char*` returned by C (getenv): None for NULL, else a copy of its bytes.
inline std::optional<std::string> CStringResult(const char* s) {
  if (s == nullptr) return std::nullopt;
  return std::string(s);
}

}  // namespace rt

#endif  // STDLIB_RUCHY_C_INTEROP_H_
