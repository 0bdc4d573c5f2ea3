#include "ruchy_frontend/parse/parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>

#include "ruchy_frontend/driver/compile.h"
#include "ruchy_frontend/driver/stack_thread.h"

namespace ruchy {
namespace {

struct Parsed {
  std::unique_ptr<SourceFile> file;
  std::unique_ptr<Diagnostics> diags;
  Program program;
  std::string errors;
};

// Parses on a stack like the driver's: the parser recurses as deep as the tree.
Parsed ParseText(const std::string& text) {
  Parsed p;
  p.file = std::make_unique<SourceFile>("t.ruchy", text);
  p.diags = std::make_unique<Diagnostics>(*p.file);
  StackThreadOptions options;
  options.stack_bytes = kFrontEndStackBytes;
  RunOnStackThread(options, [&] {
    p.program = Parse(*p.file, *p.diags);
    p.errors = p.diags->RenderAll(false);
  });
  return p;
}

// The depth of the tree as the passes after the parser walk it: one level per node.
int Depth(const Expr* e);
int Depth(const TypeExpr* t) {
  if (!t) return 0;
  int d = Depth(t->ret.get());
  for (const TypeExprPtr& a : t->args) d = std::max(d, Depth(a.get()));
  return d + 1;
}
int Depth(const Pattern* p) {
  if (!p) return 0;
  int d = std::max(Depth(p->expr.get()), Depth(p->expr2.get()));
  for (const PatternPtr& s : p->subs) d = std::max(d, Depth(s.get()));
  for (const auto& f : p->fields) d = std::max(d, Depth(f.second.get()));
  return d + 1;
}
int Depth(const FunDecl* f) {
  if (!f) return 0;
  int d = std::max(Depth(f->ret.get()), Depth(f->body.get()));
  for (const Param& p : f->params) d = std::max({d, Depth(p.type.get()), Depth(p.default_value.get())});
  return d + 1;
}
int Depth(const Expr* e) {
  if (!e) return 0;
  int d = std::max({Depth(e->a.get()), Depth(e->b.get()), Depth(e->c.get()), Depth(e->pattern.get()),
                    Depth(e->type.get()), Depth(e->fun.get())});
  for (const ExprPtr& x : e->list) d = std::max(d, Depth(x.get()));
  for (const MatchArm& arm : e->arms) {
    d = std::max({d, Depth(arm.pattern.get()), Depth(arm.guard.get()), Depth(arm.body.get())});
  }
  for (const FStringPart& part : e->parts) d = std::max(d, Depth(part.expr.get()));
  for (const auto& [k, v] : e->map_entries) d = std::max({d, Depth(k.get()), Depth(v.get())});
  for (const auto& f : e->field_inits) d = std::max(d, Depth(f.second.get()));
  for (const Param& p : e->params) d = std::max({d, Depth(p.type.get()), Depth(p.default_value.get())});
  for (const TypeExprPtr& t : e->type_args) d = std::max(d, Depth(t.get()));
  return d + 1;
}
int Depth(const Program& program) {
  int d = 0;
  for (const Item& item : program.items) {
    d = std::max({d, Depth(item.fun.get()), Depth(item.stmt.get())});
    if (item.type) {
      for (const auto& m : item.type->methods) d = std::max(d, Depth(m.get()));
    }
    if (item.impl) {
      for (const auto& m : item.impl->methods) d = std::max(d, Depth(m.get()));
    }
  }
  return d;
}

const Expr& OnlyStatement(const Parsed& p) {
  EXPECT_EQ(p.program.items.size(), 1u);
  return *p.program.items.at(0).stmt;
}

TEST(ParserTest, FStringPartsComeFromTheLexersTokens) {
  Parsed p = ParseText(R"(f"a {x + 1:>4} {{b}} {m["k"]}")");
  ASSERT_EQ(p.errors, "");
  const Expr& f = OnlyStatement(p);
  ASSERT_EQ(f.kind, ExprKind::kFString);
  ASSERT_EQ(f.parts.size(), 4u);
  EXPECT_EQ(f.parts[0].text, "a ");
  EXPECT_EQ(f.parts[0].expr, nullptr);
  ASSERT_NE(f.parts[1].expr, nullptr);
  EXPECT_EQ(f.parts[1].expr->kind, ExprKind::kBinary);
  EXPECT_EQ(f.parts[1].spec, ">4");
  EXPECT_EQ(f.parts[2].text, " {b} ");
  ASSERT_NE(f.parts[3].expr, nullptr);
  EXPECT_EQ(f.parts[3].expr->kind, ExprKind::kIndex);
  EXPECT_EQ(f.parts[3].spec, "");
  // A hole's expression sits at its real position; the node covers the whole literal.
  EXPECT_EQ(f.parts[1].expr->a->loc.offset, 5u);
  EXPECT_EQ(f.length, p.file->text().size());
}

TEST(ParserTest, ErrorsInsideHolesPointInsideThem) {
  EXPECT_EQ(ParseText("f\"{}\"").errors, "t.ruchy:1:3: error: empty `{}` in f-string\n    f\"{}\"\n      ^~\n");
  EXPECT_EQ(ParseText("f\"{a b}\" + 1").errors,
            "t.ruchy:1:6: error: unexpected identifier `b` in f-string expression\n    f\"{a b}\" + 1\n"
            "         ^\n");
  // A list left open inside a hole ends at the hole.
  EXPECT_EQ(ParseText("f\"{g(1, }\"").errors,
            "t.ruchy:1:9: error: expected `)` to close the arguments, found end of the f-string hole\n"
            "    f\"{g(1, }\"\n            ^\n");
}

// Skipping a bad token skips a whole f-string: no echoes from inside it.
TEST(ParserTest, RecoverySkipsWholeFStrings) {
  EXPECT_EQ(ParseText("match x { f\"a{b}c\" => 1 }\n").errors,
            "t.ruchy:1:11: error: expected a pattern, found f-string\n    match x { f\"a{b}c\" => 1 }\n"
            "              ^~\n");
}

TEST(ParserTest, StructLiteralsAreAllowedInAHoleInsideACondition) {
  Parsed p = ParseText("if f\"{P { x: 1 }}\" == s { 1 }");
  EXPECT_EQ(p.errors, "");
}

TEST(ParserTest, DelimitedListsTakeTrailingCommasAndReportTheMissingClose) {
  EXPECT_EQ(ParseText("f(1, 2,)\n[1, 2,]\n(1, 2,)\nlet (a, b,) = t\nP { x: 1, }\n").errors, "");
  EXPECT_EQ(ParseText("f(1, 2").errors,
            "t.ruchy:1:7: error: expected `)` to close the arguments, found end of file\n    f(1, 2\n          ^\n");
  EXPECT_EQ(ParseText("let v: Vec<Vec<i64>> = []").errors, "");  // `>>` closes two lists
}

// A chain's depth counts what it put below its first operand, so a tall operand followed by
// a long chain is as deep as their sum, though neither alone is near the limit.
TEST(ParserTest, ChainsCountTheDepthOfTheirOperands) {
  auto program = [](int negations, int terms) {
    std::string s = "let x = ";
    for (int i = 0; i < negations; ++i) s += "- ";
    s += "1";
    for (int i = 0; i < terms; ++i) s += " + 1";
    return s + "\n";
  };
  EXPECT_EQ(ParseText(program(600, 300)).errors, "");
  EXPECT_NE(ParseText(program(600, 600)).errors.find("expression nested too deeply"), std::string::npos);
  EXPECT_NE(ParseText(program(0, 2000)).errors.find("expression nested too deeply"), std::string::npos);
  // The same with the tall part in a method chain's receiver and in a call's argument.
  std::string deep_receiver = "let x = " + std::string(600, '(') + "1" + std::string(600, ')');
  for (int i = 0; i < 600; ++i) deep_receiver += ".abs()";
  EXPECT_NE(ParseText(deep_receiver).errors.find("nested too deeply"), std::string::npos);
  std::string deep_argument = "let x = f(" + std::string(600, '[') + "1" + std::string(600, ']') + ")";
  for (int i = 0; i < 600; ++i) deep_argument += "(1)";
  EXPECT_NE(ParseText(deep_argument).errors.find("nested too deeply"), std::string::npos);
  // `t.0.1` is two fields.
  std::string fields = "let x = t";
  for (int i = 0; i < 600; ++i) fields += ".0.1";
  EXPECT_NE(ParseText(fields).errors.find("nested too deeply"), std::string::npos);
}

TEST(ParserTest, TooDeepIsOneErrorWithANoteAndNothingElse) {
  std::string src = "fun f() {\n  let x = " + std::string(3000, '[') + "1" + std::string(10, ']') + "\n}\n)))\n";
  Parsed p = ParseText(src);
  EXPECT_EQ(p.diags->error_count(), 1) << p.errors;
  EXPECT_NE(p.errors.find("t.ruchy:2:"), std::string::npos) << p.errors;
  EXPECT_NE(p.errors.find("t.ruchy:1:1: note: at most 1024 levels"), std::string::npos) << p.errors;
}

// Random mixtures of every nesting construct: whatever the parser accepts is no deeper than the
// limit, and whatever it rejects for depth is reported once. `depth` is roughly how deep to go;
// `nodes` caps the program's size across the whole generation.
struct RandomProgram {
  std::mt19937 rng;
  int nodes = 0;

