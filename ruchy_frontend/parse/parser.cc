// The parser's machinery: the token cursor, diagnostics and recovery, the nesting depth, and
// the entry point. The grammar lives in the files parser_impl.h lists.
#include "ruchy_frontend/parse/parser.h"

#include "ruchy_frontend/lex/lexer.h"
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

Program Parse(const SourceFile& file, Diagnostics& diags) {
  Parser parser(diags, Lex(file, diags));
  return parser.ParseProgram();
}

Program Parser::ParseProgram() {
  Program program;
  ParseItems(program, "", /*until=*/Tok::kEof);
  return program;
}

// ---- token cursor ----

const Token& Parser::Advance() {
  const Token& t = tokens_[pos_];
  if (pos_ + 1 < tokens_.size()) ++pos_;
  return t;
}

bool Parser::Accept(Tok kind) {
  if (!At(kind)) return false;
  Advance();
  return true;
}

bool Parser::Expect(Tok kind, std::string_view context) {
  if (Accept(kind)) return true;
  // `>>` closes two generic argument lists: take its first half.
  if (kind == Tok::kGreater && At(Tok::kShr)) {
    tokens_[pos_].kind = Tok::kGreater;
    tokens_[pos_].loc.offset += 1;
    return true;
  }
  ErrorHere("expected `" + std::string(TokenSpelling(kind)) + "` " + std::string(context) + ", found " +
            Describe(Cur()));
  return false;
}

std::string Parser::ExpectIdent(std::string_view context) {
  if (At(Tok::kIdent)) return Advance().text;
  ErrorHere("expected " + std::string(context) + ", found " + Describe(Cur()));
  return "<error>";
}

void Parser::SkipSemis() {
  while (Accept(Tok::kSemi)) {
  }
}

// ---- diagnostics and recovery ----

std::string Parser::Describe(const Token& t) const {
  if (t.kind == Tok::kIdent) return "identifier `" + t.text + "`";
  if (t.kind == Tok::kEof) return "end of file";
  if (t.kind >= Tok::kFun && t.kind <= Tok::kNull) return "keyword `" + std::string(TokenSpelling(t.kind)) + "`";
  if (t.kind >= Tok::kLParen) return "`" + std::string(TokenSpelling(t.kind)) + "`";
  return std::string(TokenSpelling(t.kind));
}

void Parser::ErrorHere(std::string message) {
  // One error per position: recovery must not pile up echoes of the same mistake.
  if (Cur().loc.offset == last_error_offset_ && !diags_.all().empty()) return;
  last_error_offset_ = Cur().loc.offset;
  ErrorAt(Cur().loc, std::move(message), std::max<uint32_t>(1, Cur().length));
}

void Parser::ErrorAt(Loc loc, std::string message, uint32_t length) {
  // Past the nesting limit the rest of the file is skipped: what that finds is no news.
  if (too_deep_) return;
  diags_.Error(loc, std::move(message), length);
}

void Parser::NoteAt(Loc loc, std::string message, uint32_t length) {
  if (too_deep_) return;
  diags_.Note(loc, std::move(message), length);
}

void Parser::Recover() {
  int depth = 0;
  int fstrings = 0;  // a nested f-string's hole ends are not ours
  size_t start = pos_;
  while (!At(Tok::kEof)) {
    if (At(Tok::kFStringStart)) ++fstrings;
    if (At(Tok::kFStringEnd)) --fstrings;
    if (fstrings == 0 && AtEnd()) return;
    if (At(Tok::kLBrace) || At(Tok::kLParen) || At(Tok::kLBracket)) ++depth;
    if (At(Tok::kRBrace) || At(Tok::kRParen) || At(Tok::kRBracket)) {
      if (depth == 0) {
        if (pos_ == start) Advance();
        return;
      }
      --depth;
    }
    if (depth == 0 && fstrings == 0 && pos_ != start && (At(Tok::kSemi) || Cur().newline_before)) return;
    Advance();
  }
}

void Parser::SkipToken() {
  if (!At(Tok::kFStringStart)) {
    Advance();
    return;
  }
  int open = 0;
  do {
    if (At(Tok::kFStringStart)) ++open;
    if (At(Tok::kFStringEnd)) --open;
    Advance();
  } while (open > 0 && !At(Tok::kEof));
}

// ---- nodes ----

ExprPtr Parser::MakeExpr(ExprKind kind, const Token& at) {
  auto e = std::make_unique<Expr>(kind, at.loc);
  e->length = std::max<uint32_t>(1, at.length);
  return e;
}

ExprPtr Parser::ErrorExpr() { return std::make_unique<Expr>(ExprKind::kUnit, Cur().loc); }

ExprPtr Parser::MakeBlock(Loc loc) { return std::make_unique<Expr>(ExprKind::kBlock, loc); }

// ---- nesting depth ----

bool Parser::EnterLevel() {
  ++depth_;
  peak_ = std::max(peak_, depth_);
  if (too_deep_) return false;
  if (depth_ <= kMaxNestingDepth) return true;
  ReportTooDeep(Cur());
  return false;
}

bool Parser::ChainDepth::Link(const Token& at) {
  bottom_ = std::max(bottom_ + 1, parser_.peak_);
  parser_.peak_ = parser_.depth_;
  if (parser_.too_deep_) return false;
  if (bottom_ <= kMaxNestingDepth) return true;
  parser_.ReportTooDeep(at);
  return false;
}

void Parser::ReportTooDeep(const Token& at) {
  ErrorAt(at.loc, "expression nested too deeply", std::max<uint32_t>(1, at.length));
  NoteAt(item_start_, "at most " + std::to_string(kMaxNestingDepth) +
                          " levels of nesting are allowed, counted from here; each operand in a chain of "
                          "operators, each link in a chain of calls or methods and each `else if` is a level");
  // Stop here: everything below unwinds at the end of the file and adds nothing.
  too_deep_ = true;
  pos_ = tokens_.size() - 1;
}

}  // namespace ruchy
