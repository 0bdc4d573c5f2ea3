// C++20 generation from a checked program: one header and one source per Ruchy file, both in the
// file's own namespace (from its Bazel label, cpp_names.h), so any number of Ruchy files link into
// one binary. The header holds the types, globals and function prototypes; the source includes
// it (or, for a standalone translation unit, follows it) and holds the definitions and the entry
// point. Both carry `#line` directives so compiler errors, sanitizers and debuggers point at the
// .ruchy file. Output is deterministic: the same input gives the same bytes.
#ifndef RUCHY_FRONTEND_CODEGEN_CPP_EMITTER_H_
#define RUCHY_FRONTEND_CODEGEN_CPP_EMITTER_H_

#include <string>

#include "ruchy_frontend/check/checked_program.h"
#include "ruchy_frontend/source/source_file.h"

namespace ruchy {

struct EmitOptions {
  // The path written in #line directives (as given on the command line, or the Bazel label path).
  std::string line_path;
  bool line_directives = true;
  // kProgram: a `main` running top-level code then `main()`. kHandler: no main; the Lambda
  // bridge calls the generated entry points (see runtime/handler.h). kLibrary: no entry point;
  // C++ that links the file calls its functions, and its `g_top_level()` to run its top-level code.
  enum class Entry { kProgram, kHandler, kLibrary } entry = Entry::kProgram;
  // kProgram: the entry function's name (`main` when empty), for linking several programs into
  // one binary that chooses among them.
  std::string entry_function;
  // kProgram: when the file has `#[test]` functions, the entry runs them as test cases
  // (stdlib/ruchy/test_runner.h) after the top-level code, instead of calling `main()`.
  bool tests = false;
  // The C++ namespace of everything the file defines (FileNamespace of its label).
  std::string cpp_namespace = "rl::t_program";
  // How the source includes the header (`examples/hello/hello.h`); empty: the source does not
  // include it, and a standalone translation unit is header + source.
  std::string header_include;
};

struct CppOutput {
  std::string header;
  std::string source;
  // Header and source as one translation unit (for `ruchy run` and single-file builds).
  std::string Standalone() const;
};

CppOutput EmitCpp(const CheckedProgram& program, const SourceFile& file, const EmitOptions& options);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CODEGEN_CPP_EMITTER_H_
