// F-strings, from the lexer's f-string tokens (lex/token.h, "F-strings"): text pieces and holes,
// each hole an expression parsed like any other, with an optional format spec.
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

ExprPtr Parser::ParseFString() {
  const Token& start = Advance();  // f"
  ExprPtr e = MakeExpr(ExprKind::kFString, start);
  while (!At(Tok::kFStringEnd) && !At(Tok::kEof)) {
    if (At(Tok::kFStringText)) {
      e->parts.push_back(FStringPart{Advance().text, nullptr, ""});
    } else if (At(Tok::kFStringHoleStart)) {
      ParseFStringHole(*e);
    } else {
      // Not reached: inside an f-string the lexer emits only text, holes and the end.
      ReportHere<diag::kUnexpectedToken>(Describe(Cur()));
      Advance();
    }
  }
  // The node covers the whole literal, quotes included, for carets.
  const Token& end = Cur();
  e->length = std::max<uint32_t>(1, end.loc.offset + end.length - start.loc.offset);
  Accept(Tok::kFStringEnd);
  return e;
}

// `{expr}` or `{expr:spec}`. The expression starts afresh (struct literals allowed) but one
// level deeper: holes count towards the nesting limit like any operand.
void Parser::ParseFStringHole(Expr& fstring) {
  const Token& open = Advance();
  if (At(Tok::kFStringSpec) || At(Tok::kFStringHoleEnd)) {
    ReportAt<diag::kEmptyFStringHole>(open.loc, 2);
    Accept(Tok::kFStringSpec);
    Accept(Tok::kFStringHoleEnd);
    return;
  }
  FStringPart part;
  part.expr = ParseExpr();
  if (!AtEnd()) {
    ReportHere<diag::kUnexpectedInFStringHole>(Describe(Cur()));
    // Skip the rest of the hole; an f-string inside it has hole ends of its own.
    int nested = 0;
    while (!At(Tok::kEof) && (nested > 0 || !AtEnd())) {
      if (At(Tok::kFStringStart)) ++nested;
      if (At(Tok::kFStringEnd)) --nested;
      Advance();
    }
  }
  if (At(Tok::kFStringSpec)) part.spec = Advance().text;
  Accept(Tok::kFStringHoleEnd);
  fstring.parts.push_back(std::move(part));
}

}  // namespace ruchy
