// Items: functions and their parameters, structs, classes, enums, traits, impl blocks, modules,
// `use`, constants, and top-level statements.
#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {
namespace {

std::string Qualify(const std::string& module, const std::string& name) {
  return module.empty() ? name : module + "::" + name;
}

}  // namespace

void Parser::ParseItems(Program& program, const std::string& module, Tok until) {
  std::string outer_scope = std::exchange(scope_, module);
  while (!At(Tok::kEof) && !At(until)) {
    size_t before = pos_;
    SkipSemis();
    if (At(Tok::kEof) || At(until)) break;
    ParseItem(program, module);
    SkipSemis();
    if (pos_ == before) {
      ReportHere<diag::kUnexpectedToken>(Describe(Cur()));
      SkipToken();
    }
  }
  scope_ = std::move(outer_scope);
}

void Parser::ParseItem(Program& program, const std::string& module, std::vector<Attribute> attributes) {
  const Token& start = Cur();
  Loc outer_item = item_start_;
  item_start_ = start.loc;
  Item item{};
  item.kind = Item::Kind::kStmt;
  item.loc = start.loc;
  item.path = "";
  item.module = module;
  for (Attribute& a : ParseAttributes()) attributes.push_back(std::move(a));
  if (AtExternBlock()) {
    RejectAttributes(attributes);
    ParseExternBlock(program, module);
    item_start_ = outer_item;
    return;
  }
  bool is_pub = Accept(Tok::kPub);
  if (is_pub && At(Tok::kLParen)) {  // pub(crate)
    while (!At(Tok::kRParen) && !At(Tok::kEof)) Advance();
    Accept(Tok::kRParen);
  }
  item.is_pub = is_pub;
  bool is_fun = At(Tok::kFun) || At(Tok::kFn) ||
                (At(Tok::kAsync) && (PeekTok().kind == Tok::kFun || PeekTok().kind == Tok::kFn));
  if (is_fun) {
    item.kind = Item::Kind::kFun;
    item.fun = ParseFun(is_pub);
    item.fun->name = Qualify(module, item.fun->name);
    item.fun->attributes = std::move(attributes);
  } else if (At(Tok::kStruct) || At(Tok::kClass) || At(Tok::kEnum) || At(Tok::kTrait)) {
    item.kind = Item::Kind::kType;
    item.type = ParseTypeDecl();
    item.type->name = Qualify(module, item.type->name);
    item.type->attributes = std::move(attributes);
  } else if (At(Tok::kImpl) || At(Tok::kExtend)) {
    RejectAttributes(attributes);
    item.kind = Item::Kind::kImpl;
    item.impl = ParseImpl();
    item.impl->type_name = Qualify(module, item.impl->type_name);
  } else if (At(Tok::kConst) || (AtIdent("static") && PeekTok().kind == Tok::kIdent)) {
    RejectAttributes(attributes);
    item.kind = Item::Kind::kConst;
    item.stmt = ParseLet();
  } else if (At(Tok::kUse) || At(Tok::kImport)) {
    RejectAttributes(attributes);
    item.kind = Item::Kind::kUse;
    ParseUse(item);
  } else if (At(Tok::kMod)) {
    RejectAttributes(attributes);
    ParseModule(program, module, is_pub);
    item_start_ = outer_item;
    return;
  } else {
    if (is_pub) ReportHere<diag::kExpectedDeclarationAfterPub>(Describe(Cur()));
    RejectAttributes(attributes);
    item.stmt = ParseStatement();
  }
  program.items.push_back(std::move(item));
  item_start_ = outer_item;
}

