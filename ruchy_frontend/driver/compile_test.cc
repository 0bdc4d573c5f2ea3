#include "ruchy_frontend/driver/compile.h"

#include <gtest/gtest.h>

namespace ruchy {
namespace {

constexpr const char* kProgram = R"(
struct P { x: i64 }
fun twice(v) { v + v }
let p = P { x: 2 }
println(twice(p.x), twice(1.5))
)";

TEST(CompileTest, OutputIsDeterministic) {
  CompileOptions options;
  CompileResult a = CompileSource("p.ruchy", kProgram, options);
  CompileResult b = CompileSource("p.ruchy", kProgram, options);
  ASSERT_TRUE(a.ok) << a.diagnostics;
  EXPECT_EQ(a.cpp, b.cpp);
}

TEST(CompileTest, LineDirectivesPointAtTheRuchySource) {
  CompileOptions options;
  options.line_path = "src/p.ruchy";
  CompileResult r = CompileSource("p.ruchy", kProgram, options);
  ASSERT_TRUE(r.ok) << r.diagnostics;
  EXPECT_NE(r.cpp.find("#line 3 \"src/p.ruchy\""), std::string::npos) << r.cpp;
  options.line_directives = false;
  EXPECT_EQ(CompileSource("p.ruchy", kProgram, options).cpp.find("#line"), std::string::npos);
}

TEST(CompileTest, GenericFunctionsBecomeOneOverloadPerInstance) {
  CompileResult r = CompileSource("p.ruchy", kProgram, {});
  ASSERT_TRUE(r.ok) << r.diagnostics;
  EXPECT_NE(r.cpp.find("int64_t r_twice(int64_t r_v)"), std::string::npos) << r.cpp;
  EXPECT_NE(r.cpp.find("double r_twice(double r_v)"), std::string::npos) << r.cpp;
}

TEST(CompileTest, CheckOnlyEmitsNothing) {
  CompileOptions options;
  options.emit = false;
  CompileResult r = CompileSource("p.ruchy", kProgram, options);
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.cpp.empty());
}

TEST(CompileTest, HandlerModeRequiresAHandlerAndForbidsMain) {
  CompileOptions options;
  options.lambda_handler = true;
  CompileResult none = CompileSource("h.ruchy", "println(1)\n", options);
  EXPECT_FALSE(none.ok);
  EXPECT_NE(none.diagnostics.find("needs `fun handler"), std::string::npos) << none.diagnostics;
  CompileResult with_main = CompileSource(
      "h.ruchy", "fun main() {}\nfun handler(e: Json, c: Context) -> Result<Json, Error> { Ok(e) }\n", options);
  EXPECT_NE(with_main.diagnostics.find("must not define `main()`"), std::string::npos) << with_main.diagnostics;
  CompileResult good =
      CompileSource("h.ruchy", "fun handler(e: Json, c: Context) -> Result<Json, Error> { Ok(e) }\n", options);
  ASSERT_TRUE(good.ok) << good.diagnostics;
  EXPECT_NE(good.cpp.find("lambda::ruchy_entry::Invoke"), std::string::npos);
  EXPECT_EQ(good.cpp.find("int main("), std::string::npos);
}

TEST(CompileTest, ErrorsCarryFileLineAndColumn) {
  CompileResult r = CompileSource("bad.ruchy", "let x = 1\nlet y = x - \"s\"\n", {});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_count, 1);
  EXPECT_EQ(r.diagnostics.rfind("bad.ruchy:2:11: error: cannot apply `-` to `{integer}` and `String`", 0), 0u)
      << r.diagnostics;
}

TEST(CompileTest, PathologicalNestingIsAnErrorNotACrash) {
  std::string deep = "let x = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
  CompileResult r = CompileSource("deep.ruchy", deep, {});
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("nested too deeply"), std::string::npos);
}

}  // namespace
}  // namespace ruchy
