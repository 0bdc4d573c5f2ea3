// `let PATTERN = value else { ... }`: a refutable binding whose `else` block runs when the value
// does not match. As in Rust, the `else` block must leave the enclosing scope (the names the
// pattern binds do not exist there), and it cannot see those names.
#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

// Whether a pattern matches every value of its type whatever it is: bindings, `_`, and tuples
// and structs made of those. Such a pattern's `else` could never run.
bool AlwaysMatches(const Pattern* p) {
  switch (p->kind) {
    case Pattern::Kind::kWildcard:
      return true;
    case Pattern::Kind::kBind:
      return p->subs.empty() || AlwaysMatches(p->subs[0].get());
    case Pattern::Kind::kTuple:
      for (const auto& s : p->subs) {
        if (!AlwaysMatches(s.get())) return false;
      }
      return true;
    case Pattern::Kind::kStruct:
      for (const auto& [name, s] : p->fields) {
        if (!AlwaysMatches(s.get())) return false;
      }
      return true;
    default:
      return false;
  }
}

}  // namespace

// Called by CheckLet after the value is checked and before the pattern binds its names.
void Checker::CheckLetElse(const Expr* let) {
  if (AlwaysMatches(let->pattern.get())) {
    ReportAt<diag::kLetElseIrrefutable>(let->pattern->loc, 1);
  }
  Type* t = CheckBlock(let->b.get(), nullptr, /*value_used=*/false);
  if (Resolve(t)->kind != TypeKind::kNever) {
    const Expr* at = LastValueExpr(let->b.get());
    Report<diag::kLetElseMustDiverge>(at ? at : let->b.get(), TypeName(t));
  }
}

}  // namespace ruchy
