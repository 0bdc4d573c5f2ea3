// libFuzzer: the whole front end (parse, check, and C++ generation when the program is valid)
// on arbitrary bytes, as a program and as a Lambda handler.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ruchy_frontend/driver/compile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ruchy::CompileOptions options;
  options.lambda_handler = size > 0 && data[0] == '#';  // exercise both entry kinds
  ruchy::CompileResult result = ruchy::CompileSource("fuzz.ruchy", text, options);
  if (result.ok == (result.error_count > 0)) __builtin_trap();
  return 0;
}
