// libFuzzer: the lexer on arbitrary bytes. It must never crash or read out of bounds; every
// token must lie inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ruchy_frontend/lex/lexer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ruchy::SourceFile file("fuzz.ruchy", std::string(reinterpret_cast<const char*>(data), size));
  ruchy::Diagnostics diags(file);
  std::vector<ruchy::Token> tokens = ruchy::Lex(file, diags);
  if (tokens.empty() || tokens.back().kind != ruchy::Tok::kEof) std::abort();
  for (const ruchy::Token& t : tokens) {
    if (t.loc.offset + t.length > size) std::abort();
  }
  diags.RenderAll(false);
  return 0;
}
