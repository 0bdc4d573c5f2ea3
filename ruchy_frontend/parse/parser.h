// The parser: tokens to a Program. Recursive descent for declarations and statements, precedence
// climbing for binary operators (levels from the reference parser's table, see expressions.cc).
// It recovers at statement boundaries, so one run reports many errors and never gives up on a
// file, except past the nesting limit below.
#ifndef RUCHY_FRONTEND_PARSE_PARSER_H_
#define RUCHY_FRONTEND_PARSE_PARSER_H_

#include <string>

#include "ruchy_frontend/ast/ast.h"
#include "ruchy_frontend/source/diagnostics.h"

namespace ruchy {

// The deepest syntax tree the parser builds. Every pass after it (checker, generator, the tree's
// destructor) recurses over the tree and may rely on this bound; the driver runs them on a stack
// sized for it (kFrontEndStackBytes, driver/compile.h). Levels are counted as the tree is built:
// each nested expression, block, statement, pattern and type is one, and so is each link of a
// left-deep chain that the parser builds in a loop: every operand of `a + b + c`, every call,
// method, field or index of `a.f().g[0]`, every `else if`, every f-string hole. Past the limit
// the parser reports "expression nested too deeply" once and skips the rest of the file.
//
// 1024 admits the long shapes generated code takes (a 1,000-term sum, a 1,000-arm `else if`
// chain) while the generated C++ stays within what clang compiles: clang 14 crashes on
// expressions nested much deeper than 1,700 (docs/language.md, "Limits").
inline constexpr int kMaxNestingDepth = 1024;

// Lexes and parses `file`. It recurses as deep as the tree it builds: run it on a stack like the
// driver's (kFrontEndStackBytes, driver/compile.h).
Program Parse(const SourceFile& file, Diagnostics& diags);

// Lexes and parses file `part` of a program of several files (SourceFile::AddFile) into
// `program`, its items in module `module` (a file's module path; "" for the program's own file).
void ParsePart(const SourceFile& file, size_t part, Diagnostics& diags, const std::string& module, Program& program);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_PARSE_PARSER_H_
