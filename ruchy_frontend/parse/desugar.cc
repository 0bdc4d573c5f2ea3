// Forms the parser rewrites into core ones, so the checker and the generator never see them:
//   matches!(e, pattern)      match e { pattern => true, _ => false } (a guard `pattern if c` too)
//   |(k, v)| body             a parameter with a hidden name, and `let (k, v) = it` before body
//   \x, y -> body             the reference's backslash lambda: |x, y| body
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

namespace {

ExprPtr BoolLiteral(bool value, Loc loc) {
  auto e = std::make_unique<Expr>(ExprKind::kBool, loc);
  e->bool_value = value;
  return e;
}

}  // namespace

// After `matches`; at `!`.
ExprPtr Parser::ParseMatchesMacro(const Token& name) {
  Advance();  // !
  ExprPtr match = MakeExpr(ExprKind::kMatch, name);
  Expect(Tok::kLParen, "after `matches!`");
  match->a = ParseExpr();
  Expect(Tok::kComma, "between the value and the pattern of `matches!`");
  MatchArm arm;
  arm.loc = Cur().loc;
  arm.pattern = ParsePattern();
  if (Accept(Tok::kIf)) {
    FlagScope guard(in_match_guard_, true);
    arm.guard = ParseExpr();
  }
  arm.body = BoolLiteral(true, arm.loc);
  match->arms.push_back(std::move(arm));
  MatchArm rest;
  rest.loc = name.loc;
  rest.pattern = std::make_unique<Pattern>();
  rest.pattern->kind = Pattern::Kind::kWildcard;
  rest.pattern->loc = name.loc;
  rest.body = BoolLiteral(false, name.loc);
  match->arms.push_back(std::move(rest));
  Accept(Tok::kComma);
  Expect(Tok::kRParen, "to close `matches!`");
  return match;
}

// A closure parameter written as a tuple pattern: the parameter gets a name no program can
// write, and the pattern is bound from it at the start of the body (WrapPatternParams).
void Parser::ParsePatternParam(Expr& closure, std::vector<std::pair<PatternPtr, std::string>>& patterns) {
  Param p;
  p.loc = Cur().loc;
  PatternPtr pattern = ParsePatternAtom();  // not an or-pattern: `|` closes the parameters
  p.name = "(parameter " + std::to_string(closure.params.size() + 1) + ")";
  if (Accept(Tok::kColon)) p.type = ParseType();
  patterns.emplace_back(std::move(pattern), p.name);
  closure.params.push_back(std::move(p));
}

ExprPtr Parser::WrapPatternParams(ExprPtr body, std::vector<std::pair<PatternPtr, std::string>> patterns) {
  if (patterns.empty()) return body;
  ExprPtr block = MakeBlock(body->loc);
  for (auto& [pattern, name] : patterns) {
    auto let = std::make_unique<Expr>(ExprKind::kLet, pattern->loc);
    auto value = std::make_unique<Expr>(ExprKind::kName, pattern->loc);
    value->text = name;
    let->pattern = std::move(pattern);
    let->a = std::move(value);
    block->list.push_back(std::move(let));
  }
  block->list.push_back(std::move(body));
  block->flag = true;  // the body's value is the closure's
  return block;
}

// `\x, y -> body`, `\ -> body`.
ExprPtr Parser::ParseBackslashLambda() {
  ExprPtr e = MakeExpr(ExprKind::kClosure, Advance());
  if (At(Tok::kIdent)) {
    do {
      Param p;
      p.loc = Cur().loc;
      p.name = ExpectIdent("a lambda parameter");
      e->params.push_back(std::move(p));
    } while (Accept(Tok::kComma));
  }
  Expect(Tok::kArrow, "after the lambda's parameters");
  e->a = ParseExpr(no_struct_);
  return e;
}

}  // namespace ruchy
