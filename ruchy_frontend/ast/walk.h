// Visiting every expression of a subtree, for the questions later stages ask of a whole body
// ("does it mention `self`?", "which globals does it read?", "can it change this variable?").
// Depth is bounded by the parser's nesting limit.
#ifndef RUCHY_FRONTEND_AST_WALK_H_
#define RUCHY_FRONTEND_AST_WALK_H_

#include "ruchy_frontend/ast/ast.h"

namespace ruchy {

// Whether `pred` holds for `e` or any expression inside it (patterns and types are not visited).
template <class Pred>
bool AnyExpr(const Expr* e, const Pred& pred) {
  if (!e) return false;
  if (pred(e)) return true;
  for (const Expr* child : {e->a.get(), e->b.get(), e->c.get()}) {
    if (AnyExpr(child, pred)) return true;
  }
  for (const auto& x : e->list) {
    if (AnyExpr(x.get(), pred)) return true;
  }
  for (const auto& arm : e->arms) {
    if (AnyExpr(arm.guard.get(), pred) || AnyExpr(arm.body.get(), pred)) return true;
  }
  for (const auto& part : e->parts) {
    if (AnyExpr(part.expr.get(), pred)) return true;
  }
  for (const auto& [k, v] : e->map_entries) {
    if (AnyExpr(k.get(), pred) || AnyExpr(v.get(), pred)) return true;
  }
  for (const auto& [n, v] : e->field_inits) {
    if (AnyExpr(v.get(), pred)) return true;
  }
  return false;
}

// Calls `visit` on `e` and every expression inside it.
template <class Visit>
void ForEachExpr(const Expr* e, const Visit& visit) {
  AnyExpr(e, [&](const Expr* x) {
    visit(x);
    return false;
  });
}

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_AST_WALK_H_
