// Type checking of control flow: closures, if, match, loops, try/catch and `?`.
#include <utility>

#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

Type* Checker::CheckClosure(const Expr* e, Type* expected) {
  Type* want = expected ? Resolve(expected) : nullptr;
  std::vector<Type*> params;
  for (size_t i = 0; i < e->params.size(); ++i) {
    const Param& p = e->params[i];
    Type* t = p.type ? ResolveTypeExpr(p.type.get(), {}, module_) : arena_.Var();
    params.push_back(t);
  }
  Type* ret = e->type ? ResolveTypeExpr(e->type.get(), {}, module_) : arena_.Var();
  Type* fn = arena_.Fn(params, ret);
  if (want && want->kind == TypeKind::kFn && want->args.size() == params.size()) {
    Unify(fn, want);
  }
  PushScope();
  ++closure_level_;
  for (size_t i = 0; i < e->params.size(); ++i) {
    Declare(e->params[i].name, params[i], true, &e->params[i]);
  }
  auto saved_loops = std::move(loops_);
  loops_.clear();
  returns_.push_back(ret);
  Type* body = CheckExpr(e->a.get(), ret, true);
  returns_.pop_back();
  loops_ = std::move(saved_loops);
  --closure_level_;
  PopScope();
  Expect(e->a.get(), body, ret, "closure result");
  return fn;
}

Type* Checker::CheckIf(const Expr* e, Type* expected, bool value_used) {
  PushScope();
  if (e->kind == ExprKind::kIf) {
    Expect(e->a.get(), CheckExpr(e->a.get(), arena_.boolean()), arena_.boolean(), "`if` condition");
  } else {
    Type* scrutinee = CheckExpr(e->a.get(), nullptr);
    BindPattern(e->pattern.get(), scrutinee, false, true);
  }
  Type* then = CheckExpr(e->b.get(), expected, value_used);
  PopScope();
  if (!e->c) return arena_.unit();
  Type* other = CheckExpr(e->c.get(), expected ? expected : (value_used ? then : nullptr), value_used);
  if (!value_used) return arena_.unit();
  if (Resolve(then)->kind == TypeKind::kNever) return other;
  if (!Unify(then, other) && !Coerce(e->c.get(), other, then)) {
    Report<diag::kIfElseTypes>(LastValueExpr(e->c.get()), TypeName(then), TypeName(other));
  }
  return then;
}

Type* Checker::CheckMatch(const Expr* e, Type* expected, bool value_used) {
  Type* scrutinee = CheckExpr(e->a.get(), nullptr);
  deferred_matches_.push_back({e, scrutinee});  // coverage is checked once types are settled
  Type* result = expected ? expected : arena_.Var();
  bool all_never = !e->arms.empty();
  for (const MatchArm& arm : e->arms) {
    PushScope();
    BindPattern(arm.pattern.get(), scrutinee, false, true);
    if (arm.guard) CheckOrPatternGuard(arm);
    if (arm.guard) Expect(arm.guard.get(), CheckExpr(arm.guard.get(), arena_.boolean()), arena_.boolean(), "match guard");
    Type* t = CheckExpr(arm.body.get(), value_used ? result : nullptr, value_used);
    PopScope();
    if (!value_used) continue;
    if (Resolve(t)->kind == TypeKind::kNever) continue;
    all_never = false;
    if (!Unify(t, result) && !Coerce(arm.body.get(), t, result)) {
      Report<diag::kMatchArmTypes>(LastValueExpr(arm.body.get()), TypeName(result), TypeName(t));
    }
  }
  if (!value_used) return arena_.unit();
  if (e->arms.empty()) {
    Report<diag::kEmptyMatchValue>(e);
    return arena_.Var();
  }
  return all_never ? arena_.never() : result;
}

