#include "ruchy_frontend/testing/deep_programs.h"

namespace ruchy::deep {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(n > 0 ? n : 0));
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string Seven(int) { return "7\n"; }

// 1 +
// 1 +
// ...
// 1            (`count` terms, one per line as a generator would write them)
std::string Sum(int count) {
  return "let total = " + Repeat("1 +\n", count - 1) + "1\nprintln(total)\n";
}
std::string SumOutput(int count) { return std::to_string(count) + "\n"; }

// if x == 0 { 0 } else if x == 1 { 1 } ... else if x == count { count } else { -1 }
std::string ElseIf(int count) {
  std::string s = "fun pick(x: i64) -> i64 {\n  if x == 0 {\n    0\n";
  for (int i = 1; i <= count; ++i) s += "  } else if x == " + std::to_string(i) + " {\n    " + std::to_string(i) + "\n";
  s += "  } else {\n    -1\n  }\n}\nprintln(pick(" + std::to_string(count) + "))\n";
  return s;
}
std::string ElseIfOutput(int count) { return std::to_string(count) + "\n"; }

// x.abs().abs() ... with one link per line.
std::string MethodChain(int count) { return "let x = -7\nlet y = x\n" + Repeat("  .abs()\n", count) + "println(y)\n"; }

// f"{f"{ ... f"{7}" ... }"}", each hole opening a line.
std::string FString(int count) {
  return "println(" + Repeat("f\"{\n", count) + "7" + Repeat("}\"", count) + ")\n";
}

std::string Parens(int count) { return "let x = " + Repeat("(", count) + "7" + Repeat(")", count) + "\nprintln(x)\n"; }

std::string Blocks(int count) {
  return "let x = " + Repeat("{\n", count) + "7\n" + Repeat("}\n", count) + "println(x)\n";
}

std::string Calls(int count) {
  return "fun id(x: i64) -> i64 { x }\nprintln(" + Repeat("id(", count) + "7" + Repeat(")", count) + ")\n";
}

std::string Pipeline(int count) {
  return "fun id(x: i64) -> i64 { x }\nlet x = 7\n" + Repeat("  |> id\n", count) + "println(x)\n";
}

std::string Negations(int count) { return "let x = " + Repeat("- ", count) + "7\nprintln(x)\n"; }
std::string NegationsOutput(int count) { return count % 2 == 0 ? "7\n" : "-7\n"; }

std::string NestedIfs(int count) {
  return "let x = " + Repeat("if true {\n", count) + "7\n" + Repeat("} else {\n0\n}\n", count) + "println(x)\n";
}

std::string Matches(int count) {
  return "let x = " + Repeat("match 1 {\n_ => ", count) + "7" + Repeat("\n}", count) + "\nprintln(x)\n";
}

std::string Loops(int count) {
  return Repeat("loop {\n", count) + "break\n" + Repeat("}\nbreak\n", count - 1) + "}\nprintln(7)\n";
}

// (|a: i64| (|a: i64| ... 7)(1))(1): closures inside closures, each called at once, so the
// types stay flat (the checker bounds how deeply types nest, separately).
std::string Closures(int count) {
  return "let x = " + Repeat("(|a: i64| ", count) + "7" + Repeat(")(1)", count) + "\nprintln(x)\n";
}

// [[[7][0]][0]][0]: arrays inside index expressions, flat types for the same reason.
std::string Arrays(int count) { return "let x = " + Repeat("[", count) + "7" + Repeat("][0]", count) + "\nprintln(x)\n"; }

// let ((((x)))) = 7: parenthesised patterns and types nest the parser, not the types.
std::string Patterns(int count) {
  return "let " + Repeat("(", count) + "x" + Repeat(")", count) + " = 7\nprintln(x)\n";
}

std::string Types(int count) {
  return "let x: " + Repeat("(", count) + "i64" + Repeat(")", count) + " = 7\nprintln(x)\n";
}

std::string Modules(int count) {
  return Repeat("mod m {\n", count) + "fun seven() -> i64 { 7 }\n" + Repeat("}\n", count) + "println(7)\n";
}

}  // namespace

const std::vector<Shape>& Shapes() {
  static const auto* const shapes = new std::vector<Shape>{
      {"sum", "terms", Sum, SumOutput},
      {"else_if", "`else if` arms", ElseIf, ElseIfOutput},
      {"method_chain", "chained calls", MethodChain, Seven},
      {"fstring", "nested f-strings", FString, Seven},
      {"parens", "nested parentheses", Parens, Seven},
      {"blocks", "nested blocks", Blocks, Seven},
      {"calls", "nested calls", Calls, Seven},
      {"pipeline", "pipeline stages", Pipeline, Seven},
      {"negations", "prefix operators", Negations, NegationsOutput},
      {"nested_ifs", "nested `if`s", NestedIfs, Seven},
      {"matches", "nested matches", Matches, Seven},
      {"loops", "nested loops", Loops, Seven},
      {"closures", "nested closures", Closures, Seven},
      {"arrays", "nested arrays", Arrays, Seven},
      {"types", "nested types", Types, Seven},
      {"patterns", "nested patterns", Patterns, Seven},
      {"modules", "nested modules", Modules, Seven},
  };
  return *shapes;
}

const Shape* FindShape(const std::string& name) {
  for (const Shape& shape : Shapes()) {
    if (name == shape.name) return &shape;
  }
  return nullptr;
}

}  // namespace ruchy::deep
