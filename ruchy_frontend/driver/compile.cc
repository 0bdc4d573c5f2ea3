#include "ruchy_frontend/driver/compile.h"

#include "ruchy_frontend/check/checker.h"
#include "ruchy_frontend/check/cpp_names.h"
#include "ruchy_frontend/codegen/cpp_emitter.h"
#include "ruchy_frontend/driver/modules.h"
#include "ruchy_frontend/driver/stack_thread.h"
#include "ruchy_frontend/parse/parser.h"
#include "ruchy_frontend/source/diagnostics.h"

namespace ruchy {
namespace {

// `dir/hello.ruchy` -> `//:hello`: a file outside any Bazel package still gets a namespace.
std::string DefaultLabel(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  if (name.size() > 6 && name.compare(name.size() - 6, 6, ".ruchy") == 0) name.resize(name.size() - 6);
  return "//:" + name;
}

void RunFrontEnd(const std::string& path, std::string text, const CompileOptions& options, CompileResult& result) {
  SourceFile file(path, std::move(text));
  Diagnostics diags(file);
  Program program;
  std::vector<std::string> package_roots = LoadModules(file, diags, program, options.deps, options.read_file, options.std_root);
  // Type checking on a tree with syntax errors would mostly report their echoes.
  if (!diags.has_errors()) {
    TypeArena arena;
    CheckOptions check_options;
    check_options.lambda_handler = options.lambda_handler;
    check_options.package_roots = package_roots;
    CheckedProgram checked = Check(program, arena, diags, check_options);
    if (!diags.has_errors() && options.emit) {
      EmitOptions emit;
      emit.line_path = options.line_path.empty() ? path : options.line_path;
      emit.line_directives = options.line_directives;
      emit.entry = options.lambda_handler ? EmitOptions::Entry::kHandler
                   : options.library        ? EmitOptions::Entry::kLibrary
                                            : EmitOptions::Entry::kProgram;
      emit.entry_function = options.entry_function;
      emit.tests = options.tests;
      emit.cpp_namespace = FileNamespace(options.label.empty() ? DefaultLabel(path) : options.label);
      emit.header_include = options.header_include;
      CppOutput out = EmitCpp(checked, file, emit);
      result.header = out.header;
      result.cpp = options.header_include.empty() ? out.Standalone() : out.source;
    }
  }
  result.ok = !diags.has_errors();
  result.error_count = diags.error_count();
  result.diagnostics = diags.RenderAll(options.color);
  for (const Diagnostic& d : diags.all()) result.kinds.push_back(d.kind);
}

}  // namespace

CompileResult CompileSource(const std::string& path, std::string text, const CompileOptions& options) {
  CompileResult result;
  StackThreadOptions thread;
  thread.stack_bytes = kFrontEndStackBytes;
  thread.measure = options.measure_stack;
  StackThreadResult run =
      RunOnStackThread(thread, [&] { RunFrontEnd(path, std::move(text), options, result); });
  if (!run.ran) {
    result = CompileResult{};
    result.error_count = 1;
    result.diagnostics = path + ": error: cannot run the compiler: " + run.error + "\n";
    return result;
  }
  result.stack_peak_bytes = run.peak_bytes;
  return result;
}

}  // namespace ruchy
