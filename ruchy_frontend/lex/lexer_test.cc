#include "ruchy_frontend/lex/lexer.h"

#include <gtest/gtest.h>

namespace ruchy {
namespace {

std::vector<Token> LexText(const std::string& text, std::string* errors = nullptr) {
  static std::vector<std::unique_ptr<SourceFile>> keep;  // tokens refer to nothing, but be safe
  keep.push_back(std::make_unique<SourceFile>("t.ruchy", text));
  Diagnostics diags(*keep.back());
  std::vector<Token> tokens = Lex(*keep.back(), diags);
  if (errors) *errors = diags.RenderAll(false);
  return tokens;
}

TEST(LexerTest, NumbersWithSuffixesAndFloats) {
  auto t = LexText("42 0xFF 1_000 7u8 1.5 2e3 t.0.1");
  ASSERT_GE(t.size(), 9u);
  EXPECT_EQ(t[0].kind, Tok::kInt);
  EXPECT_EQ(t[0].text, "42");
  EXPECT_EQ(t[1].text, "0xFF");
  EXPECT_EQ(t[2].text, "1000");
  EXPECT_EQ(t[3].suffix, "u8");
  EXPECT_EQ(t[4].kind, Tok::kFloat);
  EXPECT_EQ(t[5].kind, Tok::kFloat);
  // `t.0.1` lexes `0.1` as a float, as docs/language.md says.
  EXPECT_EQ(t[8].kind, Tok::kFloat);
  EXPECT_EQ(t[8].text, "0.1");
}

TEST(LexerTest, StringsEscapesAndRaw) {
  auto t = LexText(R"("a\tb\u{48}\q" r"x\n" r#"say "hi""#)");
  EXPECT_EQ(t[0].text, "a\tbH\\q");  // unknown escapes stay literal
  EXPECT_EQ(t[1].text, "x\\n");
  EXPECT_EQ(t[2].text, "say \"hi\"");
}

std::vector<Tok> Kinds(const std::vector<Token>& tokens) {
  std::vector<Tok> kinds;
  for (const Token& t : tokens) kinds.push_back(t.kind);
  return kinds;
}

TEST(LexerTest, FStringsAreLexedIntoTextHolesAndSpecs) {
  const std::string src = R"(f"{m["k"]} and {x:.2}")";
  auto t = LexText(src);
  EXPECT_EQ(Kinds(t), (std::vector<Tok>{Tok::kFStringStart, Tok::kFStringHoleStart, Tok::kIdent, Tok::kLBracket,
                                        Tok::kString, Tok::kRBracket, Tok::kFStringHoleEnd, Tok::kFStringText,
                                        Tok::kFStringHoleStart, Tok::kIdent, Tok::kFStringSpec, Tok::kFStringHoleEnd,
                                        Tok::kFStringEnd, Tok::kEof}));
  EXPECT_EQ(t[4].text, "k");
  EXPECT_EQ(t[7].text, " and ");
  EXPECT_EQ(t[10].text, ".2");
  // Every token keeps its exact source range, holes included.
  EXPECT_EQ(src.substr(t[0].loc.offset, t[0].length), "f\"");
  EXPECT_EQ(src.substr(t[2].loc.offset, t[2].length), "m");
  EXPECT_EQ(src.substr(t[7].loc.offset, t[7].length), " and ");
  EXPECT_EQ(src.substr(t[9].loc.offset, t[9].length), "x");
  EXPECT_EQ(src.substr(t[10].loc.offset, t[10].length), ":.2");
  EXPECT_EQ(src.substr(t[12].loc.offset, t[12].length), "\"");
}

TEST(LexerTest, FStringTextDecodesEscapesAndDoubledBraces) {
  auto t = LexText(R"(f"{{a}} \u{21}\t{b}")");
  ASSERT_EQ(Kinds(t), (std::vector<Tok>{Tok::kFStringStart, Tok::kFStringText, Tok::kFStringHoleStart, Tok::kIdent,
                                        Tok::kFStringHoleEnd, Tok::kFStringEnd, Tok::kEof}));
  EXPECT_EQ(t[1].text, "{a} !\t");
}

TEST(LexerTest, FStringsNestInsideHoles) {
  auto t = LexText(R"(f"a{f"b{1 + (2)}"}c" x)");
  EXPECT_EQ(Kinds(t), (std::vector<Tok>{Tok::kFStringStart, Tok::kFStringText, Tok::kFStringHoleStart,
                                        Tok::kFStringStart, Tok::kFStringText, Tok::kFStringHoleStart, Tok::kInt,
                                        Tok::kPlus, Tok::kLParen, Tok::kInt, Tok::kRParen, Tok::kFStringHoleEnd,
                                        Tok::kFStringEnd, Tok::kFStringHoleEnd, Tok::kFStringText, Tok::kFStringEnd,
                                        Tok::kIdent, Tok::kEof}));
}

TEST(LexerTest, BracesAndColonsInsideHoleBracketsDoNotEndTheHole) {
  auto t = LexText(R"(f"{P { x: 1 }.x} {a::b}")");
  EXPECT_EQ(Kinds(t), (std::vector<Tok>{Tok::kFStringStart, Tok::kFStringHoleStart, Tok::kIdent, Tok::kLBrace,
                                        Tok::kIdent, Tok::kColon, Tok::kInt, Tok::kRBrace, Tok::kDot, Tok::kIdent,
                                        Tok::kFStringHoleEnd, Tok::kFStringText, Tok::kFStringHoleStart, Tok::kIdent,
                                        Tok::kColonColon, Tok::kIdent, Tok::kFStringHoleEnd, Tok::kFStringEnd,
                                        Tok::kEof}));
}

TEST(LexerTest, AnUnterminatedFStringIsOneErrorToken) {
  std::string errors;
  // Lexer errors inside it (the `$`, the open string) are echoes of the missing end: not reported.
  auto t = LexText("x f\"value {$ x\")\n", &errors);
  EXPECT_EQ(Kinds(t), (std::vector<Tok>{Tok::kIdent, Tok::kError, Tok::kEof}));
  EXPECT_EQ(t[1].loc.offset, 2u);
  EXPECT_EQ(t[1].length, 15u);
  EXPECT_EQ(errors, "t.ruchy:1:3: error: unterminated f-string\n    x f\"value {$ x\")\n      ^~\n");
}

TEST(LexerTest, ErrorsInsideAClosedFStringAreReported) {
  std::string errors;
  auto t = LexText(R"(f"a } {x $}")", &errors);
  EXPECT_NE(errors.find("t.ruchy:1:5: error: unmatched `}` in f-string (write `}}`)"), std::string::npos) << errors;
  EXPECT_NE(errors.find("t.ruchy:1:10: error: unexpected character `$`"), std::string::npos) << errors;
}

TEST(LexerTest, DeeplyNestedFStringsLexWithoutRecursion) {
  const int kDepth = 100000;
  std::string src;
  for (int i = 0; i < kDepth; ++i) src += "f\"{";
  src += "1";
  for (int i = 0; i < kDepth; ++i) src += "}\"";
  auto t = LexText(src);
  ASSERT_EQ(t.size(), 4u * kDepth + 2);
  EXPECT_EQ(t[2 * kDepth].kind, Tok::kInt);
}

TEST(LexerTest, CommentsAttributesAndNewlines) {
  // An attribute is tokens for the parser (`#` `[` ...); a `#` before anything else is a comment.
  auto t = LexText("#!/usr/bin/env ruchy\n# hash\n#[derive(Debug)]\n/* a /* nested */ b */ x // c\ny");
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t[0].kind, Tok::kHash);
  EXPECT_EQ(t[1].kind, Tok::kLBracket);
  EXPECT_EQ(t[2].text, "derive");
  EXPECT_EQ(t[6].kind, Tok::kRBracket);
  EXPECT_EQ(t[7].text, "x");
  EXPECT_EQ(t[8].text, "y");
  EXPECT_TRUE(t[8].newline_before);
  EXPECT_EQ(t[9].kind, Tok::kEof);
}

