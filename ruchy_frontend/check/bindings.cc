// Type checking of blocks, `let` and assignment: what declares and changes a name.
#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

Type* Checker::CheckBlock(const Expr* e, Type* expected, bool value_used) {
  if (e->kind != ExprKind::kBlock) return CheckExpr(e, expected, value_used);
  const bool is_unsafe = e->text == kUnsafeBlockText;  // C functions may be called in it (extern.cc)
  if (is_unsafe) ++unsafe_depth_;
  PushScope();
  DeclareNestedFunctions(e);
  Type* last = arena_.unit();
  for (size_t i = 0; i < e->list.size(); ++i) {
    bool is_last = i + 1 == e->list.size();
    const Expr* stmt = e->list[i].get();
    last = IsDeclaringAssign(stmt) ? CheckDeclaringAssign(stmt)
                                   : CheckExpr(stmt, is_last ? expected : nullptr, is_last && value_used);
    if (!is_last || !value_used) CheckTaskUsed(e->list[i].get(), last);
  }
  PopScope();
  if (is_unsafe) --unsafe_depth_;
  if (!e->list.empty()) {
    ExprKind k = e->list.back()->kind;
    if (k == ExprKind::kLet || k == ExprKind::kFunDecl) return arena_.unit();
  }
  return last;
}

Type* Checker::CheckLet(const Expr* e) {
  Type* declared = e->type ? ResolveTypeExpr(e->type.get(), {}, module_) : arena_.Var();
  if (e->a) {
    Type* t = CheckExpr(e->a.get(), declared);
    Expect(e->a.get(), t, declared, e->type ? "declared type" : "");
  }
  if (e->b) CheckLetElse(e);
  if (cur_ == out_.top_level && scopes_.size() == 1 && e->pattern && e->pattern->kind == Pattern::Kind::kBind && !e->b) {
    auto g = let_globals_.find(e);
    if (g != let_globals_.end()) {
      if (!Unify(g->second.type, declared)) {
        // Functions see a global's last definition, so one checked earlier may have used it already.
        Report<diag::kConflictingTypes>(e, e->pattern->text, TypeName(declared), TypeName(g->second.type));
      }
      cur_->names[e->pattern.get()] = g->second.cpp_name;
      cur_->pattern_types[e->pattern.get()] = declared;
      if (e->a && IsPlaceCall(e->a.get())) BindSlot(e, g->second);
      scopes_[0][e->pattern->text] = g->second;  // visible from here on
      return arena_.unit();
    }
  }
  BindPattern(e->pattern.get(), declared, IsAssignable(*e), /*refutable=*/e->b != nullptr);
  if (!IsAssignable(*e) && e->pattern && e->pattern->kind == Pattern::Kind::kBind) {
    if (Binding* b = Lookup(e->pattern->text)) b->is_const = true;
  }
  if (e->a && e->pattern->kind == Pattern::Kind::kBind && IsPlaceCall(e->a.get())) {
    BindSlot(e, scopes_.back()[e->pattern->text]);
  }
  return arena_.unit();
}

// A function used as a value (`apply(double, 3)`, `[f, g]`): its one instance, as a fn type.

bool Checker::IsPlaceCall(const Expr* e) const {
  auto call = cur_->calls.find(e);
  return call != cur_->calls.end() && call->second.kind == CallKind::kBuiltin &&
         call->second.builtin != BuiltinId::kCount && BuiltinTable::Get()[call->second.builtin].flags.place;
}

// `let c = m.entry(k).or_insert(0)` names the map's slot, as a Rust `&mut` would: `*c += 1`
// changes the map. (`let v = *m.entry(k).or_insert(0)` copies the value instead.) The binding is
// an rt::Slot that looks its key up on each use, so it never dangles.
void Checker::BindSlot(const Expr* let, Binding& b) {
  b.is_slot = true;
  out_.slot_lets.insert(let);
  if (b.is_global) {
    out_.global_slots.insert(b.cpp_name);
    global_scope_[let->pattern->text].is_slot = true;
  } else {
    cur_->slots.insert(b.cpp_name);
  }
}

