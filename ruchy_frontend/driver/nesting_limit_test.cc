// The nesting limit end to end (kMaxNestingDepth, parse/parser.h; kFrontEndStackBytes,
// compile.h). For every deep shape, the deepest program the parser accepts goes through the
// checker and the generator on the front end's stack with room to spare, and one level more is
// the "nested too deeply" error, not a crash.
//
// ASan's frames are the largest, so this is the test that sizes the stack:
//   bazel test --config=asan //ruchy_frontend/driver:nesting_limit_test --test_output=all
// prints each shape's deepest program and the stack it used.
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "ruchy_frontend/driver/compile.h"
#include "ruchy_frontend/parse/parser.h"
#include "ruchy_frontend/testing/deep_programs.h"

namespace ruchy {
namespace {

using deep::Shape;
using deep::Shapes;

// The deepest program must leave at least this share of the stack unused.
constexpr size_t kStackMargin = 2;

bool Accepted(const Shape& shape, int count) {
  CompileOptions options;
  options.emit = false;
  CompileResult r = CompileSource("deep.ruchy", shape.program(count), options);
  if (!r.ok && r.diagnostics.find("expression nested too deeply") == std::string::npos) {
    ADD_FAILURE() << shape.name << " x" << count << " fails for another reason:\n" << r.diagnostics;
  }
  return r.ok;
}

// The largest count the parser accepts: the limit is on the tree, so it is found, not assumed.
int DeepestAccepted(const Shape& shape) {
  int lo = 1, hi = 4 * kMaxNestingDepth;  // accepted, rejected
  EXPECT_TRUE(Accepted(shape, lo)) << shape.name;
  EXPECT_FALSE(Accepted(shape, hi)) << shape.name;
  while (hi - lo > 1) {
    int mid = lo + (hi - lo) / 2;
    (Accepted(shape, mid) ? lo : hi) = mid;
  }
  return lo;
}

TEST(NestingLimitTest, DeepestProgramsCompileWithStackToSpareAndOneMoreLevelIsAnError) {
  std::printf("%-14s %6s  %-24s %12s %10s\n", "shape", "count", "unit", "stack used", "per count");
  size_t worst = 0;
  for (const Shape& shape : Shapes()) {
    SCOPED_TRACE(shape.name);
    int count = DeepestAccepted(shape);
    // Every shape reaches well into the limit: no construct counts more than three levels a step.
    EXPECT_GE(count, kMaxNestingDepth / 3 - 8);

    CompileOptions options;
    options.measure_stack = true;
    CompileResult deepest = CompileSource("deep.ruchy", shape.program(count), options);
    ASSERT_TRUE(deepest.ok) << deepest.diagnostics;
    EXPECT_FALSE(deepest.cpp.empty());
    EXPECT_LE(deepest.stack_peak_bytes, kFrontEndStackBytes / kStackMargin)
        << "the deepest " << shape.name << " program used " << deepest.stack_peak_bytes
        << " bytes of stack; kFrontEndStackBytes is " << kFrontEndStackBytes;
    worst = std::max(worst, deepest.stack_peak_bytes);
    std::printf("%-14s %6d  %-24s %9zu KiB %8zu B\n", shape.name, count, shape.unit, deepest.stack_peak_bytes >> 10,
                deepest.stack_peak_bytes / static_cast<size_t>(count));

    CompileResult deeper = CompileSource("deep.ruchy", shape.program(count + 1), {});
    EXPECT_FALSE(deeper.ok);
    EXPECT_EQ(deeper.error_count, 1) << deeper.diagnostics;
    EXPECT_NE(deeper.diagnostics.find("error: expression nested too deeply"), std::string::npos) << deeper.diagnostics;
    EXPECT_NE(deeper.diagnostics.find("note: at most " + std::to_string(kMaxNestingDepth) + " levels of nesting"),
              std::string::npos)
        << deeper.diagnostics;
  }
  std::printf("deepest stack: %zu KiB of %zu KiB (kFrontEndStackBytes)\n", worst >> 10, kFrontEndStackBytes >> 10);
}

// The checker checks a function's body at its first call, in the middle of the caller's, so its
// recursion stacks one body's depth on another's, as deep as instantiations may nest
// (kMaxInstantiationDepth, 48, in check/checker.cc). Each function here calls the next at the
// bottom of a 1,000-term sum.
TEST(NestingLimitTest, BodiesCheckedInsideBodiesFitTheStack) {
  constexpr int kFunctions = 47;
  std::string program;
  for (int i = 0; i < kFunctions; ++i) {
    program += "fun f" + std::to_string(i) + "(x: i64) -> i64 {\n  f" + std::to_string(i + 1) + "(x) +\n";
    for (int t = 0; t < 998; ++t) program += "x +\n";
    program += "x\n}\n";
  }
  program += "fun f" + std::to_string(kFunctions) + "(x: i64) -> i64 { x }\nprintln(f0(1))\n";
  CompileOptions options;
  options.measure_stack = true;
  CompileResult r = CompileSource("chain.ruchy", program, options);
  ASSERT_TRUE(r.ok) << r.diagnostics;
  std::printf("%d functions, each calling the next under a 1,000-term sum: %zu KiB of stack\n", kFunctions,
              r.stack_peak_bytes >> 10);
  EXPECT_LE(r.stack_peak_bytes, kFrontEndStackBytes / kStackMargin);
}

// Generated code's usual shapes are the ones the limit was chosen for.
TEST(NestingLimitTest, GeneratedCodeShapesFitAThousandDeep) {
  for (const char* name : {"sum", "else_if", "method_chain", "fstring", "pipeline"}) {
    const Shape* shape = deep::FindShape(name);
    ASSERT_NE(shape, nullptr);
    CompileResult r = CompileSource("deep.ruchy", shape->program(1000), {});
    EXPECT_TRUE(r.ok) << name << ":\n" << r.diagnostics;
  }
}

// What issue 12 found crashing `ruchy check`: now one error each.
TEST(NestingLimitTest, PathologicalProgramsAreOneError) {
  const struct {
    const char* shape;
    int count;
  } kCases[] = {{"sum", 2000}, {"else_if", 3000}, {"method_chain", 5000}, {"fstring", 2000}, {"parens", 100000}};
  for (const auto& c : kCases) {
    CompileOptions options;
    options.emit = false;
    CompileResult r = CompileSource("deep.ruchy", deep::FindShape(c.shape)->program(c.count), options);
    EXPECT_FALSE(r.ok) << c.shape;
    EXPECT_EQ(r.error_count, 1) << c.shape << ":\n" << r.diagnostics;
    EXPECT_NE(r.diagnostics.find("expression nested too deeply"), std::string::npos) << r.diagnostics;
  }
}

}  // namespace
}  // namespace ruchy
