// What the checker hands to the code generator: every function instance with the type of each
// expression, what each call resolves to, and the C++ name of each local binding. The syntax tree
// itself is not modified.
#ifndef RUCHY_FRONTEND_CHECK_CHECKED_PROGRAM_H_
#define RUCHY_FRONTEND_CHECK_CHECKED_PROGRAM_H_

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ruchy_frontend/ast/ast.h"
#include "ruchy_frontend/builtins/builtin_table.h"
#include "ruchy_frontend/check/types.h"

namespace ruchy {

struct FunctionInstance;

enum class CallKind {
  kFunction,       // a user function instance (free function, or static/associated function)
  kMethod,         // a user method instance called on a receiver
  kConstructor,    // a class constructor: `Counter::new(1)`, `Counter(1)`, named constructors
  kTupleStruct,    // `Meters(5.0)`
  kVariant,        // `Shape::Circle(1.0)`
  kClosure,        // calling a value of function type
  kBuiltin,        // a row of the built-in table (function, method, property or constant)
  kJsonMember,     // `event.name`: a member of a JSON object
  kExtern,         // a C function declared in an `extern "C"` block (CheckedProgram::externs)
  kDynMethod,      // a trait method called on a `dyn Trait` value (type = the trait): a virtual call
};

struct CallInfo {
  CallKind kind = CallKind::kBuiltin;
  FunctionInstance* target = nullptr;
  BuiltinId builtin = BuiltinId::kCount;  // kBuiltin
  Type* self_type = nullptr;              // kBuiltin: what `Self` is in the row's signature
  std::vector<Type*> type_vars;           // kBuiltin: the row's turbofish variables, in order
  const TypeDecl* type = nullptr;
  int variant = -1;
  const FunDecl* extern_fun = nullptr;  // kExtern
  bool parsed_value = false;  // `s.parse()` used as its value, not a Result (check/parse_results.cc)
};

// How one parameter of a C function crosses (check/extern.cc, docs/language.md "C interop").
struct ExternParam {
  enum class Kind {
    kScalar,     // a fixed-width integer, f32, f64 or bool: by value
    kBytes,      // `&[u8]`: two C parameters, `const void*` and `size_t`, viewing a Vec<u8> or String
    kMutBytes,   // `&mut [u8]`: `void*` and `size_t`, viewing a Vec<u8> variable that C may fill
    kCString,    // `&str`: a NUL-terminated `const char*` viewing a String (no copy)
    kStruct,     // `&T` / `&mut T` of a `#[repr(C)]` struct: a pointer to the variable
  };
  Kind kind = Kind::kScalar;
  Type* type = nullptr;  // kScalar: the type; kStruct: the struct
  bool is_mut = false;   // kStruct: `&mut`
};

struct ExternSignature {
  const FunDecl* decl = nullptr;
  std::string c_name;  // the symbol: the declared name, or `#[link_name = "..."]`
  std::vector<ExternParam> params;
  enum class Result { kUnit, kScalar, kOptionString } result = Result::kUnit;
  Type* ret = nullptr;  // the Ruchy type a call gives
};

// A `#[test]` (or `@test("name")`) function, run by the test runner of a `ruchy_test`.
struct TestCase {
  std::string name;  // as reported: the function's name, or the decorator's display name
  FunctionInstance* inst = nullptr;
  bool returns_result = false;  // an `Err` fails the test
};

// Conversions the checker decided on for an expression (the code generator applies them).
enum class Coercion { kNone, kToJson, kToError, kToFloat, kToDyn };

struct FunctionInstance {
  const FunDecl* decl = nullptr;   // null for the program's top-level code
  const TypeDecl* owner = nullptr; // the struct/class/enum a method belongs to
  std::string cpp_name;
  std::vector<Type*> params;
  Type* ret = nullptr;
  Type* self_type = nullptr;
  bool checked = false;
  bool is_lifted = false;  // a nested function lifted to namespace scope
  // A coroutine: an `async fun` (callers get Task<ret>), or top-level code that awaits.
  bool is_async = false;
  FunctionInstance* same_as = nullptr;  // a generic instance identical to an earlier one

