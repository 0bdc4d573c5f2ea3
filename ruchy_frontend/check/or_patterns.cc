// Or-patterns with bindings (`A(x) | B(x) => x`, `(0, n) | (n, 0)`). Each alternative must bind
// the same names with the same types, as in Rust. The first alternative declares them; the others
// are checked in a scope of their own and then share the first one's C++ names, so the generated
// code declares each name once and assigns it from whichever alternative matched
// (Emitter::PatternBind).
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

struct BoundName {
  std::string name;
  const void* key;  // where its C++ name is recorded (FunctionInstance::names)
  Loc loc;
};

// The names a pattern binds, in order.
void NamesOf(const Pattern* p, std::vector<BoundName>& out) {
  if (!p) return;
  if (p->kind == Pattern::Kind::kBind) out.push_back({p->text, p, p->loc});
  if (p->kind == Pattern::Kind::kList && !p->rest_name.empty()) out.push_back({p->rest_name, &p->rest_name, p->loc});
  if (p->kind == Pattern::Kind::kOr) {
    if (!p->subs.empty()) NamesOf(p->subs[0].get(), out);  // the alternatives share one set
    return;
  }
  for (const auto& s : p->subs) NamesOf(s.get(), out);
  for (const auto& [n, s] : p->fields) NamesOf(s.get(), out);
}

// Whether an or-pattern that binds names sits inside `p` (below its top).
bool HasNestedOrWithNames(const Pattern* p, bool top) {
  if (!p) return false;
  if (p->kind == Pattern::Kind::kOr && !top) {
    std::vector<BoundName> names;
    NamesOf(p, names);
    if (!names.empty()) return true;
  }
  for (const auto& s : p->subs) {
    if (HasNestedOrWithNames(s.get(), p->kind == Pattern::Kind::kOr && top)) return true;
  }
  for (const auto& [n, s] : p->fields) {
    if (HasNestedOrWithNames(s.get(), false)) return true;
  }
  return false;
}

}  // namespace

void Checker::CheckOrPatternGuard(const MatchArm& arm) {
  if (HasNestedOrWithNames(arm.pattern.get(), true)) ReportAt<diag::kOrPatternGuardNested>(arm.guard->loc, 1);
}

void Checker::BindOrPattern(const Pattern* p, Type* t, bool is_mut, bool refutable) {
  if (p->subs.empty()) return;
  BindPattern(p->subs[0].get(), t, is_mut, refutable);
  std::vector<BoundName> first;
  NamesOf(p->subs[0].get(), first);
  std::map<std::string, Binding> declared;
  for (const BoundName& n : first) declared[n.name] = scopes_.back()[n.name];
  for (size_t i = 1; i < p->subs.size(); ++i) {
    const Pattern* alt = p->subs[i].get();
    PushScope();
    BindPattern(alt, t, is_mut, refutable);
    std::unordered_map<std::string, Binding> here = scopes_.back();
    PopScope();
    std::vector<BoundName> names;
    NamesOf(alt, names);
    for (const BoundName& n : names) {
      auto d = declared.find(n.name);
      if (d == declared.end()) {
        ReportAt<diag::kOrPatternMissingName>(n.loc, static_cast<uint32_t>(n.name.size()), n.name);
        continue;
      }
      if (!Unify(here[n.name].type, d->second.type)) {
        ReportAt<diag::kOrPatternBindingTypes>(n.loc, static_cast<uint32_t>(n.name.size()), n.name, TypeName(here[n.name].type), TypeName(d->second.type));
      }
      cur_->names[n.key] = d->second.cpp_name;
    }
    for (const auto& [name, binding] : declared) {
      if (!here.count(name)) ReportAt<diag::kOrPatternMissingName>(alt->loc, 1, name);
    }
  }
}

}  // namespace ruchy
