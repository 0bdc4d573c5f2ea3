// Functions declared inside a body. As in Rust, a nested function is visible in its whole block,
// before its declaration too, and nested functions see each other and themselves (mutual
// recursion works). They cannot capture local variables: each is lifted to namespace scope
// (cpp_names.h `rn<N>_NAME`), so its body sees the globals plus the nested functions visible
// where it is declared, and nothing else of the enclosing function.
#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

void Checker::DeclareNestedFunctions(const Expr* block) {
  std::vector<const FunDecl*> declared;
  for (const ExprPtr& stmt : block->list) {
    if (stmt->kind != ExprKind::kFunDecl) continue;
    const FunDecl* fun = stmt->fun.get();
    Binding b;
    b.fun_decl = fun;
    scopes_.back()[fun->name] = b;
    function_module_[fun] = module_;
    nested_functions_.insert(fun);
    declared.push_back(fun);
  }
  if (declared.empty()) return;
  // What each one's body sees: every nested function in scope here, the innermost of a name.
  NestedFunctionScope visible;
  for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
    for (const auto& [name, binding] : *scope) {
      if (binding.fun_decl) visible.functions.emplace(name, binding);
    }
  }
  for (const FunDecl* fun : declared) nested_scope_[fun] = visible;
}

Type* Checker::CheckNestedFunction(const Expr* e) {
  const FunDecl* fun = e->fun.get();
  std::set<std::string>& locals = nested_scope_[fun].enclosing_locals;
  for (const auto& scope : scopes_) {
    for (const auto& [name, binding] : scope) {
      if (!binding.fun_decl && !binding.is_global) locals.insert(name);
    }
  }
  // Checked where it stands even if never called; a generic one waits for its calls.
  if (!IsGeneric(*fun)) {
    FunctionInstance* inst = Instantiate(fun, nullptr, {}, fun->loc, module_);
    if (inst) inst->is_lifted = true;
  }
  return arena_.unit();
}

void Checker::EnterNestedFunctionScope(const FunDecl* fun) {
  auto visible = nested_scope_.find(fun);
  if (visible != nested_scope_.end()) scopes_.push_back(visible->second.functions);
}

bool Checker::ReportNestedCapture(const Expr* e, const std::string& name) {
  if (cur_ == nullptr || cur_->decl == nullptr) return false;
  auto scope = nested_scope_.find(cur_->decl);
  if (scope == nested_scope_.end() || !scope->second.enclosing_locals.count(name)) return false;
  Report<diag::kNestedFunctionCapture>(e, cur_->decl->name, name);
  return true;
}

}  // namespace ruchy
