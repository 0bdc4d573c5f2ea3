// Calls: user functions (generic ones instantiated per call site), closures, constructors,
// enum variants, methods; builtins are in builtins.cc.
#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

size_t RequiredParams(const FunDecl& fun) {
  size_t n = 0;
  for (const Param& p : fun.params) {
    if (!p.default_value) ++n;
  }
  return n;
}

}  // namespace

Type* Checker::CheckCallArgs(const Expr* e, const std::vector<Type*>& params, const FunDecl* decl, size_t skip,
                             const std::string& callee) {
  size_t given = e->list.size() - std::min(skip, e->list.size());
  size_t required = decl ? RequiredParams(*decl) : params.size();
  if (given < required || given > params.size()) {
    std::string what = !callee.empty() ? callee : decl ? "`" + decl->name + "`" : "this function";
    Report<diag::kWrongArgumentCount>(e, what, (required == params.size() ? "" : "at least ") + std::to_string(required) + (required == 1 ? " argument" : " arguments"), static_cast<int64_t>(given));
  }
  for (size_t i = skip; i < e->list.size(); ++i) {
    const Expr* arg = e->list[i].get();
    size_t pi = i - skip;
    Type* want = pi < params.size() ? params[pi] : nullptr;
    Type* t = CheckExpr(arg, want);
    if (want) Expect(arg, t, want, "argument " + std::to_string(pi + 1));
  }
  return nullptr;
}

// A call to a user function, method or constructor. A generic callee is instantiated from the
// argument types, closures waiting (a fresh variable) until instantiation has settled the
// parameter types; any other is checked against its parameters as written. `callee` names it in
// messages. Returns the instance, or null after an error.
FunctionInstance* Checker::CheckInstanceCall(const Expr* e, const FunDecl* fun, const TypeDecl* owner,
                                             const std::string& module, const std::string& callee, Type* self_type) {
  if (!IsGeneric(*fun)) {
    FunctionInstance* inst = Instantiate(fun, owner, {}, e->loc, module, self_type);
    if (inst) CheckCallArgs(e, inst->params, fun, 0, callee);
    return inst;
  }
  std::vector<Type*> args;
  for (const auto& a : e->list) {
    args.push_back(a->kind == ExprKind::kClosure ? arena_.Var() : CheckExpr(a.get(), nullptr));
  }
  if (e->list.size() < RequiredParams(*fun) || e->list.size() > fun->params.size()) {
    Report<diag::kWrongArgumentCount>(e, callee, std::to_string(fun->params.size()) + (fun->params.size() == 1 ? " argument" : " arguments"), static_cast<int64_t>(e->list.size()));
    return nullptr;
  }
  FunctionInstance* inst = Instantiate(fun, owner, args, e->loc, module, self_type);
  if (!inst) return nullptr;
  for (size_t i = 0; i < e->list.size(); ++i) {
    const Expr* a = e->list[i].get();
    Type* t = a->kind == ExprKind::kClosure ? CheckExpr(a, inst->params[i]) : args[i];
    Expect(a, t, inst->params[i], "argument " + std::to_string(i + 1));
  }
  return inst;
}

