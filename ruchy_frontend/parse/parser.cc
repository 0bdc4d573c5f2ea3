#include "ruchy_frontend/parse/parser.h"

#include <cctype>
#include <cstdlib>
#include <string>
#include <utility>

#include "ruchy_frontend/lex/lexer.h"

namespace ruchy {
namespace {

// Binary operator levels, loosest first, after the reference parser's precedence table:
// `||` < `??` < `&&`,`|>` < bitwise and ranges < equality < comparison < shifts < `+ -` <
// `* / %` < `**` < `as`. All are left-associative (the reference treats `**` that way too).
int BinaryPrecedence(Tok kind) {
  switch (kind) {
    case Tok::kOrOr: return 1;
    case Tok::kQuestionQuestion: return 2;
    case Tok::kAndAnd:
    case Tok::kPipeGreater: return 3;
    case Tok::kPipe:
    case Tok::kCaret:
    case Tok::kAmp:
    case Tok::kDotDot:
    case Tok::kDotDotEq: return 4;
    case Tok::kEqEq:
    case Tok::kNotEq: return 5;
    case Tok::kLess:
    case Tok::kLessEq:
    case Tok::kGreater:
    case Tok::kGreaterEq: return 6;
    case Tok::kShl:
    case Tok::kShr: return 7;
    case Tok::kPlus:
    case Tok::kMinus: return 8;
    case Tok::kStar:
    case Tok::kSlash:
    case Tok::kPercent: return 9;
    case Tok::kStarStar: return 10;
    case Tok::kAs: return 11;
    default: return 0;
  }
}

bool IsAssignOp(Tok kind) {
  return kind == Tok::kEq || kind == Tok::kPlusEq || kind == Tok::kMinusEq || kind == Tok::kStarEq ||
         kind == Tok::kSlashEq || kind == Tok::kPercentEq;
}

bool IsUpper(const std::string& name) {
  return !name.empty() && std::isupper(static_cast<unsigned char>(name[0]));
}

// Deep nesting is legal but a fuzzer's favourite; past this the parser reports an error
// instead of overflowing the stack.
constexpr int kMaxDepth = 200;

class Parser {
 public:
  Parser(const SourceFile& file, Diagnostics& diags, std::vector<Token> tokens)
      : file_(file), diags_(diags), tokens_(std::move(tokens)) {}

  Program ParseProgram() {
    Program program;
    ParseItems(program, "", /*until=*/Tok::kEof);
    return program;
  }

  ExprPtr ParseStandaloneExpr() {
    ExprPtr e = ParseExpr();
    if (!At(Tok::kEof)) ErrorHere("unexpected " + Describe(Cur()) + " in f-string expression");
    return e;
  }

