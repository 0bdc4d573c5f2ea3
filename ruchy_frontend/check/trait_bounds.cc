// Trait bounds on type parameters: `fun largest<T: Ord>(v: Vec<T>) -> T`, `impl<T: Display> Show
// for Wrapper<T>`, `where T: Clone`. Generic code is monomorphised, so a bound does not change
// what a body may do (each instance is checked at its concrete types); it is a promise checked at
// every instantiation, reported at the call that breaks it, naming the type and the trait.
//
// A bound names a user trait (satisfied by types with an `impl` of it) or one of the standard
// traits below, which the language's types have as Rust's do (value semantics give every struct
// and enum Debug, Clone, Copy and PartialEq: docs/language.md, "Attributes").
#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

enum class StdTrait { kDisplay, kDebug, kClone, kCopy, kPartialEq, kEq, kPartialOrd, kOrd, kHash, kDefault };

struct StdTraitRow {
  std::string_view name;
  StdTrait trait;
};

constexpr StdTraitRow kStdTraits[] = {
    {"Display", StdTrait::kDisplay}, {"Debug", StdTrait::kDebug},       {"Clone", StdTrait::kClone},
    {"Copy", StdTrait::kCopy},       {"PartialEq", StdTrait::kPartialEq}, {"Eq", StdTrait::kEq},
    {"PartialOrd", StdTrait::kPartialOrd}, {"Ord", StdTrait::kOrd},     {"Hash", StdTrait::kHash},
    {"Default", StdTrait::kDefault},
};

const StdTraitRow* FindStdTrait(std::string_view name) {
  size_t colon = name.rfind("::");  // `std::fmt::Display`, `std::cmp::Ord`
  if (colon != std::string_view::npos) name = name.substr(colon + 2);
  for (const StdTraitRow& row : kStdTraits) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

// Whether values of `t` have the standard trait. `members` gives a user type's members (for
// PartialEq and Eq, which hold when every member has them).
bool HasStdTrait(Type* t, StdTrait trait, const std::function<const TypeInfo*(Type*)>& members,
                 std::set<std::string>& seen) {
  t = Resolve(t);
  auto all_args = [&](StdTrait tr) {
    for (Type* a : t->args) {
      if (!HasStdTrait(a, tr, members, seen)) return false;
    }
    return true;
  };
  switch (t->kind) {
    case TypeKind::kInt:
    case TypeKind::kBool:
    case TypeKind::kChar:
      return true;
    case TypeKind::kFloat:
      return trait != StdTrait::kEq && trait != StdTrait::kOrd && trait != StdTrait::kHash;
    case TypeKind::kString:
      return trait != StdTrait::kCopy;
    case TypeKind::kUnit:
      return trait != StdTrait::kDisplay;
    case TypeKind::kVec:
    case TypeKind::kOption:
    case TypeKind::kTuple:
    case TypeKind::kResult:
      if (trait == StdTrait::kDisplay) return false;
      if (trait == StdTrait::kDefault) return t->kind != TypeKind::kResult && (t->kind != TypeKind::kTuple || all_args(trait));
      if (trait == StdTrait::kCopy && t->kind == TypeKind::kVec) return false;
      return all_args(trait);
    case TypeKind::kMap:
    case TypeKind::kSet:
      if (trait == StdTrait::kDefault) return true;
      if (trait == StdTrait::kDebug || trait == StdTrait::kClone || trait == StdTrait::kPartialEq || trait == StdTrait::kEq) {
        return all_args(trait);
      }
      return false;
    case TypeKind::kStruct:
    case TypeKind::kEnum: {
      if (trait == StdTrait::kDebug || trait == StdTrait::kClone || trait == StdTrait::kCopy) return true;
      if (trait != StdTrait::kPartialEq && trait != StdTrait::kEq) return false;
      if (!seen.insert(TypeKey(t)).second) return true;  // a type holding itself: its other members decide
      const TypeInfo* info = members(t);
      if (!info) return false;
      for (Type* f : info->field_types) {
        if (!HasStdTrait(f, trait, members, seen)) return false;
      }
      for (const auto& payload : info->variant_types) {
        for (Type* f : payload) {
          if (!HasStdTrait(f, trait, members, seen)) return false;
        }
      }
      return true;
    }
    case TypeKind::kClass:
      return trait == StdTrait::kDebug || trait == StdTrait::kClone;
    case TypeKind::kJson:
      return trait == StdTrait::kDebug || trait == StdTrait::kClone || trait == StdTrait::kPartialEq;
    case TypeKind::kFn:
      return trait == StdTrait::kClone;
    default:
      return false;
  }
}

}  // namespace

bool Checker::CheckBounds(const std::vector<GenericBound>* bounds, const std::map<std::string, Type*>& generics,
                          const std::string& what, Loc loc, const std::string& module) {
  if (!bounds) return true;
  bool ok = true;
  for (const GenericBound& b : *bounds) {
    auto g = generics.find(b.param);
    if (g == generics.end()) {
      // `where X: Trait` naming no type parameter of the declaration.
      if (reported_bounds_.insert(&b).second) ReportAt<diag::kUnknownType>(b.loc, b.length, b.param);
      continue;
    }
    DeferredBound d{&b, g->second, what, loc, module};
    if (IsConcrete(g->second)) {
      ok = CheckBound(d) && ok;
    } else {
      deferred_bounds_.push_back(std::move(d));  // settled by later uses
    }
  }
  return ok;
}

bool Checker::CheckBound(const DeferredBound& d) {
  bool known = true;
  bool ok = SatisfiesBound(d.type, *d.bound, d.module, &known);
  if (!known) {
    if (reported_bounds_.insert(d.bound).second) ReportAt<diag::kUnknownTrait>(d.bound->loc, d.bound->length, d.bound->trait);
    return true;
  }
  if (!ok) ReportAt<diag::kUnsatisfiedBound>(d.loc, 1, TypeName(d.type), d.bound->trait, d.what, d.bound->param);
  return ok;
}

bool Checker::SatisfiesBound(Type* t, const GenericBound& b, const std::string& module, bool* known) {
  *known = true;
  Type* r = Resolve(t);
  if (TypeInfo* trait = FindType(b.trait, module); trait && trait->decl->kind == TypeDecl::Kind::kTrait) {
    if (r->kind == TypeKind::kDyn) return r->decl == trait->decl;
    if (r->kind != TypeKind::kStruct && r->kind != TypeKind::kEnum && r->kind != TypeKind::kClass) return false;
    const TypeInfo* info = MembersOf(r);
    for (const std::string& name : info->traits) {
      if (name == trait->decl->name) return true;
    }
    return false;
  }
  const StdTraitRow* row = FindStdTrait(b.trait);
  if (!row) {
    *known = false;
    return true;
  }
  std::set<std::string> seen;
  return HasStdTrait(r, row->trait, [this](Type* u) -> const TypeInfo* { return MembersOf(u); }, seen);
}

void Checker::CheckDeferredBounds() {
  for (const DeferredBound& d : deferred_bounds_) {
    ApplyDefaults(d.type);
    if (IsConcrete(d.type)) CheckBound(d);  // else reported as not inferred
  }
  deferred_bounds_.clear();
}

}  // namespace ruchy
