// Moves instead of copies where Ruchy's value semantics cannot tell the difference.
//
// Pattern bindings out of a subject nothing reads afterwards: a `let` destructuring's temporary,
// a `for` loop's copied element, and the subject of a `match` or `if let` without guards. The
// generated binding is `rt::BindFrom<decltype(subject)>(part)` (stdlib/ruchy/moves.h), which
// moves when the C++ subject owns its value and copies when it is a reference to a variable, so
// `match some_variable { ... }` still copies while `match f(x) { ... }` moves. Never through a
// class (`->`: its object is shared) or a Box (rt::Box members may be shared), and never where a
// failed guard tries the next arm on the same subject.
//
// Last uses of locals: `consume(text)`, `let b = text`, `x.f = text`, `Ok(text)`,
// `S { f: text }`, `(text, 1)` where `text` is a local the function owns and nothing can read it
// again, emitted as `std::move(text)`. Nothing reads it again when every other mention of it
// (a) comes before it in the source and has certainly finished when it runs: an earlier
// statement of a block, the condition of the `if` or the subject of the `match` it is in, an
// earlier arm, the `try` body before its `catch`; never a sibling inside one expression, where
// C++ leaves the order open; and (b) the use is in no loop (or comprehension) the local was
// declared outside of, and in no closure. Only locals declared by `let` (any pattern), by a
// declaring assignment, by a `match`/`if let` arm, or parameters the C++ function takes by value
// (async and `mut` ones); never a local a closure captures or shares, a map slot or a global,
// and never a C++ name declared twice. A wrong move is a wrong answer, so every doubt keeps the
// copy.
#include <map>
#include <unordered_set>
#include <vector>

#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

namespace {

// Which child of its parent an expression is.
struct Step {
  enum class Part { kA, kB, kC, kList, kGuard, kArmBody, kFStringPart, kMapKey, kMapValue, kField };
  const Expr* node;
  Part part;
  size_t index = 0;  // kList, kGuard, kArmBody, kFStringPart, kMap*, kField
  bool operator==(const Step& o) const { return node == o.node && part == o.part && index == o.index; }
};
using Path = std::vector<Step>;

struct Mention {
  const Expr* name;
  Path path;  // from the body down to the parent of `name`
  bool in_closure;
};

bool IsLoop(const Expr* e) {
  return e->kind == ExprKind::kWhile || e->kind == ExprKind::kWhileLet || e->kind == ExprKind::kFor ||
         e->kind == ExprKind::kLoop || e->kind == ExprKind::kComprehension;
}

// Whether the part of loop L holding something runs once per iteration (a `for` loop's or a
// comprehension's iterable runs once).
bool Repeats(const Step& s) {
  if (s.node->kind == ExprKind::kFor && s.part == Step::Part::kA) return false;
  if (s.node->kind == ExprKind::kComprehension && s.part == Step::Part::kB) return false;
  return true;
}

bool IsArm(const Step& s) { return s.part == Step::Part::kGuard || s.part == Step::Part::kArmBody; }

// Whether EARLIER (a child of A) has certainly finished before LATER (another child of A) starts,
// with nothing after LATER reading EARLIER's value again.
bool FinishesBefore(const Expr* a, const Step& earlier, const Step& later) {
  using P = Step::Part;
  switch (a->kind) {
    case ExprKind::kBlock:
      return earlier.part == P::kList && later.part == P::kList && earlier.index < later.index;
    case ExprKind::kIf:
    case ExprKind::kIfLet:
    case ExprKind::kTry:
      return (earlier.part == P::kA && (later.part == P::kB || later.part == P::kC)) ||
             (earlier.part == P::kB && later.part == P::kC);
    case ExprKind::kMatch:
      if (earlier.part == P::kA) return IsArm(later);
      if (!IsArm(earlier) || !IsArm(later)) return false;
      return earlier.index < later.index || (earlier.part == P::kGuard && later.part == P::kArmBody);
    case ExprKind::kLet:
      return earlier.part == P::kA && later.part == P::kB;
    default:
      return false;
  }
}

// The binding names a pattern declares.
void PatternNames(const Pattern* p, std::vector<const void*>& out) {
  if (!p) return;
  if (p->kind == Pattern::Kind::kBind) out.push_back(p);
  if (p->kind == Pattern::Kind::kList && !p->rest_name.empty()) out.push_back(&p->rest_name);
  for (const auto& sub : p->subs) PatternNames(sub.get(), out);
  for (const auto& [name, sub] : p->fields) PatternNames(sub.get(), out);
}

class LastUseFinder {
 public:
  LastUseFinder(const Emitter& emitter, const FunctionInstance& inst) : emitter_(emitter), inst_(inst) {}

