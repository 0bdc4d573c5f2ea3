// The parser's internal state, shared by its source files, one per concept:
//   parser.cc       token cursor, diagnostics and recovery, nesting depth, the entry point
//   items.cc        functions, parameters, structs, classes, enums, traits, impls, modules
//   statements.cc   statements and `let`
//   local_items.cc  types, impls and `use` declared inside function bodies
//   desugar.cc      forms rewritten into core ones: matches!, tuple closure parameters, `\x -> e`
//   blocks.cc       `{ ... }` blocks and newline-opened `... end` bodies
//   expressions.cc  assignment, binary operators (precedence climbing), unary and postfix chains
//   primary.cc      literals, names and paths, struct literals, tuples, arrays, maps, closures
//   control_flow.cc if, match, loops, try
//   fstrings.cc     f-strings, from the lexer's f-string tokens
//   patterns.cc     patterns
//   types.cc        written types
// Not part of the front end's interface: use parser.h.
#ifndef RUCHY_FRONTEND_PARSE_PARSER_IMPL_H_
#define RUCHY_FRONTEND_PARSE_PARSER_IMPL_H_

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ruchy_frontend/ast/ast.h"
#include "ruchy_frontend/lex/token.h"
#include "ruchy_frontend/parse/parser.h"
#include "ruchy_frontend/source/diagnostics.h"

namespace ruchy {

// `Point`, `Shape::Circle`'s `Circle`: upper-case names are types and variants, in struct
// literals and patterns.
inline bool IsUpperName(const std::string& name) {
  return !name.empty() && std::isupper(static_cast<unsigned char>(name[0]));
}

class Parser {
 public:
  Parser(Diagnostics& diags, std::vector<Token> tokens) : diags_(diags), tokens_(std::move(tokens)) {}

  Program ParseProgram();
  // Parses one file's items into `program`, in module `module` (driver/modules.h).
  void ParseInto(Program& program, const std::string& module);

  // ---- token cursor (parser.cc) ----
  const Token& Cur() const { return tokens_[pos_]; }
  const Token& PeekTok(size_t ahead = 1) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  bool At(Tok kind) const { return Cur().kind == kind; }
  bool AtIdent(std::string_view name) const { return At(Tok::kIdent) && Cur().text == name; }
  // The end of what the parser may read here: the file's end, or the end of the f-string hole
  // being parsed (its format spec or closing `}`). Loops stop here.
  bool AtEnd() const { return At(Tok::kEof) || At(Tok::kFStringSpec) || At(Tok::kFStringHoleEnd); }
  // At `close`; `>>` closes two generic argument lists.
  bool AtClose(Tok close) const { return At(close) || (close == Tok::kGreater && At(Tok::kShr)); }
  // The current token, then moves past it (never past the end).
  const Token& Advance();
  bool Accept(Tok kind);
  bool Expect(Tok kind, std::string_view context);
  std::string ExpectIdent(std::string_view context);
  void SkipSemis();

  // ---- diagnostics and recovery (parser.cc) ----
  std::string Describe(const Token& t) const;
  // Reports a declared diagnostic (source/diagnostic_kinds.def) under the current token, once
  // per position: recovery must not pile up echoes of the same mistake.
  template <diag::Kind K, typename... A>
  void ReportHere(A&&... args) {
    if (FirstErrorHere()) ReportAt<K>(Cur().loc, std::max<uint32_t>(1, Cur().length), std::forward<A>(args)...);
  }
  // Reports a declared diagnostic at `loc`, underlining `length` bytes.
  template <diag::Kind K, typename... A>
  void ReportAt(Loc loc, uint32_t length, A&&... args) {
    // Past the nesting limit the rest of the file is skipped: what that finds is no news.
    if (!too_deep_) diags_.Emit<K>(loc, length, std::forward<A>(args)...);
  }
  // False when an error was already reported at the current token.
  bool FirstErrorHere();
  // After an error: skip to something that can start the next statement or close a block.
  void Recover();
  // Skips the current token, or the whole f-string it opens: recovery must not land inside one.
  void SkipToken();

  // ---- nodes (parser.cc) ----
  ExprPtr MakeExpr(ExprKind kind, const Token& at);
  ExprPtr ErrorExpr();
  ExprPtr MakeBlock(Loc loc);

  // ---- nesting depth (parser.cc; see kMaxNestingDepth) ----
  // One level of the tree, open while it lives. ok() is false past the limit (reported once,
  // and the rest of the file is skipped): build nothing further below it.
  class Nest {
   public:
    explicit Nest(Parser& parser) : parser_(parser), ok_(parser.EnterLevel()) {}
    ~Nest() { --parser_.depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
    bool ok() const { return ok_; }

   private:
    Parser& parser_;
    bool ok_;
  };

