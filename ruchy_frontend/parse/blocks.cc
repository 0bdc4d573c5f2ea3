// Blocks: `{ statements }`, and (this project's extension) a body opened by a new line after its
// header and closed by `end`.
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

// A body after a header: `{ ... }`, or a newline and statements up to the matching `end`.
ExprPtr Parser::ParseBodyBlock(const std::string& what) {
  if (At(Tok::kLBrace)) return ParseBraceBlock();
  if (Cur().newline_before) {
    ExprPtr block = ParseStatementsUntil({Tok::kEnd});
    Expect(Tok::kEnd, "to close the body of " + what);
    return block;
  }
  ReportHere<diag::kExpectedBody>(what, Describe(Cur()));
  return MakeBlock(Cur().loc);
}

ExprPtr Parser::ParseBraceBlock() {
  const Token& open = Cur();
  Expect(Tok::kLBrace, "to start a block");
  ExprPtr block = ParseStatementsUntil({Tok::kRBrace});
  block->loc = open.loc;
  if (!Expect(Tok::kRBrace, "to close the block") && At(Tok::kEof)) ReportAt<diag::kBlockOpenedHere>(open.loc, 1);
  return block;
}

ExprPtr Parser::ParseBraceOrBodyBlock(const std::string& what) {
  if (At(Tok::kLBrace)) return ParseBraceBlock();
  return ParseBodyBlock(what);
}

// Statements up to one of `stops` (not consumed). The block is one level of the tree.
ExprPtr Parser::ParseStatementsUntil(std::initializer_list<Tok> stops) {
  ExprPtr block = MakeBlock(Cur().loc);
  Nest nest(*this);
  if (!nest.ok()) return block;
  auto at_stop = [&] {
    for (Tok s : stops) {
      if (At(s)) return true;
    }
    return AtEnd();
  };
  while (true) {
    SkipSemis();
    if (at_stop()) break;
    size_t before = pos_;
    // Attributes belong to what follows: a local declaration (`#[derive(..)] enum E {..}`) or a
    // nested `fun`; before anything else ParseStatement reports them.
    std::vector<Attribute> attributes = ParseAttributes();
    if (AtLocalItem()) {
      ParseLocalItem(std::move(attributes));
      block->flag = false;  // a declaration has no value: the block's is `()`
    } else {
      block->list.push_back(ParseStatement(std::move(attributes)));
      block->flag = !At(Tok::kSemi);
    }
    if (pos_ == before) {
      ReportHere<diag::kUnexpectedToken>(Describe(Cur()));
      SkipToken();
    }
  }
  return block;
}

}  // namespace ruchy
