// The checker's driver: declarations, the top-level code, function instances (one per
// non-generic function, one per distinct argument-type list for generic ones) and the final pass
// that settles literal types and rejects anything left uninferred.
#include "ruchy_frontend/check/checker.h"

#include <utility>

#include "ruchy_frontend/check/checker_impl.h"
#include "ruchy_frontend/check/cpp_names.h"
#include "ruchy_frontend/check/exhaustiveness.h"
#include "ruchy_frontend/check/single_use.h"

namespace ruchy {

namespace {
constexpr size_t kMaxInstantiationDepth = 48;
}  // namespace

Binding* Checker::Lookup(const std::string& name) {
  for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
    auto found = it->find(name);
    if (found != it->end()) return &found->second;
  }
  return nullptr;
}

std::string Checker::FreshCppName(const std::string& base) {
  // Each binding of a name in a function gets its own C++ name (Ruchy allows shadowing; C++ does
  // not in one scope). Functions, types and globals live in other name spaces of the scheme
  // (cpp_names.h) or are referred to qualified, so a local can hide none of them.
  return ShadowIdent(base, ++used_names_[base]);
}

FunctionInstance* Checker::Instantiate(const FunDecl* fun, const TypeDecl* owner, const std::vector<Type*>& args,
                                       Loc loc, const std::string& module, Type* self_type) {
  // A method of a generic type is one instance per receiver type, like a generic function's.
  const bool generic_owner = IsGenericType(owner);
  if (generic_owner && !self_type) self_type = InstanceOf(&out_.types.at(owner->name))->type;
  bool generic = IsGeneric(*fun) || generic_owner;
  std::string key;
  if (!generic) {
    auto it = mono_instances_.find({fun, owner});
    if (it != mono_instances_.end()) return it->second;
  } else {
    bool concrete = true;
    for (Type* a : args) {
      ApplyDefaults(a);
      concrete = concrete && IsConcrete(a);
    }
    if (generic_owner) {
      ApplyDefaults(self_type);
      concrete = concrete && IsConcrete(self_type);
    }
    if (concrete) {
      key = std::to_string(reinterpret_cast<uintptr_t>(fun)) + "@" + std::to_string(reinterpret_cast<uintptr_t>(owner));
      if (generic_owner) key += "@" + TypeKey(self_type);
      for (Type* a : args) key += "|" + TypeKey(a);
      auto it = generic_instances_.find(key);
      if (it != generic_instances_.end()) return it->second;
    } else {
      // Recursion while the argument types are still open: reuse the instance in progress.
      for (FunctionInstance* active : instantiating_) {
        if (active->decl == fun) return active;
      }
    }
  }
  if (instantiating_.size() >= kMaxInstantiationDepth) {
    ReportAt<diag::kInstantiationTooDeep>(loc, 1, static_cast<int64_t>(kMaxInstantiationDepth), fun->name);
    return nullptr;
  }
  auto owned = std::make_unique<FunctionInstance>();
  FunctionInstance* inst = owned.get();
  out_.instances.push_back(std::move(owned));
  inst->decl = fun;
  inst->owner = owner;
  inst->is_async = fun->is_async;
  if (owner) inst->self_type = generic_owner ? self_type : FindType(owner->name, "")->type;
  if (generic) {
    generic_instances_[key.empty() ? "open" + std::to_string(out_.instances.size()) : key] = inst;
  } else {
    mono_instances_[{fun, owner}] = inst;
  }
  std::map<std::string, Type*> generics;
  if (generic_owner) BindOwnerTypeParams(fun, owner, self_type, generics);
  if (owner && owner->kind == TypeDecl::Kind::kClass) {
    for (const std::string& g : owner->generics) generics[g] = arena_.Var();  // reported: no second error
  }
  for (const std::string& g : fun->generics) generics[g] = arena_.Var();
  FunctionInstance* saved_cur = cur_;
  cur_ = inst;  // `Self` in signatures resolves against this instance
  size_t arg_index = 0;
  for (const Param& p : fun->params) {
    Type* t = p.type ? ResolveTypeExpr(p.type.get(), generics, module) : nullptr;
    // A written type with type parameters (`s: Stack<T>`) takes them from the argument before the
    // body is checked, so that the body sees `T` (a mismatch is reported at the call).
    if (t && generic && arg_index < args.size()) Unify(t, args[arg_index]);
    if (!t) t = arg_index < args.size() ? args[arg_index] : arena_.Var();
    inst->params.push_back(t);
    ++arg_index;
  }
  if (fun->is_constructor) {
    inst->ret = arena_.unit();
  } else if (fun->ret) {
    inst->ret = ResolveTypeExpr(fun->ret.get(), generics, module);
  } else {
    inst->ret = fun->body ? arena_.Var() : arena_.unit();
  }
  cur_ = saved_cur;
  // Trait bounds (`<T: Ord>`, the impl's `<T: Display>`): a broken one is reported at the call,
  // and the body is not checked at types it was not written for (no follow-on errors); the call
  // still has the declared result type.
  bool bounds_hold = CheckBounds(&fun->bounds, generics, "`" + fun->name + "`", loc, module);
  if (generic_owner) {
    auto impl_bounds = method_bounds_.find(fun);
    if (impl_bounds != method_bounds_.end()) {
      bounds_hold = CheckBounds(impl_bounds->second, generics, "`" + fun->name + "`", loc, module) && bounds_hold;
    }
  }
  if (fun->body && bounds_hold) {
    instantiating_.push_back(inst);
    CheckInstance(inst, module);
    instantiating_.pop_back();
  }
  return inst;
}

