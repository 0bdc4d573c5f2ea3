// Attributes, `#[name]`, `#[name(arg, ...)]`, `#[name = "value"]`, and the reference's decorator
// lines `@name(arg, ...)`: parsed onto the declaration that follows, where the checker gives
// them meaning (check/attributes.cc). An attribute before anything else is an error here: none
// is dropped on the floor.
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

bool Parser::AtAttribute() const {
  return At(Tok::kHash) || (At(Tok::kAt) && PeekTok().kind == Tok::kIdent);
}

std::vector<Attribute> Parser::ParseAttributes() {
  std::vector<Attribute> attributes;
  while (AtAttribute()) {
    Attribute attribute;
    attribute.loc = Cur().loc;
    attribute.is_decorator = At(Tok::kAt);
    Advance();  // `#` or `@`
    if (!attribute.is_decorator && !Expect(Tok::kLBracket, "after `#` to open the attribute")) {
      Recover();
      continue;
    }
    attribute.name = ExpectIdent("an attribute name");
    while (At(Tok::kColonColon) && PeekTok().kind == Tok::kIdent) {
      Advance();
      attribute.name += "::" + Advance().text;
    }
    bool ok = true;
    if (Accept(Tok::kLParen)) {
      attribute.has_args = true;
      ok = ParseListUntil(Tok::kRParen, "to close the attribute's arguments", [&] { return ParseAttributeArg(attribute); });
    } else if (!attribute.is_decorator && Accept(Tok::kEq)) {
      attribute.has_args = true;
      ok = ParseAttributeArg(attribute);
    }
    if (!ok) {
      // Reported once: skip the rest of the attribute (the lexer found its `]`), or of the line.
      while (!AtEnd() && !(attribute.is_decorator ? Cur().newline_before : At(Tok::kRBracket))) SkipToken();
    }
    if (!attribute.is_decorator && !Expect(Tok::kRBracket, "to close the attribute")) Recover();
    const Token& last = tokens_[pos_ > 0 ? pos_ - 1 : 0];
    attribute.length = std::max<uint32_t>(1, last.loc.offset + last.length - attribute.loc.offset);
    attributes.push_back(std::move(attribute));
  }
  return attributes;
}

// One argument: a string literal, or a name or path (`Debug`, `C`, `always`, `serde::Serialize`).
// Anything else (numbers, nested lists) is reported: no attribute this compiler knows takes it.
bool Parser::ParseAttributeArg(Attribute& attribute) {
  attribute.arg_locs.push_back(Cur().loc);
  if (At(Tok::kString)) {
    attribute.args.push_back(Advance().text);
    attribute.arg_is_string.push_back(true);
    return true;
  }
  if (!At(Tok::kIdent)) {
    ReportHere<diag::kMalformedAttribute>("a name or a string", Describe(Cur()));
    attribute.arg_locs.pop_back();
    return false;
  }
  std::string path = Advance().text;
  while (At(Tok::kColonColon) && PeekTok().kind == Tok::kIdent) {
    Advance();
    path += "::" + Advance().text;
  }
  if (At(Tok::kLParen) || At(Tok::kEq)) {
    ReportHere<diag::kMalformedAttribute>("`,` or `)` after `" + path + "`", Describe(Cur()));
    attribute.arg_locs.pop_back();
    return false;
  }
  attribute.args.push_back(path);
  attribute.arg_is_string.push_back(false);
  return true;
}

void Parser::RejectAttributes(const std::vector<Attribute>& attributes) {
  if (attributes.empty()) return;
  const Attribute& first = attributes.front();
  std::string what = AtEnd() || At(Tok::kRBrace) || At(Tok::kEnd) ? "the end of the block" : Describe(Cur());
  ReportAt<diag::kAttributeNotOnDeclaration>(first.loc, first.length, first.name, what);
}

}  // namespace ruchy
