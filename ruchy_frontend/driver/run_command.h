// `ruchy run FILE [ARGS]`: transpile, compile with clang (the same pinned clang 14 the Bazel
// toolchain uses) against the support library shipped next to the binary, cache the executable
// keyed by everything that affects it, and exec it.
#ifndef RUCHY_FRONTEND_DRIVER_RUN_COMMAND_H_
#define RUCHY_FRONTEND_DRIVER_RUN_COMMAND_H_

#include <string>
#include <vector>

namespace ruchy {

// Returns only on failure (an ExitCode); on success the process becomes the program.
int RunProgramFile(const std::string& display_path, const std::string& cpp, const std::vector<std::string>& args,
                   bool verbose);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_DRIVER_RUN_COMMAND_H_
