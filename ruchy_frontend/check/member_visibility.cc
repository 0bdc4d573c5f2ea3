// `pub` on fields and methods: as in Rust, a struct's or class's field and a method of a type's
// body or of an inherent `impl` are private unless marked `pub`. A private member may be used in
// the module that declares it (the type's module for fields, the impl's for methods) and in the
// modules inside it, within one package; anywhere else naming it is an error that says where it
// is declared (docs/language.md, "Modules and packages").
//
// Always public: enum variants and their fields, trait methods and the methods of `impl Trait for
// Type` (they are as visible as the trait), and class constructors (as visible as the class).
#include <string>

#include "ruchy_frontend/ast/module_path.h"
#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

using module_path::Inside;
using module_path::Parent;

void Checker::CollectMemberVisibility() {
  for (const Item& item : program_.items) {
    if (item.kind == Item::Kind::kMod) module_paths_.insert(item.path);
  }
  auto add_private = [&](const FunDecl& m, const std::string& module) {
    if (!m.is_pub && !m.is_constructor) private_methods_[&m] = EnclosingModule(module);
  };
  for (const Item& item : program_.items) {
    if (item.kind == Item::Kind::kType && item.type->kind != TypeDecl::Kind::kTrait) {
      for (const auto& m : item.type->methods) add_private(*m, item.module);
    } else if (item.kind == Item::Kind::kImpl && item.impl->trait_name.empty()) {
      for (const auto& m : item.impl->methods) add_private(*m, item.module);
    }
  }
}

// Items declared in a function body sit in a scope named after the function (`main::Point`,
// parse/local_items.cc); for visibility, that is the module around the function.
std::string Checker::EnclosingModule(std::string scope) const {
  while (!scope.empty() && !module_paths_.count(scope) && !package_roots_.count(scope)) scope = Parent(scope);
  return scope;
}

bool Checker::MemberVisibleFrom(const std::string& owner_module) const {
  std::string here = EnclosingModule(module_);
  return Inside(here, owner_module) && PackageRootOf(here) == PackageRootOf(owner_module);
}

void Checker::ReportPrivateMember(Loc loc, uint32_t length, const char* what, const std::string& name,
                                  const TypeDecl* owner, const std::string& module, Loc declared) {
  if (!reported_access_.insert(loc.offset).second) return;
  const SourceFile& file = diags_.file();
  std::string where = file.PathAt(declared) + ":" + std::to_string(file.Position(declared).line);
  ReportAt<diag::kPrivateMember>(loc, length, what, name, owner->name, module_path::DisplayName(module), where);
}

void Checker::CheckFieldVisible(Loc loc, uint32_t length, const TypeDecl* decl, size_t index) {
  const FieldDecl& f = decl->fields[index];
  if (f.is_pub || decl->kind == TypeDecl::Kind::kEnum) return;
  std::string module = EnclosingModule(type_module_[decl]);
  if (MemberVisibleFrom(module)) return;
  ReportPrivateMember(loc, length, "field", f.name, decl, module, f.loc);
}

void Checker::CheckMethodVisible(Loc loc, uint32_t length, const TypeDecl* owner, const FunDecl* m) {
  auto it = private_methods_.find(m);
  if (it == private_methods_.end() || MemberVisibleFrom(it->second)) return;
  ReportPrivateMember(loc, length, "method", m->name, owner, it->second, m->loc);
}

}  // namespace ruchy