void Checker::CheckInstance(FunctionInstance* inst, const std::string& module) {
  if (inst->checked) return;
  inst->checked = true;
  // Save the caller's state: instances are checked on first use, in the middle of other bodies.
  FunctionInstance* saved_cur = cur_;
  std::string saved_module = module_;
  auto saved_scopes = std::move(scopes_);
  auto saved_loops = std::move(loops_);
  auto saved_returns = std::move(returns_);
  auto saved_names = std::move(used_names_);
  const int saved_closure_level = closure_level_;
  const char* saved_cleanup = std::exchange(cleanup_block_, nullptr);
  const int saved_unsafe = std::exchange(unsafe_depth_, 0);  // `unsafe` is lexical: not the caller's

  cur_ = inst;
  closure_level_ = 0;
  module_ = inst->decl->body_scope.empty() ? module : inst->decl->body_scope;  // local types first
  scopes_.clear();
  scopes_.push_back(global_scope_);
  EnterNestedFunctionScope(inst->decl);
  loops_.clear();
  returns_.clear();
  used_names_.clear();

  const FunDecl* fun = inst->decl;
  PushScope();
  if (inst->self_type) {
    Binding self;
    self.type = inst->self_type;
    self.cpp_name = "t_self";
    self.is_mut = fun->self == SelfKind::kMutRef || fun->self == SelfKind::kValue ||
                  Resolve(inst->self_type)->kind == TypeKind::kClass || fun->is_constructor;
    if (fun->self != SelfKind::kNone || fun->is_constructor) scopes_.back()["self"] = self;
  }
  for (size_t i = 0; i < fun->params.size(); ++i) {
    const Param& p = fun->params[i];
    inst->names[&p] = Declare(p.name, inst->params[i], p.is_mut, &p);
    if (p.default_value) {
      Type* t = CheckExpr(p.default_value.get(), inst->params[i]);
      Expect(p.default_value.get(), t, inst->params[i], "default value");
    }
  }
  returns_.push_back(inst->ret);
  Type* ret = Resolve(inst->ret);
  bool unit_body = ret->kind == TypeKind::kUnit;
  Type* body = CheckBlock(fun->body.get(), unit_body ? nullptr : inst->ret, !unit_body);
  if (Resolve(body)->kind == TypeKind::kNever && Resolve(inst->ret)->kind == TypeKind::kVar &&
      !Resolve(inst->ret)->int_literal && !Resolve(inst->ret)->float_literal) {
    Unify(inst->ret, arena_.unit());  // the body never finishes normally (panics, loops, returns)
  }
  if (!unit_body) {
    const Expr* last = fun->body->list.empty() ? fun->body.get() : fun->body->list.back().get();
    if (fun->ret) {
      Expect(last, body, inst->ret, "return value of `" + fun->name + "`");
    } else if (!Unify(body, inst->ret)) {
      Report<diag::kReturnTypeConflict>(last, fun->name, TypeName(inst->ret), TypeName(body));
    }
  }
  PopScope();

  cur_ = saved_cur;
  module_ = saved_module;
  scopes_ = std::move(saved_scopes);
  loops_ = std::move(saved_loops);
  returns_ = std::move(saved_returns);
  used_names_ = std::move(saved_names);
  closure_level_ = saved_closure_level;
  unsafe_depth_ = saved_unsafe;
  cleanup_block_ = saved_cleanup;
}

