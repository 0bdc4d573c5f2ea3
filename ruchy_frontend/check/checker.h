// Name resolution and type checking: a Program to a CheckedProgram, or diagnostics at the
// offending source positions. A program whose types cannot be settled is rejected, never guessed.
#ifndef RUCHY_FRONTEND_CHECK_CHECKER_H_
#define RUCHY_FRONTEND_CHECK_CHECKER_H_

#include <string>
#include <vector>

#include "ruchy_frontend/ast/ast.h"
#include "ruchy_frontend/check/checked_program.h"
#include "ruchy_frontend/source/diagnostics.h"

namespace ruchy {

struct CheckOptions {
  // Handler files: top-level code runs once at init, a handler function is required, and
  // `main()` is an error.
  bool lambda_handler = false;
  // The module paths of the Ruchy libraries in the program (driver/modules.h): a name is looked
  // up outward from where it is used, but not past the root of its library.
  std::vector<std::string> package_roots;
};

CheckedProgram Check(const Program& program, TypeArena& arena, Diagnostics& diags,
                     const CheckOptions& options = {});

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CHECK_CHECKER_H_