  // The depth of a left-deep chain built in a loop (`a + b + c`, `a.f().g`, `x |> f |> g`):
  // each new link puts everything before it one level down, which no recursion counts. Create
  // it before parsing the chain's first element (its links sit at the current level, their
  // operands one below); call First() after that element and Link() after each link's own
  // operands (if any). It hands the chain's depth on to whatever encloses it.
  class ChainDepth {
   public:
    explicit ChainDepth(Parser& parser) : parser_(parser), saved_peak_(parser.peak_) {
      parser_.peak_ = parser_.depth_;
    }
    ~ChainDepth() { parser_.peak_ = std::max(saved_peak_, bottom_); }
    ChainDepth(const ChainDepth&) = delete;
    ChainDepth& operator=(const ChainDepth&) = delete;
    void First() {
      bottom_ = parser_.peak_;
      parser_.peak_ = parser_.depth_;
    }
    // False when the chain is now too deep (reported at `at`): add no further links.
    bool Link(const Token& at);

   private:
    Parser& parser_;
    int saved_peak_;
    int bottom_ = 0;
  };

  // Sets a flag of the parser for one sub-expression and restores it.
  class FlagScope {
   public:
    FlagScope(bool& flag, bool value) : flag_(flag), saved_(flag) { flag_ = value; }
    ~FlagScope() { flag_ = saved_; }
    FlagScope(const FlagScope&) = delete;
    FlagScope& operator=(const FlagScope&) = delete;

   private:
    bool& flag_;
    bool saved_;
  };

  // Sets no_struct_ for one sub-expression and restores it.
  class NoStructScope {
   public:
    NoStructScope(Parser& parser, bool no_struct) : parser_(parser), saved_(parser.no_struct_) {
      parser_.no_struct_ = no_struct;
    }
    ~NoStructScope() { parser_.no_struct_ = saved_; }
    NoStructScope(const NoStructScope&) = delete;
    NoStructScope& operator=(const NoStructScope&) = delete;

   private:
    Parser& parser_;
    bool saved_;
  };

  bool EnterLevel();
  void ReportTooDeep(const Token& at);

  // ---- delimited lists ----
  // `element (, element)* ,?` up to `close`, whose opening token is already consumed; then
  // `close`, reported with `close_context` when missing. `element` parses one element and
  // returns false to end the list early (after an error, or a form that must come last, such
  // as `..base`). Every comma-separated list goes through here: arguments, parameters, tuples,
  // arrays, maps, struct literals, type and generic argument lists, patterns.
  template <typename Element>
  bool ParseListUntil(Tok close, std::string_view close_context, Element&& element) {
    while (!AtClose(close) && !AtEnd()) {
      if (!element()) break;
      if (!Accept(Tok::kComma)) break;
    }
    return Expect(close, close_context);
  }
  // The same, opening with `open` (reported with `open_context` when missing).
  template <typename Element>
  bool ParseList(Tok open, std::string_view open_context, Tok close, std::string_view close_context,
                 Element&& element) {
    Expect(open, open_context);
    return ParseListUntil(close, close_context, std::forward<Element>(element));
  }

  // ---- items (items.cc) ----
  void ParseItems(Program& program, const std::string& module, Tok until);
  // ATTRIBUTES: already read before the item (a declaration inside a body); more may follow.
  void ParseItem(Program& program, const std::string& module, std::vector<Attribute> attributes = {});
  // ---- `use` (use.cc) ----
  void ParseUse(Item& item);
  void ParseUseTree(Item& item, std::string prefix, Loc start);
  void ParseModule(Program& program, const std::string& module, bool is_pub);
  // ---- type parameters and their bounds (generic_params.cc) ----
  // `<T, U: Display + Clone>`: the names; the bounds are added to BOUNDS.
  std::vector<std::string> ParseGenericParams(std::vector<GenericBound>* bounds);
  // `where T: Display, U: Clone` (after `where`), up to the body.
  void ParseWhereClause(std::vector<GenericBound>* bounds);
  void ParseBounds(const std::string& param, std::vector<GenericBound>* bounds);
  std::unique_ptr<FunDecl> ParseFun(bool is_pub, bool in_trait = false);
  void ParseParams(FunDecl& fun);
  std::unique_ptr<TypeDecl> ParseTypeDecl();
  bool LooksLikeEndBody() const;
  void ParseVariants(TypeDecl& decl, Tok close);
  void ParseMembers(TypeDecl& decl, Tok close);
  std::unique_ptr<FunDecl> ParseConstructor(const TypeDecl& decl);
  std::unique_ptr<ImplDecl> ParseImpl();

