#include "ruchy_frontend/driver/cli.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ruchy_frontend/driver/compile.h"
#include "ruchy_frontend/driver/run_command.h"

namespace ruchy {

namespace {

// Where the standard library's Ruchy-written modules are, in the repository and in runfiles.
constexpr const char* kStdSourceDir = "stdlib/std";

constexpr const char* kVersion = "ruchy 0.1.0 (ruchy-lambda front end, C++20 backend)";

constexpr const char* kUsage = R"(usage: ruchy <command> [options] FILE

Compiles Ruchy to C++20.

commands:
  transpile FILE [-o OUT]   write the generated C++ to OUT (default: stdout); with --header H,
                            the header goes to H and OUT includes it
  check FILE                report errors only; exit 1 if there are any
  run FILE [ARGS...]        compile (cached) and run the program with ARGS
  test FILE [ARGS...]       compile and run the file's #[test] functions, each reported by name
                            (ARGS: --list, --filter=GLOB); without tests, the same as `run`

options:
  --handler                 FILE is a Lambda handler (no main; see docs/language.md)
  --library                 `transpile`: no entry point; C++ calls the file's functions
  --line-path PATH          path written into #line directives (default: FILE as given)
  --label LABEL             the Bazel label FILE is compiled for; names its C++ namespace
  --dep NAME=ROOT           a Ruchy library FILE uses as `NAME::...`, whose root file is ROOT
                            (repeatable); module files are found next to FILE and ROOT
  --std-root DIR            the standard library's Ruchy modules (`use std::base64`); default:
                            the copy shipped with the compiler (stdlib/std in its runfiles)
  --header H                `transpile`: also write the header to H
  --header-include PATH     `transpile`: how OUT includes the header (default: H)
  --entry-function NAME     `transpile`: name the program's entry NAME instead of main
  --test                    `transpile`: the entry runs the file's #[test] functions, each a
                            case reported by name (`ruchy_test` uses it; docs/language.md)
  --no-line-directives      omit #line directives
  --color / --no-color      force diagnostics colour (default: on when stderr is a terminal)
  -v, --verbose             `run`: show compiler commands
  -h, --help                this help
  --version                 print the version

exit codes: 0 ok, 1 errors in the program, 2 bad usage, 3 file not readable/writable,
            4 C++ toolchain failure (run); `run` otherwise exits with the program's code.
)";

// Relative paths are relative to where the user ran the command, also under `bazel run`.
std::string UserPath(const std::string& path) {
  if (path.empty() || path[0] == '/' || path == "-") return path;
  if (const char* wd = std::getenv("BUILD_WORKING_DIRECTORY")) return std::string(wd) + "/" + path;
  return path;
}

bool ReadInput(const std::string& path, std::string& out) {
  if (path == "-") {
    std::ostringstream s;
    s << std::cin.rdbuf();
    out = s.str();
    return true;
  }
  std::ifstream in(UserPath(path), std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return !in.bad();
}

bool WriteOutput(const std::string& path, const std::string& text) {
  std::ofstream o(UserPath(path), std::ios::binary);
  o << text;
  o.close();
  if (!o) std::fprintf(stderr, "ruchy: cannot write %s\n", path.c_str());
  return static_cast<bool>(o);
}

// The standard library's Ruchy-written modules as shipped in the compiler's runfiles
// (//stdlib/std:srcs); "" when they are not there.
std::string ShippedStdRoot() {
  std::vector<std::string> roots;
  if (const char* r = std::getenv("RUNFILES_DIR")) roots.push_back(r);
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) roots.push_back(std::string(exe, n) + ".runfiles");
  for (const std::string& root : roots) {
    std::string dir = root + "/ruchy_lambda/" + kStdSourceDir;
    if (access(dir.c_str(), R_OK) == 0) return dir;
  }
  return "";
}

int Usage(const std::string& message) {
  std::fprintf(stderr, "ruchy: %s\n\n%s", message.c_str(), kUsage);
  return kExitUsage;
}

}  // namespace

