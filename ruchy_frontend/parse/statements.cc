// Statements. Ruchy is expression-oriented: a statement is an expression, a `let` (`var`,
// `const`), or a nested function declaration.
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

ExprPtr Parser::ParseStatement(std::vector<Attribute> attributes) {
  for (Attribute& a : ParseAttributes()) attributes.push_back(std::move(a));
  if (!attributes.empty()) {
    // Attributes on a nested function; before anything else they are reported.
    if ((At(Tok::kFun) || At(Tok::kFn)) && PeekTok().kind == Tok::kIdent) {
      ExprPtr e = ParseStatement();
      if (e->fun) e->fun->attributes = std::move(attributes);
      return e;
    }
    RejectAttributes(attributes);
    if (AtEnd() || At(Tok::kRBrace) || At(Tok::kEnd)) return ErrorExpr();
  }
  if (At(Tok::kLet) || At(Tok::kVar) || At(Tok::kConst)) {
    Nest nest(*this);
    return nest.ok() ? ParseLet() : ErrorExpr();
  }
  if ((At(Tok::kFun) || At(Tok::kFn)) && PeekTok().kind == Tok::kIdent) {
    Nest nest(*this);
    if (!nest.ok()) return ErrorExpr();
    ExprPtr e = MakeExpr(ExprKind::kFunDecl, Cur());
    e->fun = ParseFun(false);
    return e;
  }
  size_t errors = diags_.error_count();
  ExprPtr e = ParseExpr();
  if (diags_.error_count() != static_cast<int>(errors)) {
    Recover();
  } else if (!At(Tok::kSemi) && !AtEnd() && !At(Tok::kRBrace) && !At(Tok::kEnd) && !At(Tok::kElse) &&
             !Cur().newline_before) {
    ReportHere<diag::kExpectedStatementEnd>(Describe(Cur()));
    Recover();
  }
  return e;
}

ExprPtr Parser::ParseLet() {
  const Token& at = Advance();
  ExprPtr let = MakeExpr(ExprKind::kLet, at);
  let->flag = at.kind == Tok::kVar;
  if (at.kind == Tok::kConst) let->text = "const";
  if (Accept(Tok::kMut)) let->flag = true;
  if (At(Tok::kIdent) && (PeekTok().kind == Tok::kColon || PeekTok().kind == Tok::kEq)) {
    // A plain name, even an upper-case one (`const LIMIT = 3`), binds.
    auto bind = std::make_unique<Pattern>();
    bind->kind = Pattern::Kind::kBind;
    bind->loc = Cur().loc;
    bind->text = Advance().text;
    let->pattern = std::move(bind);
  } else {
    let->pattern = ParsePattern();
  }
  if (Accept(Tok::kColon)) let->type = ParseType();
  if (Accept(Tok::kEq)) {
    let->a = ParseExpr();
  } else if (at.kind == Tok::kConst) {
    ReportHere<diag::kConstWithoutValue>(Describe(Cur()));
  }
  if (At(Tok::kElse) && let->a) {  // let-else
    Advance();
    let->b = ParseBraceBlock();
  }
  return let;
}

}  // namespace ruchy
