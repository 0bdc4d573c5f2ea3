// Written types: `i64`, `Vec<String>`, `[i64]`, `[T; N]`, `(i64, String)`, `fn(i64) -> i64`,
// `&str`, `_`, `Self`, paths (`geometry::Point`), `dyn Trait` (a trait object). References and
// `impl` are accepted and mean the type itself.
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

// Each type is one level of the tree.
TypeExprPtr Parser::ParseType() {
  auto t = std::make_unique<TypeExpr>();
  t->loc = Cur().loc;
  Nest nest(*this);
  if (!nest.ok()) {
    t->kind = TypeExpr::Kind::kInfer;
    return t;
  }
  while (Accept(Tok::kAmp)) {
    t->is_ref = true;
    if (At(Tok::kLifetime)) Advance();
    if (Accept(Tok::kMut)) t->is_mut_ref = true;
  }
  if (AtIdent("dyn")) {
    Advance();
    t->is_dyn = true;
  } else if (AtIdent("impl") || At(Tok::kImpl)) {
    Advance();
  }
  if (Accept(Tok::kLParen)) {
    t->kind = TypeExpr::Kind::kTuple;
    ParseListUntil(Tok::kRParen, "to close the tuple type", [&] {
      t->args.push_back(ParseType());
      return true;
    });
    if (t->args.size() == 1) return std::move(t->args[0]);
    return t;
  }
  if (Accept(Tok::kLBracket)) {
    t->kind = TypeExpr::Kind::kArray;
    t->args.push_back(ParseType());
    if (Accept(Tok::kSemi)) ParseExpr();  // [T; N]: a fixed size is a vector here
    Expect(Tok::kRBracket, "to close the array type");
    return t;
  }
  if (At(Tok::kFn) || At(Tok::kFun) || AtIdent("Fn") || AtIdent("FnMut") || AtIdent("FnOnce")) {
    Advance();
    t->kind = TypeExpr::Kind::kFn;
    ParseList(Tok::kLParen, "to start the function type's parameters", Tok::kRParen,
              "to close the function type's parameters", [&] {
                t->args.push_back(ParseType());
                return true;
              });
    if (Accept(Tok::kArrow)) t->ret = ParseType();
    return t;
  }
  if (AtIdent("_")) {
    Advance();
    t->kind = TypeExpr::Kind::kInfer;
    return t;
  }
  if (At(Tok::kSelf) || AtIdent("Self")) {
    t->name = "Self";
    Advance();
    return t;
  }
  t->name = ExpectIdent("a type");
  while (At(Tok::kColonColon) && PeekTok().kind == Tok::kIdent) {
    Advance();
    // std::collections::HashMap names HashMap; module paths keep their qualification.
    std::string next = Advance().text;
    if (t->name == "std" || t->name == "collections" || t->name == "crate") {
      t->name = next;
    } else {
      t->name += "::" + next;
    }
  }
  if (Accept(Tok::kLess)) t->args = ParseTypeArgs();
  return t;
}

std::vector<TypeExprPtr> Parser::ParseTypeArgs() {
  std::vector<TypeExprPtr> args;
  ParseListUntil(Tok::kGreater, "to close the type arguments", [&] {
    if (At(Tok::kLifetime)) {
      Advance();  // lifetimes carry no meaning here
    } else {
      args.push_back(ParseType());
    }
    return true;
  });
  return args;
}

}  // namespace ruchy
