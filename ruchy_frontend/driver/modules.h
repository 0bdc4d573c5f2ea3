// Loading the files of a program of several modules: its module files and the Ruchy libraries it
// depends on, all parsed into one Program over one SourceFile (shared offsets; source_file.h).
//
// How a module path maps to a file (docs/language.md, "Modules and packages"): a package is the
// program (module path "") or one Ruchy library it depends on (module path: the library's name);
// its root file sits in a directory D. Module `a::b` of a package is the file `D/a/b.ruchy`. A
// file module is loaded when `mod a;` declares it, or when a `use` starts with `a` and nothing
// named `a` is declared where the `use` is.
#ifndef RUCHY_FRONTEND_DRIVER_MODULES_H_
#define RUCHY_FRONTEND_DRIVER_MODULES_H_

#include <functional>
#include <string>
#include <vector>

#include "ruchy_frontend/ast/ast.h"
#include "ruchy_frontend/source/diagnostics.h"

namespace ruchy {

// A Ruchy library the program uses: `use NAME::...` reaches the items its root file declares
// (Bazel: a `ruchy_library` in `deps`, named after its target; CLI: `--dep NAME=ROOT`).
struct Dependency {
  std::string name;
  std::string root;  // path of its root file
};

// Reads a file; false if it cannot be read.
using FileReader = std::function<bool(const std::string& path, std::string& text)>;

// Parses the program (file part 0, already in `file`), then every module file and dependency it
// reaches, into `program`. Reports missing files, code outside declarations in module files, and
// import cycles between files. Returns the module paths of the dependencies (the checker stops
// name lookup at them).
//
// `std_root` is the directory of the standard library's Ruchy-written modules (stdlib/std): a
// `use std::NAME...` loads `std_root/NAME.ruchy` as module `std::NAME` of the package `std`, when
// that file exists; other `std::` paths (`std::collections::HashMap`) are the compiler's
// built-ins. Only the modules a program uses are read, so a program that uses none compiles as
// if the library were not there. Empty: no Ruchy-written standard library.
std::vector<std::string> LoadModules(SourceFile& file, Diagnostics& diags, Program& program,
                                     const std::vector<Dependency>& deps, const FileReader& read,
                                     const std::string& std_root = "");

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_DRIVER_MODULES_H_