CheckedProgram Checker::Run() {
  ResolveImports();
  CollectDeclarations();
  CollectMemberVisibility();
  ResolveTypeMembers();
  CheckAttributes();  // before the extern signatures: they read `#[repr(C)]`
  CheckExternDeclarations();

  auto top = std::make_unique<FunctionInstance>();
  top->cpp_name = "ruchy_top_level";
  top->ret = arena_.unit();
  top->checked = true;
  out_.top_level = top.get();
  out_.instances.push_back(std::move(top));
  cur_ = out_.top_level;

  // Field defaults are checked once, in the top-level context the code generator also uses.
  for (const std::string& name : out_.type_order) {
    TypeInfo& info = out_.types[name];
    module_ = type_module_[info.decl];
    for (size_t i = 0; i < info.decl->fields.size(); ++i) {
      const FieldDecl& f = info.decl->fields[i];
      if (!f.default_value) continue;
      if (IsGenericType(info.decl)) {  // one default for every instance: not yet
        ReportAt<diag::kGenericFieldDefault>(f.loc, static_cast<uint32_t>(f.name.size()), f.name, info.decl->name);
        continue;
      }
      Type* t = CheckExpr(f.default_value.get(), info.field_types[i]);
      Expect(f.default_value.get(), t, info.field_types[i], "default of field `" + f.name + "`");
    }
  }
  module_.clear();

  // Globals: top-level `let`/`const` with a plain name are visible to every function. A name
  // bound twice at top level is two globals; top-level code sees each from its definition on,
  // functions see the last one.
  scopes_.clear();
  scopes_.emplace_back();
  std::map<std::string, int> global_bindings;
  for (const Item& item : program_.items) {
    const Expr* let = item.stmt.get();  // or a top-level `name = value` declaring `name`
    const std::string* declared = TopLevelDeclaredName(item);
    if (!declared &&
        (!let || let->kind != ExprKind::kLet || !let->pattern || let->pattern->kind != Pattern::Kind::kBind)) {
      continue;
    }
    const std::string& name = declared ? *declared : let->pattern->text;
    Binding b;
    b.type = arena_.Var();
    b.is_mut = IsAssignable(*let);
    b.is_const = !b.is_mut;
    b.is_global = true;
    // Top-level rebinding (`let x = 1` ... `let x = x + 1`) makes a new global each time.
    std::string cpp = GlobalIdent(name, ++global_bindings[name]);
    b.cpp_name = cpp;
    if (IsModuleConst(item)) {
      module_consts_[ModuleConstName(item)] = b;  // named by its path (module_consts.cc)
    } else {
      global_scope_[name] = b;
    }
    let_globals_[let] = b;
    GlobalBinding g;
    g.cpp_name = cpp;
    g.type = b.type;
    g.is_const = item.kind == Item::Kind::kConst;
    g.let = let;
    out_.globals[cpp] = g;
    out_.global_order.push_back(cpp);
    out_.global_lets[let] = cpp;
  }

  // Modules' constants first, each after those it uses (module_consts.cc); then the program's code.
  std::vector<const Item*> top_level = ModuleConstsInOrder();
  for (const Item& item : program_.items) {
    if ((item.kind == Item::Kind::kStmt || item.kind == Item::Kind::kConst) && !IsModuleConst(item)) {
      top_level.push_back(&item);
    }
  }
  for (const Item* item : top_level) {
    cur_ = out_.top_level;
    module_ = item->module;
    CheckTaskUsed(item->stmt.get(), CheckExpr(item->stmt.get(), nullptr, false));
    out_.top_level_stmts.push_back(item->stmt.get());
  }

  // main() and every non-generic function and method, used or not, so all errors are reported.
  cur_ = out_.top_level;
  for (const auto& [name, fun] : functions_) {
    if (fun->is_extern || IsGeneric(*fun)) continue;
    FunctionInstance* inst = Instantiate(fun, nullptr, {}, fun->loc, function_module_[fun]);
    if (name == "main") out_.main = inst;
  }
  for (const std::string& name : out_.type_order) {
    const TypeInfo& info = out_.types[name];
    // A generic type's methods are checked per instance, as its uses need them.
    if (info.decl->kind == TypeDecl::Kind::kTrait || IsGenericType(info.decl)) continue;
    for (const auto& [mname, m] : info.methods) {
      if (IsGeneric(*m) || !m->body) continue;
      Instantiate(m, info.decl, {}, m->loc, type_module_[info.decl]);
    }
    for (const auto& m : info.decl->methods) {
      if (m->is_constructor && !IsGeneric(*m)) Instantiate(m.get(), info.decl, {}, m->loc, type_module_[info.decl]);
    }
  }

  if (options_.lambda_handler) {
    if (out_.main) ReportAt<diag::kHandlerWithMain>(out_.main->decl->loc, 1);
    bool untyped_handler = false;  // reported: the file has a handler, so no "needs a handler" too
    auto find = [&](const char* n) -> FunctionInstance* {
      auto it = functions_.find(n);
      if (it == functions_.end()) return nullptr;
      auto inst = mono_instances_.find({it->second, nullptr});
      if (inst == mono_instances_.end()) {
        ReportAt<diag::kHandlerUntypedParameters>(it->second->loc, 1, n);
        untyped_handler = true;
        return nullptr;
      }
      return inst->second;
    };
    if (FunctionInstance* h = find("handler")) {
      out_.handler = h;
      bool json = h->params.size() == 2 && Resolve(h->params[0])->kind == TypeKind::kJson;
      bool ctx_ok = h->params.size() == 2 && Resolve(h->params[1])->kind == TypeKind::kContext;
      Type* ret = Resolve(h->ret);
      bool ret_ok = ret->kind == TypeKind::kResult && Resolve(ret->args[1])->kind == TypeKind::kError;
      bool typed_in = h->params.size() == 2 && Resolve(h->params[0])->kind == TypeKind::kStruct;
      if (!ctx_ok || !ret_ok || !(json || typed_in)) {
        ReportAt<diag::kHandlerSignature>(h->decl->loc, 1);
      }
      out_.handler_form = json && ret_ok && Resolve(ret->args[0])->kind == TypeKind::kJson
                              ? CheckedProgram::HandlerForm::kJson
                              : CheckedProgram::HandlerForm::kTyped;
    } else if (FunctionInstance* h = find("lambda_handler")) {
      out_.handler = h;
      out_.handler_form = CheckedProgram::HandlerForm::kLegacy;
      bool ok = h->params.size() == 2 && Resolve(h->params[0])->kind == TypeKind::kString &&
                Resolve(h->params[1])->kind == TypeKind::kString && Resolve(h->ret)->kind == TypeKind::kString;
      if (!ok) ReportAt<diag::kLegacyHandlerSignature>(h->decl->loc, 1);
    } else if (!untyped_handler) {
      ReportAt<diag::kNoHandler>(Loc{0}, 1);
    }
  }
  CollectTests();
  Finalize();
  return std::move(out_);
}

