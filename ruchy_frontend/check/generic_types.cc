// Generic type declarations (`struct Stack<T>`, `enum Tree<T>`, `impl<T> Stack<T>`), monomorphised
// like generic functions (docs/compiler.md, "Generic types"):
// - the declaration's TypeInfo is a template: its member types are written in placeholder
//   variables (TypeInfo::type_params) that are never bound;
// - a use is a nominal Type with type arguments (`Stack<$1>`, later `Stack<i64>`); its members are
//   the template's with the arguments substituted (MembersOf), so inference flows through fields;
// - methods are instantiated per receiver type (Instantiate's `self_type`);
// - once types are final, each concrete instance reached from the program becomes an entry of its
//   own in CheckedProgram::types, which the generator emits as an ordinary C++ struct.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "ruchy_frontend/check/checker_impl.h"
#include "ruchy_frontend/check/cpp_names.h"

namespace ruchy {

namespace {
// More instances of one generic type than any real program uses: a type whose members use it at
// ever larger arguments (`enum Nested<T> { Deeper(Box<Nested<Vec<T>>>) }`) has infinitely many.
constexpr int kMaxInstancesPerGenericType = 200;
}  // namespace

bool Checker::IsGenericType(const TypeDecl* decl) const {
  // A generic class is reported (GenericTypeUnsupported) and checked as a plain one.
  return decl && !decl->generics.empty() && decl->kind != TypeDecl::Kind::kTrait &&
         decl->kind != TypeDecl::Kind::kClass;
}

Type* Checker::Substitute(Type* t, const std::vector<Type*>& params, const std::vector<Type*>& args) {
  Type* r = Resolve(t);
  for (size_t i = 0; i < params.size() && i < args.size(); ++i) {
    if (r == params[i]) return args[i];
  }
  if (r->args.empty() && !r->ret) return r;
  Type* copy = arena_.Make(r->kind);
  *copy = *r;  // not a variable: it has arguments or a result
  for (Type*& a : copy->args) a = Substitute(a, params, args);
  if (copy->ret) copy->ret = Substitute(copy->ret, params, args);
  return copy;
}

TypeInfo* Checker::MembersOf(Type* t) {
  t = Resolve(t);
  auto declared = out_.types.find(t->decl->name);
  if (declared == out_.types.end()) return nullptr;
  TypeInfo& generic = declared->second;
  if (generic.type_params.empty()) return &generic;
  auto cached = instance_members_.find(t);
  if (cached != instance_members_.end()) return &cached->second;
  TypeInfo& info = instance_members_[t];
  info = generic;
  info.type = t;
  info.type_params.clear();
  std::vector<Type*> args = t->args;
  args.resize(generic.type_params.size(), nullptr);
  for (Type*& a : args) {
    if (!a) a = arena_.Var();
  }
  for (Type*& f : info.field_types) f = Substitute(f, generic.type_params, args);
  for (auto& payload : info.variant_types) {
    for (Type*& f : payload) f = Substitute(f, generic.type_params, args);
  }
  return &info;
}

Type* Checker::InstanceType(const TypeInfo& info, std::vector<Type*> args) {
  return arena_.Nominal(info.type->kind, info.decl, std::move(args));
}

TypeInfo* Checker::InstanceOf(TypeInfo* info) {
  if (!info || info->type_params.empty()) return info;
  std::vector<Type*> args;
  for (size_t i = 0; i < info->type_params.size(); ++i) args.push_back(arena_.Var());
  return MembersOf(InstanceType(*info, std::move(args)));
}

TypeInfo* Checker::InstanceFor(TypeInfo* info, Type* t) {
  if (!info || info->type_params.empty()) return info;
  Type* r = t ? Resolve(t) : nullptr;
  if (r && r->decl == info->decl && (r->kind == TypeKind::kStruct || r->kind == TypeKind::kEnum)) return MembersOf(r);
  return InstanceOf(info);
}

Type* Checker::ResolveGenericTypeUse(TypeInfo& info, const TypeExpr* t, const std::map<std::string, Type*>& generics,
                                     const std::string& module) {
  const size_t want = info.decl->generics.size();
  if (t->args.size() != want) {
    ReportAt<diag::kTypeArgumentCount>(t->loc, static_cast<uint32_t>(t->name.size()), t->name,
                                       Plural{static_cast<int64_t>(want), "type argument"},
                                       static_cast<int64_t>(t->args.size()));
  }
  if (info.type_params.empty()) return info.type;  // not generic: arguments already reported
  std::vector<Type*> args;
  for (size_t i = 0; i < want; ++i) {
    args.push_back(i < t->args.size() ? ResolveTypeExpr(t->args[i].get(), generics, module) : arena_.Var());
  }
  return InstanceType(info, std::move(args));
}

void Checker::DeclareImplTypeParams(const ImplDecl& impl, const TypeInfo& info) {
  const TypeDecl* decl = info.decl;
  if (impl.type_args.size() != decl->generics.size()) {
    ReportAt<diag::kTypeArgumentCount>(impl.loc, 4, decl->name,
                                       Plural{static_cast<int64_t>(decl->generics.size()), "type argument"},
                                       static_cast<int64_t>(impl.type_args.size()));
    return;
  }
  // `impl<U> Stack<U>`: the impl's own names for the type's parameters, by position.
  std::vector<std::string> names;
  for (const TypeExprPtr& a : impl.type_args) {
    bool is_param = a->kind == TypeExpr::Kind::kNamed && a->args.empty();
    bool declared = false;
    for (const std::string& g : impl.generics) declared = declared || (is_param && g == a->name);
    if (!declared) {
      std::string params;
      for (size_t i = 0; i < decl->generics.size(); ++i) params += (i ? ", " : "") + decl->generics[i];
      ReportAt<diag::kImplForInstance>(a->loc, static_cast<uint32_t>(std::max<size_t>(a->name.size(), 1)),
                                       decl->name, params);
      return;
    }
    names.push_back(a->name);
  }
  for (const auto& m : impl.methods) {
    method_type_params_[m.get()] = names;
    method_bounds_[m.get()] = &impl.bounds;
  }
}

void Checker::BindOwnerTypeParams(const FunDecl* fun, const TypeDecl* owner, Type* self_type,
                                  std::map<std::string, Type*>& generics) {
  Type* self = Resolve(self_type);
  auto written = method_type_params_.find(fun);
  const std::vector<std::string>& names = written != method_type_params_.end() ? written->second : owner->generics;
  for (size_t i = 0; i < names.size() && i < self->args.size(); ++i) generics[names[i]] = self->args[i];
}

void Checker::CollectGenericInstances() {
  std::vector<Type*> pending;
  auto visit = [&](Type* t) { pending.push_back(t); };
  for (auto& inst : out_.instances) {
    for (Type* t : inst->params) visit(t);
    if (inst->ret) visit(inst->ret);
    if (inst->self_type) visit(inst->self_type);
    for (auto& [e, t] : inst->types) visit(t);
    for (auto& [p, t] : inst->pattern_types) visit(t);
  }
  for (auto& [name, g] : out_.globals) visit(g.type);
  for (auto& [name, info] : out_.types) {
    if (!info.type_params.empty()) continue;
    for (Type* t : info.field_types) visit(t);
    for (auto& payload : info.variant_types) {
      for (Type* t : payload) visit(t);
    }
  }
  // By key, so the C++ names do not depend on the order types were met in.
  std::map<std::string, TypeInfo> found;
  std::map<const TypeDecl*, int> per_decl;
  while (!pending.empty()) {
    Type* t = Resolve(pending.back());
    pending.pop_back();
    if (!t) continue;
    for (Type* a : t->args) pending.push_back(a);
    if (t->ret) pending.push_back(t->ret);
    if ((t->kind != TypeKind::kStruct && t->kind != TypeKind::kEnum) || t->args.empty() || !IsConcrete(t)) continue;
    std::string key = TypeKey(t);
    if (found.count(key) || out_.types.count(key)) continue;
    if (++per_decl[t->decl] > kMaxInstancesPerGenericType) {
      if (per_decl[t->decl] == kMaxInstancesPerGenericType + 1) {
        const TypeDecl* d = t->decl;
        std::string short_name = d->name.substr(d->name.rfind(':') == std::string::npos ? 0 : d->name.rfind(':') + 1);
        ReportAt<diag::kGenericTypeInstances>(d->loc, static_cast<uint32_t>(short_name.size()), d->name,
                                              static_cast<int64_t>(kMaxInstancesPerGenericType));
      }
      continue;
    }
    TypeInfo info = *MembersOf(t);
    for (Type* f : info.field_types) pending.push_back(f);
    for (auto& payload : info.variant_types) {
      for (Type* f : payload) pending.push_back(f);
    }
    found.emplace(key, std::move(info));
  }
  std::map<const TypeDecl*, int> counts;
  for (auto& [key, info] : found) {
    // `struct Sorted<T: Ord>`: each instance keeps the declaration's promise.
    std::map<std::string, Type*> params;
    for (size_t i = 0; i < info.decl->generics.size() && i < info.type->args.size(); ++i) {
      params[info.decl->generics[i]] = info.type->args[i];
    }
    CheckBounds(&info.decl->bounds, params, "`" + info.decl->name + "`", info.decl->loc, type_module_[info.decl]);
    info.cpp_name = GenericInstanceIdent(info.decl->name, ++counts[info.decl]);
    out_.type_order.push_back(key);
    out_.types.emplace(key, std::move(info));
  }
}

}  // namespace ruchy
