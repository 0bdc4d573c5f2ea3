// The `ruchy` command line: transpile, check, run.
#ifndef RUCHY_FRONTEND_DRIVER_CLI_H_
#define RUCHY_FRONTEND_DRIVER_CLI_H_

namespace ruchy {

// Exit codes, stable for scripts.
enum ExitCode {
  kExitOk = 0,
  kExitCompileError = 1,  // the program has errors (diagnostics on stderr)
  kExitUsage = 2,         // bad command line
  kExitIo = 3,            // a file could not be read or written
  kExitToolchain = 4,     // `run`: the C++ compiler failed or is missing
};

int RunCli(int argc, char** argv);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_DRIVER_CLI_H_