  // ---- attributes (attributes.cc) ----
  bool AtAttribute() const;
  // Zero or more `#[...]` / `@name(...)` lines before a declaration.
  std::vector<Attribute> ParseAttributes();
  bool ParseAttributeArg(Attribute& attribute);
  // Attributes before something that is not a declaration: reported (never dropped).
  void RejectAttributes(const std::vector<Attribute>& attributes);

  // ---- C interop (extern.cc) ----
  bool AtExternBlock() const;
  void ParseExternBlock(Program& program, const std::string& module);
  ExprPtr ParseUnsafeBlock();

  // ---- statements (statements.cc) ----
  // ATTRIBUTES: already read by the block before a statement (they belong to a nested `fun`).
  ExprPtr ParseStatement(std::vector<Attribute> attributes = {});
  ExprPtr ParseLet();

  // ---- declarations inside function bodies (local_items.cc) ----
  bool AtLocalItem() const;
  // A type, impl or `use` in a body: an item of the program, in the body's scope.
  void ParseLocalItem(std::vector<Attribute> attributes = {});
  // A function's body, with `scope_` extended by its name; sets fun.body_scope when the body
  // declares items.
  ExprPtr ParseScopedBody(FunDecl& fun, const std::string& what);

  // ---- rewritten forms (desugar.cc) ----
  ExprPtr ParseMatchesMacro(const Token& name);
  void ParsePatternParam(Expr& closure, std::vector<std::pair<PatternPtr, std::string>>& patterns);
  ExprPtr WrapPatternParams(ExprPtr body, std::vector<std::pair<PatternPtr, std::string>> patterns);
  ExprPtr ParseBackslashLambda();

  // ---- blocks (blocks.cc) ----
  ExprPtr ParseBodyBlock(const std::string& what);
  ExprPtr ParseBraceBlock();
  ExprPtr ParseBraceOrBodyBlock(const std::string& what);
  ExprPtr ParseStatementsUntil(std::initializer_list<Tok> stops);

  // ---- expressions (expressions.cc) ----
  ExprPtr ParseExpr(bool no_struct = false);
  ExprPtr ParseBinary(int min_prec);
  ExprPtr ParseUnary();
  ExprPtr ParsePostfix(ChainDepth& chain, ExprPtr e);
  ExprPtr ParseIndex(ExprPtr e);
  ExprPtr ParseMember(ChainDepth& chain, ExprPtr e);
  std::vector<ExprPtr> ParseArgs();
  bool CanStartExpr() const;

  // ---- primary expressions (primary.cc) ----
  ExprPtr ParsePrimary();
  ExprPtr ParseIntLiteral();
  ExprPtr ParseIdentExpr();
  bool LooksLikeStructLiteral(const std::string& name) const;
  ExprPtr ParseStructLiteral(ExprPtr name);
  ExprPtr ParseParenExpr();
  ExprPtr ParseArrayExpr();
  bool LooksLikeMap() const;
  ExprPtr ParseMapExpr();
  ExprPtr ParseClosure();
  ExprPtr ParseAnonymousFun();

  // ---- control flow (control_flow.cc) ----
  ExprPtr ParseIf();
  ExprPtr ParseMatch();
  ExprPtr ParseLoop(const std::string& label);
  ExprPtr ParseTry();

  // ---- f-strings (fstrings.cc) ----
  ExprPtr ParseFString();
  void ParseFStringHole(Expr& fstring);

  // ---- patterns (patterns.cc) ----
  PatternPtr ParsePattern();
  PatternPtr ParsePatternAtom();
  ExprPtr ParseLiteralForPattern();

  // ---- types (types.cc) ----
  TypeExprPtr ParseType();
  // `<A, B>` after a type name, a turbofish `::` or a path; the `<` is already consumed.
  std::vector<TypeExprPtr> ParseTypeArgs();

 private:
  Diagnostics& diags_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  // Struct literals are not allowed here (`if x == P {` opens the block, not a literal).
  bool no_struct_ = false;
  // In a match guard `=>` ends the guard: `n if n == limit => ...` is not the lambda
  // `limit => ...` (call arguments inside the guard may hold `x => ...` lambdas again).
  bool in_match_guard_ = false;
  uint32_t last_error_offset_ = UINT32_MAX;
  // Nesting: the level being parsed, the deepest level reached (see ChainDepth), whether the
  // limit was hit, and where the item being parsed starts (the limit's note points there).
  int depth_ = 0;
  int peak_ = 0;
  bool too_deep_ = false;
  Loc item_start_;
  // Where items declared inside bodies go: the program, the scope (module path plus the names
  // of the enclosing functions) of the code being parsed, and how many there were so far.
  Program* program_ = nullptr;
  std::string scope_;
  int local_items_ = 0;
};

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_PARSE_PARSER_IMPL_H_