  std::unordered_set<const Expr*> Run() {
    const FunDecl* fun = inst_.decl;
    for (size_t i = 0; i < fun->params.size(); ++i) {
      const Param& p = fun->params[i];
      bool by_value = p.is_mut || inst_.is_async;  // Emitter::ParamList
      if (by_value) Declare(&p, {});
      else NotOwned(&p);
    }
    Path path;
    Visit(fun->body.get(), path, false);
    std::unordered_set<const Expr*> out;
    for (const auto& [name, mentions] : mentions_) {
      auto decl = decls_.find(name);
      if (decl == decls_.end() || decl->second.size() != 1 || not_owned_.count(name) || !Owned(name)) continue;
      for (size_t i = 0; i < mentions.size(); ++i) {
        if (Movable(mentions, i, decl->second[0])) out.insert(mentions[i].name);
      }
    }
    return out;
  }

 private:
  std::string NameOf(const void* key) const {
    auto it = inst_.names.find(key);
    return it == inst_.names.end() ? "" : it->second;
  }

  void Declare(const void* key, const Path& where) {
    std::string name = NameOf(key);
    if (!name.empty()) decls_[name].push_back(where);
  }
  void NotOwned(const void* key) {
    std::string name = NameOf(key);
    if (!name.empty()) not_owned_.insert(name);
  }

  bool Owned(const std::string& name) const {
    return !inst_.captured.count(name) && !inst_.shared.count(name) && !inst_.slots.count(name) &&
           !emitter_.program_.global_slots.count(name);
  }

  void Visit(const Expr* e, Path& path, bool in_closure) {
    if (!e) return;
    switch (e->kind) {
      case ExprKind::kName:
        if (!inst_.global_refs.count(e) && !inst_.calls.count(e) && !NameOf(e).empty()) {
          mentions_[NameOf(e)].push_back({e, path, in_closure});
        }
        return;
      case ExprKind::kLet: {
        std::vector<const void*> names;
        PatternNames(e->pattern.get(), names);
        for (const void* n : names) Declare(n, path);
        break;
      }
      case ExprKind::kAssign:
        if (inst_.declaring_assigns.count(e)) Declare(e, path);
        break;
      case ExprKind::kMatch:
        for (const MatchArm& arm : e->arms) {
          std::vector<const void*> names;
          PatternNames(arm.pattern.get(), names);
          for (const void* n : names) Declare(n, path);
        }
        break;
      case ExprKind::kIfLet: {
        std::vector<const void*> names;
        PatternNames(e->pattern.get(), names);
        for (const void* n : names) Declare(n, path);
        break;
      }
      case ExprKind::kFor:
      case ExprKind::kWhileLet:
      case ExprKind::kComprehension:
      case ExprKind::kClosure: {
        // Loop variables may name elements in place; closure parameters are the closure's.
        std::vector<const void*> names;
        PatternNames(e->pattern.get(), names);
        for (const void* n : names) NotOwned(n);
        for (const Param& p : e->params) NotOwned(&p);
        break;
      }
      default:
        break;
    }
    bool closure = in_closure || e->kind == ExprKind::kClosure;
    using P = Step::Part;
    auto child = [&](const Expr* c, P part, size_t index) {
      if (!c) return;
      path.push_back({e, part, index});
      Visit(c, path, closure);
      path.pop_back();
    };
    child(e->a.get(), P::kA, 0);
    child(e->b.get(), P::kB, 0);
    child(e->c.get(), P::kC, 0);
    for (size_t i = 0; i < e->list.size(); ++i) child(e->list[i].get(), P::kList, i);
    for (size_t i = 0; i < e->arms.size(); ++i) {
      child(e->arms[i].guard.get(), P::kGuard, i);
      child(e->arms[i].body.get(), P::kArmBody, i);
    }
    for (size_t i = 0; i < e->parts.size(); ++i) child(e->parts[i].expr.get(), P::kFStringPart, i);
    for (size_t i = 0; i < e->map_entries.size(); ++i) {
      child(e->map_entries[i].first.get(), P::kMapKey, i);
      child(e->map_entries[i].second.get(), P::kMapValue, i);
    }
    for (size_t i = 0; i < e->field_inits.size(); ++i) child(e->field_inits[i].second.get(), P::kField, i);
  }

