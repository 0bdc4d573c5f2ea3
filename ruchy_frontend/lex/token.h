// Tokens of Ruchy source. Each token records its byte range and whether a newline separates it
// from the previous token: newlines are insignificant except where `end` blocks open and where a
// `(` on a new line starts a new expression instead of continuing a call.
//
// F-strings are lexed into their structure, so the parser reads tokens only:
//   f"a {x:>4} b"  ->  kFStringStart `f"`, kFStringText "a ", kFStringHoleStart `{`, the hole's
//                      own tokens (`x`), kFStringSpec `:>4` (text ">4"), kFStringHoleEnd `}`,
//                      kFStringText " b", kFStringEnd `"`.
// Text pieces carry their decoded text (escapes processed, `{{` and `}}` unescaped); there is
// at most one between two holes and none when it would be empty. A hole has no spec token when
// it has no `:spec`, and no tokens of its own when it is empty (`{}`: the parser reports it).
// Holes may hold f-strings, which nest the same way. Every token keeps its exact source range,
// so diagnostics point inside holes.
#ifndef RUCHY_FRONTEND_LEX_TOKEN_H_
#define RUCHY_FRONTEND_LEX_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ruchy_frontend/source/source_file.h"

namespace ruchy {

#define RUCHY_TOKEN_KINDS(X)                                                                    \
  X(kEof, "end of file")                                                                        \
  X(kError, "invalid token")                                                                    \
  X(kIdent, "identifier")                                                                       \
  X(kInt, "integer literal")                                                                    \
  X(kFloat, "float literal")                                                                    \
  X(kString, "string literal")                                                                  \
  /* f-strings: see "F-strings" below */                                                        \
  X(kFStringStart, "f-string")                                                                  \
  X(kFStringText, "f-string text")                                                              \
  X(kFStringHoleStart, "`{` of an f-string hole")                                               \
  X(kFStringSpec, "format spec")                                                                \
  X(kFStringHoleEnd, "end of the f-string hole")                                                \
  X(kFStringEnd, "end of the f-string")                                                         \
  X(kChar, "character literal")                                                                 \
  X(kByte, "byte literal")                                                                      \
  X(kLifetime, "label")                                                                         \
  /* keywords */                                                                                \
  X(kFun, "fun") X(kFn, "fn") X(kLet, "let") X(kVar, "var") X(kMut, "mut") X(kConst, "const")   \
  X(kIf, "if") X(kElse, "else") X(kMatch, "match") X(kFor, "for") X(kIn, "in")                  \
  X(kWhile, "while") X(kLoop, "loop") X(kBreak, "break") X(kContinue, "continue")               \
  X(kReturn, "return") X(kStruct, "struct") X(kClass, "class") X(kEnum, "enum")                 \
  X(kTrait, "trait") X(kImpl, "impl") X(kExtend, "extend") X(kPub, "pub") X(kAsync, "async")    \
  X(kAwait, "await") X(kTry, "try") X(kCatch, "catch") X(kFinally, "finally")                   \
  X(kThrow, "throw") X(kUse, "use") X(kImport, "import") X(kMod, "mod") X(kAs, "as")            \
  X(kSelf, "self") X(kType, "type") X(kWhere, "where") X(kEnd, "end") X(kTrue, "true")          \
  X(kFalse, "false") X(kNull, "null")                      \
  /* punctuation */                                                                             \
  X(kLParen, "(") X(kRParen, ")") X(kLBrace, "{") X(kRBrace, "}") X(kLBracket, "[")             \
  X(kRBracket, "]") X(kComma, ",") X(kSemi, ";") X(kColon, ":") X(kColonColon, "::")            \
  X(kDot, ".") X(kDotDot, "..") X(kDotDotEq, "..=") X(kEllipsis, "...") X(kQuestion, "?")       \
  X(kQuestionDot, "?.") X(kQuestionQuestion, "??") X(kArrow, "->") X(kFatArrow, "=>")           \
  X(kPipe, "|") X(kPipeGreater, "|>") X(kOrOr, "||") X(kAmp, "&") X(kAndAnd, "&&")              \
  X(kCaret, "^") X(kTilde, "~") X(kBang, "!") X(kPlus, "+") X(kMinus, "-") X(kStar, "*")        \
  X(kStarStar, "**") X(kSlash, "/") X(kPercent, "%") X(kShl, "<<") X(kShr, ">>") X(kEq, "=")    \
  X(kEqEq, "==") X(kNotEq, "!=") X(kLess, "<") X(kLessEq, "<=") X(kGreater, ">")                \
  X(kGreaterEq, ">=") X(kPlusEq, "+=") X(kMinusEq, "-=") X(kStarEq, "*=") X(kSlashEq, "/=")     \
  X(kPercentEq, "%=") X(kAt, "@") X(kHash, "#") X(kBackslash, "\\")

enum class Tok : uint8_t {
#define RUCHY_TOKEN_ENUM(name, text) name,
  RUCHY_TOKEN_KINDS(RUCHY_TOKEN_ENUM)
#undef RUCHY_TOKEN_ENUM
};

// How the token reads in a message: `fun`, `(`, "identifier".
std::string_view TokenSpelling(Tok kind);

struct Token {
  Tok kind = Tok::kEof;
  bool newline_before = false;
  Loc loc;
  uint32_t length = 0;
  // Integer literals: the type suffix written after the digits (`i32`, `u8`), if any.
  std::string suffix;
  // Decoded value for literals and f-string text (escapes processed), a format spec as written,
  // or the identifier's name. The raw source text is `file.text().substr(loc.offset, length)`.
  std::string text;
};

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_LEX_TOKEN_H_
