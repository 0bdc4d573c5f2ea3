// C++20 generation from a checked program. The output is one self-contained translation unit
// that includes the support library (`ruchy/prelude.h`), names everything after the source, and
// carries `#line` directives so compiler errors, sanitizers and debuggers point at the .ruchy
// file. Output is deterministic: the same input gives the same bytes.
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
  // bridge calls the generated entry points (see runtime/handler.h).
  enum class Entry { kProgram, kHandler, kNone } entry = Entry::kProgram;
};

std::string EmitCpp(const CheckedProgram& program, const SourceFile& file, const EmitOptions& options);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CODEGEN_CPP_EMITTER_H_