void Checker::CheckCollect(const DeferredCollect& c) {
  Type* target = Resolve(c.target);
  if (target->kind == TypeKind::kVar) {
    Unify(target, arena_.Vec(c.element));  // nothing asked for another collection
    return;
  }
  Type* elem = Resolve(c.element);
  bool ok = false;
  switch (target->kind) {
    case TypeKind::kVec:
    case TypeKind::kSet:
      ok = Unify(target->args[0], c.element);
      break;
    case TypeKind::kString:
      ok = elem->kind == TypeKind::kChar || elem->kind == TypeKind::kString;
      break;
    case TypeKind::kMap:
      ok = Unify(c.element, arena_.Tuple({target->args[0], target->args[1]}));
      break;
    default:
      break;
  }
  if (!ok) Report<diag::kCollectTarget>(c.expr, TypeName(c.source), TypeName(target));
}

// Matches on enums, bool, Option and Result must cover every value (exhaustiveness.h); a match
// instantiated several times (generic functions) is reported once.
void Checker::CheckMatchCoverage() {
  std::set<const Expr*> reported;
  for (const DeferredMatch& m : deferred_matches_) {
    if (reported.count(m.match)) continue;
    std::vector<const Pattern*> arms;
    for (const MatchArm& arm : m.match->arms) {
      if (!arm.guard) arms.push_back(arm.pattern.get());
    }
    MatchCoverage coverage = CheckCoverage(arms, m.scrutinee, out_.types);
    if (coverage.missing.empty()) continue;
    std::string cases;
    for (size_t i = 0; i < coverage.missing.size(); ++i) {
      bool last = i + 1 == coverage.missing.size() && coverage.more == 0;
      cases += (i == 0 ? "" : last ? " and " : ", ") + ("`" + coverage.missing[i] + "`");
    }
    if (coverage.more) cases += " and " + std::to_string(coverage.more) + " more";
    ReportAt<diag::kNonExhaustiveMatch>(m.match->loc, 5, TypeName(m.scrutinee), cases);
    reported.insert(m.match);
  }
}

