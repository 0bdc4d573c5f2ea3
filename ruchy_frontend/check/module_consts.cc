// `const` (and `pub const`) in modules: `pub const MAX_LINE: i64 = 16384` in limits.ruchy is
// `limits::MAX_LINE` elsewhere (or `use limits::MAX_LINE`), visible as any item is (imports.cc).
// Inside its module (and the modules within) the bare name works.
//
// A module's constants are computed once, before the program's top-level code runs, each after
// the constants it uses. So that no order can be observed, a module constant's value is a
// constant expression: literals, operators, arrays and tuples of them, and other module
// constants (not in a cycle). Anything else (a call, a variable of the program) is an error,
// never a read of a constant not computed yet. Constants of the program's own file stay what
// they were: globals computed in order with its code.
#include <functional>
#include <string>
#include <vector>

#include "ruchy_frontend/ast/module_path.h"
#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

bool Checker::IsModuleConst(const Item& item) {
  return item.kind == Item::Kind::kConst && !item.module.empty() && item.stmt &&
         item.stmt->kind == ExprKind::kLet && item.stmt->pattern && item.stmt->pattern->kind == Pattern::Kind::kBind;
}

std::string Checker::ModuleConstName(const Item& item) {
  return module_path::Qualified(item.module, item.stmt->pattern->text);
}

Binding* Checker::FindModuleConst(const std::string& written) {
  if (module_consts_.empty()) return nullptr;
  PathResolution r = ResolvePath(written, module_);
  if (!r.found) return nullptr;
  auto it = module_consts_.find(r.full);
  return it == module_consts_.end() ? nullptr : &it->second;
}

Type* Checker::UseGlobal(const Expr* e, const Binding& b) {
  cur_->global_refs.insert(e);
  cur_->names[e] = b.cpp_name;
  return b.type;
}

bool Checker::CheckModuleConstValue(const Expr* e, const Item& item, std::vector<std::string>* uses) {
  switch (e->kind) {
    case ExprKind::kInt:
    case ExprKind::kFloat:
    case ExprKind::kBool:
    case ExprKind::kString:
    case ExprKind::kChar:
      return true;
    case ExprKind::kUnary:
      if (e->op == Tok::kMinus || e->op == Tok::kBang || e->op == Tok::kTilde) {
        return CheckModuleConstValue(e->a.get(), item, uses);
      }
      break;
    case ExprKind::kBinary:
      return CheckModuleConstValue(e->a.get(), item, uses) && CheckModuleConstValue(e->b.get(), item, uses);
    case ExprKind::kArray:
    case ExprKind::kTuple:
      for (const ExprPtr& x : e->list) {
        if (!CheckModuleConstValue(x.get(), item, uses)) return false;
      }
      return true;
    case ExprKind::kName:
    case ExprKind::kPath: {
      PathResolution r = ResolvePath(e->text, item.module);
      if (!r.found || !module_const_items_.count(r.full)) break;
      uses->push_back(r.full);
      return true;
    }
    default:
      break;
  }
  Report<diag::kModuleConstNotConstant>(e, ModuleConstName(item));
  return false;
}

std::vector<const Item*> Checker::ModuleConstsInOrder() {
  std::map<std::string, std::vector<std::string>> uses;
  for (const auto& [name, item] : module_const_items_) {
    if (item->stmt->a) CheckModuleConstValue(item->stmt->a.get(), *item, &uses[name]);
  }
  // Depth first: each constant after the ones it uses; a cycle is reported where it closes.
  std::vector<const Item*> order;
  std::map<std::string, int> state;  // 1: being ordered, 2: done
  std::function<void(const std::string&)> visit = [&](const std::string& name) {
    state[name] = 1;
    for (const std::string& used : uses[name]) {
      if (state[used] == 1) {
        const Expr* init = module_const_items_[name]->stmt->a.get();
        Report<diag::kModuleConstCycle>(init, name, used);
      } else if (state[used] == 0) {
        visit(used);
      }
    }
    state[name] = 2;
    order.push_back(module_const_items_[name]);
  };
  for (const Item& item : program_.items) {
    if (IsModuleConst(item) && state[ModuleConstName(item)] == 0) visit(ModuleConstName(item));
  }
  return order;
}

}  // namespace ruchy
