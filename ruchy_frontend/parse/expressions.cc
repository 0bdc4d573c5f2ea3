// Expressions: assignment, binary operators by precedence climbing, prefix operators, and postfix
// chains (calls, indexing, slices, fields, methods, `?`). Operands start in primary.cc.
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {
namespace {

// Binary operator levels, loosest first, after the reference parser's precedence table:
// `||` < `??` < `&&`,`|>` < bitwise and ranges < equality < comparison < shifts < `+ -` <
// `* / %` < `**` < `as`. All are left-associative (the reference treats `**` that way too).
int BinaryPrecedence(Tok kind) {
  switch (kind) {
    case Tok::kOrOr: return 1;
    case Tok::kQuestionQuestion: return 2;
    case Tok::kAndAnd:
    case Tok::kPipeGreater: return 3;
    case Tok::kPipe:
    case Tok::kCaret:
    case Tok::kAmp:
    case Tok::kDotDot:
    case Tok::kDotDotEq: return 4;
    case Tok::kEqEq:
    case Tok::kNotEq: return 5;
    case Tok::kLess:
    case Tok::kLessEq:
    case Tok::kGreater:
    case Tok::kGreaterEq: return 6;
    case Tok::kShl:
    case Tok::kShr: return 7;
    case Tok::kPlus:
    case Tok::kMinus: return 8;
    case Tok::kStar:
    case Tok::kSlash:
    case Tok::kPercent: return 9;
    case Tok::kStarStar: return 10;
    case Tok::kAs: return 11;
    default: return 0;
  }
}

bool IsAssignOp(Tok kind) {
  return kind == Tok::kEq || kind == Tok::kPlusEq || kind == Tok::kMinusEq || kind == Tok::kStarEq ||
         kind == Tok::kSlashEq || kind == Tok::kPercentEq;
}

bool IsBlockLike(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kIf:
    case ExprKind::kIfLet:
    case ExprKind::kMatch:
    case ExprKind::kWhile:
    case ExprKind::kWhileLet:
    case ExprKind::kFor:
    case ExprKind::kLoop:
    case ExprKind::kBlock:
    case ExprKind::kTry:
      return true;
    default:
      return false;
  }
}

// `x |> f` is `f(x)`; `x |> f(a)` is `f(x, a)`; `x |> obj.m(a)` is `obj.m(x, a)`.
ExprPtr MakePipeline(ExprPtr value, ExprPtr stage, const Token& op) {
  if (stage->kind == ExprKind::kCall || stage->kind == ExprKind::kMethodCall) {
    stage->list.insert(stage->list.begin(), std::move(value));
    return stage;
  }
  auto call = std::make_unique<Expr>(ExprKind::kCall, stage->loc);
  call->length = std::max<uint32_t>(1, op.length);
  call->a = std::move(stage);
  call->list.push_back(std::move(value));
  return call;
}

}  // namespace

ExprPtr Parser::ParseExpr(bool no_struct) {
  NoStructScope scope(*this, no_struct);
  // An assignment puts its target one level down, and `a = b = c` nests to the right.
  ChainDepth chain(*this);
  ExprPtr lhs = ParseBinary(1);
  chain.First();
  if (!IsAssignOp(Cur().kind)) return lhs;
  const Token& op = Advance();
  ExprPtr e = MakeExpr(ExprKind::kAssign, op);
  e->loc = lhs->loc;
  e->op = op.kind;
  e->a = std::move(lhs);
  {
    Nest value(*this);
    e->b = ParseExpr(no_struct);
  }
  chain.Link(op);
  return e;
}

