// The front end (lex, parse, check, generate) does work linear in the length of a program, for the
// shapes generated code has: the same global rebound line after line, many globals, many
// functions. Work is counted as heap allocations over the whole compile, which every stage makes
// per name, node and type, and which a scan per line (such as the search through `x_2 … x_n` that
// made 10,000 rebindings take 55 s) multiplies. Counts, not time: exact on a loaded machine.
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <new>
#include <string>

#include "gtest/gtest.h"
#include "ruchy_frontend/driver/compile.h"

namespace {

std::atomic<int64_t> g_allocations{0};

}  // namespace

// Every allocation of the process is counted (the front end runs on a thread of its own).
void* operator new(size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace ruchy {
namespace {

// A short program and one eight times as long: the longer one may cost at most this much more per
// line (allocations per line are a constant plus noise from container growth).
constexpr int kShortLines = 1000;
constexpr int kLongLines = 8 * kShortLines;
constexpr double kMaxGrowthPerLine = 1.25;

int64_t AllocationsToCompile(const std::string& text) {
  CompileOptions options;  // check and generate C++
  int64_t before = g_allocations.load();
  CompileResult result = CompileSource("scaling.ruchy", text, options);
  int64_t used = g_allocations.load() - before;
  EXPECT_TRUE(result.ok) << result.diagnostics.substr(0, 2000);
  return used;
}

void ExpectLinear(const std::function<std::string(int)>& program) {
  double per_line_short = static_cast<double>(AllocationsToCompile(program(kShortLines))) / kShortLines;
  double per_line_long = static_cast<double>(AllocationsToCompile(program(kLongLines))) / kLongLines;
  EXPECT_LE(per_line_long, per_line_short * kMaxGrowthPerLine)
      << "allocations per line: " << per_line_short << " for " << kShortLines << " lines, " << per_line_long
      << " for " << kLongLines;
}

TEST(FrontEndScalingTest, RebindingOneGlobal) {
  ExpectLinear([](int lines) {
    std::string text = "let x = 0\n";
    for (int i = 1; i < lines; ++i) text += "let x = x + 1\n";
    return text + "println(x)\n";
  });
}

TEST(FrontEndScalingTest, RebindingManyGlobals) {
  ExpectLinear([](int lines) {
    std::string text;
    for (int i = 0; i < lines; ++i) {
      std::string name = "v" + std::to_string(i % 50);
      text += i < 50 ? "let " + name + " = " + std::to_string(i) + "\n" : "let " + name + " = " + name + " * 2 + 1\n";
    }
    return text + "println(v7)\n";
  });
}

TEST(FrontEndScalingTest, ManyDistinctGlobals) {
  ExpectLinear([](int lines) {
    std::string text = "let g0 = 1\n";
    for (int i = 1; i < lines; ++i) text += "let g" + std::to_string(i) + " = g" + std::to_string(i - 1) + " + 1\n";
    return text + "println(g" + std::to_string(lines - 1) + ")\n";
  });
}

// Each function calls the one at half its index: calls chain log2(lines) deep. (A straight chain
// f1 -> f0, f2 -> f1, ... stops at 48 links: the checker checks a callee's body inside its
// caller's even when its signature is fully typed, and reports "too many nested generic
// instantiations" on a program without generics; left for the checker's owners.)
TEST(FrontEndScalingTest, ManyFunctions) {
  ExpectLinear([](int lines) {
    std::string text = "fun f0(a: i64) -> i64 { a }\n";
    for (int i = 1; i < lines; ++i) {
      text += "fun f" + std::to_string(i) + "(a: i64) -> i64 { f" + std::to_string(i / 2) + "(a) + 1 }\n";
    }
    return text + "fun main() { println(f" + std::to_string(lines - 1) + "(0)) }\n";
  });
}

}  // namespace
}  // namespace ruchy