// `mod name { items }`, `mod name` + newline + items + `end`, or `mod name;` (its items are in a
// file: driver/modules.h). A kMod item records the module; its items join the program's,
// qualified with the module's path.
void Parser::ParseModule(Program& program, const std::string& module, bool is_pub) {
  Nest nest(*this);
  if (!nest.ok()) return;
  Item item{};
  item.kind = Item::Kind::kMod;
  item.loc = Cur().loc;
  item.path = "";
  item.module = module;
  item.is_pub = is_pub;
  Advance();
  item.loc = Cur().loc;
  std::string inner = Qualify(module, ExpectIdent("a module name"));
  item.path = inner;
  size_t index = program.items.size();
  program.items.push_back(std::move(item));
  if (Accept(Tok::kLBrace)) {
    ParseItems(program, inner, Tok::kRBrace);
    Expect(Tok::kRBrace, "to close the module");
  } else if (Cur().newline_before && !At(Tok::kEof)) {
    ParseItems(program, inner, Tok::kEnd);
    Expect(Tok::kEnd, "to close the module");
  } else {
    Accept(Tok::kSemi);
    program.items[index].module_file = true;
  }
}

// A function declaration is one level of the tree, its body another.
std::unique_ptr<FunDecl> Parser::ParseFun(bool is_pub, bool in_trait) {
  auto fun = std::make_unique<FunDecl>();
  Nest nest(*this);
  fun->is_pub = is_pub;
  fun->is_async = Accept(Tok::kAsync);
  fun->loc = Cur().loc;
  Advance();  // fun / fn
  fun->name = ExpectIdent("a function name");
  fun->generics = ParseGenericParams(&fun->bounds);
  ParseParams(*fun);
  if (Accept(Tok::kArrow)) fun->ret = ParseType();
  if (Accept(Tok::kWhere)) ParseWhereClause(&fun->bounds);
  if (in_trait && !At(Tok::kLBrace)) {
    Accept(Tok::kSemi);
    return fun;  // a required method: no body
  }
  fun->body = ParseScopedBody(*fun, "function `" + fun->name + "`");
  return fun;
}

void Parser::ParseParams(FunDecl& fun) {
  ParseList(Tok::kLParen, "to start the parameter list", Tok::kRParen, "to close the parameter list", [&] {
    // self, &self, &mut self, mut self
    size_t save = pos_;
    bool amp = Accept(Tok::kAmp);
    bool is_mut = Accept(Tok::kMut);
    if (At(Tok::kSelf)) {
      Advance();
      fun.self = amp ? (is_mut ? SelfKind::kMutRef : SelfKind::kRef) : SelfKind::kValue;
      if (Accept(Tok::kColon)) ParseType();
      return true;
    }
    pos_ = save;
    Param p;
    p.is_mut = Accept(Tok::kMut);
    p.loc = Cur().loc;
    p.name = ExpectIdent("a parameter name");
    if (p.name == "<error>") {
      Recover();
      if (At(Tok::kRParen)) return false;
    }
    if (Accept(Tok::kColon)) p.type = ParseType();
    if (Accept(Tok::kEq)) p.default_value = ParseExpr();
    fun.params.push_back(std::move(p));
    return true;
  });
}