Type* Checker::CheckLoop(const Expr* e) {
  PushScope();
  LoopContext loop;
  loop.label = e->text;
  Type* result = arena_.unit();
  switch (e->kind) {
    case ExprKind::kWhile:
      Expect(e->a.get(), CheckExpr(e->a.get(), arena_.boolean()), arena_.boolean(), "`while` condition");
      break;
    case ExprKind::kWhileLet: {
      Type* scrutinee = CheckExpr(e->a.get(), nullptr);
      BindPattern(e->pattern.get(), scrutinee, false, true);
      break;
    }
    case ExprKind::kFor: {
      Type* iter = CheckExpr(e->a.get(), nullptr);
      BindPattern(e->pattern.get(), IterElementType(e->a.get(), iter), false, false);
      break;
    }
    default:
      loop.is_loop = true;
      loop.break_type = arena_.Var();
      result = loop.break_type;
      break;
  }
  loops_.push_back(loop);
  CheckExpr(e->b.get(), nullptr, false);
  loops_.pop_back();
  PopScope();
  if (e->kind == ExprKind::kLoop) {
    if (!loops_has_break_.count(result)) return arena_.never();
    return result;
  }
  return arena_.unit();
}

Type* Checker::IterElementType(const Expr* iterable, Type* t) {
  Type* r = Resolve(t);
  switch (r->kind) {
    case TypeKind::kVec:
    case TypeKind::kSet:
    case TypeKind::kRange:
      return r->args[0];
    case TypeKind::kMap:
      return arena_.Tuple({r->args[0], r->args[1]});
    case TypeKind::kString:
      return arena_.character();
    case TypeKind::kJson:
      return arena_.json();
    case TypeKind::kVar:
      if (r->int_literal || r->float_literal) {  // `for i in 10`: a number, known not to be a collection
        Report<diag::kCannotIterate>(iterable, TypeName(t));
      } else {
        Report<diag::kCannotInferIterated>(iterable);
      }
      return arena_.Var();
    default:
      Report<diag::kCannotIterate>(iterable, TypeName(t));
      return arena_.Var();
  }
}

Type* Checker::CheckTry(const Expr* e, Type* expected, bool value_used) {
  Type* body = CheckExpr(e->a.get(), expected, value_used);
  Type* result = body;
  if (e->b) {
    PushScope();
    if (e->text != "_") Declare(e->text, arena_.string(), false, e);
    const char* saved_cleanup = std::exchange(cleanup_block_, "catch");
    Type* handler = CheckExpr(e->b.get(), expected ? expected : (value_used ? body : nullptr), value_used);
    cleanup_block_ = saved_cleanup;
    PopScope();
    if (value_used && Resolve(body)->kind == TypeKind::kNever) result = handler;
    else if (value_used && !Unify(body, handler)) {
      Report<diag::kTryCatchTypes>(LastValueExpr(e->b.get()), TypeName(body), TypeName(handler));
    }
  }
  if (e->c) {
    const char* saved_cleanup = std::exchange(cleanup_block_, "finally");
    CheckExpr(e->c.get(), nullptr, false);
    cleanup_block_ = saved_cleanup;
  }
  return value_used ? result : arena_.unit();
}

Type* Checker::CheckQuestion(const Expr* e) {
  Type* t = CheckExpr(e->a.get(), nullptr);
  if (returns_.empty()) {
    Report<diag::kQuestionOutsideFunction>(e);
    return arena_.Var();
  }
  Type* ret = returns_.back();
  Type* r = Resolve(t);
  if (r->kind == TypeKind::kOption) {
    if (!Unify(ret, arena_.Option(arena_.Var()))) {
      Report<diag::kQuestionOptionInOtherFunction>(e, TypeName(ret));
    }
    return r->args[0];
  }
  if (r->kind == TypeKind::kResult) {
    Type* err = arena_.Var();
    if (!Unify(ret, arena_.Result(arena_.Var(), err))) {
      Report<diag::kQuestionResultInOtherFunction>(e, TypeName(ret));
      return r->args[0];
    }
    if (!Unify(r->args[1], err)) {
      if (Resolve(err)->kind == TypeKind::kError && Resolve(r->args[1])->kind == TypeKind::kString) {
        cur_->coercions[e] = Coercion::kToError;
      } else {
        Report<diag::kQuestionErrorConversion>(e, TypeName(r->args[1]), TypeName(err));
      }
    }
    return r->args[0];
  }
  Report<diag::kQuestionNeedsOptionOrResult>(e, TypeName(t));
  return arena_.Var();
}

}  // namespace ruchy
