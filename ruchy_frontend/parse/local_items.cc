// Declarations inside function bodies: `struct`, `class`, `enum`, `trait`, `impl` and `use` in a
// body (many Ruchy programs wrap everything in `fn main() { ... }`).
//
// Each becomes an item of the program in a scope named after the function that declares it
// (`main::Point` for a `struct Point` in `fn main`, `Shape::area::Tmp` in a method), and the
// function's body records that scope (FunDecl::body_scope) so the checker looks names up there
// first and then in the enclosing modules. A local type is therefore visible in its function,
// including the functions nested in it, and two functions may each declare their own `Point`.
// Nested `fun`s stay statements (statements.cc): the checker makes a block's nested functions
// visible to the whole block and to each other.
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

bool Parser::AtLocalItem() const {
  return At(Tok::kStruct) || At(Tok::kClass) || At(Tok::kEnum) || At(Tok::kTrait) || At(Tok::kImpl) ||
         At(Tok::kExtend) || At(Tok::kUse) || At(Tok::kImport);
}

void Parser::ParseLocalItem(std::vector<Attribute> attributes) {
  ParseItem(*program_, scope_, std::move(attributes));
  ++local_items_;
}

ExprPtr Parser::ParseScopedBody(FunDecl& fun, const std::string& what) {
  std::string outer = scope_;
  scope_ = scope_.empty() ? fun.name : scope_ + "::" + fun.name;
  int items_before = local_items_;
  ExprPtr body = ParseBodyBlock(what);
  if (local_items_ != items_before) fun.body_scope = scope_;
  scope_ = std::move(outer);
  return body;
}

}  // namespace ruchy