 private:
  // ---- token access ----
  const Token& Cur() const { return tokens_[pos_]; }
  const Token& PeekTok(size_t ahead = 1) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  bool At(Tok kind) const { return Cur().kind == kind; }
  bool AtIdent(std::string_view name) const { return At(Tok::kIdent) && Cur().text == name; }
  Token Advance() {
    Token t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool Accept(Tok kind) {
    if (!At(kind)) return false;
    Advance();
    return true;
  }
  std::string Describe(const Token& t) const {
    if (t.kind == Tok::kIdent) return "identifier `" + t.text + "`";
    if (t.kind == Tok::kEof) return "end of file";
    if (t.kind >= Tok::kFun && t.kind <= Tok::kNull) return "keyword `" + std::string(TokenSpelling(t.kind)) + "`";
    if (t.kind >= Tok::kLParen) return "`" + std::string(TokenSpelling(t.kind)) + "`";
    return std::string(TokenSpelling(t.kind));
  }
  void ErrorHere(std::string message) {
    // One error per position: recovery must not pile up echoes of the same mistake.
    if (Cur().loc.offset == last_error_offset_ && !diags_.all().empty()) return;
    last_error_offset_ = Cur().loc.offset;
    diags_.Error(Cur().loc, std::move(message), std::max<uint32_t>(1, Cur().length));
  }
  bool Expect(Tok kind, std::string_view context) {
    if (Accept(kind)) return true;
    // `>>` closes two generic argument lists.
    if (kind == Tok::kGreater && At(Tok::kShr)) {
      tokens_[pos_].kind = Tok::kGreater;
      tokens_[pos_].loc.offset += 1;
      return true;
    }
    ErrorHere("expected `" + std::string(TokenSpelling(kind)) + "` " + std::string(context) +
              ", found " + Describe(Cur()));
    return false;
  }
  std::string ExpectIdent(std::string_view context) {
    if (At(Tok::kIdent)) return Advance().text;
    ErrorHere("expected " + std::string(context) + ", found " + Describe(Cur()));
    return "<error>";
  }
  void SkipSemis() {
    while (Accept(Tok::kSemi)) {
    }
  }
  // After an error: skip to something that can start the next statement or close a block.
  void Recover() {
    int depth = 0;
    size_t start = pos_;
    while (!At(Tok::kEof)) {
      if (At(Tok::kLBrace) || At(Tok::kLParen) || At(Tok::kLBracket)) ++depth;
      if (At(Tok::kRBrace) || At(Tok::kRParen) || At(Tok::kRBracket)) {
        if (depth == 0) {
          if (pos_ == start) Advance();
          return;
        }
        --depth;
      }
      if (depth == 0 && pos_ != start && (At(Tok::kSemi) || Cur().newline_before)) return;
      Advance();
    }
  }
  ExprPtr MakeExpr(ExprKind kind, const Token& at) {
    auto e = std::make_unique<Expr>(kind, at.loc);
    e->length = std::max<uint32_t>(1, at.length);
    return e;
  }
  ExprPtr ErrorExpr() { return std::make_unique<Expr>(ExprKind::kUnit, Cur().loc); }

  struct DepthGuard {
    explicit DepthGuard(Parser& p) : parser(p) { ++parser.depth_; }
    ~DepthGuard() { --parser.depth_; }
    bool too_deep() const { return parser.depth_ > kMaxDepth; }
    Parser& parser;
  };

  // ---- items ----
  void ParseItems(Program& program, const std::string& module, Tok until) {
    while (!At(Tok::kEof) && !At(until)) {
      size_t before = pos_;
      SkipSemis();
      if (At(Tok::kEof) || At(until)) break;
      ParseItem(program, module);
      SkipSemis();
      if (pos_ == before) {
        ErrorHere("unexpected " + Describe(Cur()));
        Advance();
      }
    }
  }

  std::string Qualify(const std::string& module, const std::string& name) {
    return module.empty() ? name : module + "::" + name;
  }

  void ParseItem(Program& program, const std::string& module) {
    Token start = Cur();
    bool is_pub = Accept(Tok::kPub);
    if (is_pub && At(Tok::kLParen)) {  // pub(crate)
      while (!At(Tok::kRParen) && !At(Tok::kEof)) Advance();
      Accept(Tok::kRParen);
    }
    Item item{Item::Kind::kStmt, start.loc, nullptr, nullptr, nullptr, nullptr, "", module};
    if (At(Tok::kFun) || At(Tok::kFn) || (At(Tok::kAsync) && (PeekTok().kind == Tok::kFun || PeekTok().kind == Tok::kFn))) {
      item.kind = Item::Kind::kFun;
      item.fun = ParseFun(is_pub);
      item.fun->name = Qualify(module, item.fun->name);
    } else if (At(Tok::kStruct) || At(Tok::kClass) || At(Tok::kEnum) || At(Tok::kTrait)) {
      item.kind = Item::Kind::kType;
      item.type = ParseTypeDecl();
      item.type->name = Qualify(module, item.type->name);
    } else if (At(Tok::kImpl) || At(Tok::kExtend)) {
      item.kind = Item::Kind::kImpl;
      item.impl = ParseImpl();
      item.impl->type_name = Qualify(module, item.impl->type_name);
    } else if (At(Tok::kConst) || (At(Tok::kIdent) && Cur().text == "static" && PeekTok().kind == Tok::kIdent)) {
      item.kind = Item::Kind::kConst;
      item.stmt = ParseLet();
    } else if (At(Tok::kUse) || At(Tok::kImport)) {
      item.kind = Item::Kind::kUse;
      Advance();
      while (!At(Tok::kEof) && !At(Tok::kSemi) && !Cur().newline_before) {
        item.path += Cur().kind == Tok::kIdent ? Cur().text : std::string(TokenSpelling(Cur().kind));
        Advance();
      }
    } else if (At(Tok::kMod)) {
      Advance();
      std::string name = ExpectIdent("a module name");
      std::string inner = Qualify(module, name);
      if (Accept(Tok::kLBrace)) {
        ParseItems(program, inner, Tok::kRBrace);
        Expect(Tok::kRBrace, "to close the module");
      } else if (Cur().newline_before) {
        ParseItems(program, inner, Tok::kEnd);
        Expect(Tok::kEnd, "to close the module");
      } else {
        Accept(Tok::kSemi);
      }
      return;
    } else {
      if (is_pub) ErrorHere("expected a declaration after `pub`, found " + Describe(Cur()));
      item.stmt = ParseStatement();
    }
    program.items.push_back(std::move(item));
  }

  std::vector<std::string> ParseGenericParams() {
    std::vector<std::string> names;
    if (!Accept(Tok::kLess)) return names;
    while (!At(Tok::kGreater) && !At(Tok::kEof)) {
      names.push_back(ExpectIdent("a type parameter"));
      if (Accept(Tok::kColon)) {  // bounds: T: Display + Clone
        ParseType();
        while (Accept(Tok::kPlus)) ParseType();
      }
      if (!Accept(Tok::kComma)) break;
    }
    Expect(Tok::kGreater, "to close the type parameters");
    return names;
  }

  std::unique_ptr<FunDecl> ParseFun(bool is_pub, bool in_trait = false) {
    auto fun = std::make_unique<FunDecl>();
    fun->is_pub = is_pub;
    fun->is_async = Accept(Tok::kAsync);
    fun->loc = Cur().loc;
    Advance();  // fun / fn
    fun->name = ExpectIdent("a function name");
    fun->generics = ParseGenericParams();
    ParseParams(*fun);
    if (Accept(Tok::kArrow)) fun->ret = ParseType();
    if (Accept(Tok::kWhere)) {
      while (!At(Tok::kLBrace) && !At(Tok::kEof) && !Cur().newline_before) Advance();
    }
    if (in_trait && !At(Tok::kLBrace)) {
      Accept(Tok::kSemi);
      return fun;  // a required method: no body
    }
    fun->body = ParseBodyBlock("function `" + fun->name + "`");
    return fun;
  }

  void ParseParams(FunDecl& fun) {
    Expect(Tok::kLParen, "to start the parameter list");
    while (!At(Tok::kRParen) && !At(Tok::kEof)) {
      // self, &self, &mut self, mut self
      size_t save = pos_;
      bool amp = Accept(Tok::kAmp);
      bool is_mut = Accept(Tok::kMut);
      if (At(Tok::kSelf)) {
        Advance();
        fun.self = amp ? (is_mut ? SelfKind::kMutRef : SelfKind::kRef) : SelfKind::kValue;
        if (Accept(Tok::kColon)) ParseType();
      } else {
        pos_ = save;
        Param p;
        p.is_mut = Accept(Tok::kMut);
        p.loc = Cur().loc;
        p.name = ExpectIdent("a parameter name");
        if (p.name == "<error>") {
          Recover();
          if (At(Tok::kRParen)) break;
        }
        if (Accept(Tok::kColon)) p.type = ParseType();
        if (Accept(Tok::kEq)) p.default_value = ParseExpr();
        fun.params.push_back(std::move(p));
      }
      if (!Accept(Tok::kComma)) break;
    }
    Expect(Tok::kRParen, "to close the parameter list");
  }

  std::unique_ptr<TypeDecl> ParseTypeDecl() {
    auto decl = std::make_unique<TypeDecl>();
    decl->loc = Cur().loc;
    Tok keyword = Advance().kind;
    decl->kind = keyword == Tok::kStruct  ? TypeDecl::Kind::kStruct
                 : keyword == Tok::kClass ? TypeDecl::Kind::kClass
                 : keyword == Tok::kEnum  ? TypeDecl::Kind::kEnum
                                          : TypeDecl::Kind::kTrait;
    decl->loc = Cur().loc;
    decl->name = ExpectIdent("a type name");
    decl->generics = ParseGenericParams();
    if (decl->kind == TypeDecl::Kind::kClass && Accept(Tok::kColon)) decl->parent = ExpectIdent("a base class");
    if (decl->kind == TypeDecl::Kind::kStruct && At(Tok::kLParen)) {
      // Tuple struct: struct Meters(f64)
      Advance();
      int index = 0;
      while (!At(Tok::kRParen) && !At(Tok::kEof)) {
        Accept(Tok::kPub);
        FieldDecl f;
        f.loc = Cur().loc;
        f.name = std::to_string(index++);
        f.type = ParseType();
        decl->fields.push_back(std::move(f));
        if (!Accept(Tok::kComma)) break;
      }
      Expect(Tok::kRParen, "to close the tuple struct");
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
        ErrorHere("expected `{` or a new line to start the body of `" + decl->name + "`, found " + Describe(Cur()));
        Recover();
        return decl;
      }
      close = Tok::kEnd;
    }
    if (decl->kind == TypeDecl::Kind::kEnum) {
      ParseVariants(*decl, close);
    } else {
      ParseMembers(*decl, close);
    }
    Expect(close, close == Tok::kEnd ? "to close the `end` block" : "to close the body");
    return decl;
  }

  // A newline after `struct Name` opens an `end` body only if members follow.
  bool LooksLikeEndBody() const {
    return (At(Tok::kIdent) && PeekTok().kind == Tok::kColon) || At(Tok::kPub) || At(Tok::kFun) ||
           At(Tok::kFn) || At(Tok::kEnd);
  }

  void ParseVariants(TypeDecl& decl, Tok close) {
    while (!At(close) && !At(Tok::kEof)) {
      VariantDecl v;
      v.loc = Cur().loc;
      v.name = ExpectIdent("a variant name");
      if (v.name == "<error>") {
        Recover();
        if (!Accept(Tok::kComma) && !At(close)) Advance();
        continue;
      }
      if (Accept(Tok::kLParen)) {
        while (!At(Tok::kRParen) && !At(Tok::kEof)) {
          v.payload.push_back(ParseType());
          if (!Accept(Tok::kComma)) break;
        }
        Expect(Tok::kRParen, "to close the variant's payload");
      } else if (Accept(Tok::kLBrace)) {
        v.is_struct = true;
        while (!At(Tok::kRBrace) && !At(Tok::kEof)) {
          FieldDecl f;
          f.loc = Cur().loc;
          f.name = ExpectIdent("a field name");
          Expect(Tok::kColon, "after the field name");
          f.type = ParseType();
          v.fields.push_back(std::move(f));
          if (!Accept(Tok::kComma)) break;
        }
        Expect(Tok::kRBrace, "to close the variant's fields");
      } else if (Accept(Tok::kEq)) {
        v.discriminant = ParseExpr();
      }
      decl.variants.push_back(std::move(v));
      if (!Accept(Tok::kComma) && !Accept(Tok::kSemi) && !At(close) && !Cur().newline_before) {
        ErrorHere("expected `,` between variants, found " + Describe(Cur()));
        Recover();
      }
    }
  }