std::unique_ptr<TypeDecl> Parser::ParseTypeDecl() {
  auto decl = std::make_unique<TypeDecl>();
  Tok keyword = Advance().kind;
  decl->kind = keyword == Tok::kStruct  ? TypeDecl::Kind::kStruct
               : keyword == Tok::kClass ? TypeDecl::Kind::kClass
               : keyword == Tok::kEnum  ? TypeDecl::Kind::kEnum
                                        : TypeDecl::Kind::kTrait;
  decl->loc = Cur().loc;
  decl->name = ExpectIdent("a type name");
  decl->generics = ParseGenericParams(&decl->bounds);
  if (decl->kind == TypeDecl::Kind::kClass && Accept(Tok::kColon)) decl->parent = ExpectIdent("a base class");
  if (decl->kind == TypeDecl::Kind::kStruct && Accept(Tok::kLParen)) {
    // Tuple struct: struct Meters(f64)
    int index = 0;
    ParseListUntil(Tok::kRParen, "to close the tuple struct", [&] {
      FieldDecl f;
      f.is_pub = Accept(Tok::kPub);
      f.loc = Cur().loc;
      f.name = std::to_string(index++);
      f.type = ParseType();
      decl->fields.push_back(std::move(f));
      return true;
    });
    decl->is_tuple = true;
    Accept(Tok::kSemi);
    return decl;
  }
  if (decl->kind == TypeDecl::Kind::kStruct && (At(Tok::kSemi) || (Cur().newline_before && !LooksLikeEndBody()))) {
    Accept(Tok::kSemi);
    return decl;  // unit struct
  }
  Tok close = Tok::kRBrace;
  if (!Accept(Tok::kLBrace)) {
    if (!Cur().newline_before) {
      ReportHere<diag::kExpectedBody>("`" + decl->name + "`", Describe(Cur()));
      Recover();
      return decl;
    }
    close = Tok::kEnd;
  }
  if (decl->kind == TypeDecl::Kind::kEnum) {
    ParseVariants(*decl, close);
  } else {
    // Methods' bodies are scopes inside the type's: `Shape::area` for `area`.
    std::string outer_scope = std::exchange(scope_, Qualify(scope_, decl->name));
    ParseMembers(*decl, close);
    scope_ = std::move(outer_scope);
  }
  Expect(close, close == Tok::kEnd ? "to close the `end` block" : "to close the body");
  return decl;
}

// A newline after `struct Name` opens an `end` body only if members follow.
bool Parser::LooksLikeEndBody() const {
  return (At(Tok::kIdent) && PeekTok().kind == Tok::kColon) || At(Tok::kPub) || At(Tok::kFun) || At(Tok::kFn) ||
         At(Tok::kEnd);
}

void Parser::ParseVariants(TypeDecl& decl, Tok close) {
  while (!At(close) && !At(Tok::kEof)) {
    RejectAttributes(ParseAttributes());
    if (At(close)) break;
    VariantDecl v;
    v.loc = Cur().loc;
    v.name = ExpectIdent("a variant name");
    if (v.name == "<error>") {
      Recover();
      if (!Accept(Tok::kComma) && !At(close)) SkipToken();
      continue;
    }
    if (Accept(Tok::kLParen)) {
      ParseListUntil(Tok::kRParen, "to close the variant's payload", [&] {
        v.payload.push_back(ParseType());
        return true;
      });
    } else if (Accept(Tok::kLBrace)) {
      v.is_struct = true;
      ParseListUntil(Tok::kRBrace, "to close the variant's fields", [&] {
        FieldDecl f;
        f.loc = Cur().loc;
        f.name = ExpectIdent("a field name");
        Expect(Tok::kColon, "after the field name");
        f.type = ParseType();
        v.fields.push_back(std::move(f));
        return true;
      });
    } else if (Accept(Tok::kEq)) {
      v.discriminant = ParseExpr();
    }
    decl.variants.push_back(std::move(v));
    if (!Accept(Tok::kComma) && !Accept(Tok::kSemi) && !At(close) && !Cur().newline_before) {
      ReportHere<diag::kExpectedVariantComma>(Describe(Cur()));
      Recover();
    }
  }
}