ExprPtr Parser::ParseBinary(int min_prec) {
  ChainDepth chain(*this);
  ExprPtr lhs = ParseUnary();
  chain.First();
  while (true) {
    Tok kind = Cur().kind;
    int prec = BinaryPrecedence(kind);
    if (prec == 0 || prec < min_prec) break;
    if (Cur().newline_before) {
      // A block-like expression (`if`, `match`, loops, blocks) ends its statement at the line
      // end, and a line starting with `-`, `*`, `&` or `|` starts a new expression (negation,
      // a closure), so newline-separated statements read the way they look.
      if (IsBlockLike(*lhs) || kind == Tok::kMinus || kind == Tok::kStar || kind == Tok::kAmp ||
          kind == Tok::kPipe || kind == Tok::kOrOr) {
        break;
      }
    }
    const Token& op = Advance();
    // The operands of this link sit one level below it.
    Nest operands(*this);
    if (kind == Tok::kAs) {
      ExprPtr cast = MakeExpr(ExprKind::kCast, op);
      cast->loc = lhs->loc;
      cast->a = std::move(lhs);
      cast->type = ParseType();
      lhs = std::move(cast);
    } else if (kind == Tok::kDotDot || kind == Tok::kDotDotEq) {
      ExprPtr range = MakeExpr(ExprKind::kRange, op);
      range->loc = lhs->loc;
      range->flag = kind == Tok::kDotDotEq;
      range->a = std::move(lhs);
      if (CanStartExpr()) range->b = ParseBinary(prec + 1);
      lhs = std::move(range);
    } else if (kind == Tok::kPipeGreater) {
      ExprPtr stage = ParseBinary(prec + 1);
      lhs = MakePipeline(std::move(lhs), std::move(stage), op);
    } else {
      ExprPtr bin = MakeExpr(ExprKind::kBinary, op);
      bin->op = kind;
      bin->a = std::move(lhs);
      bin->b = ParseBinary(prec + 1);
      lhs = std::move(bin);
    }
    if (!chain.Link(op)) break;
  }
  return lhs;
}

bool Parser::CanStartExpr() const {
  switch (Cur().kind) {
    case Tok::kRParen:
    case Tok::kRBracket:
    case Tok::kRBrace:
    case Tok::kComma:
    case Tok::kSemi:
    case Tok::kEof:
    case Tok::kFatArrow:
    case Tok::kEnd:
    case Tok::kFStringSpec:
    case Tok::kFStringHoleEnd:
      return false;
    case Tok::kLBrace:
      return !no_struct_;
    default:
      return !Cur().newline_before;
  }
}

// Prefix operators, then an operand and its postfix chain. Every operand is one level of the
// tree: this is where most nesting is counted.
ExprPtr Parser::ParseUnary() {
  Nest nest(*this);
  if (!nest.ok()) return ErrorExpr();
  if (At(Tok::kMinus) || At(Tok::kBang) || At(Tok::kTilde) || At(Tok::kStar) || At(Tok::kAmp) ||
      At(Tok::kAndAnd)) {
    const Token& op = Advance();
    if (op.kind == Tok::kAmp || op.kind == Tok::kAndAnd) {
      Accept(Tok::kMut);  // references mean the value itself here
      return ParseUnary();
    }
    ExprPtr operand = ParseUnary();
    // `*x` stays in the tree: `let v = *m.entry(k).or_insert(0)` copies the value, while
    // `let c = m.entry(k).or_insert(0)` names the map's slot (see Checker::CheckLet).
    ExprPtr e = MakeExpr(ExprKind::kUnary, op);
    e->op = op.kind;
    e->a = std::move(operand);
    return e;
  }
  if (At(Tok::kAwait)) {
    ExprPtr e = MakeExpr(ExprKind::kAwait, Advance());
    e->a = ParseUnary();
    return e;
  }
  ChainDepth chain(*this);
  ExprPtr primary = ParsePrimary();
  chain.First();
  return ParsePostfix(chain, std::move(primary));
}

// Calls, indexing, slices, fields, methods and `?` after an operand: a left-deep chain, built in
// a loop; `chain` counts its depth.
ExprPtr Parser::ParsePostfix(ChainDepth& chain, ExprPtr e) {
  while (true) {
    const Token& at = Cur();
    if (At(Tok::kLParen) && !at.newline_before) {
      ExprPtr call = MakeExpr(ExprKind::kCall, at);
      call->loc = e->loc;
      call->length = e->length;
      call->a = std::move(e);
      call->list = ParseArgs();
      e = std::move(call);
    } else if (At(Tok::kLBracket) && !at.newline_before) {
      e = ParseIndex(std::move(e));
    } else if (At(Tok::kDot) || At(Tok::kQuestionDot)) {
      e = ParseMember(chain, std::move(e));
    } else if (At(Tok::kQuestion)) {
      ExprPtr question = MakeExpr(ExprKind::kQuestion, Advance());
      question->a = std::move(e);
      e = std::move(question);
    } else {
      return e;
    }
    if (!chain.Link(at)) return e;
  }
}

