// Front-end speed: lines per second through lex, parse, check and C++ generation for a large
// generated program (functions, structs, closures, matches and loops in equal measure).
//
//   bazel run -c opt //ruchy_frontend/bench:frontend_speed -- [FUNCTIONS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ruchy_frontend/driver/compile.h"

namespace {

std::string Generate(int functions, int* lines) {
  std::string src;
  *lines = 0;
  auto line = [&](const std::string& s) {
    src += s;
    src += '\n';
    ++*lines;
  };
  for (int i = 0; i < functions; ++i) {
    std::string n = std::to_string(i);
    line("struct Item" + n + " { id: i64, name: String, score: f64 }");
    line("fun work" + n + "(xs: [i64], k: i64) -> i64 {");
    line("    let mut total = 0");
    line("    for x in xs {");
    line("        total += match x % 3 { 0 => x * k, 1 => x + k, _ => -x }");
    line("    }");
    line("    let item = Item" + n + " { id: total, name: f\"item {total}\", score: 1.5 }");
    line("    let doubled = xs.map(|v| v * 2).filter(|v| v > k)");
    line("    if item.name.len() > 3 { total + doubled.len() } else { total }");
    line("}");
  }
  line("let mut acc = 0");
  for (int i = 0; i < functions; ++i) line("acc += work" + std::to_string(i) + "([1, 2, 3], " + std::to_string(i) + ")");
  line("println(acc)");
  return src;
}

}  // namespace

int main(int argc, char** argv) {
  int functions = argc > 1 ? std::atoi(argv[1]) : 2000;
  int lines = 0;
  std::string src = Generate(functions, &lines);
  ruchy::CompileOptions options;
  // Warm-up, then the best of three.
  ruchy::CompileResult result = ruchy::CompileSource("bench.ruchy", src, options);
  if (!result.ok) {
    std::fprintf(stderr, "%s", result.diagnostics.c_str());
    return 1;
  }
  double best = 1e9;
  for (int round = 0; round < 3; ++round) {
    auto start = std::chrono::steady_clock::now();
    result = ruchy::CompileSource("bench.ruchy", src, options);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (s < best) best = s;
  }
  std::printf("front end: %d lines (%zu bytes) -> %zu bytes of C++ in %.1f ms: %.0f lines/s\n", lines, src.size(),
              result.cpp.size(), best * 1000, lines / best);
  return 0;
}
