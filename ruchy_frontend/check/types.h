// Ruchy's static types. The reference interpreter is dynamic; this compiler infers static types
// (local unification; untyped parameters are generic and instantiated per call site) so the
// generated C++ has no boxing. Types live in an arena and are compared after resolving type
// variables (`Resolve`).
#ifndef RUCHY_FRONTEND_CHECK_TYPES_H_
#define RUCHY_FRONTEND_CHECK_TYPES_H_

#include <deque>
#include <string>
#include <vector>

#include "ruchy_frontend/ast/ast.h"

namespace ruchy {

enum class TypeKind {
  kVar,      // an inference variable (bound or not)
  kNever,    // the type of `return`, `break`, `throw`: fits anywhere
  kUnit,
  kBool,
  kInt,      // bits, is_signed
  kFloat,    // bits
  kChar,
  kString,
  kVec,      // args[0]
  kMap,      // args[0] key, args[1] value
  kSet,      // args[0]
  kTuple,    // args
  kOption,   // args[0]
  kResult,   // args[0] ok, args[1] err
  kFn,       // args = params..., ret
  kRange,    // args[0]
  kEntry,    // args[0] key, args[1] value: a map's slot (`m.entry(k)`)
  kStruct,   // decl (struct, tuple struct); args: a generic struct's type arguments
  kClass,    // decl (reference semantics)
  kEnum,     // decl; args: a generic enum's type arguments
  kJson,     // a JSON value (the Lambda event and response)
  kContext,  // the Lambda invocation context
  kError,    // a handler error (message + errorType)
  kOrdering, // what comparators return: Less, Equal or Greater
  kTask,        // args[0]: what an `async fun` call gives; `await` yields args[0]
  kJoinHandle,  // args[0]: a spawned task (`spawn(f())`); `await` joins it
  kTcpListener, // a listening socket on the event loop
  kTcpStream,   // a TCP connection on the event loop
  kDyn,         // decl (a trait): `Box<dyn Shape>`, a value of any type implementing it
};

struct Type {
  TypeKind kind = TypeKind::kUnit;
  int bits = 64;
  bool is_signed = true;
  std::vector<Type*> args;
  Type* ret = nullptr;
  const TypeDecl* decl = nullptr;
  // kVar
  int var_id = 0;
  Type* bound = nullptr;
  bool int_literal = false;    // an unsuffixed integer literal: defaults to i64
  bool float_literal = false;  // an unsuffixed float literal: defaults to f64
};

class TypeArena {
 public:
  TypeArena();
  Type* Make(TypeKind kind);
  Type* Var();
  Type* IntLiteralVar();
  Type* FloatLiteralVar();
  Type* Int(int bits, bool is_signed);
  Type* Float(int bits);
  Type* Vec(Type* elem);
  Type* Map(Type* key, Type* value);
  Type* Set(Type* elem);
  Type* Option(Type* inner);
  Type* Result(Type* ok, Type* err);
  Type* Tuple(std::vector<Type*> elems);
  Type* Fn(std::vector<Type*> params, Type* ret);
  Type* Range(Type* elem);
  Type* Entry(Type* key, Type* value);
  Type* Task(Type* result);
  Type* JoinHandle(Type* result);
  // A user type; a generic one (`Stack<i64>`) with its type arguments.
  Type* Nominal(TypeKind kind, const TypeDecl* decl, std::vector<Type*> args = {});

  Type* unit() const { return unit_; }
  Type* never() const { return never_; }
  Type* boolean() const { return bool_; }
  Type* i64() const { return i64_; }
  Type* f64() const { return f64_; }
  Type* character() const { return char_; }
  Type* string() const { return string_; }
  Type* json() const { return json_; }
  Type* context() const { return context_; }
  Type* error() const { return error_; }

 private:
  std::deque<Type> types_;
  int next_var_ = 1;
  Type *unit_, *never_, *bool_, *i64_, *f64_, *char_, *string_, *json_, *context_, *error_;
};

// Follows bound variables to the representative type.
Type* Resolve(Type* t);
// Binds unresolved literal variables to their defaults (i64, f64), recursively.
void ApplyDefaults(Type* t);
// True when no unbound variable remains inside.
bool IsConcrete(Type* t);
bool IsNumeric(Type* t);
bool IsInteger(Type* t);
bool IsFloat(Type* t);
// A task or join handle: what `await` takes. Such values are single-use (move-only in C++).
bool IsAwaitable(Type* t);

// The part of T that has no printed form (a function, a task, a join handle, a socket), looking
// through vectors, maps, sets, tuples, options, results and ranges; null when T prints.
// User types are not entered: their printing is generated from their fields.
Type* UnprintablePart(Type* t);
// Unifies; on failure returns false and leaves both types as they were where possible.
bool Unify(Type* a, Type* b);

// `i64`, `Vec<String>`, `HashMap<String, i64>`, `(i64, bool)`, `fn(i64) -> i64`, `Point`, `_`.
std::string TypeName(Type* t);
// A stable key identifying a resolved type (used to share generic instances).
std::string TypeKey(Type* t);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CHECK_TYPES_H_