  std::string Side(int depth) { return Expr(std::min(depth, 30)); }

  std::string Expr(int depth) {
    if (depth <= 0 || --nodes <= 0) return "1";
    std::uniform_int_distribution<int> pick(0, 16);
    int n = std::uniform_int_distribution<int>(1, std::max(1, depth))(rng);
    switch (pick(rng)) {
      case 0: {  // operator chain
        std::string s = Expr(depth - n);
        for (int i = 0; i < n; ++i) s += i % 16 == 0 ? " * " + Side(depth / 8) : " + 1";
        return s;
      }
      case 1: {  // method chain
        std::string s = "(" + Expr(depth - n) + ")";
        for (int i = 0; i < n; ++i) s += i % 16 == 0 ? ".max(" + Side(depth / 8) + ")" : ".abs()";
        return s;
      }
      case 2:
        return "(" + Expr(depth - 1) + ")";
      case 3:
        return "-" + Expr(depth - 1);
      case 4:
        return "{ " + Expr(depth - 1) + " }";
      case 5:
        return "f(" + Expr(depth - 1) + ", " + Side(depth / 2) + ")";
      case 6: {  // else-if chain
        std::string s = "if c { " + Expr(depth - n) + " }";
        for (int i = 0; i < n; ++i) s += " else if c { " + (i % 16 == 0 ? Side(depth / 8) : "0") + " }";
        return s + " else { 0 }";
      }
      case 7:
        return "f\"{ " + Expr(depth - 1) + " }\"";
      case 8:
        return "|a| " + Expr(depth - 1);
      case 9:
        return "[" + Expr(depth - 1) + "]";
      case 10: {  // index chain
        std::string s = "v";
        for (int i = 0; i < n; ++i) s += "[" + (i % 16 == 0 ? Side(depth / 8) : "0") + "]";
        return s;
      }
      case 11:
        return "match x { _ => " + Expr(depth - 1) + " }";
      case 12:
        return "x as " + std::string(std::min(n, 50), '(') + "i64" + std::string(std::min(n, 50), ')');
      case 13:
        return "g(" + Expr(depth - 1) + ") |> h";
      case 14: {  // tuple fields, `.0.1` being two
        std::string s = "(" + Expr(depth - n) + ")";
        for (int i = 0; i < n; ++i) s += i % 2 ? ".0" : ".0.1";
        return s;
      }
      case 15:  // a nested function
        return "{ fun q() { " + Expr(depth - 3) + " } 1 }";
      default:  // an assignment with a deep target and value
        return "{ (" + Expr(depth / 2) + ") = " + Expr(depth - 2) + "; 1 }";
    }
  }
};

TEST(ParserTest, NoAcceptedTreeIsDeeperThanTheLimit) {
  RandomProgram random{std::mt19937(12)};
  int accepted = 0, rejected = 0;
  for (int round = 0; round < 200; ++round) {
    random.nodes = 3000;
    std::string src = "let x = " + random.Expr(400 + round * 8) + "\n";
    Parsed p = ParseText(src);
    if (p.diags->error_count() == 0) {
      ++accepted;
      // Deeper than kMaxNestingDepth by at most the nodes a level may hold (`t.0.1` splits in two).
      int depth = 0;
      RunOnStackThread({kFrontEndStackBytes, false}, [&] { depth = Depth(p.program); });
      EXPECT_LE(depth, kMaxNestingDepth) << src.substr(0, 300);
    } else {
      ++rejected;
      EXPECT_EQ(p.diags->error_count(), 1) << p.errors.substr(0, 2000);
      EXPECT_NE(p.errors.find("expression nested too deeply"), std::string::npos) << p.errors.substr(0, 2000);
    }
  }
  // Both sides of the limit were reached.
  EXPECT_GT(accepted, 30);
  EXPECT_GT(rejected, 30);
}

// `use` trees in the reference parser's syntax: each name brought in is one UseName, with the
// path as written and the name it is known by.
TEST(ParserTest, UseTreesListEveryName) {
  Parsed p = ParseText("use a::b::{c, d as e, f::{g}, self}\npub use crate::x as y\nuse super::z::*\n");
  ASSERT_EQ(p.errors, "");
  ASSERT_EQ(p.program.items.size(), 3u);
  std::vector<std::string> got;
  for (const Item& item : p.program.items) {
    ASSERT_EQ(item.kind, Item::Kind::kUse);
    for (const UseName& u : item.uses) got.push_back(u.path + " as " + u.alias + (u.is_glob ? " (glob)" : ""));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"a::b::c as c", "a::b::d as e", "a::b::f::g as g", "a::b as b",
                                           "crate::x as y", "super::z as  (glob)"}));
  EXPECT_FALSE(p.program.items[0].is_pub);
  EXPECT_TRUE(p.program.items[1].is_pub);
}

TEST(ParserTest, ModItemsRecordPathVisibilityAndFileModules) {
  Parsed p = ParseText("pub mod a {\n    mod b;\n    fun f() {}\n}\nmod c;\n");
  ASSERT_EQ(p.errors, "");
  std::vector<std::string> mods;
  for (const Item& item : p.program.items) {
    if (item.kind != Item::Kind::kMod) continue;
    mods.push_back(item.path + (item.is_pub ? " pub" : "") + (item.module_file ? " file" : ""));
  }
  EXPECT_EQ(mods, (std::vector<std::string>{"a pub", "a::b file", "c file"}));
}

TEST(ParserTest, BrokenUseTreesReportAndRecover) {
  for (const char* text : {"use a::{b,\n", "use ::x\n", "use a::{b c}\nprintln(1)\n", "use a::b as\n", "use\n"}) {
    Parsed p = ParseText(text);
    EXPECT_NE(p.errors, "") << text;
  }
}

}  // namespace
}  // namespace ruchy
