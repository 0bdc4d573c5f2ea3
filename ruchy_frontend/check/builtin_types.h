// The names of the built-in types (`i32`, `String`, `Vec`, `HashMap`, ...) in one table, read by
// written types (declarations.cc) and by built-in signatures (builtin_calls.cc).
#ifndef RUCHY_FRONTEND_CHECK_BUILTIN_TYPES_H_
#define RUCHY_FRONTEND_CHECK_BUILTIN_TYPES_H_

#include <string>
#include <string_view>
#include <vector>

#include "ruchy_frontend/check/types.h"

namespace ruchy {

struct BuiltinTypeName {
  enum class Use {
    kUser,         // a program may write it
    kInternal,     // only built-in signatures name it (`Entry`)
    kWrapper,      // `Box<T>`, `Rc<T>`...: ownership wrappers that mean the value itself here
    kUnsupported,  // written by real programs but not compiled: a diagnostic says so
  };
  std::string_view name;
  TypeKind kind;
  int arity = 0;  // type arguments
  int bits = 64;
  bool is_signed = true;
  Use use = Use::kUser;
  std::string_view why = "";  // kUnsupported: the message's reason
};

// The row for a type name, or null for a name that is not built in.
const BuiltinTypeName* FindBuiltinTypeName(std::string_view name);

// The names a program may write (not kInternal), for "did you mean" suggestions.
std::vector<std::string> WritableBuiltinTypeNames();

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CHECK_BUILTIN_TYPES_H_