bool Checker::CheckAssignable(const Expr* target, const std::string& method) {
  const Expr* e = target;
  bool through_class = false;
  while (e->kind == ExprKind::kField || e->kind == ExprKind::kIndex) {
    Type* object = cur_->types.count(e->a.get()) ? Resolve(cur_->types[e->a.get()]) : nullptr;
    if (object && object->kind == TypeKind::kClass) through_class = true;
    e = e->a.get();
  }
  if (through_class) return true;
  if (e->kind == ExprKind::kSelf) {
    Binding* b = Lookup("self");
    if (b && !b->is_mut) {
      Report<diag::kAssignThroughRefSelf>(target);
      return false;
    }
    return true;
  }
  if (e->kind == ExprKind::kName) {
    Binding* b = Lookup(e->text);
    if (b && b->is_slot) return true;  // the map changes, not the binding
    if (b && !b->is_global && !b->fun_decl) cur_->mutated.insert(b->cpp_name);
    if (b && !b->is_mut && !b->fun_decl) {
      if (b->is_const) {
        Report<diag::kChangeConstant>(target, e->text);
      } else if (method.empty()) {
        Report<diag::kAssignImmutable>(target, e->text);
      } else {
        Report<diag::kMutateImmutable>(target, e->text, method);
      }
      return false;
    }
    return true;
  }
  if (e->kind == ExprKind::kUnary && e->op == Tok::kStar) {
    const Expr* inner = e->a.get();
    if (inner->kind == ExprKind::kName) {
      if (Binding* b = Lookup(inner->text); b && b->is_slot) return true;  // `*c += 1`
    }
    if (IsPlaceCall(inner)) return true;  // `*m.entry(k).or_insert(0) += 1`
    return CheckAssignable(inner, method);
  }
  if (IsPlaceCall(e)) return true;  // `m.entry(k).or_insert(0) += 1`, as the reference allows
  Report<diag::kNotAssignable>(target);
  return false;
}

Type* Checker::CheckAssign(const Expr* e) {
  if (cur_ == out_.top_level && scopes_.size() == 1) {
    auto g = let_globals_.find(e);  // declares a global (declaring_assignment.cc): visible from here on
    if (g != let_globals_.end()) scopes_[0][e->a->text] = g->second;
  }
  Type* target = CheckExpr(e->a.get(), nullptr);
  if (!CheckAssignable(e->a.get())) {
    CheckExpr(e->b.get(), nullptr);  // the value's own errors only: one error per assignment
    return arena_.unit();
  }
  if (e->op == Tok::kEq) {
    Expect(e->b.get(), CheckExpr(e->b.get(), target), target, "assignment");
    return arena_.unit();
  }
  Type* value = CheckExpr(e->b.get(), IsNumeric(target) ? nullptr : target);
  Type* t = Resolve(target);
  Type* v = Resolve(value);
  if (v->kind == TypeKind::kVar && !v->int_literal && !v->float_literal) Unify(value, target);  // `|k| n += k`
  if (e->op == Tok::kPlusEq && t->kind == TypeKind::kString) {
    Type* v = Resolve(value);
    if (v->kind != TypeKind::kString && v->kind != TypeKind::kChar && !JoinsString(value) &&
        !Unify(value, arena_.string())) {
      Report<diag::kAppendToString>(e->b.get(), TypeName(value));
    }
    return arena_.unit();
  }
  // A target whose type is still open (in a closure, `let mut n = start; n += 1`) takes the
  // value's number type, as the operand of `n + 1` does.
  Type* open_target = Resolve(target);
  if (open_target->kind == TypeKind::kVar && !open_target->int_literal && !open_target->float_literal && IsNumeric(value)) {
    Unify(target, value);
  }
  if (!IsNumeric(target) || !IsNumeric(value)) {
    Report<diag::kBinaryOperatorTypes>(e, std::string(TokenSpelling(e->op)), TypeName(target), TypeName(value));
    return arena_.unit();
  }
  if (IsFloat(target) && IsInteger(value)) {
    ApplyDefaults(value);
    cur_->coercions[e->b.get()] = Coercion::kToFloat;
  } else if (!Unify(target, value)) {
    Report<diag::kMismatchedTypes>(e->b.get(), TypeName(target), TypeName(value));
  }
  return arena_.unit();
}

}  // namespace ruchy
