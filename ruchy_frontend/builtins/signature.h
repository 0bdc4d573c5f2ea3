// Signatures of built-ins, as written in builtins.def (`(fn(T) -> U) -> Vec<U>`), parsed once
// into small trees the checker instantiates per call. This file knows nothing of the checker's
// types: a SigType is only a shape with names.
#ifndef RUCHY_FRONTEND_BUILTINS_SIGNATURE_H_
#define RUCHY_FRONTEND_BUILTINS_SIGNATURE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ruchy {

struct SigType {
  enum class Kind {
    kNamed,     // a concrete type with arguments: `i64`, `Vec<T>`, `Map<K, V>`, `String`
    kVar,       // a type variable: one capital letter (`T`)
    kSelf,      // `Self`: the receiver's type, or the type before `::`
    kAnyInt,    // `Int`: any integer type (a fresh integer variable per use)
    kTuple,     // `(A, B)`; `()` is the unit type
    kFn,        // `fn(A, B) -> R`: args are the parameters, then the result last
    kNever,     // `!`
  };
  Kind kind = Kind::kNamed;
  std::string name;           // kNamed: `Vec`; kVar: `T`
  std::vector<SigType> args;  // kNamed type arguments; kTuple elements; kFn params + result

  // The signature's own text form: `Vec<T>`, `fn(T) -> bool`.
  std::string ToString() const;
};

struct Signature {
  std::vector<std::string> turbofish;  // `<U, A>`: the variables a turbofish sets, in order
  std::vector<SigType> params;
  bool variadic = false;  // a trailing `...`: any number of printable values
  SigType result;

  std::string ToString() const;
};

// Parses `<U>(T, fn(T) -> U) -> Vec<U>`. On malformed text returns false with `error` saying
// where; the table is checked at start-up and by a unit test, so a bad row never ships.
bool ParseSignature(std::string_view text, Signature* out, std::string* error);
bool ParseSigType(std::string_view text, SigType* out, std::string* error);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_BUILTINS_SIGNATURE_H_
