// The front end as one call: source text in, C++ (or diagnostics) out. Used by the CLI, the
// Bazel rules (through the CLI), the fuzzers and the tests.
#ifndef RUCHY_FRONTEND_DRIVER_COMPILE_H_
#define RUCHY_FRONTEND_DRIVER_COMPILE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "ruchy_frontend/driver/modules.h"
#include "ruchy_frontend/source/diagnostic_kinds.h"

namespace ruchy {

// The stack the front end runs on (a thread of its own, see CompileSource). The parser bounds the
// syntax tree's depth (kMaxNestingDepth, parse/parser.h) and the checker and the generator
// recurse over that tree, but the checker also checks a function's body at its first call, inside
// the caller's, up to 48 bodies deep (kMaxInstantiationDepth, check/checker.cc). Measured in the
// most stack-hungry build (ASan, -O0; nesting_limit_test): the deepest tree takes 27 MiB, 48
// bodies each calling the next under a 1,000-term sum take 537 MiB. This leaves room for twice
// that. It is address space only: pages are touched as the recursion reaches them.
inline constexpr size_t kFrontEndStackBytes = size_t{2} << 30;

struct CompileOptions {
  bool emit = true;              // false: check only
  bool lambda_handler = false;   // a handler file (docs/language.md, "Lambda handlers")
  bool library = false;          // no entry point: C++ calls the file's functions (docs/cli.md)
  bool line_directives = true;
  bool color = false;            // ANSI colours in diagnostics
  std::string line_path;         // path used in #line; defaults to the file's path
  // The Bazel label the file is compiled for; its C++ namespace comes from it (cpp_names.h).
  // Default: `//:` and the file's name without `.ruchy`.
  std::string label;
  // How the source includes the header; empty: `cpp` is one standalone translation unit.
  std::string header_include;
  std::string entry_function;    // program mode: the entry's name instead of `main`
  bool tests = false;            // program mode: with `#[test]` functions, the entry runs them
  bool measure_stack = false;    // report CompileResult::stack_peak_bytes (tests, measurements)
  // Module files and libraries (driver/modules.h): the Ruchy libraries the file uses, and how
  // files are read. Without a reader, no file but the one given is read (a `mod name;` or a
  // `use` of a file is then an error): the fuzzers and unit tests compile text alone.
  std::vector<Dependency> deps;
  FileReader read_file;
  // The directory of the standard library's Ruchy-written modules (stdlib/std), read through
  // read_file; empty: `use std::NAME` reaches only the built-ins (driver/modules.h).
  std::string std_root;
};

struct CompileResult {
  bool ok = false;
  std::string cpp;          // the generated source (when ok and emit); standalone unless
                            // CompileOptions::header_include was set
  std::string header;       // the generated header (when ok and emit)
  std::string diagnostics;  // rendered `file:line:col: error: ...` messages
  int error_count = 0;
  std::vector<diag::Kind> kinds;  // the declared kind of each diagnostic, in order
  size_t stack_peak_bytes = 0;    // with CompileOptions::measure_stack: stack the front end used
};

// Lexes, parses, checks and (with options.emit) generates C++, on a thread with
// kFrontEndStackBytes of stack, so any caller's thread will do.
CompileResult CompileSource(const std::string& path, std::string text, const CompileOptions& options);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_DRIVER_COMPILE_H_
