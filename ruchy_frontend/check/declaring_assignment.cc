// `name = value` where `name` is not in scope declares it, as in the reference interpreter and
// Ruby (../shared/ruchy/LANGUAGE.md): `client = get_client()` is `let client = get_client()`.
//
// Only a statement of a block (or of the top level) declares, and only a lower-case name: an
// assignment inside an expression, or to a type-like name, to an unknown name stays an error.
// The name is declared in the block the statement is in, as a `let` would be: using it after
// that block is "unknown name", never a silently different variable. At the top level it is a
// global (as a top-level `let` is), visible to functions.
#include <cctype>
#include <set>

#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

// The name `stmt` assigns with `=`, when it is a plain lower-case name; null otherwise.
const std::string* AssignedName(const Expr* stmt) {
  if (stmt->kind != ExprKind::kAssign || stmt->op != Tok::kEq || stmt->a->kind != ExprKind::kName) return nullptr;
  const std::string& name = stmt->a->text;
  if (name.empty() || !(std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_')) return nullptr;
  return &name;
}

}  // namespace

bool Checker::IsDeclaringAssign(const Expr* stmt) {
  const std::string* name = AssignedName(stmt);
  return name && Lookup(*name) == nullptr && FindFunction(*name, module_) == nullptr;
}

Type* Checker::CheckDeclaringAssign(const Expr* e) {
  // The value first: `x = x + 1` with no `x` is an unknown name, not a declaration of itself.
  Type* t = CheckExpr(e->b.get(), nullptr);
  Record(e->a.get(), t);
  cur_->declaring_assigns.insert(e);
  declaring_assigns_by_name_.emplace(std::make_pair(cur_, e->a->text), e);
  Declare(e->a->text, t, /*is_mut=*/true, e);
  return arena_.unit();
}

void Checker::NoteDeclaredInEndedBlock(const std::string& name) {
  auto found = declaring_assigns_by_name_.find(std::make_pair(static_cast<const FunctionInstance*>(cur_), name));
  if (found != declaring_assigns_by_name_.end()) {
    ReportAt<diag::kDeclaredInEndedBlock>(found->second->a->loc, static_cast<uint32_t>(name.size()), name);
  }
}

namespace {

void AddPatternNames(const Pattern* p, std::set<std::string>& names) {
  if (!p) return;
  if (p->kind == Pattern::Kind::kBind) names.insert(p->text);
  if (!p->rest_name.empty()) names.insert(p->rest_name);
  for (const auto& sub : p->subs) AddPatternNames(sub.get(), names);
  for (const auto& [field, sub] : p->fields) AddPatternNames(sub.get(), names);
}

}  // namespace

const std::string* Checker::TopLevelDeclaredName(const Item& item) {
  // Called for each item in order: the names top-level code has bound so far, by any `let`
  // pattern (`let (low, high) = ...` too) or an earlier declaring assignment.
  if (!item.stmt) return nullptr;
  if (item.stmt->kind == ExprKind::kLet) AddPatternNames(item.stmt->pattern.get(), top_level_names_);
  if (item.kind != Item::Kind::kStmt) return nullptr;
  const std::string* name = AssignedName(item.stmt.get());
  if (!name || top_level_names_.count(*name) || FindFunction(*name, item.module)) return nullptr;
  top_level_names_.insert(*name);
  return name;
}

}  // namespace ruchy
