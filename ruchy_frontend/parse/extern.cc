// C interop syntax: `extern "C" { fun write(fd: i32, buf: &[u8]) -> i64 ... }` declares C
// functions, and `unsafe { ... }` is the block where they may be called. What crosses and how
// is the checker's business (check/extern.cc).
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

bool Parser::AtExternBlock() const {
  return AtIdent("extern") && PeekTok().kind == Tok::kString && PeekTok(2).kind == Tok::kLBrace;
}

// Each declaration becomes an item of its own (a FunDecl with is_extern and no body), so the
// checker finds C functions where it finds Ruchy ones.
void Parser::ParseExternBlock(Program& program, const std::string& module) {
  Advance();  // extern
  const Token& abi = Advance();
  if (abi.text != "C") ReportAt<diag::kExternAbi>(abi.loc, abi.length, abi.text);
  Expect(Tok::kLBrace, "to open the extern block");
  while (!At(Tok::kRBrace) && !At(Tok::kEof)) {
    size_t before = pos_;
    SkipSemis();
    if (At(Tok::kRBrace)) break;
    std::vector<Attribute> attributes = ParseAttributes();
    Accept(Tok::kPub);
    if (At(Tok::kFun) || At(Tok::kFn)) {
      Item item{};
      item.kind = Item::Kind::kFun;
      item.loc = Cur().loc;
      item.module = module;
      item.fun = ParseFun(false, /*in_trait=*/true);  // a signature; a body is parsed and reported
      item.fun->is_extern = true;
      item.fun->attributes = std::move(attributes);
      if (!module.empty()) item.fun->name = module + "::" + item.fun->name;
      program.items.push_back(std::move(item));
    } else {
      RejectAttributes(attributes);
      ReportHere<diag::kExternItem>(Describe(Cur()));
      Recover();
    }
    SkipSemis();
    if (pos_ == before) SkipToken();
  }
  Expect(Tok::kRBrace, "to close the extern block");
}

// `unsafe { ... }`: a block, marked so that the checker allows calls to C functions in it.
ExprPtr Parser::ParseUnsafeBlock() {
  Advance();  // unsafe
  ExprPtr block = ParseBraceBlock();
  block->text = kUnsafeBlockText;
  return block;
}

}  // namespace ruchy