Type* Checker::CheckCall(const Expr* e, Type* expected) {
  const Expr* callee = e->a.get();
  if (Type* boxed = CheckBoxIntoDyn(e, expected)) return boxed;
  CallInfo call;
  // User functions (possibly generic) by name or module path.
  const FunDecl* fun = nullptr;
  if (callee->kind == ExprKind::kName) {
    if (Binding* b = Lookup(callee->text)) {
      if (b->fun_decl) {
        fun = b->fun_decl;  // a nested function
      } else {
        // A closure or function value in a variable.
        Type* t = CheckExpr(callee, nullptr);
        Type* r = Resolve(t);
        if (r->kind == TypeKind::kVar) {
          std::vector<Type*> params;
          for (size_t i = 0; i < e->list.size(); ++i) params.push_back(arena_.Var());
          Unify(r, arena_.Fn(params, arena_.Var()));
          r = Resolve(t);
        }
        if (r->kind != TypeKind::kFn) {
          Report<diag::kNotAFunctionNamed>(callee, callee->text, TypeName(t));
          CheckArgsOfFailedCall(e);
          return arena_.Var();
        }
        CheckCallArgs(e, r->args, nullptr);
        CallOf(e).kind = CallKind::kClosure;
        return r->ret;
      }
    } else {
      fun = FindFunction(callee->text, module_);
    }
    if (!fun) {
      bool handled = false;
      Type* t = CheckBuiltinCall(e, callee->text, expected, &handled);
      if (handled) return t;
    }
  } else if (callee->kind == ExprKind::kPath) {
    CheckAccess(callee->loc, callee->length, callee->text);
    fun = FindFunction(callee->text, module_);
    if (!fun) {
      bool handled = false;
      Type* t = CheckStaticCall(e, callee->text, expected, &handled);
      if (handled) return t;
    }
  }
  if (fun && fun->is_extern) return CheckExternCall(e, fun);
  if (fun) {
    FunctionInstance* inst = CheckInstanceCall(e, fun, nullptr, function_module_[fun], "`" + fun->name + "`");
    if (!inst) return arena_.Var();
    CallInfo& c = CallOf(e);
    c.kind = CallKind::kFunction;
    c.target = inst;
    return CallResult(inst);
  }
  // Constructors and variants by name: Point(1, 2) for tuple structs, Counter(0) for classes.
  std::string name = callee->text;
  if (callee->kind == ExprKind::kName || callee->kind == ExprKind::kPath) {
    std::string type_name = name, ctor = "new";
    TypeInfo* info = FindType(type_name, module_);
    size_t colon = name.rfind("::");
    if (!info && colon != std::string::npos) {
      type_name = name.substr(0, colon);
      ctor = name.substr(colon + 2);
      info = FindType(type_name, module_);
    }
    if (info) {
      info = InstanceFor(info, expected);  // `Stack::new()`, `Tree::Leaf(1)`: arguments inferred
      const TypeDecl* decl = info->decl;
      if (decl->kind == TypeDecl::Kind::kStruct && decl->is_tuple && ctor == "new" && colon == std::string::npos) {
        for (size_t i = 0; i < decl->fields.size(); ++i) CheckFieldVisible(e->loc, e->length, decl, i);
        CheckCallArgs(e, info->field_types, nullptr);
        CallInfo& c = CallOf(e);
        c.kind = CallKind::kTupleStruct;
        c.type = decl;
        return info->type;
      }
      if (decl->kind == TypeDecl::Kind::kEnum) {
        for (size_t i = 0; i < decl->variants.size(); ++i) {
          if (decl->variants[i].name != ctor) continue;
          CheckCallArgs(e, info->variant_types[i], nullptr);
          CallInfo& c = CallOf(e);
          c.kind = CallKind::kVariant;
          c.type = decl;
          c.variant = static_cast<int>(i);
          return info->type;
        }
      }
      if (decl->kind == TypeDecl::Kind::kClass) {
        const FunDecl* constructor = nullptr;
        for (const auto& m : decl->methods) {
          if (m->is_constructor && m->name == ctor) constructor = m.get();
        }
        if (constructor || (ctor == "new" && decl->methods.empty()) || ctor == "new") {
          if (!constructor) {
            // No constructor written: `C::new()` / `C()` builds the field defaults.
            if (!e->list.empty()) Report<diag::kClassNoConstructor>(e, decl->name);
            CallInfo& c = CallOf(e);
            c.kind = CallKind::kConstructor;
            c.type = decl;
            return info->type;
          }
          FunctionInstance* inst =
              CheckInstanceCall(e, constructor, decl, type_module_[decl], "constructor `" + decl->name + "::" + ctor + "`");
          if (!inst) return info->type;
          CallInfo& c = CallOf(e);
          c.kind = CallKind::kConstructor;
          c.type = decl;
          c.target = inst;
          return info->type;
        }
      }
      // Associated (static) functions: Point::new(1, 2), Point::origin()
      if (const FunDecl* m = FindMethod(*info, ctor)) {
        CheckMethodVisible(e->loc, e->length, decl, m);
        if (m->self != SelfKind::kNone) {
          Report<diag::kMethodCalledAsFunction>(e, ctor, decl->name);
          return arena_.Var();
        }
        FunctionInstance* inst =
            CheckInstanceCall(e, m, decl, type_module_[decl], "`" + decl->name + "::" + ctor + "`", info->type);
        if (!inst) return arena_.Var();
        CallInfo& c = CallOf(e);
        c.kind = CallKind::kFunction;
        c.target = inst;
        return CallResult(inst);
      }
      Report<diag::kNoAssociatedFunction>(callee, decl->name, ctor);
      return arena_.Var();
    }
    if (callee->kind == ExprKind::kName) {
      // A bare tuple variant: Circle(1.0)
      for (auto& [tn, declared] : out_.types) {
        if (declared.decl->kind != TypeDecl::Kind::kEnum) continue;
        for (size_t i = 0; i < declared.decl->variants.size(); ++i) {
          if (declared.decl->variants[i].name != name) continue;
          TypeInfo& ti = *InstanceFor(&declared, expected);
          CheckCallArgs(e, ti.variant_types[i], nullptr);
          CallInfo& c = CallOf(e);
          c.kind = CallKind::kVariant;
          c.type = ti.decl;
          c.variant = static_cast<int>(i);
          return ti.type;
        }
      }
      if (!ImportFailed(name) && !ReportUnsupportedBuiltin(callee, name)) {
        Report<diag::kUnknownFunction>(callee, name);
        SuggestName(callee, name, CallableNames());
      }
    } else if (!ImportFailed(name) && !ReportUnsupportedBuiltin(callee, name)) {
      Report<diag::kUnknownFunction>(callee, name);
    }
    CheckArgsOfFailedCall(e);
    return arena_.Var();
  }
  // Any other expression of function type: (make_adder(1))(2), obj.callback(3)
  Type* t = CheckExpr(callee, nullptr);
  Type* r = Resolve(t);
  if (r->kind != TypeKind::kFn) {
    Report<diag::kNotAFunction>(callee, TypeName(t));
    CheckArgsOfFailedCall(e);
    return arena_.Var();
  }
  CheckCallArgs(e, r->args, nullptr);
  CallOf(e).kind = CallKind::kClosure;
  return r->ret;
}

