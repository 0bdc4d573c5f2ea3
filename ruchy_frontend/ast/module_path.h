// Module paths (`a::b::c`) as the module loader and the checker both read them: one spelling of
// the path keywords and one way to split, join and walk paths, so the two cannot disagree about
// what a `use` names (docs/language.md, "Modules and packages").
#ifndef RUCHY_FRONTEND_AST_MODULE_PATH_H_
#define RUCHY_FRONTEND_AST_MODULE_PATH_H_

#include <string>
#include <string_view>
#include <vector>

namespace ruchy::module_path {

// How a path's first segment anchors it.
enum class Anchor {
  kName,   // looked up outward from the current module
  kCrate,  // `crate`: the root of the current package
  kSelf,   // `self`: the current module
  kSuper,  // `super`: the current module's parent
  kStd,    // `std`: the standard library, always there
};
Anchor AnchorOf(std::string_view segment);
// The standard library's package: its Ruchy-written modules are `std::NAME` (stdlib/std/NAME.ruchy).
inline constexpr std::string_view kStdPackage = "std";
// `self` or `super`: a path relative to the current module.
inline bool Relative(Anchor a) { return a == Anchor::kSelf || a == Anchor::kSuper; }

// `module::name`, or `name` in the root module (spelled "").
std::string Qualified(const std::string& module, const std::string& name);
// The module that contains `path`; "" for a top-level name.
std::string Parent(const std::string& path);
// Whether `module` is `outer` or inside it ("" contains everything).
bool Inside(const std::string& module, const std::string& outer);
// `a::b::c` as {a, b, c}; a path without `::` is one segment.
std::vector<std::string> Segments(const std::string& path);
// The module's name in messages: the root module is `crate`.
std::string DisplayName(const std::string& module);

}  // namespace ruchy::module_path

#endif  // RUCHY_FRONTEND_AST_MODULE_PATH_H_
