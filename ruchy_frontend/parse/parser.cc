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

void ParsePart(const SourceFile& file, size_t part, Diagnostics& diags, const std::string& module, Program& program) {
  Parser parser(diags, LexPart(file, part, diags));
  parser.ParseInto(program, module);
}

Program Parser::ParseProgram() {
  Program program;
  program_ = &program;
  ParseItems(program, "", /*until=*/Tok::kEof);
  return program;
}

void Parser::ParseInto(Program& program, const std::string& module) {
  program_ = &program;
  scope_ = module;  // declarations in bodies are scoped inside the file's module (local_items.cc)
  ParseItems(program, module, /*until=*/Tok::kEof);
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
  ReportHere<diag::kExpectedToken>(std::string(TokenSpelling(kind)), std::string(context), Describe(Cur()));
  return false;
}

std::string Parser::ExpectIdent(std::string_view context) {
  if (At(Tok::kIdent)) return Advance().text;
  ReportHere<diag::kExpectedName>(std::string(context), Describe(Cur()));
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

bool Parser::FirstErrorHere() {
  if (Cur().loc.offset == last_error_offset_ && !diags_.all().empty()) return false;
  last_error_offset_ = Cur().loc.offset;
  return true;
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
      if (depth == 0) return;  // it closes the enclosing block or list, which is not ours to skip
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
  ReportAt<diag::kNestedTooDeeply>(at.loc, std::max<uint32_t>(1, at.length));
  ReportAt<diag::kNestingLimit>(item_start_, 1, int64_t{kMaxNestingDepth});
  // Stop here: everything below unwinds at the end of the file and adds nothing.
  too_deep_ = true;
  pos_ = tokens_.size() - 1;
}

}  // namespace ruchy