int RunCli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage("missing command");
  std::string command = args[0];
  if (command == "-h" || command == "--help" || command == "help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (command == "--version" || command == "version") {
    std::printf("%s\n", kVersion);
    return kExitOk;
  }
  if (command != "transpile" && command != "check" && command != "run" && command != "test") {
    return Usage("unknown command `" + command + "`");
  }
  CompileOptions options;
  options.color = isatty(STDERR_FILENO);
  std::string file, out, header;
  bool verbose = false;
  std::vector<std::string> program_args;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (!file.empty() && (command == "run" || command == "test")) {
      program_args.push_back(a);  // everything after FILE belongs to the program
      continue;
    }
    if (a == "-o" && i + 1 < args.size()) {
      out = args[++i];
    } else if (a == "--handler") {
      options.lambda_handler = true;
    } else if (a == "--library") {
      options.library = true;
    } else if (a == "--test") {
      options.tests = true;
    } else if (a == "--line-path" && i + 1 < args.size()) {
      options.line_path = args[++i];
    } else if (a == "--label" && i + 1 < args.size()) {
      options.label = args[++i];
    } else if (a == "--dep" && i + 1 < args.size()) {
      std::string dep = args[++i];
      size_t eq = dep.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == dep.size()) return Usage("--dep wants NAME=ROOT, found `" + dep + "`");
      options.deps.push_back(Dependency{dep.substr(0, eq), dep.substr(eq + 1)});
    } else if (a == "--std-root" && i + 1 < args.size()) {
      options.std_root = args[++i];
    } else if (a == "--header" && i + 1 < args.size()) {
      header = args[++i];
    } else if (a == "--header-include" && i + 1 < args.size()) {
      options.header_include = args[++i];
    } else if (a == "--entry-function" && i + 1 < args.size()) {
      options.entry_function = args[++i];
    } else if (a == "--no-line-directives") {
      options.line_directives = false;
    } else if (a == "--color") {
      options.color = true;
    } else if (a == "--no-color") {
      options.color = false;
    } else if (a == "-v" || a == "--verbose") {
      verbose = true;
    } else if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      return Usage("unknown option `" + a + "`");
    } else if (file.empty()) {
      file = a;
    } else {
      return Usage("unexpected argument `" + a + "`");
    }
  }
  if (file.empty()) return Usage("missing FILE");
  if ((!out.empty() || !header.empty()) && command != "transpile") return Usage("-o and --header are only for `transpile`");
  if (!header.empty() && options.header_include.empty()) options.header_include = header;
  if (!options.header_include.empty() && header.empty()) return Usage("--header-include needs --header");
  std::string text;
  if (!ReadInput(file, text)) {
    std::fprintf(stderr, "ruchy: cannot read %s: %s\n", file.c_str(), std::strerror(errno));
    return kExitIo;
  }
  if (options.std_root.empty()) options.std_root = ShippedStdRoot();
  options.emit = command != "check";
  if (command == "test") options.tests = true;
  // Module files and libraries are read like FILE (relative to where the user ran the command).
  options.read_file = [](const std::string& path, std::string& text) { return path != "-" && ReadInput(path, text); };
  CompileResult result = CompileSource(file, std::move(text), options);
  std::fputs(result.diagnostics.c_str(), stderr);
  if (!result.ok) {
    std::fprintf(stderr, "%d error%s\n", result.error_count, result.error_count == 1 ? "" : "s");
    return kExitCompileError;
  }
  if (command == "check") return kExitOk;
  if (command == "run" || command == "test") return RunProgramFile(file, result.cpp, program_args, verbose);
  if (!header.empty() && !WriteOutput(header, result.header)) return kExitIo;
  if (out.empty()) {
    std::fwrite(result.cpp.data(), 1, result.cpp.size(), stdout);
    return kExitOk;
  }
  return WriteOutput(out, result.cpp) ? kExitOk : kExitIo;
}

}  // namespace ruchy