  std::unordered_map<const Expr*, Type*> types;
  std::unordered_map<const Expr*, CallInfo> calls;
  std::unordered_map<const Expr*, Coercion> coercions;
  std::unordered_map<const Expr*, const TypeDecl*> dyn_coercions;  // kToDyn: to which trait
  std::unordered_map<const Pattern*, Type*> pattern_types;
  // C++ names: binding patterns/params/closure params -> name, and name expressions -> name.
  std::unordered_map<const void*, std::string> names;
  // Names that refer to top-level (global) bindings.
  std::unordered_set<const Expr*> global_refs;
  // Locals (by C++ name) that a closure captures, that something assigns or changes, and both:
  // a shared local lives on the heap so the closure and its scope see one variable (docs/language.md).
  std::unordered_set<std::string> captured, mutated, shared;
  // Locals (by C++ name) bound to a map's slot (`let c = m.entry(k).or_insert(0)`): an rt::Slot
  // that looks the key up on every use, so `*c += 1` changes the map (docs/language.md).
  std::unordered_set<std::string> slots;
  // `name = value` statements that declare `name` (check/declaring_assignment.cc): emitted as a
  // declaration of the C++ name in `names` (keyed by the assignment).
  std::unordered_set<const Expr*> declaring_assigns;
};

struct GlobalBinding {
  std::string cpp_name;
  Type* type = nullptr;
  bool is_const = false;
  const Expr* let = nullptr;
};

struct TypeInfo {
  const TypeDecl* decl = nullptr;
  Type* type = nullptr;
  std::map<std::string, const FunDecl*> methods;  // own, impl and trait-default methods
  std::vector<std::string> traits;
  std::vector<Type*> field_types;                          // struct/class fields, in order
  std::vector<std::vector<Type*>> variant_types;           // enum variants' payloads / fields
  // Members written with `Box` (`Box<Tree>`, `Option<Box<Node>>`): stored in an rt::Box, which is
  // what lets a type hold itself. Parallel to field_types and variant_types.
  std::vector<bool> field_boxed;
  std::vector<std::vector<bool>> variant_boxed;
  // A generic declaration (`struct Stack<T>`): its type parameters, as placeholders that the
  // member types above are written in. It is never emitted; each concrete use (`Stack<i64>`) is an
  // instance entry of its own in CheckedProgram::types, keyed by TypeKey, with the members
  // substituted and `cpp_name` set (check/generic_types.cc).
  std::vector<Type*> type_params;
  std::string cpp_name;  // instances only: the C++ struct (`tg1_Stack`)
};

struct CheckedProgram {
  std::vector<std::unique_ptr<FunctionInstance>> instances;  // in order of first use
  FunctionInstance* top_level = nullptr;
  std::vector<const Expr*> top_level_stmts;  // in source order; run once, at start (or init)
  FunctionInstance* main = nullptr;  // `fun main()`, if any
  std::map<std::string, GlobalBinding> globals;  // by C++ name
  std::vector<std::string> global_order;         // C++ names, in definition order
  std::map<const Expr*, std::string> global_lets;  // top-level let -> C++ name of its global
  std::unordered_set<const Expr*> slot_lets;       // lets that bind a map's slot (an rt::Slot)
  std::unordered_set<std::string> global_slots;    // globals among them, by C++ name
  std::map<std::string, TypeInfo> types;  // by TypeKey: `Point`, `geo::Stack`, `Stack<i64>`
  std::vector<std::string> type_order;  // declaration order, then generic instances
  // The declarations of record shapes (`{age, name}`, check/records.cc), which no source holds.
  std::deque<TypeDecl> record_decls;
  std::vector<const TypeDecl*> dyn_traits;  // traits used as `dyn Trait`, in order of first use
  struct DynSignature {
    std::vector<Type*> params;
    Type* result = nullptr;
  };
  std::map<const FunDecl*, DynSignature> dyn_signatures;  // their methods' types
  // Lambda handler entry, if the file defines one.
  FunctionInstance* handler = nullptr;
  // C functions, in declaration order.
  std::vector<ExternSignature> externs;
  std::unordered_map<const FunDecl*, size_t> extern_index;
  std::vector<TestCase> tests;  // in source order
  // `#[inline]` and `#[inline(always)]` (true) and `#[inline(never)]` (false) on a function.
  std::unordered_map<const FunDecl*, bool> inline_hints;
  std::unordered_set<const TypeDecl*> repr_c;  // `#[repr(C)]` structs
  enum class HandlerForm { kNone, kJson, kTyped, kLegacy } handler_form = HandlerForm::kNone;
};

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CHECK_CHECKED_PROGRAM_H_
