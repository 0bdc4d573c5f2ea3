// Trait objects: `Box<dyn Shape>`, `Vec<Box<dyn Shape>>`, `&dyn Shape`. A `dyn Trait` value holds
// a value of any type that implements the trait and calls its methods virtually. It is a value
// like any struct: copying it copies the value it holds (docs/language.md, "Trait objects").
//
// A trait can be an object only when each of its methods has one signature for every
// implementation: it takes `self`, has typed parameters, is not generic, and does not mention
// `Self`. When a value becomes a `dyn Trait`, its type's methods are instantiated at the trait's
// signature, which is what the generated virtual functions call.
#include <algorithm>
#include <functional>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

bool MentionsSelf(const TypeExpr* t) {
  if (!t) return false;
  if (t->kind == TypeExpr::Kind::kNamed && t->name == "Self") return true;
  for (const auto& a : t->args) {
    if (MentionsSelf(a.get())) return true;
  }
  return MentionsSelf(t->ret.get());
}

// Why `m` keeps its trait from being an object, or "" when it does not.
std::string NotObjectSafe(const FunDecl& m) {
  if (m.self == SelfKind::kNone) return "has no `self` parameter";
  if (!m.generics.empty()) return "is generic";
  if (m.is_async) return "is async";
  for (const Param& p : m.params) {
    if (!p.type) return "has the untyped (generic) parameter `" + p.name + "`";
    if (MentionsSelf(p.type.get())) return "mentions `Self` in the parameter `" + p.name + "`";
  }
  if (MentionsSelf(m.ret.get())) return "returns `Self`";
  return "";
}

}  // namespace

Type* Checker::DynType(const TypeInfo& trait, const TypeExpr* written) {
  const TypeDecl* decl = trait.decl;
  if (std::find(out_.dyn_traits.begin(), out_.dyn_traits.end(), decl) == out_.dyn_traits.end()) {
    // Checked once, at the first `dyn` of the trait.
    for (const auto& m : decl->methods) {
      std::string why = NotObjectSafe(*m);
      if (!why.empty()) {
        ReportAt<diag::kTraitNotObjectSafe>(written->loc, static_cast<uint32_t>(written->name.size()), decl->name, m->name, why);
        return arena_.Var();
      }
    }
    out_.dyn_traits.push_back(decl);
    for (const auto& m : decl->methods) {
      out_.dyn_signatures[m.get()] = {TraitMethodParams(*m, decl), TraitMethodResult(*m, decl)};
    }
  }
  return arena_.Nominal(TypeKind::kDyn, decl);
}

std::vector<Type*> Checker::TraitMethodParams(const FunDecl& m, const TypeDecl* trait) {
  std::vector<Type*> params;
  for (const Param& p : m.params) params.push_back(ResolveTypeExpr(p.type.get(), {}, type_module_[trait]));
  return params;
}

Type* Checker::TraitMethodResult(const FunDecl& m, const TypeDecl* trait) {
  return m.ret ? ResolveTypeExpr(m.ret.get(), {}, type_module_[trait]) : arena_.unit();
}

Type* Checker::CoerceToDyn(const Expr* e, Type* actual, Type* want) {
  Type* a = Resolve(actual);
  if (a->kind != TypeKind::kStruct && a->kind != TypeKind::kEnum && a->kind != TypeKind::kClass) return nullptr;
  const TypeDecl* trait = want->decl;
  TypeInfo* info = MembersOf(a);
  if (std::find(info->traits.begin(), info->traits.end(), trait->name) == info->traits.end()) {
    Report<diag::kDynNotImplemented>(e, a->decl->name, trait->name);
    return want;
  }
  // The implementation of each trait method, instantiated at the trait's signature: what the
  // virtual function of this type calls.
  for (const auto& m : trait->methods) {
    const FunDecl* impl = FindMethod(*info, m->name);
    if (!impl) continue;  // reported at the impl (TraitMethodMissing)
    std::vector<Type*> params = TraitMethodParams(*m, trait);
    Type* result = TraitMethodResult(*m, trait);
    FunctionInstance* inst = Instantiate(impl, a->decl, params, e->loc, type_module_[a->decl], a);
    if (!inst) continue;
    bool same = inst->params.size() == params.size() && Unify(inst->ret, result);
    for (size_t i = 0; same && i < params.size(); ++i) same = Unify(inst->params[i], params[i]);
    if (!same) {
      std::vector<Type*> impl_params = inst->params;
      Report<diag::kDynMethodSignature>(e, a->decl->name, m->name, TypeName(arena_.Fn(impl_params, inst->ret)),
                                        trait->name, TypeName(arena_.Fn(params, result)));
    }
  }
  cur_->coercions[e] = Coercion::kToDyn;
  cur_->dyn_coercions[e] = trait;
  return want;
}

Type* Checker::CheckDynMethodCall(const Expr* e, Type* recv) {
  const TypeDecl* trait = recv->decl;
  const FunDecl* m = nullptr;
  for (const auto& candidate : trait->methods) {
    if (candidate->name == e->text) m = candidate.get();
  }
  if (!m) {
    Report<diag::kDynNoMethod>(e, trait->name, e->text);
    CheckArgsOfFailedCall(e);
    return arena_.Var();
  }
  if (m->self == SelfKind::kMutRef) CheckAssignable(e->a.get(), e->text);
  CheckCallArgs(e, TraitMethodParams(*m, trait), m, 0, "`" + e->text + "`");
  CallInfo& c = CallOf(e);
  c.kind = CallKind::kDynMethod;
  c.type = trait;
  return TraitMethodResult(*m, trait);
}

bool Checker::HoldsTraitObject(Type* t) {
  std::set<const TypeDecl*> seen;
  std::function<bool(Type*)> holds = [&](Type* u) {
    u = Resolve(u);
    if (u->kind == TypeKind::kDyn) return true;
    if ((u->kind == TypeKind::kStruct || u->kind == TypeKind::kEnum) && seen.insert(u->decl).second) {
      const TypeInfo* info = MembersOf(u);
      for (Type* f : info->field_types) {
        if (holds(f)) return true;
      }
      for (const auto& payload : info->variant_types) {
        for (Type* f : payload) {
          if (holds(f)) return true;
        }
      }
    }
    for (Type* a : u->args) {
      if (holds(a)) return true;
    }
    return false;
  };
  return holds(t);
}

Type* Checker::CheckBoxIntoDyn(const Expr* call, Type* expected) {
  if (!expected || Resolve(expected)->kind != TypeKind::kDyn) return nullptr;
  const Expr* callee = call->a.get();
  if (callee->kind != ExprKind::kPath || call->list.size() != 1) return nullptr;
  // The owning pointers of Rust that make a trait object from a value (RefCell and Cell do not).
  static constexpr std::string_view kBoxingConstructors[] = {"Box::new", "Rc::new", "Arc::new"};
  if (std::find(std::begin(kBoxingConstructors), std::end(kBoxingConstructors), callee->text) ==
      std::end(kBoxingConstructors)) {
    return nullptr;
  }
  const Expr* value = call->list[0].get();
  Type* t = CheckExpr(value, nullptr);
  Expect(value, t, expected);
  CallInfo& c = CallOf(call);
  c.kind = CallKind::kBuiltin;
  c.builtin = BuiltinId::kBoxNew;
  return expected;
}

}  // namespace ruchy