TEST(LexerTest, AttributeBracketsInsideStringsDoNotCount) {
  auto t = LexText("#[link_name = \"[x\"]\nfun");
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[4].kind, Tok::kString);
  EXPECT_EQ(t[5].kind, Tok::kRBracket);
  EXPECT_EQ(t[6].kind, Tok::kFun);
}

TEST(LexerTest, CharsLabelsAndBytes) {
  auto t = LexText("'a' 'outer: b'z' '\\n'");
  EXPECT_EQ(t[0].kind, Tok::kChar);
  EXPECT_EQ(t[1].kind, Tok::kLifetime);
  EXPECT_EQ(t[1].text, "outer");
  EXPECT_EQ(t[3].kind, Tok::kByte);
  EXPECT_EQ(t[4].text, "\n");
}

TEST(LexerTest, PositionsAreExact) {
  auto t = LexText("let x =\n  42");
  SourceFile f("t.ruchy", "let x =\n  42");
  EXPECT_EQ(f.Position(t[3].loc).line, 2);
  EXPECT_EQ(f.Position(t[3].loc).column, 3);
  EXPECT_EQ(t[3].length, 2u);
}

TEST(LexerTest, BadInputReportsAndContinues) {
  std::string errors;
  auto t = LexText("let s = \"open\nlet y = $ 1", &errors);
  EXPECT_NE(errors.find("t.ruchy:1:9: error: unterminated string literal"), std::string::npos) << errors;
  EXPECT_EQ(t.back().kind, Tok::kEof);
}

}  // namespace
}  // namespace ruchy
