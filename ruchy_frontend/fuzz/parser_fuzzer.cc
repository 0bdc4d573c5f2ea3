// libFuzzer: lexer + parser on arbitrary bytes; diagnostics are rendered too (positions and
// carets must stay inside the source). The parser recurses as deep as the tree it builds, up to
// kMaxNestingDepth, so it runs on the stack the driver gives it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ruchy_frontend/driver/compile.h"
#include "ruchy_frontend/driver/stack_thread.h"
#include "ruchy_frontend/parse/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ruchy::SourceFile file("fuzz.ruchy", std::string(reinterpret_cast<const char*>(data), size));
  ruchy::Diagnostics diags(file);
  ruchy::StackThreadOptions options;
  options.stack_bytes = ruchy::kFrontEndStackBytes;
  ruchy::StackThreadResult run = ruchy::RunOnStackThread(options, [&] {
    ruchy::Program program = ruchy::Parse(file, diags);
    diags.RenderAll(true);
  });
  if (!run.ran) __builtin_trap();
  return 0;
}
