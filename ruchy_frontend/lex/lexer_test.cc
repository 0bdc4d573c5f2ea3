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

TEST(LexerTest, FStringKeepsRawBodyWithNestedQuotes) {
  auto t = LexText(R"(f"{m["k"]} and {x:.2}")");
  EXPECT_EQ(t[0].kind, Tok::kFString);
  EXPECT_EQ(t[0].text, R"({m["k"]} and {x:.2})");
}

TEST(LexerTest, CommentsAttributesAndNewlines) {
  auto t = LexText("#!/usr/bin/env ruchy\n# hash\n#[derive(Debug)]\n/* a /* nested */ b */ x // c\ny");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "x");
  EXPECT_EQ(t[1].text, "y");
  EXPECT_TRUE(t[1].newline_before);
  EXPECT_EQ(t[2].kind, Tok::kEof);
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