  // Whether the value at the end of PATH is taken whole, once, by what contains it: a new
  // binding, an assignment, a constructor or a user function's argument.
  bool TakesValue(const Path& path) const {
    if (path.empty()) return false;
    const Step& s = path.back();
    const Expr* parent = s.node;
    using P = Step::Part;
    switch (parent->kind) {
      case ExprKind::kLet:
        return s.part == P::kA;
      case ExprKind::kAssign:
        return s.part == P::kB && parent->op == Tok::kEq;
      case ExprKind::kStructLit:
        return s.part == P::kField;
      case ExprKind::kTuple:
        return s.part == P::kList;
      case ExprKind::kCall:
      case ExprKind::kMethodCall: {
        if (s.part != P::kList) return false;
        auto call = inst_.calls.find(parent);
        if (call == inst_.calls.end()) return false;
        switch (call->second.kind) {
          case CallKind::kFunction:
          case CallKind::kMethod:
          case CallKind::kConstructor:
          case CallKind::kTupleStruct:
          case CallKind::kVariant:
            return true;
          case CallKind::kBuiltin:
            // Rows whose C++ form places the argument once, as a constructor's argument.
            return call->second.builtin == BuiltinId::kSome || call->second.builtin == BuiltinId::kOk ||
                   call->second.builtin == BuiltinId::kErr;
          default:
            return false;
        }
      }
      default:
        return false;
    }
  }

  bool Movable(const std::vector<Mention>& mentions, size_t i, const Path& decl) const {
    const Mention& u = mentions[i];
    if (u.in_closure || !TakesValue(u.path)) return false;
    for (size_t k = 0; k < u.path.size(); ++k) {
      const Step& s = u.path[k];
      if (!IsLoop(s.node) || !Repeats(s)) continue;
      // Declared inside this part of the loop: a fresh local each time round.
      bool inside = k < decl.size() && decl[k] == s;
      if (!inside) return false;
    }
    for (size_t j = 0; j < mentions.size(); ++j) {
      if (j == i) continue;
      if (j > i) return false;  // mentioned again later in the source
      const Path& w = mentions[j].path;
      size_t k = 0;
      while (k < w.size() && k < u.path.size() && w[k] == u.path[k]) ++k;
      if (k == w.size() || k == u.path.size()) return false;  // cannot happen for two names
      if (!FinishesBefore(w[k].node, w[k], u.path[k])) return false;
    }
    return true;
  }

  const Emitter& emitter_;
  const FunctionInstance& inst_;
  std::map<std::string, std::vector<Mention>> mentions_;  // in source order
  std::map<std::string, std::vector<Path>> decls_;
  std::unordered_set<std::string> not_owned_;
};

}  // namespace

void Emitter::FindLastUses(const FunctionInstance& inst) {
  last_uses_.clear();
  if (!inst.decl || !inst.decl->body) return;
  last_uses_ = LastUseFinder(*this, inst).Run();
}

std::string Emitter::BindingValue(const std::string& part) const {
  if (owned_subject_.empty()) return part;
  return "rt::BindFrom<decltype(" + owned_subject_ + ")>(" + part + ")";
}

Emitter::OwnedSubject::OwnedSubject(Emitter& emitter, const std::string& subject)
    : emitter_(emitter), saved_(emitter.owned_subject_) {
  emitter_.owned_subject_ = subject;
}

Emitter::OwnedSubject::~OwnedSubject() { emitter_.owned_subject_ = saved_; }

}  // namespace ruchy
