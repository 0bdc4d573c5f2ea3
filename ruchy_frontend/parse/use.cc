// `use` declarations, in the reference parser's syntax: `use a::b::c`, `use a::b as c`,
// `use a::{b, c as d, e::{f}}`, `use a::*`; paths may start with `crate`, `self` or `super`.
// Each name brought in becomes one UseName of the item; the checker resolves them
// (check/imports.cc) and the driver loads the files they name (driver/modules.cc).
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

void Parser::ParseUse(Item& item) {
  if (At(Tok::kImport)) {
    // `import std.math`: the reference's other spelling, for the standard library only, which
    // is always available. The path is kept as written, up to the end of the line.
    Advance();
    while (!At(Tok::kEof) && !At(Tok::kSemi) && !At(Tok::kRBrace) && !Cur().newline_before) {
      item.path += Cur().kind == Tok::kIdent ? Cur().text : std::string(TokenSpelling(Cur().kind));
      SkipToken();
    }
    return;
  }
  Advance();  // use
  ParseUseTree(item, "", Cur().loc);
  for (const UseName& u : item.uses) {
    if (!item.path.empty()) item.path += ", ";
    item.path += u.path + (u.is_glob ? "::*" : "");
  }
}

// One use tree: a path, then the end (optionally `as name`), `::*`, or `::{ trees }`.
void Parser::ParseUseTree(Item& item, std::string prefix, Loc start) {
  Nest nest(*this);
  if (!nest.ok()) return;
  std::string path = prefix;
  while (true) {
    std::string segment;
    if (At(Tok::kSelf)) {
      segment = "self";
      Advance();
    } else {
      segment = ExpectIdent("a module path");
      if (segment == "<error>") {
        Recover();
        return;
      }
    }
    path += (path.empty() ? "" : "::") + segment;
    if (!Accept(Tok::kColonColon)) break;
    if (At(Tok::kStar)) {
      uint32_t end = Cur().loc.offset + Cur().length;
      Advance();
      item.uses.push_back(UseName{start, end - start.offset, path, "", true});
      return;
    }
    if (At(Tok::kLBrace)) {
      ParseList(Tok::kLBrace, "to start the list of names", Tok::kRBrace, "to close the list of names", [&] {
        ParseUseTree(item, path, Cur().loc);
        return true;
      });
      return;
    }
  }
  // `use a::{self, b}`: `self` is the module `a` itself.
  if (path.size() > 6 && path.compare(path.size() - 6, 6, "::self") == 0) path.resize(path.size() - 6);
  const Token& last = tokens_[pos_ > 0 ? pos_ - 1 : 0];
  uint32_t end = last.loc.offset + last.length;
  UseName name{start, end > start.offset ? end - start.offset : 1, path, "", false};
  size_t colon = path.rfind("::");
  name.alias = colon == std::string::npos ? path : path.substr(colon + 2);
  if (Accept(Tok::kAs)) name.alias = ExpectIdent("a name after `as`");
  item.uses.push_back(std::move(name));
}

}  // namespace ruchy
