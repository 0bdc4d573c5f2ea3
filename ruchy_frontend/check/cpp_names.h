// Every identifier the C++ generator emits comes from here, so that no two Ruchy names, and no
// Ruchy name and a C++ keyword, macro or library name, can ever meet. The scheme gives each kind
// of name its own prefix; user-derived text only ever follows one of them:
//
//   r_NAME                a Ruchy identifier written in ASCII (`move` -> `r_move`)
//   ru_HEX                a Ruchy identifier with other characters (UTF-8 bytes in hex)
//   rm<len>_SEG...        a module path (`geo::area` -> `rm3_geo4_area`)
//   ty_NAME               a user type (`Point` -> `ty_Point`; non-ASCII and paths as above)
//   tg<N>_NAME            the N-th instance of a generic type (`Stack<i64>` -> `tg1_Stack`)
//   rf_NAME, rfu_HEX      a method, associated function or named constructor of a type (fields
//                         are r_NAME: a field and a method may share a name)
//   r<N>_NAME             the N-th binding of NAME in one scope chain (N >= 2), for shadowing
//   rn<N>_NAME            the N-th nested function named NAME, lifted to namespace scope
//   rg_NAME, rg<N>_NAME   a top-level binding (a global), and its N-th rebinding
//   rc_NAME               a C function of an `extern "C"` block (its symbol is set by an asm
//                         label, so its C++ name meets no header's declaration)
//   v<len>_VARIANT_FIELD  a payload member of an enum variant (length-prefixed, so `A{b_c}` and
//                         `A_b{c}` differ)
//   g_*                   names the generator adds at namespace or class scope (`g_top_level`)
//   t_*                   names the generator adds in function bodies (temporaries, labels)
//   rl::s_PKG::t_TARGET   the namespace of one Ruchy file, from its Bazel label
//
// No C++ keyword, standard name, macro of the C or C++ library, or name of the support library
// (`rt`, `lambda`) has any of these forms, and the forms are disjoint from each other. Calls to
// user functions are emitted qualified, so argument-dependent lookup cannot add candidates.
#ifndef RUCHY_FRONTEND_CHECK_CPP_NAMES_H_
#define RUCHY_FRONTEND_CHECK_CPP_NAMES_H_

#include <string>
#include <string_view>

namespace ruchy {

// A Ruchy identifier or module path (`x`, `Point`, `geo::area`).
std::string UserIdent(std::string_view ruchy_name);
// A member function of a user type: `rf_len` (the field `len` is `r_len`).
std::string MethodIdent(std::string_view ruchy_name);
// The `count`-th binding of `ruchy_name` in a function (count 1 is UserIdent itself).
std::string ShadowIdent(std::string_view ruchy_name, int count);
// The `count`-th top-level binding of `ruchy_name` (globals never meet locals, so a local
// `let x = x + 1` reads the global `x`).
std::string GlobalIdent(std::string_view ruchy_name, int count);
// The `count`-th lifted nested function named `ruchy_name`.
std::string LiftedIdent(std::string_view ruchy_name, int count);
// A C function declared in an `extern "C"` block.
std::string ExternIdent(std::string_view ruchy_name);
// The member holding `field` (a name or a tuple position) of enum variant `variant`.
std::string VariantMember(std::string_view variant, std::string_view field);
// A user type (struct, class, enum): `ty_Point`. Types have their own prefix so that a local
// named like a type (`let Point = Point { x: 1 }`) cannot hide it.
std::string TypeIdent(std::string_view ruchy_name);
// The `count`-th concrete instance of the generic type `ruchy_name` (`Stack<i64>`): `tg1_Stack`.
std::string GenericInstanceIdent(std::string_view ruchy_name, int count);
// A temporary or label in a function body: `t_match3`.
std::string TempIdent(std::string_view purpose, int count);
// The C++ namespace of the file a Bazel target compiles (`//examples/hello:hello_handler` ->
// `rl::s_examples::s_hello::t_hello_handler`); any string gives a valid, injective result.
std::string FileNamespace(std::string_view label);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CHECK_CPP_NAMES_H_
