// Type checking of unary and binary operators.
#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

Type* Checker::CheckUnary(const Expr* e, Type* expected) {
  Type* t = CheckExpr(e->a.get(), expected);
  switch (e->op) {
    case Tok::kMinus:
      if (e->a->kind == ExprKind::kInt) negated_literals_.insert(e->a.get());  // `-128i8` fits
      if (Resolve(t)->kind == TypeKind::kVar && !IsNumeric(t)) {
        deferred_ops_.push_back({e, t});
      } else if (!IsNumeric(t)) {
        Report<diag::kCannotNegate>(e, TypeName(t));
      }
      return t;
    case Tok::kBang:
      if (Resolve(t)->kind == TypeKind::kBool || IsInteger(t)) return t;
      Report<diag::kNotNeedsBool>(e, TypeName(t));
      return arena_.boolean();
    case Tok::kTilde:
      if (!IsInteger(t)) Report<diag::kBitNotNeedsInteger>(e, TypeName(t));
      return t;
    case Tok::kStar:
      return t;  // a dereference is the value: Ruchy has no pointers (`*c` of a slot is its value)
    default:
      return t;
  }
}

Type* Checker::CheckBinary(const Expr* e, Type* expected) {
  Tok op = e->op;
  std::string spelling(TokenSpelling(op));
  if (op == Tok::kAndAnd || op == Tok::kOrOr) {
    Expect(e->a.get(), CheckExpr(e->a.get(), arena_.boolean()), arena_.boolean(), "`" + spelling + "` operand");
    Expect(e->b.get(), CheckExpr(e->b.get(), arena_.boolean()), arena_.boolean(), "`" + spelling + "` operand");
    return arena_.boolean();
  }
  if (op == Tok::kQuestionQuestion) {
    Type* l = CheckExpr(e->a.get(), nullptr);
    Type* inner = arena_.Var();
    if (!Unify(l, arena_.Option(inner))) {
      Report<diag::kCoalesceNeedsOption>(e->a.get(), TypeName(l));
      return arena_.Var();
    }
    Expect(e->b.get(), CheckExpr(e->b.get(), inner), inner, "default of `??`");
    return inner;
  }
  Type* l = CheckExpr(e->a.get(), nullptr);
  Type* r = CheckExpr(e->b.get(), IsNumeric(l) ? nullptr : l);
  Type* lr = Resolve(l);
  Type* rr = Resolve(r);
  auto fail = [&]() -> Type* {
    Report<diag::kBinaryOperatorTypes>(e, spelling, TypeName(l), TypeName(r));
    return arena_.Var();
  };
  // int op float: the integer side is converted (the reference computes in floats).
  auto numeric_result = [&]() -> Type* {
    if (IsNumeric(l) && IsNumeric(r) && IsFloat(l) != IsFloat(r)) {
      bool l_int = IsInteger(l);
      const Expr* int_side = l_int ? e->a.get() : e->b.get();
      ApplyDefaults(l_int ? l : r);
      cur_->coercions[int_side] = Coercion::kToFloat;
      Type* f = l_int ? r : l;
      ApplyDefaults(f);
      return f;
    }
    if (!Unify(l, r)) return nullptr;
    return l;
  };
  switch (op) {
    case Tok::kEqEq:
    case Tok::kNotEq:
      if (IsNumeric(l) && IsNumeric(r)) {
        if (!numeric_result()) return fail();
      } else if (!Unify(l, r) || HoldsTraitObject(l)) {
        return fail();  // trait objects have no `==` (Rust's `dyn Trait` has none either)
      }
      return arena_.boolean();
    case Tok::kLess:
    case Tok::kLessEq:
    case Tok::kGreater:
    case Tok::kGreaterEq: {
      if (IsNumeric(l) && IsNumeric(r)) {
        if (!numeric_result()) return fail();
        return arena_.boolean();
      }
      if (!Unify(l, r)) return fail();
      TypeKind k = Resolve(l)->kind;
      if (k == TypeKind::kFn || k == TypeKind::kJson || k == TypeKind::kContext || k == TypeKind::kClass ||
          k == TypeKind::kMap || k == TypeKind::kSet || HoldsTraitObject(l)) {
        return fail();
      }
      return arena_.boolean();
    }
    case Tok::kPlus:
      if (lr->kind == TypeKind::kString) {
        if (rr->kind == TypeKind::kString || rr->kind == TypeKind::kChar) return arena_.string();
        if (JoinsString(r)) return arena_.string();  // `"n = " + 5`, as the reference
        if (Unify(r, arena_.string())) return arena_.string();
        return fail();
      }
      if (rr->kind == TypeKind::kString && JoinsString(l)) return arena_.string();  // `5 + " apples"`
      [[fallthrough]];
    case Tok::kStar:
      if (op == Tok::kStar && lr->kind == TypeKind::kString) {  // `"ab" * 3`: repeated (none for n <= 0)
        if (!IsInteger(r)) return fail();
        ApplyDefaults(r);
        return arena_.string();
      }
      [[fallthrough]];
    case Tok::kMinus:
    case Tok::kSlash:
    case Tok::kPercent:
    case Tok::kStarStar: {
      if (!IsNumeric(l) || !IsNumeric(r)) {
        bool l_open = lr->kind == TypeKind::kVar && !lr->int_literal && !lr->float_literal;
        bool r_open = rr->kind == TypeKind::kVar && !rr->int_literal && !rr->float_literal;
        if (l_open && r_open) {
          // Both sides still open (`|a, b| a * b`): they must be the same type, and a number
          // (or strings for `+`) once known; checked when types are final.
          Unify(l, r);
          deferred_ops_.push_back({e, l});
          return l;
        }
        if (lr->kind == TypeKind::kVar && !lr->int_literal && !lr->float_literal && IsNumeric(r)) {
          Unify(l, r);
          return r;
        }
        if (rr->kind == TypeKind::kVar && !rr->int_literal && !rr->float_literal && IsNumeric(l)) {
          Unify(r, l);
          return l;
        }
        return fail();
      }
      Type* t = numeric_result();
      return t ? t : fail();
    }
    case Tok::kAmp:
    case Tok::kPipe:
    case Tok::kCaret:
      if (lr->kind == TypeKind::kBool && Unify(l, r)) return arena_.boolean();
      [[fallthrough]];
    case Tok::kShl:
    case Tok::kShr:
      if (!IsInteger(l) || !IsInteger(r) || (op != Tok::kShl && op != Tok::kShr && !Unify(l, r))) return fail();
      return l;
    default:
      return fail();
  }
}

bool Checker::JoinsString(Type* t) {
  if (!IsNumeric(t) && Resolve(t)->kind != TypeKind::kBool) return false;
  ApplyDefaults(t);  // `"x" + 5`: the literal is an i64
  return true;
}

// A built-in call that is a place in its receiver (`m.entry(k).or_insert(0)`: flag `place`).

}  // namespace ruchy