void Parser::ParseMembers(TypeDecl& decl, Tok close) {
  bool is_trait = decl.kind == TypeDecl::Kind::kTrait;
  bool is_class = decl.kind == TypeDecl::Kind::kClass;
  while (!At(close) && !At(Tok::kEof)) {
    size_t before = pos_;
    SkipSemis();
    if (At(close)) break;
    std::vector<Attribute> attributes = ParseAttributes();
    bool is_pub = Accept(Tok::kPub);
    bool is_static = false;
    if (AtIdent("static")) {
      Advance();
      is_static = true;
    }
    if (At(Tok::kFun) || At(Tok::kFn) || At(Tok::kAsync)) {
      auto fun = ParseFun(is_pub, is_trait);
      fun->is_static = is_static || (fun->self == SelfKind::kNone && !is_class);
      if (is_class && fun->self == SelfKind::kNone && !is_static) {
        // In a class, `fun m()` without self is still a method (self is implicit).
        fun->self = SelfKind::kMutRef;
      }
      fun->attributes = std::move(attributes);
      decl.methods.push_back(std::move(fun));
    } else if (AtIdent("new") && is_class && (PeekTok().kind == Tok::kLParen || PeekTok().kind == Tok::kIdent)) {
      decl.methods.push_back(ParseConstructor(decl));
      decl.methods.back()->attributes = std::move(attributes);
    } else if (At(Tok::kIdent) || At(Tok::kMut) || At(Tok::kVar) || At(Tok::kLet) || At(Tok::kConst)) {
      RejectAttributes(attributes);
      FieldDecl f;
      f.is_pub = is_pub;
      f.is_mut = Accept(Tok::kMut) || Accept(Tok::kVar) || Accept(Tok::kLet) || Accept(Tok::kConst);
      f.loc = Cur().loc;
      f.name = ExpectIdent("a field name");
      if (Expect(Tok::kColon, "after the field name")) f.type = ParseType();
      if (Accept(Tok::kEq)) f.default_value = ParseExpr();
      decl.fields.push_back(std::move(f));
      Accept(Tok::kComma);
    } else {
      RejectAttributes(attributes);
      ReportHere<diag::kExpectedMember>(decl.name, Describe(Cur()));
      Recover();
    }
    if (pos_ == before) SkipToken();
  }
}

// A class constructor: `new(a, b) { ... }`, or a named one: `new square(side) { ... }`.
std::unique_ptr<FunDecl> Parser::ParseConstructor(const TypeDecl& decl) {
  auto fun = std::make_unique<FunDecl>();
  fun->loc = Cur().loc;
  Advance();
  fun->name = At(Tok::kIdent) ? Advance().text : "new";
  fun->is_constructor = true;
  fun->is_pub = true;
  ParseParams(*fun);
  fun->body = ParseScopedBody(*fun, "constructor of `" + decl.name + "`");
  return fun;
}

std::unique_ptr<ImplDecl> Parser::ParseImpl() {
  auto impl = std::make_unique<ImplDecl>();
  impl->loc = Advance().loc;
  impl->generics = ParseGenericParams(&impl->bounds);
  TypeExprPtr type = ParseType();
  if (Accept(Tok::kFor)) {
    impl->trait_name = type->name;
    type = ParseType();
  }
  impl->type_name = type->name;
  impl->type_args = std::move(type->args);
  if (Accept(Tok::kWhere)) ParseWhereClause(&impl->bounds);
  Tok close = Tok::kRBrace;
  if (!Accept(Tok::kLBrace)) {
    if (!Cur().newline_before) {
      ReportHere<diag::kExpectedImplBody>(Describe(Cur()));
      Recover();
      return impl;
    }
    close = Tok::kEnd;
  }
  std::string outer_scope = std::exchange(scope_, Qualify(scope_, impl->type_name));
  while (!At(close) && !At(Tok::kEof)) {
    size_t before = pos_;
    SkipSemis();
    if (At(close)) break;
    std::vector<Attribute> attributes = ParseAttributes();
    bool is_pub = Accept(Tok::kPub);
    if (At(Tok::kFun) || At(Tok::kFn) || At(Tok::kAsync)) {
      auto fun = ParseFun(is_pub);
      fun->is_static = fun->self == SelfKind::kNone;
      fun->attributes = std::move(attributes);
      impl->methods.push_back(std::move(fun));
    } else if (At(Tok::kType)) {
      RejectAttributes(attributes);
      while (!At(Tok::kSemi) && !At(Tok::kEof) && !PeekTok().newline_before) Advance();
      Advance();
    } else {
      RejectAttributes(attributes);
      ReportHere<diag::kExpectedImplMethod>(Describe(Cur()));
      Recover();
    }
    if (pos_ == before) SkipToken();
  }
  scope_ = std::move(outer_scope);
  Expect(close, "to close the impl block");
  return impl;
}

}  // namespace ruchy
