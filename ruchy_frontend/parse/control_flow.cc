// Control flow expressions: if / if let / else chains, match, while / while let / for / loop
// (with labels), try / catch / finally.
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

// if / else if / else, with braces or as an `end` chain (one `end` closes the whole chain).
// Each `else if` is one level deeper in the tree.
ExprPtr Parser::ParseIf() {
  const Token& at = Advance();
  ExprPtr e;
  if (Accept(Tok::kLet)) {
    e = MakeExpr(ExprKind::kIfLet, at);
    e->pattern = ParsePattern();
    Expect(Tok::kEq, "in `if let`");
    e->a = ParseExpr(/*no_struct=*/true);
  } else {
    e = MakeExpr(ExprKind::kIf, at);
    e->a = ParseExpr(/*no_struct=*/true);
  }
  auto parse_else_if = [&] {
    Nest nest(*this);
    if (nest.ok()) e->c = ParseIf();
  };
  if (At(Tok::kLBrace)) {
    e->b = ParseBraceBlock();
    if (Accept(Tok::kElse)) {
      if (At(Tok::kIf)) {
        parse_else_if();
      } else {
        e->c = ParseBraceOrBodyBlock("`else`");
      }
    }
    return e;
  }
  if (!Cur().newline_before) {
    ReportHere<diag::kExpectedIfBody>(Describe(Cur()));
    return e;
  }
  e->b = ParseStatementsUntil({Tok::kElse, Tok::kEnd});
  if (Accept(Tok::kElse)) {
    if (At(Tok::kIf)) {
      parse_else_if();  // the chain's own `end` closes everything
      return e;
    }
    e->c = ParseStatementsUntil({Tok::kEnd});
  }
  Expect(Tok::kEnd, "to close the `if`");
  return e;
}

ExprPtr Parser::ParseMatch() {
  ExprPtr e = MakeExpr(ExprKind::kMatch, Advance());
  e->a = ParseExpr(/*no_struct=*/true);
  Expect(Tok::kLBrace, "to start the match arms");
  while (!At(Tok::kRBrace) && !AtEnd()) {
    size_t before = pos_;
    MatchArm arm;
    arm.loc = Cur().loc;
    arm.pattern = ParsePattern();
    if (Accept(Tok::kIf)) {
      FlagScope guard(in_match_guard_, true);
      arm.guard = ParseExpr();
    }
    if (!Expect(Tok::kFatArrow, "after the match pattern")) {
      Recover();
      if (pos_ == before) SkipToken();
      continue;
    }
    arm.body = ParseExpr();
    e->arms.push_back(std::move(arm));
    Accept(Tok::kComma);
    SkipSemis();
    if (pos_ == before) SkipToken();
  }
  Expect(Tok::kRBrace, "to close the match");
  return e;
}

ExprPtr Parser::ParseLoop(const std::string& label) {
  const Token& at = Advance();
  ExprPtr e;
  if (at.kind == Tok::kWhile) {
    if (Accept(Tok::kLet)) {
      e = MakeExpr(ExprKind::kWhileLet, at);
      e->pattern = ParsePattern();
      Expect(Tok::kEq, "in `while let`");
      e->a = ParseExpr(/*no_struct=*/true);
    } else {
      e = MakeExpr(ExprKind::kWhile, at);
      e->a = ParseExpr(/*no_struct=*/true);
    }
  } else if (at.kind == Tok::kFor) {
    e = MakeExpr(ExprKind::kFor, at);
    e->pattern = ParsePattern();
    Expect(Tok::kIn, "after the `for` pattern");
    e->a = ParseExpr(/*no_struct=*/true);
  } else {
    e = MakeExpr(ExprKind::kLoop, at);
  }
  e->text = label;
  e->b = ParseBodyBlock(std::string("`") + std::string(TokenSpelling(at.kind)) + "` loop");
  return e;
}

ExprPtr Parser::ParseTry() {
  ExprPtr e = MakeExpr(ExprKind::kTry, Advance());
  e->a = ParseBraceBlock();
  if (Accept(Tok::kCatch)) {
    bool paren = Accept(Tok::kLParen);
    e->text = At(Tok::kIdent) ? Advance().text : "_";
    if (Accept(Tok::kColon)) ParseType();
    if (paren) Expect(Tok::kRParen, "to close the catch binding");
    e->b = ParseBraceBlock();
  }
  if (Accept(Tok::kFinally)) e->c = ParseBraceBlock();
  if (!e->b && !e->c) ReportHere<diag::kTryWithoutHandler>(Describe(Cur()));
  return e;
}

}  // namespace ruchy
