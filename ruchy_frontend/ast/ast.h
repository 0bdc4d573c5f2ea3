// The Ruchy syntax tree. Ruchy is expression-oriented (blocks, `if`, `match` and loops are
// expressions), so statements are expressions too; declarations are Items.
//
// Nodes are one struct per category (Expr, Pattern, TypeExpr) with a kind and the fields each
// kind uses, documented next to the kind. The tree is owned by unique_ptrs; the checker and code
// generator refer to nodes by pointer and keep their results in side tables, so the tree stays
// immutable after parsing.
#ifndef RUCHY_FRONTEND_AST_AST_H_
#define RUCHY_FRONTEND_AST_AST_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ruchy_frontend/lex/token.h"
#include "ruchy_frontend/source/source_file.h"

namespace ruchy {

struct Expr;
struct Pattern;
struct TypeExpr;
struct FunDecl;
using ExprPtr = std::unique_ptr<Expr>;
using PatternPtr = std::unique_ptr<Pattern>;
using TypeExprPtr = std::unique_ptr<TypeExpr>;

// A written type: `i64`, `Vec<String>`, `[i64]`, `(i64, String)`, `fn(i64) -> i64`, `&str`
// (references are accepted and mean the referenced type).
struct TypeExpr {
  enum class Kind { kNamed, kTuple, kArray, kFn, kInfer };
  Kind kind = Kind::kNamed;
  Loc loc;
  std::string name;                // kNamed: `Vec`, `HashMap`, `Point`, `T`
  std::vector<TypeExprPtr> args;   // kNamed generic args; kTuple elements; kArray [elem]; kFn params
  TypeExprPtr ret;                 // kFn
  // How the type was written: `&T` or `&mut T`. Ruchy code ignores it (a reference means the
  // type itself); an `extern "C"` signature reads it (`&[u8]` is a byte view, docs/language.md).
  bool is_ref = false;
  bool is_mut_ref = false;
  bool is_dyn = false;             // `dyn Trait`: a trait object
};

// An attribute on a declaration: `#[inline]`, `#[derive(Debug, Clone)]`, `#[inline(always)]`,
// `#[repr(C)]`, or the reference's decorator line `@test("adds")`. The checker gives each its
// meaning or reports it (check/attributes.cc); none is ignored.
struct Attribute {
  Loc loc;
  uint32_t length = 1;  // bytes of source covered from loc
  std::string name;     // `derive`, `inline`, `test`
  bool is_decorator = false;  // written `@name(...)`
  bool has_args = false;      // written with parentheses (possibly empty)
  // The arguments: identifiers and paths as written (`Debug`, `C`, `always`), string literals
  // decoded, with arg_is_string telling them apart.
  std::vector<std::string> args;
  std::vector<bool> arg_is_string;
  std::vector<Loc> arg_locs;
};

// A trait bound on a type parameter: `T: Display` in `<T: Display + Clone>` (two bounds) or in a
// `where` clause. Checked at each instantiation (check/trait_bounds.cc).
struct GenericBound {
  Loc loc;
  uint32_t length = 1;  // bytes of the trait's name, for carets
  std::string param;    // `T`
  std::string trait;    // `Display`, `geometry::Measured`
};

struct Pattern {
  enum class Kind {
    kWildcard,  // _
    kBind,      // name (text), `mut name`; with sub: `name @ sub`
    kLiteral,   // literal (expr): 1, "a", 'c', true, -3
    kRange,     // lo..=hi / lo..hi (expr, expr2, inclusive)
    kTuple,     // (a, b)
    kList,      // [a, b, ...rest] (subs; rest_index >= 0 marks where `...rest`/`..` sits)
    kStruct,    // Point { x, y: 0, .. } (text = type name, fields)
    kVariant,   // Some(x), None, Ok(v), Err(e), Shape::Circle(r), Color::Red, Red, Msg::Move { x, y }
    kOr,        // a | b
  };
  Kind kind = Kind::kWildcard;
  Loc loc;
  std::string text;  // binding name, struct name, or variant path (`Shape::Circle`)
  bool is_mut = false;
  bool inclusive = false;
  bool has_struct_fields = false;  // kVariant written with { ... }
  int rest_index = -1;
  std::string rest_name;  // kList `...rest`
  std::unique_ptr<Expr> expr, expr2;
  std::vector<PatternPtr> subs;
  std::vector<std::pair<std::string, PatternPtr>> fields;
};

struct Param {
  Loc loc;
  std::string name;
  TypeExprPtr type;  // null: generic (takes the types of its call sites)
  ExprPtr default_value;
  bool is_mut = false;
};

struct MatchArm {
  Loc loc;
  PatternPtr pattern;
  ExprPtr guard;
  ExprPtr body;
};

// One piece of an f-string: literal text, or a hole `{expr}` / `{expr:spec}`.
struct FStringPart {
  std::string text;  // literal text (braces already unescaped)
  ExprPtr expr;      // hole, or null for text
  std::string spec;  // format spec after the colon, e.g. `.2`, `>8`, `?`
};

enum class ExprKind {
  kInt,          // int_value, suffix
  kFloat,        // float_value, suffix
  kBool,         // bool_value
  kString,       // text
  kFString,      // parts
  kChar,         // text (one code point, UTF-8)
  kUnit,         // `null`, `()`
  kName,         // text
  kPath,         // text = "A::b" (enum variant, associated fn, module member)
  kSelf,         // self
  kUnary,        // op (kMinus, kBang, kTilde, kStar deref, kAmp ref), a
  kBinary,       // op, a, b (kPipeGreater rewritten to kCall by the parser)
  kAssign,       // op (kEq, kPlusEq, ...), a = target, b = value
  kCall,         // a = callee, list = args
  kMethodCall,   // a = receiver, text = method, list = args, type_args (turbofish)
  kField,        // a = object, text = field or tuple index; flag = `?.`
  kIndex,        // a = object, b = index
  kSlice,        // a = object, b = start (or null), c = end (or null)
  kArray,        // list
  kArrayRepeat,  // a = value, b = count
  kComprehension,  // a = element expr, pattern, b = iterable, c = condition (or null)
  kTuple,        // list
  kMap,          // map_entries; flag = every key is a bare name (`{name: "a"}`): a record
                 // unless the context wants a map or JSON (check/records.cc)
  kStructLit,    // text = struct name, field_inits, a = `..base` (or null)
  kRange,        // a = start (or null), b = end (or null), flag = inclusive
  kClosure,      // params, a = body, type = return type (or null)
  kIf,           // a = cond, b = then block, c = else (block or kIf) or null
  kIfLet,        // pattern, a = scrutinee, b = then block, c = else
  kMatch,        // a = scrutinee, arms
  kBlock,        // list = statements; flag = last statement is the value (no trailing `;`);
                 // text = "unsafe" for `unsafe { ... }` (where C functions may be called)
  kWhile,        // a = cond, b = body, text = label
  kWhileLet,     // pattern, a = scrutinee, b = body, text = label
  kFor,          // pattern, a = iterable, b = body, text = label
  kLoop,         // b = body, text = label
  kBreak,        // text = label, a = value (or null)
  kContinue,     // text = label
  kReturn,       // a = value (or null)
  kLet,          // pattern, type (or null), a = init (or null), flag = mutable, b = `else` block,
                 // text = `const` for a constant
  kTry,          // a = body block, text = catch binding, b = catch block (or null), c = finally
  kThrow,        // a = value
  kQuestion,     // a = operand of postfix `?`
  kAwait,        // a = operand
  kCast,         // a = value, type
  kFunDecl,      // fun (a nested function)
};

// The `text` of a kBlock written `unsafe { ... }`: the only place C functions may be called.
inline constexpr std::string_view kUnsafeBlockText = "unsafe";

struct Expr {
  ExprKind kind;
  Loc loc;
  uint32_t length = 1;  // bytes of source covered from loc (for carets)
  Tok op = Tok::kEof;
  std::string text;
  std::string suffix;
  uint64_t int_value = 0;
  double float_value = 0;
  bool bool_value = false;
  bool flag = false;
  ExprPtr a, b, c;
  std::vector<ExprPtr> list;
  std::vector<MatchArm> arms;
  std::vector<FStringPart> parts;
  std::vector<std::pair<ExprPtr, ExprPtr>> map_entries;
  std::vector<std::pair<std::string, ExprPtr>> field_inits;
  std::vector<Param> params;
  std::vector<TypeExprPtr> type_args;
  PatternPtr pattern;
  TypeExprPtr type;
  std::unique_ptr<FunDecl> fun;

