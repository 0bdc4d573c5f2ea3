// Patterns, in `let`, `match`, `if let`, `while let`, `for` and comprehensions.
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {
namespace {

bool StartsLiteralPattern(Tok kind) {
  return kind == Tok::kInt || kind == Tok::kFloat || kind == Tok::kString || kind == Tok::kChar ||
         kind == Tok::kTrue || kind == Tok::kFalse || kind == Tok::kMinus || kind == Tok::kNull ||
         kind == Tok::kByte;
}

}  // namespace

// `a | b | c`, or one pattern.
PatternPtr Parser::ParsePattern() {
  PatternPtr first = ParsePatternAtom();
  if (!At(Tok::kPipe)) return first;
  auto alt = std::make_unique<Pattern>();
  alt->kind = Pattern::Kind::kOr;
  alt->loc = first->loc;
  alt->subs.push_back(std::move(first));
  while (Accept(Tok::kPipe)) alt->subs.push_back(ParsePatternAtom());
  return alt;
}

// One pattern without alternatives; each is one level of the tree.
PatternPtr Parser::ParsePatternAtom() {
  auto p = std::make_unique<Pattern>();
  p->loc = Cur().loc;
  Nest nest(*this);
  if (!nest.ok()) return p;
  const Token& t = Cur();
  if (t.kind == Tok::kIdent && t.text == "_") {
    Advance();
    return p;
  }
  if (StartsLiteralPattern(t.kind)) {
    p->kind = Pattern::Kind::kLiteral;
    p->expr = ParseLiteralForPattern();
    if (At(Tok::kDotDotEq) || At(Tok::kDotDot)) {
      p->kind = Pattern::Kind::kRange;
      p->inclusive = Advance().kind == Tok::kDotDotEq;
      p->expr2 = ParseLiteralForPattern();
    }
    return p;
  }
  if (Accept(Tok::kLParen)) {
    p->kind = Pattern::Kind::kTuple;
    ParseListUntil(Tok::kRParen, "to close the tuple pattern", [&] {
      p->subs.push_back(ParsePattern());
      return true;
    });
    if (p->subs.size() == 1) return std::move(p->subs[0]);
    return p;
  }
  if (Accept(Tok::kLBracket)) {
    p->kind = Pattern::Kind::kList;
    ParseListUntil(Tok::kRBracket, "to close the list pattern", [&] {
      if (At(Tok::kEllipsis) || At(Tok::kDotDot)) {
        if (p->rest_index >= 0) ReportHere<diag::kTwoRestPatterns>();
        Advance();
        p->rest_index = static_cast<int>(p->subs.size());
        if (At(Tok::kIdent)) p->rest_name = Advance().text;
      } else {
        p->subs.push_back(ParsePattern());
      }
      return true;
    });
    return p;
  }
  if (Accept(Tok::kAmp)) return ParsePatternAtom();
  bool is_mut = Accept(Tok::kMut);
  if (!At(Tok::kIdent)) {
    ReportHere<diag::kExpectedPattern>(Describe(Cur()));
    if (!AtEnd() && !At(Tok::kFatArrow) && !At(Tok::kRBrace)) SkipToken();
    return p;
  }
  std::string name = Advance().text;
  while (At(Tok::kColonColon) && PeekTok().kind == Tok::kIdent) {
    Advance();
    name += "::" + Advance().text;
  }
  p->text = name;
  bool path = name.find("::") != std::string::npos;
  if (Accept(Tok::kLParen)) {
    p->kind = Pattern::Kind::kVariant;
    ParseListUntil(Tok::kRParen, "to close the pattern", [&] {
      p->subs.push_back(ParsePattern());
      return true;
    });
    return p;
  }
  if (At(Tok::kLBrace) && (path || IsUpperName(name))) {
    Advance();
    p->kind = path ? Pattern::Kind::kVariant : Pattern::Kind::kStruct;
    p->has_struct_fields = true;
    ParseListUntil(Tok::kRBrace, "to close the struct pattern", [&] {
      if (Accept(Tok::kDotDot)) return false;  // `..` ends the fields
      const Token& field = Cur();
      std::string fname = ExpectIdent("a field name");
      if (fname == "<error>") return false;
      if (Accept(Tok::kColon)) {
        p->fields.emplace_back(fname, ParsePattern());
      } else {
        auto bind = std::make_unique<Pattern>();
        bind->kind = Pattern::Kind::kBind;
        bind->loc = field.loc;
        bind->text = fname;
        p->fields.emplace_back(fname, std::move(bind));
      }
      return true;
    });
    return p;
  }
  if (path || IsUpperName(name)) {
    p->kind = Pattern::Kind::kVariant;  // None, Red, Color::Red
    return p;
  }
  p->kind = Pattern::Kind::kBind;
  p->is_mut = is_mut;
  if (Accept(Tok::kAt)) p->subs.push_back(ParsePatternAtom());
  return p;
}

// A literal in a pattern: 1, -3, "a", 'c', true, null, b'x'.
ExprPtr Parser::ParseLiteralForPattern() {
  const Token& t = Cur();
  if (Accept(Tok::kMinus)) {
    ExprPtr operand = ParsePrimary();
    ExprPtr neg = MakeExpr(ExprKind::kUnary, t);
    neg->op = Tok::kMinus;
    neg->a = std::move(operand);
    return neg;
  }
  if (StartsLiteralPattern(t.kind)) return ParsePrimary();
  ReportHere<diag::kExpectedLiteralPattern>(Describe(t));
  return ErrorExpr();
}

}  // namespace ruchy