void Checker::CheckArgsOfFailedCall(const Expr* call) {
  for (const auto& a : call->list) {
    bool untyped_closure = false;
    if (a->kind == ExprKind::kClosure) {
      for (const Param& p : a->params) untyped_closure |= !p.type;
    }
    if (!untyped_closure) CheckExpr(a.get(), nullptr);
  }
}

Type* Checker::CheckMethodCall(const Expr* e, Type* expected) {
  // Type-qualified calls written with a dot on a type name: Point.new(1, 2)
  if (e->a->kind == ExprKind::kName && !Lookup(e->a->text) && FindType(e->a->text, module_)) {
    Report<diag::kAssociatedCallWithDot>(e->a.get(), e->a->text, e->text);
    CheckArgsOfFailedCall(e);
    return arena_.Var();
  }
  // The reference's namespace objects: `JSON.parse(text)`, `File.open(path)`.
  if (e->a->kind == ExprKind::kName && !Lookup(e->a->text) &&
      ReportUnsupportedBuiltin(e, e->a->text + "::" + e->text, e->a->text + "." + e->text)) {
    CheckArgsOfFailedCall(e);
    return arena_.Var();
  }
  Type* recv = CheckExpr(e->a.get(), nullptr);
  Type* r = Resolve(recv);
  if (r->kind == TypeKind::kVar && (r->int_literal || r->float_literal)) {
    ApplyDefaults(recv);  // `2.0.sqrt()`, `10.max(3)`: a literal receiver has its default type
    r = Resolve(recv);
  }
  if (e->flag) {
    Report<diag::kOptionalMethodCall>(e, e->text);
    return arena_.Var();
  }
  if (r->kind == TypeKind::kStruct || r->kind == TypeKind::kClass || r->kind == TypeKind::kEnum) {
    TypeInfo* info = MembersOf(r);
    if (const FunDecl* m = FindMethod(*info, e->text)) {
      CheckMethodVisible(e->loc, e->length, r->decl, m);
      if (m->self == SelfKind::kNone) {
        Report<diag::kAssociatedFunctionOnValue>(e, e->text, r->decl->name);
        return arena_.Var();
      }
      if (m->self == SelfKind::kMutRef && r->kind != TypeKind::kClass) CheckAssignable(e->a.get(), e->text);
      FunctionInstance* inst = CheckInstanceCall(e, m, r->decl, type_module_[r->decl], "`" + e->text + "`", r);
      if (!inst) return arena_.Var();
      CallInfo& c = CallOf(e);
      c.kind = CallKind::kMethod;
      c.target = inst;
      return CallResult(inst);
    }
  }
  if (r->kind == TypeKind::kDyn) return CheckDynMethodCall(e, r);
  if (r->kind == TypeKind::kVar) {
    CheckArgsOfFailedCall(e);
    // An open `self` is one outside a method, already reported.
    if (e->a->kind != ExprKind::kSelf) Report<diag::kCannotInferReceiver>(e, e->text);
    return arena_.Var();
  }
  Type* t = CheckBuiltinMethod(e, recv, expected);
  return t ? t : arena_.Var();
}

}  // namespace ruchy