  Expr(ExprKind k, Loc l) : kind(k), loc(l) {}
};

enum class SelfKind { kNone, kRef, kMutRef, kValue };

struct FunDecl {
  Loc loc;
  std::string name;  // qualified with its module path: `geometry::area`
  std::vector<std::string> generics;
  std::vector<GenericBound> bounds;
  std::vector<Param> params;
  TypeExprPtr ret;
  ExprPtr body;  // a kBlock; null for a trait method without a default
  // The scope of the items declared in the body (`main` for a `struct` in `fn main`), where the
  // checker looks names up first; empty when the body declares none (parse/local_items.cc).
  std::string body_scope;
  SelfKind self = SelfKind::kNone;
  bool is_pub = false;
  bool is_async = false;
  bool is_static = false;       // `static fun` in a class
  bool is_constructor = false;  // class `new(...)` / `new name(...)`
  std::vector<Attribute> attributes;
  // Declared in an `extern "C" { ... }` block: a C function, called through its signature
  // (check/extern.cc); it has no body.
  bool is_extern = false;
};

struct FieldDecl {
  Loc loc;
  std::string name;
  TypeExprPtr type;
  ExprPtr default_value;
  bool is_mut = false;
  bool is_pub = false;  // private to the type's module unless `pub` (check/member_visibility.cc)
};

struct VariantDecl {
  Loc loc;
  std::string name;
  std::vector<TypeExprPtr> payload;  // tuple-like variant
  std::vector<FieldDecl> fields;     // struct-like variant
  bool is_struct = false;
  ExprPtr discriminant;  // `A = 1`
};

// struct, class and tuple struct declarations.
struct TypeDecl {
  enum class Kind { kStruct, kClass, kEnum, kTrait };
  Kind kind = Kind::kStruct;
  Loc loc;
  std::string name;
  std::vector<std::string> generics;
  std::vector<GenericBound> bounds;
  std::vector<FieldDecl> fields;  // tuple structs have fields named "0", "1", ...
  bool is_tuple = false;
  std::vector<VariantDecl> variants;
  std::vector<std::unique_ptr<FunDecl>> methods;  // including constructors
  std::string parent;  // class C : Base (accepted, not supported by the checker)
  std::vector<Attribute> attributes;
  // The checker's own declaration of a record shape (`{age, name}`, fields sorted, one type
  // parameter per field): never written by a program (check/records.cc).
  bool is_record = false;
};

struct ImplDecl {
  Loc loc;
  std::string type_name;
  std::string trait_name;  // empty for inherent impls
  std::vector<std::string> generics;     // `impl<T>`
  std::vector<GenericBound> bounds;      // `impl<T: Display>`, `where T: Display`
  std::vector<TypeExprPtr> type_args;    // `Stack<T>`: the type's arguments as written
  std::vector<std::unique_ptr<FunDecl>> methods;
};

// One name a `use` brings in: `use a::b::{c, d as e}` is two, `a::b::c` and `a::b::d` as `e`.
// The path is as written (it may start with `crate`, `self` or `super`); a glob `a::*` has
// path `a` and is_glob.
struct UseName {
  Loc loc;
  uint32_t length = 1;  // bytes of the written path, for carets
  std::string path;
  std::string alias;  // the name it is known by: `as` name, or the path's last segment
  bool is_glob = false;
};

struct Item {
  enum class Kind { kFun, kType, kImpl, kConst, kStmt, kUse, kMod };
  Kind kind;
  Loc loc;
  std::unique_ptr<FunDecl> fun;
  std::unique_ptr<TypeDecl> type;
  std::unique_ptr<ImplDecl> impl;
  ExprPtr stmt;       // kStmt, and kConst (a kLet)
  std::string path;   // kUse: as written, `std::collections::HashMap`; kMod: the module's full path
  std::string module; // module path this item sits in ("" at top level)
  bool is_pub = false;
  bool module_file = false;     // kMod: `mod name;`, whose items are in a file (driver/modules.h)
  std::vector<UseName> uses;    // kUse
};

struct Program {
  std::vector<Item> items;
};

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_AST_AST_H_
