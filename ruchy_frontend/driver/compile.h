// The front end as one call: source text in, C++ (or diagnostics) out. Used by the CLI, the
// Bazel rules (through the CLI), the fuzzers and the tests.
#ifndef RUCHY_FRONTEND_DRIVER_COMPILE_H_
#define RUCHY_FRONTEND_DRIVER_COMPILE_H_

#include <string>

namespace ruchy {

struct CompileOptions {
  bool emit = true;              // false: check only
  bool lambda_handler = false;   // a handler file (see LANGUAGE.md, "Lambda handlers")
  bool line_directives = true;
  bool color = false;            // ANSI colours in diagnostics
  std::string line_path;         // path used in #line; defaults to the file's path
};

struct CompileResult {
  bool ok = false;
  std::string cpp;          // the generated translation unit (when ok and emit)
  std::string diagnostics;  // rendered `file:line:col: error: ...` messages
  int error_count = 0;
};

CompileResult CompileSource(const std::string& path, std::string text, const CompileOptions& options);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_DRIVER_COMPILE_H_