void Checker::Finalize() {
  bool report = !diags_.has_errors();
  // Collect targets first: a default Vec<T> must be in place before literal defaults settle.
  for (const DeferredCollect& c : deferred_collects_) CheckCollect(c);
  std::map<std::string, FunctionInstance*> seen;
  for (auto& inst : out_.instances) {
    for (const std::string& name : inst->captured) {
      if (inst->mutated.count(name)) inst->shared.insert(name);
    }
    for (Type* t : inst->params) ApplyDefaults(t);
    if (inst->ret) ApplyDefaults(inst->ret);
    if (inst->self_type) ApplyDefaults(inst->self_type);
    for (auto& [e, t] : inst->types) ApplyDefaults(t);
    for (auto& [p, t] : inst->pattern_types) ApplyDefaults(t);
  }
  for (auto& [name, g] : out_.globals) ApplyDefaults(g.type);
  for (auto& [name, info] : out_.types) {
    for (Type* t : info.field_types) ApplyDefaults(t);
  }
  CollectGenericInstances();
  CheckDeferredBounds();
  for (const IntLiteral& lit : int_literals_) {
    ApplyDefaults(lit.type);
    Type* t = Resolve(lit.type);
    if (t->kind != TypeKind::kInt) continue;  // a float context (`let x: f64 = 1`) converts it exactly
    const bool negated = negated_literals_.count(lit.expr) > 0;
    // The largest magnitude the type holds: 2^(bits-1) - 1 for signed (one more when negated), 2^bits - 1 unsigned.
    uint64_t limit = t->is_signed ? (uint64_t{1} << (t->bits - 1)) - (negated ? 0 : 1)
                                  : (t->bits == 64 ? UINT64_MAX : (uint64_t{1} << t->bits) - 1);
    if (!t->is_signed && negated && lit.expr->int_value != 0) limit = 0;
    if (lit.expr->int_value > limit) {
      Report<diag::kIntegerLiteralOutOfRange>(lit.expr, std::string(negated ? "-" : "") + std::to_string(lit.expr->int_value),
                                              TypeName(t));
      report = false;
    }
  }
  for (const DeferredOp& op : deferred_ops_) {
    ApplyDefaults(op.operand);
    Type* t = Resolve(op.operand);
    bool ok = IsNumeric(t) || (op.expr->op == Tok::kPlus && t->kind == TypeKind::kString) || t->kind == TypeKind::kVar;
    if (!ok) {
      std::string spelling(TokenSpelling(op.expr->op));
      if (op.expr->kind == ExprKind::kBinary) {  // both operands were open, so they have one type
        Report<diag::kBinaryOperatorTypes>(op.expr, spelling, TypeName(t), TypeName(t));
      } else {
        Report<diag::kUnaryOperatorType>(op.expr, spelling, TypeName(t));
      }
      report = false;
    }
  }
  if (report) CheckMatchCoverage();
  if (report) CheckSingleUseValues(out_, diags_);
  if (report) {
    for (auto& [name, g] : out_.globals) {
      if (!IsConcrete(g.type)) {
        const std::string& name = g.let->kind == ExprKind::kLet ? g.let->pattern->text : g.let->a->text;
        ReportAt<diag::kCannotInferGlobal>(g.let->loc, 3, name);
        report = false;
      }
    }
  }
  if (report) {
    for (auto& inst : out_.instances) {
      if (!inst->checked && inst->decl && inst->decl->body) continue;
      // Report the first (outermost in source order) uninferred expression of each instance.
      const Expr* worst = nullptr;
      for (auto& [e, t] : inst->types) {
        if (!IsConcrete(t) && (!worst || e->loc.offset < worst->loc.offset)) worst = e;
      }
      if (worst) {
        Report<diag::kCannotInferExpression>(worst, TypeName(inst->types[worst]));
        break;
      }
      for (size_t i = 0; i < inst->params.size(); ++i) {
        if (!IsConcrete(inst->params[i])) {
          const Param& p = inst->decl->params[i];
          ReportAt<diag::kCannotInferParameter>(p.loc, static_cast<uint32_t>(p.name.size()), p.name);
        }
      }
    }
  }
  // C++ names: top-level functions by their Ruchy name; each function declared in a body gets a
  // numbered name of its own (two bodies may both declare a `helper`). Generic instances with the
  // same final signature are one C++ function; other instances of a name are overloads.
  std::map<const FunDecl*, int> lifted_numbers;
  std::map<std::string, int> lifted_counts;
  for (auto& inst : out_.instances) {
    if (!inst->decl) continue;
    if (inst->decl->is_constructor) {
      inst->cpp_name = "";
    } else if (nested_functions_.count(inst->decl)) {
      int& n = lifted_numbers[inst->decl];
      if (n == 0) n = ++lifted_counts[inst->decl->name];
      inst->cpp_name = LiftedIdent(inst->decl->name, n);
    } else {
      inst->cpp_name = UserIdent(inst->decl->name);
    }
    std::string key = std::to_string(reinterpret_cast<uintptr_t>(inst->decl)) + "@" +
                      (inst->self_type ? TypeKey(inst->self_type) : inst->owner ? inst->owner->name : "");
    for (Type* p : inst->params) key += "|" + TypeKey(p);
    auto [it, inserted] = seen.emplace(key, inst.get());
    if (!inserted) inst->same_as = it->second;
  }
}

CheckedProgram Check(const Program& program, TypeArena& arena, Diagnostics& diags, const CheckOptions& options) {
  Checker checker(program, arena, diags, options);
  return checker.Run();
}

}  // namespace ruchy