// `e[i]`, and the slices `e[a:b]`, `e[:b]`, `e[a:]`, `e[a..b]`, `e[..b]`, `e[..=b]`, `e[..]`.
ExprPtr Parser::ParseIndex(ExprPtr e) {
  const Token& open = Advance();
  if (At(Tok::kDotDot) || At(Tok::kDotDotEq)) {  // a range without a start: from the beginning
    ExprPtr slice = MakeExpr(ExprKind::kSlice, open);
    slice->loc = e->loc;
    slice->a = std::move(e);
    slice->flag = Advance().kind == Tok::kDotDotEq;
    if (!At(Tok::kRBracket)) slice->c = ParseExpr();
    Expect(Tok::kRBracket, "to close the index");
    return slice;
  }
  ExprPtr start = At(Tok::kColon) ? nullptr : ParseExpr();
  ExprPtr result;
  if (Accept(Tok::kColon)) {
    result = MakeExpr(ExprKind::kSlice, open);
    result->loc = e->loc;
    result->a = std::move(e);
    result->b = std::move(start);
    if (!At(Tok::kRBracket)) result->c = ParseExpr();
  } else if (start && start->kind == ExprKind::kRange) {
    // a[1..3] is the slice a[1:3]
    result = MakeExpr(ExprKind::kSlice, open);
    result->loc = e->loc;
    result->a = std::move(e);
    result->flag = start->flag;
    result->b = std::move(start->a);
    result->c = std::move(start->b);
  } else {
    result = MakeExpr(ExprKind::kIndex, open);
    result->loc = e->loc;
    result->a = std::move(e);
    result->b = start ? std::move(start) : ErrorExpr();
  }
  Expect(Tok::kRBracket, "to close the index");
  return result;
}

// `.field`, `.method(args)`, `.method::<T>(args)`, `.0`, `.await`, and their `?.` forms.
ExprPtr Parser::ParseMember(ChainDepth& chain, ExprPtr e) {
  bool optional = Advance().kind == Tok::kQuestionDot;
  const Token& name = Cur();
  if (Accept(Tok::kAwait)) {
    ExprPtr await = MakeExpr(ExprKind::kAwait, name);
    await->a = std::move(e);
    return await;
  }
  if (At(Tok::kInt) || At(Tok::kFloat)) {
    // t.0, and t.0.1 which lexes `0.1` as a float: split it into two fields.
    Advance();
    size_t dot = name.text.find('.');
    ExprPtr field = MakeExpr(ExprKind::kField, name);
    field->loc = e->loc;
    field->a = std::move(e);
    field->text = name.text.substr(0, dot);
    field->flag = optional;
    if (dot == std::string::npos || !chain.Link(name)) return field;  // the split adds a level
    ExprPtr inner = MakeExpr(ExprKind::kField, name);
    inner->loc = field->loc;
    inner->a = std::move(field);
    inner->text = name.text.substr(dot + 1);
    return inner;
  }
  // Keywords are fine as member names (`v.extend(...)`, `x.type`).
  std::string member = Cur().kind >= Tok::kFun && Cur().kind <= Tok::kNull
                           ? std::string(TokenSpelling(Advance().kind))
                           : ExpectIdent("a field or method name after `.`");
  std::vector<TypeExprPtr> type_args;
  if (At(Tok::kColonColon) && PeekTok().kind == Tok::kLess) {
    Advance();
    Advance();
    type_args = ParseTypeArgs();
  }
  if (At(Tok::kLParen) && !Cur().newline_before) {
    ExprPtr call = MakeExpr(ExprKind::kMethodCall, name);
    call->a = std::move(e);
    call->text = member;
    call->flag = optional;
    call->type_args = std::move(type_args);
    call->list = ParseArgs();
    return call;
  }
  ExprPtr field = MakeExpr(ExprKind::kField, name);
  field->a = std::move(e);
  field->text = member;
  field->flag = optional;
  return field;
}

std::vector<ExprPtr> Parser::ParseArgs() {
  FlagScope arguments(in_match_guard_, false);
  std::vector<ExprPtr> args;
  ParseList(Tok::kLParen, "to start the arguments", Tok::kRParen, "to close the arguments", [&] {
    // Named arguments (`f(x: 1)`) are accepted and passed by position.
    if (At(Tok::kIdent) && PeekTok().kind == Tok::kColon && PeekTok(2).kind != Tok::kColon) {
      Advance();
      Advance();
    }
    args.push_back(ParseExpr());
    return true;
  });
  return args;
}

}  // namespace ruchy
