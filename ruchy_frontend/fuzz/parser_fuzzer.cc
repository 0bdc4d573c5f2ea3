// libFuzzer: lexer + parser on arbitrary bytes; diagnostics are rendered too (positions and
// carets must stay inside the source).
#include <cstddef>
#include <cstdint>
#include <string>

#include "ruchy_frontend/parse/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ruchy::SourceFile file("fuzz.ruchy", std::string(reinterpret_cast<const char*>(data), size));
  ruchy::Diagnostics diags(file);
  ruchy::Program program = ruchy::Parse(file, diags);
  diags.RenderAll(true);
  return 0;
}
