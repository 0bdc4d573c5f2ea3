// Type parameters and their trait bounds: `fun largest<T: Ord>(...)`, `impl<T: Display> Show for
// Wrapper<T>`, `where T: Display + Clone`. The bounds are checked at each instantiation
// (check/trait_bounds.cc).
#include <algorithm>

#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

void Parser::ParseBounds(const std::string& param, std::vector<GenericBound>* bounds) {
  do {
    GenericBound b;
    b.loc = Cur().loc;
    b.param = param;
    TypeExprPtr trait = ParseType();
    b.trait = trait->name;
    b.length = static_cast<uint32_t>(std::max<size_t>(trait->name.size(), 1));
    bounds->push_back(std::move(b));
  } while (Accept(Tok::kPlus));
}

std::vector<std::string> Parser::ParseGenericParams(std::vector<GenericBound>* bounds) {
  std::vector<std::string> names;
  if (!Accept(Tok::kLess)) return names;
  ParseListUntil(Tok::kGreater, "to close the type parameters", [&] {
    names.push_back(ExpectIdent("a type parameter"));
    if (Accept(Tok::kColon)) ParseBounds(names.back(), bounds);
    return true;
  });
  return names;
}

void Parser::ParseWhereClause(std::vector<GenericBound>* bounds) {
  // `where T: A + B, U: C` up to the `{` of the body (or the end of the line).
  while (At(Tok::kIdent)) {
    std::string param = ExpectIdent("a type parameter");
    Expect(Tok::kColon, "after the type parameter of a `where` bound");
    ParseBounds(param, bounds);
    if (!Accept(Tok::kComma)) break;
  }
}

}  // namespace ruchy
