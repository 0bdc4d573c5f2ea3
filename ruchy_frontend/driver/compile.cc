#include "ruchy_frontend/driver/compile.h"

#include "ruchy_frontend/check/checker.h"
#include "ruchy_frontend/codegen/cpp_emitter.h"
#include "ruchy_frontend/parse/parser.h"
#include "ruchy_frontend/source/diagnostics.h"

namespace ruchy {

CompileResult CompileSource(const std::string& path, std::string text, const CompileOptions& options) {
  SourceFile file(path, std::move(text));
  Diagnostics diags(file);
  CompileResult result;
  Program program = Parse(file, diags);
  // Type checking on a tree with syntax errors would mostly report their echoes.
  if (!diags.has_errors()) {
    TypeArena arena;
    CheckOptions check_options;
    check_options.lambda_handler = options.lambda_handler;
    CheckedProgram checked = Check(program, arena, diags, check_options);
    if (!diags.has_errors() && options.emit) {
      EmitOptions emit;
      emit.line_path = options.line_path.empty() ? path : options.line_path;
      emit.line_directives = options.line_directives;
      emit.entry = options.lambda_handler ? EmitOptions::Entry::kHandler : EmitOptions::Entry::kProgram;
      result.cpp = EmitCpp(checked, file, emit);
    }
  }
  result.ok = !diags.has_errors();
  result.error_count = diags.error_count();
  result.diagnostics = diags.RenderAll(options.color);
  return result;
}

}  // namespace ruchy