  void ParseMembers(TypeDecl& decl, Tok close) {
    bool is_trait = decl.kind == TypeDecl::Kind::kTrait;
    while (!At(close) && !At(Tok::kEof)) {
      size_t before = pos_;
      SkipSemis();
      if (At(close)) break;
      bool is_pub = Accept(Tok::kPub);
      bool is_static = false;
      if (AtIdent("static")) {
        Advance();
        is_static = true;
      }
      if (At(Tok::kFun) || At(Tok::kFn) || At(Tok::kAsync)) {
        auto fun = ParseFun(is_pub, is_trait);
        fun->is_static = is_static || (fun->self == SelfKind::kNone && decl.kind != TypeDecl::Kind::kClass);
        if (decl.kind == TypeDecl::Kind::kClass && fun->self == SelfKind::kNone && !is_static) {
          // In a class, `fun m()` without self is still a method (self is implicit).
          fun->self = SelfKind::kMutRef;
        }
        decl.methods.push_back(std::move(fun));
      } else if (AtIdent("new") && decl.kind == TypeDecl::Kind::kClass &&
                 (PeekTok().kind == Tok::kLParen || PeekTok().kind == Tok::kIdent)) {
        // Constructor: new(a, b) { ... } or a named one: new square(side) { ... }
        auto fun = std::make_unique<FunDecl>();
        fun->loc = Cur().loc;
        Advance();
        fun->name = At(Tok::kIdent) ? Advance().text : "new";
        fun->is_constructor = true;
        fun->is_pub = true;
        ParseParams(*fun);
        fun->body = ParseBodyBlock("constructor of `" + decl.name + "`");
        decl.methods.push_back(std::move(fun));
      } else if (At(Tok::kIdent) || At(Tok::kMut) || At(Tok::kVar) || At(Tok::kLet) || At(Tok::kConst)) {
        FieldDecl f;
        f.is_mut = Accept(Tok::kMut) || Accept(Tok::kVar) || Accept(Tok::kLet) || Accept(Tok::kConst);
        f.loc = Cur().loc;
        f.name = ExpectIdent("a field name");
        if (Expect(Tok::kColon, "after the field name")) f.type = ParseType();
        if (Accept(Tok::kEq)) f.default_value = ParseExpr();
        decl.fields.push_back(std::move(f));
        Accept(Tok::kComma);
      } else {
        ErrorHere("expected a field or method in `" + decl.name + "`, found " + Describe(Cur()));
        Recover();
      }
      if (pos_ == before) Advance();
    }
  }

  std::unique_ptr<ImplDecl> ParseImpl() {
    auto impl = std::make_unique<ImplDecl>();
    impl->loc = Advance().loc;
    ParseGenericParams();
    TypeExprPtr first = ParseType();
    if (Accept(Tok::kFor)) {
      impl->trait_name = first->name;
      impl->type_name = ParseType()->name;
    } else {
      impl->type_name = first->name;
    }
    Tok close = Tok::kRBrace;
    if (!Accept(Tok::kLBrace)) {
      if (!Cur().newline_before) {
        ErrorHere("expected `{` to start the impl block, found " + Describe(Cur()));
        Recover();
        return impl;
      }
      close = Tok::kEnd;
    }
    while (!At(close) && !At(Tok::kEof)) {
      size_t before = pos_;
      SkipSemis();
      if (At(close)) break;
      bool is_pub = Accept(Tok::kPub);
      if (At(Tok::kFun) || At(Tok::kFn) || At(Tok::kAsync)) {
        auto fun = ParseFun(is_pub);
        fun->is_static = fun->self == SelfKind::kNone;
        impl->methods.push_back(std::move(fun));
      } else if (At(Tok::kType)) {
        while (!At(Tok::kSemi) && !At(Tok::kEof) && !PeekTok().newline_before) Advance();
        Advance();
      } else {
        ErrorHere("expected a method in the impl block, found " + Describe(Cur()));
        Recover();
      }
      if (pos_ == before) Advance();
    }
    Expect(close, "to close the impl block");
    return impl;
  }

  // ---- types ----
  TypeExprPtr ParseType() {
    DepthGuard guard(*this);
    auto t = std::make_unique<TypeExpr>();
    t->loc = Cur().loc;
    if (guard.too_deep()) {
      ErrorHere("type nested too deeply");
      t->kind = TypeExpr::Kind::kInfer;
      return t;
    }
    while (Accept(Tok::kAmp)) {
      if (At(Tok::kLifetime)) Advance();
      Accept(Tok::kMut);
    }
    if (AtIdent("dyn") || AtIdent("impl") || At(Tok::kImpl)) Advance();
    if (Accept(Tok::kLParen)) {
      t->kind = TypeExpr::Kind::kTuple;
      while (!At(Tok::kRParen) && !At(Tok::kEof)) {
        t->args.push_back(ParseType());
        if (!Accept(Tok::kComma)) break;
      }
      Expect(Tok::kRParen, "to close the tuple type");
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
      Expect(Tok::kLParen, "to start the function type's parameters");
      while (!At(Tok::kRParen) && !At(Tok::kEof)) {
        t->args.push_back(ParseType());
        if (!Accept(Tok::kComma)) break;
      }
      Expect(Tok::kRParen, "to close the function type's parameters");
      if (Accept(Tok::kArrow)) t->ret = ParseType();
      return t;
    }
    if (At(Tok::kIdent) && Cur().text == "_") {
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
    if (Accept(Tok::kLess)) {
      while (!At(Tok::kGreater) && !At(Tok::kShr) && !At(Tok::kEof)) {
        if (At(Tok::kLifetime)) {
          Advance();
        } else {
          t->args.push_back(ParseType());
        }
        if (!Accept(Tok::kComma)) break;
      }
      Expect(Tok::kGreater, "to close the type arguments");
    }
    return t;
  }

  // ---- blocks ----
  // A body after a header: `{ ... }`, or (this project's extension) a newline and statements up
  // to the matching `end`.
  ExprPtr ParseBodyBlock(const std::string& what) {
    if (At(Tok::kLBrace)) return ParseBraceBlock();
    if (Cur().newline_before) {
      ExprPtr block = ParseStatementsUntil({Tok::kEnd});
      Expect(Tok::kEnd, "to close the body of " + what);
      return block;
    }
    ErrorHere("expected `{` or a new line to start the body of " + what + ", found " + Describe(Cur()));
    return MakeBlock(Cur().loc);
  }

  ExprPtr MakeBlock(Loc loc) { return std::make_unique<Expr>(ExprKind::kBlock, loc); }

  ExprPtr ParseBraceBlock() {
    Token open = Cur();
    Expect(Tok::kLBrace, "to start a block");
    ExprPtr block = ParseStatementsUntil({Tok::kRBrace});
    block->loc = open.loc;
    if (!Expect(Tok::kRBrace, "to close the block") && At(Tok::kEof)) {
      diags_.Note(open.loc, "the block opened here");
    }
    return block;
  }

  ExprPtr ParseStatementsUntil(std::initializer_list<Tok> stops) {
    ExprPtr block = MakeBlock(Cur().loc);
    auto at_stop = [&] {
      for (Tok s : stops) {
        if (At(s)) return true;
      }
      return At(Tok::kEof);
    };
    while (true) {
      SkipSemis();
      if (at_stop()) break;
      size_t before = pos_;
      block->list.push_back(ParseStatement());
      block->flag = !At(Tok::kSemi);
      if (pos_ == before) {
        ErrorHere("unexpected " + Describe(Cur()));
        Advance();
      }
    }
    return block;
  }

  ExprPtr ParseStatement() {
    DepthGuard guard(*this);
    if (guard.too_deep()) {
      ErrorHere("statement nested too deeply");
      Recover();
      return ErrorExpr();
    }
    if (At(Tok::kLet) || At(Tok::kVar) || At(Tok::kConst)) return ParseLet();
    if ((At(Tok::kFun) || At(Tok::kFn)) && PeekTok().kind == Tok::kIdent) {
      Token at = Cur();
      ExprPtr e = MakeExpr(ExprKind::kFunDecl, at);
      e->fun = ParseFun(false);
      return e;
    }
    size_t errors = diags_.error_count();
    ExprPtr e = ParseExpr();
    if (diags_.error_count() != static_cast<int>(errors)) {
      Recover();
    } else if (!At(Tok::kSemi) && !At(Tok::kEof) && !At(Tok::kRBrace) && !At(Tok::kEnd) &&
               !At(Tok::kElse) && !Cur().newline_before) {
      ErrorHere("expected `;` or a new line after the expression, found " + Describe(Cur()));
      Recover();
    }
    return e;
  }

  ExprPtr ParseLet() {
    Token at = Advance();
    ExprPtr let = MakeExpr(ExprKind::kLet, at);
    let->flag = at.kind == Tok::kVar;
    if (at.kind == Tok::kConst) let->text = "const";
    if (Accept(Tok::kMut)) let->flag = true;
    if (At(Tok::kIdent) && (PeekTok().kind == Tok::kColon || PeekTok().kind == Tok::kEq)) {
      // A plain name, even an upper-case one (`const LIMIT = 3`), binds.
      auto bind = std::make_unique<Pattern>();
      bind->kind = Pattern::Kind::kBind;
      bind->loc = Cur().loc;
      bind->text = Advance().text;
      let->pattern = std::move(bind);
    } else {
      let->pattern = ParsePattern();
    }
    if (Accept(Tok::kColon)) let->type = ParseType();
    if (Accept(Tok::kEq)) {
      let->a = ParseExpr();
    } else if (at.kind == Tok::kConst) {
      ErrorHere("expected `=` and a value for the constant, found " + Describe(Cur()));
    }
    if (At(Tok::kElse) && let->a) {  // let-else
      Advance();
      let->b = ParseBraceBlock();
    }
    return let;
  }

  // ---- expressions ----
  ExprPtr ParseExpr(bool no_struct = false) {
    DepthGuard guard(*this);
    if (guard.too_deep()) {
      ErrorHere("expression nested too deeply");
      while (!At(Tok::kEof)) Advance();
      return ErrorExpr();
    }
    bool saved = no_struct_;
    no_struct_ = no_struct;
    ExprPtr lhs = ParseBinary(1);
    if (IsAssignOp(Cur().kind)) {
      Token op = Advance();
      ExprPtr e = MakeExpr(ExprKind::kAssign, op);
      e->loc = lhs->loc;
      e->op = op.kind;
      e->a = std::move(lhs);
      e->b = ParseExpr(no_struct);
      no_struct_ = saved;
      return e;
    }
    no_struct_ = saved;
    return lhs;
  }

  ExprPtr ParseBinary(int min_prec) {
    ExprPtr lhs = ParseUnary();
    while (true) {
      Tok kind = Cur().kind;
      int prec = BinaryPrecedence(kind);
      if (prec == 0 || prec < min_prec) break;
      if (Cur().newline_before) {
        // A block-like expression (`if`, `match`, loops, blocks) ends its statement at the line
        // end, and a line starting with `-`, `*`, `&` or `|` starts a new expression (negation,
        // a closure), so newline-separated statements read the way they look.
        if (IsBlockLike(*lhs) || kind == Tok::kMinus || kind == Tok::kStar || kind == Tok::kAmp ||
            kind == Tok::kPipe || kind == Tok::kOrOr) {
          break;
        }
      }
      Token op = Advance();
      if (kind == Tok::kAs) {
        ExprPtr cast = MakeExpr(ExprKind::kCast, op);
        cast->loc = lhs->loc;
        cast->a = std::move(lhs);
        cast->type = ParseType();
        lhs = std::move(cast);
        continue;
      }
      if (kind == Tok::kDotDot || kind == Tok::kDotDotEq) {
        ExprPtr range = MakeExpr(ExprKind::kRange, op);
        range->loc = lhs->loc;
        range->flag = kind == Tok::kDotDotEq;
        range->a = std::move(lhs);
        if (CanStartExpr()) range->b = ParseBinary(prec + 1);
        lhs = std::move(range);
        continue;
      }
      ExprPtr rhs = ParseBinary(prec + 1);
      if (kind == Tok::kPipeGreater) {
        lhs = MakePipeline(std::move(lhs), std::move(rhs), op);
        continue;
      }
      ExprPtr bin = MakeExpr(ExprKind::kBinary, op);
      bin->op = kind;
      bin->a = std::move(lhs);
      bin->b = std::move(rhs);
      lhs = std::move(bin);
    }
    return lhs;
  }

  static bool IsBlockLike(const Expr& e) {
    switch (e.kind) {
      case ExprKind::kIf:
      case ExprKind::kIfLet:
      case ExprKind::kMatch:
      case ExprKind::kWhile:
      case ExprKind::kWhileLet:
      case ExprKind::kFor:
      case ExprKind::kLoop:
      case ExprKind::kBlock:
      case ExprKind::kTry:
        return true;
      default:
        return false;
    }
  }

  // `x |> f` is `f(x)`; `x |> f(a)` is `f(x, a)`; `x |> obj.m(a)` is `obj.m(x, a)`.
  ExprPtr MakePipeline(ExprPtr value, ExprPtr stage, const Token& op) {
    if (stage->kind == ExprKind::kCall || stage->kind == ExprKind::kMethodCall) {
      stage->list.insert(stage->list.begin(), std::move(value));
      return stage;
    }
    ExprPtr call = MakeExpr(ExprKind::kCall, op);
    call->loc = stage->loc;
    call->a = std::move(stage);
    call->list.push_back(std::move(value));
    return call;
  }

  bool CanStartExpr() const {
    switch (Cur().kind) {
      case Tok::kRParen: case Tok::kRBracket: case Tok::kRBrace: case Tok::kComma:
      case Tok::kSemi: case Tok::kEof: case Tok::kFatArrow: case Tok::kEnd:
        return false;
      case Tok::kLBrace:
        return !no_struct_;
      default:
        return !Cur().newline_before;
    }
  }

  ExprPtr ParseUnary() {
    DepthGuard guard(*this);
    if (guard.too_deep()) {
      ErrorHere("expression nested too deeply");
      while (!At(Tok::kEof)) Advance();
      return ErrorExpr();
    }
    if (At(Tok::kMinus) || At(Tok::kBang) || At(Tok::kTilde) || At(Tok::kStar) || At(Tok::kAmp) ||
        At(Tok::kAndAnd)) {
      Token op = Advance();
      if (op.kind == Tok::kAmp || op.kind == Tok::kAndAnd) {
        Accept(Tok::kMut);  // references mean the value itself here
        return ParseUnary();
      }
      ExprPtr operand = ParseUnary();
      // `*x` stays in the tree: `let v = *m.entry(k).or_insert(0)` copies the value, while
      // `let c = m.entry(k).or_insert(0)` names the map's slot (see Checker::CheckLet).
      ExprPtr e = MakeExpr(ExprKind::kUnary, op);
      e->op = op.kind;
      e->a = std::move(operand);
      return e;
    }
    if (At(Tok::kAwait)) {
      Token op = Advance();
      ExprPtr e = MakeExpr(ExprKind::kAwait, op);
      e->a = ParseUnary();
      return e;
    }
    return ParsePostfix(ParsePrimary());
  }

  ExprPtr ParsePostfix(ExprPtr e) {
    while (true) {
      if (At(Tok::kLParen) && !Cur().newline_before) {
        Token open = Cur();
        ExprPtr call = MakeExpr(ExprKind::kCall, open);
        call->loc = e->loc;
        call->length = e->length;
        call->a = std::move(e);
        call->list = ParseArgs();
        e = std::move(call);
      } else if (At(Tok::kLBracket) && !Cur().newline_before) {
        Token open = Advance();
        ExprPtr start = At(Tok::kColon) ? nullptr : ParseExpr();
        if (Accept(Tok::kColon)) {
          ExprPtr slice = MakeExpr(ExprKind::kSlice, open);
          slice->loc = e->loc;
          slice->a = std::move(e);
          slice->b = std::move(start);
          if (!At(Tok::kRBracket)) slice->c = ParseExpr();
          e = std::move(slice);
        } else if (start && start->kind == ExprKind::kRange) {
          // a[1..3] is the slice a[1:3]
          ExprPtr slice = MakeExpr(ExprKind::kSlice, open);
          slice->loc = e->loc;
          slice->a = std::move(e);
          slice->flag = start->flag;
          slice->b = std::move(start->a);
          slice->c = std::move(start->b);
          e = std::move(slice);
        } else {
          ExprPtr index = MakeExpr(ExprKind::kIndex, open);
          index->loc = e->loc;
          index->a = std::move(e);
          index->b = start ? std::move(start) : ErrorExpr();
          e = std::move(index);
        }
        Expect(Tok::kRBracket, "to close the index");
      } else if (At(Tok::kDot) || At(Tok::kQuestionDot)) {
        bool optional = Advance().kind == Tok::kQuestionDot;
        Token name = Cur();
        if (Accept(Tok::kAwait)) {
          ExprPtr await = MakeExpr(ExprKind::kAwait, name);
          await->a = std::move(e);
          e = std::move(await);
          continue;
        }
        if (At(Tok::kInt) || At(Tok::kFloat)) {
          // t.0, and t.0.1 which lexes `0.1` as a float: split it into two fields.
          Advance();
          std::string text = name.text;
          size_t dot = text.find('.');
          ExprPtr field = MakeExpr(ExprKind::kField, name);
          field->loc = e->loc;
          field->a = std::move(e);
          field->text = text.substr(0, dot);
          field->flag = optional;
          e = std::move(field);
          if (dot != std::string::npos) {
            ExprPtr inner = MakeExpr(ExprKind::kField, name);
            inner->loc = e->loc;
            inner->a = std::move(e);
            inner->text = text.substr(dot + 1);
            e = std::move(inner);
          }
          continue;
        }
        // Keywords are fine as member names (`v.extend(...)`, `x.type`).
        std::string member = Cur().kind >= Tok::kFun && Cur().kind <= Tok::kNull
                                 ? std::string(TokenSpelling(Advance().kind))
                                 : ExpectIdent("a field or method name after `.`");
        std::vector<TypeExprPtr> type_args;
        if (At(Tok::kColonColon) && PeekTok().kind == Tok::kLess) {
          Advance();
          Advance();
          while (!At(Tok::kGreater) && !At(Tok::kEof)) {
            type_args.push_back(ParseType());
            if (!Accept(Tok::kComma)) break;
          }
          Expect(Tok::kGreater, "to close the type arguments");
        }
        if (At(Tok::kLParen) && !Cur().newline_before) {
          ExprPtr call = MakeExpr(ExprKind::kMethodCall, name);
          call->a = std::move(e);
          call->text = member;
          call->flag = optional;
          call->type_args = std::move(type_args);
          call->list = ParseArgs();
          e = std::move(call);
        } else {
          ExprPtr field = MakeExpr(ExprKind::kField, name);
          field->a = std::move(e);
          field->text = member;
          field->flag = optional;
          e = std::move(field);
        }
      } else if (At(Tok::kQuestion)) {
        Token q = Advance();
        ExprPtr e2 = MakeExpr(ExprKind::kQuestion, q);
        e2->a = std::move(e);
        e = std::move(e2);
      } else {
        return e;
      }
    }
  }

  std::vector<ExprPtr> ParseArgs() {
    std::vector<ExprPtr> args;
    Expect(Tok::kLParen, "to start the arguments");
    while (!At(Tok::kRParen) && !At(Tok::kEof)) {
      // Named arguments (`f(x: 1)`) are accepted and passed by position.
      if (At(Tok::kIdent) && PeekTok().kind == Tok::kColon && PeekTok(2).kind != Tok::kColon) {
        Advance();
        Advance();
      }
      args.push_back(ParseExpr());
      if (!Accept(Tok::kComma)) break;
    }
    Expect(Tok::kRParen, "to close the arguments");
    return args;
  }

  ExprPtr ParsePrimary() {
    Token t = Cur();
    switch (t.kind) {
      case Tok::kInt: {
        Advance();
        ExprPtr e = MakeExpr(ExprKind::kInt, t);
        e->suffix = t.suffix;
        const std::string& digits = t.text;
        int base = digits.rfind("0x", 0) == 0 ? 16 : digits.rfind("0b", 0) == 0 ? 2 : digits.rfind("0o", 0) == 0 ? 8 : 10;
        errno = 0;
        const char* begin = digits.c_str() + (base == 10 ? 0 : 2);
        char* end = nullptr;
        e->int_value = std::strtoull(begin, &end, base);
        if (errno == ERANGE || *end != '\0' || *begin == '\0') {
          diags_.Error(t.loc, "integer literal `" + digits + "` is out of range", t.length);
        }
        return e;
      }
      case Tok::kFloat: {
        Advance();
        ExprPtr e = MakeExpr(ExprKind::kFloat, t);
        e->float_value = std::strtod(t.text.c_str(), nullptr);
        e->suffix = t.suffix;
        return e;
      }
      case Tok::kTrue:
      case Tok::kFalse: {
        Advance();
        ExprPtr e = MakeExpr(ExprKind::kBool, t);
        e->bool_value = t.kind == Tok::kTrue;
        return e;
      }
      case Tok::kNull:
        Advance();
        return MakeExpr(ExprKind::kUnit, t);
      case Tok::kString: {
        Advance();
        ExprPtr e = MakeExpr(ExprKind::kString, t);
        e->text = t.text;
        return e;
      }
      case Tok::kFString:
        Advance();
        return ParseFString(t);
      case Tok::kChar:
      case Tok::kByte: {
        Advance();
        ExprPtr e = MakeExpr(t.kind == Tok::kChar ? ExprKind::kChar : ExprKind::kInt, t);
        if (t.kind == Tok::kByte) {
          e->int_value = static_cast<unsigned char>(t.text[0]);
          e->suffix = "u8";
        } else {
          e->text = t.text;
        }
        return e;
      }
      case Tok::kSelf:
        Advance();
        return MakeExpr(ExprKind::kSelf, t);
      case Tok::kIdent:
        return ParseIdentExpr();
      case Tok::kLParen:
        return ParseParenExpr();
      case Tok::kLBracket:
        return ParseArrayExpr();
      case Tok::kLBrace:
        return LooksLikeMap() ? ParseMapExpr() : ParseBraceBlock();
      case Tok::kPipe:
      case Tok::kOrOr:
        return ParseClosure();
      case Tok::kIf:
        return ParseIf();
      case Tok::kMatch:
        return ParseMatch();
      case Tok::kWhile:
      case Tok::kFor:
      case Tok::kLoop:
        return ParseLoop("");
      case Tok::kLifetime: {
        Advance();
        Expect(Tok::kColon, "after the loop label");
        if (!At(Tok::kWhile) && !At(Tok::kFor) && !At(Tok::kLoop)) {
          ErrorHere("expected a loop after the label, found " + Describe(Cur()));
          return ErrorExpr();
        }
        return ParseLoop(t.text);
      }
      case Tok::kBreak:
      case Tok::kContinue: {
        Advance();
        ExprPtr e = MakeExpr(t.kind == Tok::kBreak ? ExprKind::kBreak : ExprKind::kContinue, t);
        if (At(Tok::kLifetime) && !Cur().newline_before) e->text = Advance().text;
        if (t.kind == Tok::kBreak && CanStartExpr() && !At(Tok::kElse)) e->a = ParseExpr();
        return e;
      }
      case Tok::kReturn: {
        Advance();
        ExprPtr e = MakeExpr(ExprKind::kReturn, t);
        if (CanStartExpr() && !At(Tok::kElse)) e->a = ParseExpr();
        return e;
      }
      case Tok::kThrow: {
        Advance();
        ExprPtr e = MakeExpr(ExprKind::kThrow, t);
        e->a = ParseExpr();
        return e;
      }
      case Tok::kTry:
        return ParseTry();
      case Tok::kAsync:
        if (PeekTok().kind == Tok::kLBrace) {
          Advance();
          return ParseBraceBlock();
        }
        break;
      case Tok::kFun:
      case Tok::kFn: {
        // Anonymous function: fun(x) { x + 1 }
        Advance();
        ExprPtr e = MakeExpr(ExprKind::kClosure, t);
        FunDecl tmp;
        ParseParams(tmp);
        e->params = std::move(tmp.params);
        if (Accept(Tok::kArrow)) e->type = ParseType();
        e->a = ParseBodyBlock("the anonymous function");
        return e;
      }
      case Tok::kError:
        Advance();  // the lexer has reported it
        return ErrorExpr();
      default:
        break;
    }
    ErrorHere("expected an expression, found " + Describe(t));
    if (!At(Tok::kEof) && !At(Tok::kRBrace) && !At(Tok::kRParen) && !At(Tok::kRBracket) && !At(Tok::kEnd)) Advance();
    return ErrorExpr();
  }

  ExprPtr ParseIdentExpr() {
    Token t = Advance();
    // x => x * 2
    if (At(Tok::kFatArrow)) {
      Token arrow = Advance();
      ExprPtr e = MakeExpr(ExprKind::kClosure, t);
      Param p;
      p.loc = t.loc;
      p.name = t.text;
      e->params.push_back(std::move(p));
      e->a = ParseExpr();
      return e;
    }
    // Macros: println!(...), format!(...), vec![...]
    if (At(Tok::kBang) && (PeekTok().kind == Tok::kLParen || PeekTok().kind == Tok::kLBracket) &&
        !PeekTok().newline_before) {
      Advance();
      if (At(Tok::kLBracket)) return ParseArrayExpr();
      ExprPtr call = MakeExpr(ExprKind::kCall, t);
      ExprPtr callee = MakeExpr(ExprKind::kName, t);
      callee->text = t.text;
      call->a = std::move(callee);
      call->list = ParseArgs();
      return call;
    }
    ExprPtr e = MakeExpr(ExprKind::kName, t);
    e->text = t.text;
    // Paths: Shape::Circle, HashMap::new, math::add, Vec::<i64>::new
    if (At(Tok::kColonColon)) {
      e->kind = ExprKind::kPath;
      while (Accept(Tok::kColonColon)) {
        if (Accept(Tok::kLess)) {
          while (!At(Tok::kGreater) && !At(Tok::kEof)) {
            e->type_args.push_back(ParseType());
            if (!Accept(Tok::kComma)) break;
          }
          Expect(Tok::kGreater, "to close the type arguments");
          continue;
        }
        std::string part = At(Tok::kIdent) ? Advance().text : ExpectIdent("a name after `::`");
        if (e->text == "std" || e->text == "collections") {
          e->text = part;
        } else {
          e->text += "::" + part;
        }
      }
      e->length = Cur().loc.offset - t.loc.offset;
    }
    // Struct literal: Point { x: 1, y: 2 } (not where a block must follow, as in `if x == P {`)
    if (At(Tok::kLBrace) && !no_struct_ && LooksLikeStructLiteral(e->text)) {
      return ParseStructLiteral(std::move(e));
    }
    return e;
  }

  bool LooksLikeStructLiteral(const std::string& name) const {
    std::string last = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
    if (!IsUpper(last)) return false;
    const Token& a = PeekTok(1);
    const Token& b = PeekTok(2);
    if (a.kind == Tok::kRBrace) return true;
    if (a.kind == Tok::kDotDot) return true;
    return a.kind == Tok::kIdent && (b.kind == Tok::kColon || b.kind == Tok::kComma || b.kind == Tok::kRBrace);
  }

  ExprPtr ParseStructLiteral(ExprPtr name) {
    ExprPtr e = std::make_unique<Expr>(ExprKind::kStructLit, name->loc);
    e->length = name->length;
    e->text = name->text;
    Expect(Tok::kLBrace, "to start the struct literal");
    while (!At(Tok::kRBrace) && !At(Tok::kEof)) {
      if (Accept(Tok::kDotDot)) {
        e->a = ParseExpr();
        break;
      }
      Token field = Cur();
      std::string fname = ExpectIdent("a field name");
      if (fname == "<error>") {
        Recover();
        break;
      }
      if (Accept(Tok::kColon)) {
        e->field_inits.emplace_back(fname, ParseExpr());
      } else {
        ExprPtr shorthand = MakeExpr(ExprKind::kName, field);
        shorthand->text = fname;
        e->field_inits.emplace_back(fname, std::move(shorthand));
      }
      if (!Accept(Tok::kComma)) break;
    }
    Expect(Tok::kRBrace, "to close the struct literal");
    return e;
  }

  ExprPtr ParseParenExpr() {
    Token open = Advance();
    if (Accept(Tok::kRParen)) return MakeExpr(ExprKind::kUnit, open);
    bool saved = no_struct_;
    no_struct_ = false;
    ExprPtr first = ParseExpr();
    if (Accept(Tok::kRParen)) {
      no_struct_ = saved;
      return first;
    }
    ExprPtr tuple = MakeExpr(ExprKind::kTuple, open);
    tuple->list.push_back(std::move(first));
    while (Accept(Tok::kComma)) {
      if (At(Tok::kRParen)) break;
      tuple->list.push_back(ParseExpr());
    }
    Expect(Tok::kRParen, "to close the tuple");
    no_struct_ = saved;
    return tuple;
  }

  ExprPtr ParseArrayExpr() {
    Token open = Advance();
    bool saved = no_struct_;
    no_struct_ = false;
    ExprPtr array = MakeExpr(ExprKind::kArray, open);
    if (!At(Tok::kRBracket)) {
      ExprPtr first = ParseExpr();
      if (Accept(Tok::kSemi)) {
        ExprPtr repeat = MakeExpr(ExprKind::kArrayRepeat, open);
        repeat->a = std::move(first);
        repeat->b = ParseExpr();
        Expect(Tok::kRBracket, "to close the array");
        no_struct_ = saved;
        return repeat;
      }
      if (At(Tok::kFor)) {
        // [x * x for x in xs if x > 1]
        Advance();
        ExprPtr comp = MakeExpr(ExprKind::kComprehension, open);
        comp->a = std::move(first);
        comp->pattern = ParsePattern();
        Expect(Tok::kIn, "in the comprehension");
        comp->b = ParseBinary(1);
        if (Accept(Tok::kIf)) comp->c = ParseExpr();
        Expect(Tok::kRBracket, "to close the comprehension");
        no_struct_ = saved;
        return comp;
      }
      array->list.push_back(std::move(first));
      while (Accept(Tok::kComma)) {
        if (At(Tok::kRBracket)) break;
        array->list.push_back(ParseExpr());
      }
    }
    Expect(Tok::kRBracket, "to close the array");
    no_struct_ = saved;
    return array;
  }

  bool LooksLikeMap() const {
    const Token& a = PeekTok(1);
    const Token& b = PeekTok(2);
    if (a.kind == Tok::kRBrace) return true;  // `{}` in expression position is an empty map
    return (a.kind == Tok::kString || a.kind == Tok::kInt || a.kind == Tok::kIdent || a.kind == Tok::kChar) &&
           b.kind == Tok::kColon;
  }

  ExprPtr ParseMapExpr() {
    Token open = Advance();
    ExprPtr map = MakeExpr(ExprKind::kMap, open);
    while (!At(Tok::kRBrace) && !At(Tok::kEof)) {
      ExprPtr key;
      if (At(Tok::kIdent) && PeekTok().kind == Tok::kColon) {
        // { name: 1 } uses the bare word as a string key, like an object literal.
        Token k = Advance();
        key = MakeExpr(ExprKind::kString, k);
        key->text = k.text;
      } else {
        key = ParseExpr();
      }
      Expect(Tok::kColon, "between the map key and value");
      map->map_entries.emplace_back(std::move(key), ParseExpr());
      if (!Accept(Tok::kComma)) break;
    }
    Expect(Tok::kRBrace, "to close the map");
    return map;
  }

  ExprPtr ParseClosure() {
    Token open = Cur();
    ExprPtr e = MakeExpr(ExprKind::kClosure, open);
    if (!Accept(Tok::kOrOr)) {
      Advance();
      while (!At(Tok::kPipe) && !At(Tok::kEof)) {
        Param p;
        Accept(Tok::kAmp);
        p.is_mut = Accept(Tok::kMut);
        p.loc = Cur().loc;
        p.name = ExpectIdent("a closure parameter");
        if (p.name == "<error>") break;
        if (Accept(Tok::kColon)) p.type = ParseType();
        e->params.push_back(std::move(p));
        if (!Accept(Tok::kComma)) break;
      }
      Expect(Tok::kPipe, "to close the closure parameters");
    }
    if (Accept(Tok::kArrow)) {
      e->type = ParseType();
      e->a = ParseBraceBlock();
    } else {
      e->a = ParseExpr(no_struct_);
    }
    return e;
  }

  // if / else if / else. Braces, or an `end` chain (one `end` closes the whole chain).
  ExprPtr ParseIf() {
    Token at = Advance();
    ExprPtr e;
    if (Accept(Tok::kLet)) {
      e = MakeExpr(ExprKind::kIfLet, at);
      e->pattern = ParsePattern();
      Expect(Tok::kEq, "in `if let`");
      e->a = ParseExpr(/*no_struct=*/true);
    } else {
      e = MakeExpr(ExprKind::kIf, at);
      e->a = ParseExpr(/*no_struct=*/true);
    }
    if (At(Tok::kLBrace)) {
      e->b = ParseBraceBlock();
      if (At(Tok::kElse)) {
        Advance();
        e->c = At(Tok::kIf) ? ParseIf() : ParseBodyBlockBraceOrEnd();
      }
      return e;
    }
    if (!Cur().newline_before) {
      ErrorHere("expected `{` or a new line after the `if` condition, found " + Describe(Cur()));
      return e;
    }
    e->b = ParseStatementsUntil({Tok::kElse, Tok::kEnd});
    if (Accept(Tok::kElse)) {
      if (At(Tok::kIf)) {
        e->c = ParseIf();  // the chain's own `end` closes everything
        return e;
      }
      e->c = ParseStatementsUntil({Tok::kEnd});
    }
    Expect(Tok::kEnd, "to close the `if`");
    return e;
  }

  ExprPtr ParseBodyBlockBraceOrEnd() {
    if (At(Tok::kLBrace)) return ParseBraceBlock();
    return ParseBodyBlock("`else`");
  }

  ExprPtr ParseMatch() {
    Token at = Advance();
    ExprPtr e = MakeExpr(ExprKind::kMatch, at);
    e->a = ParseExpr(/*no_struct=*/true);
    Expect(Tok::kLBrace, "to start the match arms");
    while (!At(Tok::kRBrace) && !At(Tok::kEof)) {
      size_t before = pos_;
      MatchArm arm;
      arm.loc = Cur().loc;
      arm.pattern = ParsePattern();
      if (Accept(Tok::kIf)) arm.guard = ParseExpr();
      if (!Expect(Tok::kFatArrow, "after the match pattern")) {
        Recover();
        if (pos_ == before) Advance();
        continue;
      }
      arm.body = ParseExpr();
      e->arms.push_back(std::move(arm));
      Accept(Tok::kComma);
      SkipSemis();
      if (pos_ == before) Advance();
    }
    Expect(Tok::kRBrace, "to close the match");
    return e;
  }

  ExprPtr ParseLoop(const std::string& label) {
    Token at = Advance();
    ExprPtr e;
    if (at.kind == Tok::kWhile) {
      if (Accept(Tok::kLet)) {
        e = MakeExpr(ExprKind::kWhileLet, at);
        e->pattern = ParsePattern();
        Expect(Tok::kEq, "in `while let`");
        e->a = ParseExpr(true);
      } else {
        e = MakeExpr(ExprKind::kWhile, at);
        e->a = ParseExpr(true);
      }
    } else if (at.kind == Tok::kFor) {
      e = MakeExpr(ExprKind::kFor, at);
      e->pattern = ParsePattern();
      Expect(Tok::kIn, "after the `for` pattern");
      e->a = ParseExpr(true);
    } else {
      e = MakeExpr(ExprKind::kLoop, at);
    }
    e->text = label;
    e->b = ParseBodyBlock(std::string("`") + std::string(TokenSpelling(at.kind)) + "` loop");
    return e;
  }

  ExprPtr ParseTry() {
    Token at = Advance();
    ExprPtr e = MakeExpr(ExprKind::kTry, at);
    e->a = ParseBraceBlock();
    if (Accept(Tok::kCatch)) {
      bool paren = Accept(Tok::kLParen);
      e->text = At(Tok::kIdent) ? Advance().text : "_";
      if (Accept(Tok::kColon)) ParseType();
      if (paren) Expect(Tok::kRParen, "to close the catch binding");
      e->b = ParseBraceBlock();
    }
    if (Accept(Tok::kFinally)) e->c = ParseBraceBlock();
    if (!e->b && !e->c) ErrorHere("expected `catch` or `finally` after the `try` block, found " + Describe(Cur()));
    return e;
  }

  ExprPtr ParseFString(const Token& t) {
    ExprPtr e = MakeExpr(ExprKind::kFString, t);
    const std::string& raw = t.text;
    uint32_t body_offset = t.loc.offset + 2;  // f"
    std::string text;
    auto flush = [&] {
      if (!text.empty()) {
        e->parts.push_back(FStringPart{text, nullptr, ""});
        text.clear();
      }
    };
    size_t i = 0;
    while (i < raw.size()) {
      char c = raw[i];
      if (c == '{' && i + 1 < raw.size() && raw[i + 1] == '{') {
        text += '{';
        i += 2;
      } else if (c == '}' && i + 1 < raw.size() && raw[i + 1] == '}') {
        text += '}';
        i += 2;
      } else if (c == '\\' && i + 1 < raw.size()) {
        // The same escapes as plain strings, decoded by the lexer's decoder.
        bool ok = true;
        i += 1 + DecodeEscape(raw, i + 1, text, &ok);
        if (!ok) diags_.Error(Loc{body_offset + static_cast<uint32_t>(i - 2)}, "invalid unicode escape", 2);
      } else if (c == '{') {
        // Find the hole's end and the spec's colon (a single `:` at depth 0, not `::`).
        size_t start = i + 1;
        size_t j = start;
        int depth = 0;
        size_t colon = std::string::npos;
        while (j < raw.size()) {
          char d = raw[j];
          if (d == '"') {
            ++j;
            while (j < raw.size() && raw[j] != '"') j += raw[j] == '\\' ? 2 : 1;
          } else if (d == '(' || d == '[' || d == '{') {
            ++depth;
          } else if (d == ')' || d == ']') {
            --depth;
          } else if (d == '}') {
            if (depth == 0) break;
            --depth;
          } else if (d == ':' && depth == 0 && colon == std::string::npos) {
            bool double_colon = (j + 1 < raw.size() && raw[j + 1] == ':') || (j > start && raw[j - 1] == ':');
            if (!double_colon) colon = j;
          }
          ++j;
        }
        if (j >= raw.size()) {
          diags_.Error(Loc{body_offset + static_cast<uint32_t>(i)}, "unclosed `{` in f-string");
          break;
        }
        size_t expr_end = colon == std::string::npos ? j : colon;
        flush();
        FStringPart part;
        if (colon != std::string::npos) part.spec = raw.substr(colon + 1, j - colon - 1);
        std::vector<Token> tokens =
            Lex(file_, diags_, body_offset + static_cast<uint32_t>(start), body_offset + static_cast<uint32_t>(expr_end));
        if (tokens.size() == 1) {
          diags_.Error(Loc{body_offset + static_cast<uint32_t>(i)}, "empty `{}` in f-string", 2);
        } else {
          Parser sub(file_, diags_, std::move(tokens));
          part.expr = sub.ParseStandaloneExpr();
          e->parts.push_back(std::move(part));
        }
        i = j + 1;
      } else if (c == '}') {
        diags_.Error(Loc{body_offset + static_cast<uint32_t>(i)}, "unmatched `}` in f-string (write `}}`)");
        ++i;
      } else {
        text += c;
        ++i;
      }
    }
    flush();
    return e;
  }

  // ---- patterns ----
  PatternPtr ParsePattern() {
    DepthGuard guard(*this);
    PatternPtr first = ParsePatternAtom();
    if (guard.too_deep()) return first;
    if (!At(Tok::kPipe)) return first;
    auto alt = std::make_unique<Pattern>();
    alt->kind = Pattern::Kind::kOr;
    alt->loc = first->loc;
    alt->subs.push_back(std::move(first));
    while (Accept(Tok::kPipe)) alt->subs.push_back(ParsePatternAtom());
    return alt;
  }

  PatternPtr ParsePatternAtom() {
    DepthGuard guard(*this);
    auto p = std::make_unique<Pattern>();
    p->loc = Cur().loc;
    if (guard.too_deep()) {
      ErrorHere("pattern nested too deeply");
      while (!At(Tok::kEof)) Advance();
      return p;
    }
    Token t = Cur();
    if (t.kind == Tok::kIdent && t.text == "_") {
      Advance();
      return p;
    }
    if (t.kind == Tok::kInt || t.kind == Tok::kFloat || t.kind == Tok::kString || t.kind == Tok::kChar ||
        t.kind == Tok::kTrue || t.kind == Tok::kFalse || t.kind == Tok::kMinus || t.kind == Tok::kNull ||
        t.kind == Tok::kByte) {
      p->kind = Pattern::Kind::kLiteral;
      p->expr = ParseLiteralForPattern();
      if (At(Tok::kDotDotEq) || At(Tok::kDotDot)) {
        p->kind = Pattern::Kind::kRange;
        p->inclusive = Advance().kind == Tok::kDotDotEq;
        p->expr2 = ParseLiteralForPattern();
      }
      return p;
    }
    if (Accept(Tok::kLParen)) {
      p->kind = Pattern::Kind::kTuple;
      while (!At(Tok::kRParen) && !At(Tok::kEof)) {
        p->subs.push_back(ParsePattern());
        if (!Accept(Tok::kComma)) break;
      }
      Expect(Tok::kRParen, "to close the tuple pattern");
      if (p->subs.size() == 1) return std::move(p->subs[0]);
      return p;
    }
    if (Accept(Tok::kLBracket)) {
      p->kind = Pattern::Kind::kList;
      while (!At(Tok::kRBracket) && !At(Tok::kEof)) {
        if (At(Tok::kEllipsis) || At(Tok::kDotDot)) {
          Advance();
          if (p->rest_index >= 0) ErrorHere("only one rest pattern is allowed in a list pattern");
          p->rest_index = static_cast<int>(p->subs.size());
          if (At(Tok::kIdent)) p->rest_name = Advance().text;
        } else {
          p->subs.push_back(ParsePattern());
        }
        if (!Accept(Tok::kComma)) break;
      }
      Expect(Tok::kRBracket, "to close the list pattern");
      return p;
    }
    bool is_mut = false;
    if (Accept(Tok::kAmp)) return ParsePatternAtom();
    if (Accept(Tok::kMut)) is_mut = true;
    if (!At(Tok::kIdent)) {
      ErrorHere("expected a pattern, found " + Describe(Cur()));
      if (!At(Tok::kEof) && !At(Tok::kFatArrow) && !At(Tok::kRBrace)) Advance();
      return p;
    }
    std::string name = Advance().text;
    while (At(Tok::kColonColon) && PeekTok().kind == Tok::kIdent) {
      Advance();
      name += "::" + Advance().text;
    }
    p->text = name;
    bool path = name.find("::") != std::string::npos;
    if (At(Tok::kLParen)) {
      Advance();
      p->kind = Pattern::Kind::kVariant;
      while (!At(Tok::kRParen) && !At(Tok::kEof)) {
        p->subs.push_back(ParsePattern());
        if (!Accept(Tok::kComma)) break;
      }
      Expect(Tok::kRParen, "to close the pattern");
      return p;
    }
    if (At(Tok::kLBrace) && (path || IsUpper(name))) {
      Advance();
      p->kind = path ? Pattern::Kind::kVariant : Pattern::Kind::kStruct;
      p->has_struct_fields = true;
      while (!At(Tok::kRBrace) && !At(Tok::kEof)) {
        if (Accept(Tok::kDotDot)) break;
        Token field = Cur();
        std::string fname = ExpectIdent("a field name");
        if (fname == "<error>") break;
        if (Accept(Tok::kColon)) {
          p->fields.emplace_back(fname, ParsePattern());
        } else {
          auto bind = std::make_unique<Pattern>();
          bind->kind = Pattern::Kind::kBind;
          bind->loc = field.loc;
          bind->text = fname;
          p->fields.emplace_back(fname, std::move(bind));
        }
        if (!Accept(Tok::kComma)) break;
      }
      Expect(Tok::kRBrace, "to close the struct pattern");
      return p;
    }
    if (path || IsUpper(name)) {
      p->kind = Pattern::Kind::kVariant;  // None, Red, Color::Red
      return p;
    }
    p->kind = Pattern::Kind::kBind;
    p->is_mut = is_mut;
    if (Accept(Tok::kAt)) p->subs.push_back(ParsePatternAtom());
    return p;
  }

  ExprPtr ParseLiteralForPattern() {
    Token t = Cur();
    if (Accept(Tok::kMinus)) {
      ExprPtr operand = ParsePrimary();
      ExprPtr neg = MakeExpr(ExprKind::kUnary, t);
      neg->op = Tok::kMinus;
      neg->a = std::move(operand);
      return neg;
    }
    if (At(Tok::kInt) || At(Tok::kFloat) || At(Tok::kString) || At(Tok::kChar) || At(Tok::kTrue) ||
        At(Tok::kFalse) || At(Tok::kNull) || At(Tok::kByte)) {
      return ParsePrimary();
    }
    ErrorHere("expected a literal in the pattern, found " + Describe(t));
    return ErrorExpr();
  }

  const SourceFile& file_;
  Diagnostics& diags_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  bool no_struct_ = false;
  uint32_t last_error_offset_ = UINT32_MAX;
};

}  // namespace

Program Parse(const SourceFile& file, Diagnostics& diags) {
  Parser parser(file, diags, Lex(file, diags));
  return parser.ParseProgram();
}

}  // namespace ruchy
