// The parser: tokens to a Program. Recursive descent for declarations and statements, precedence
// climbing for binary operators (levels from the reference parser's table, see parser.cc). It
// recovers at statement boundaries, so one run reports many errors and never gives up on a file.
#ifndef RUCHY_FRONTEND_PARSE_PARSER_H_
#define RUCHY_FRONTEND_PARSE_PARSER_H_

#include "ruchy_frontend/ast/ast.h"
#include "ruchy_frontend/source/diagnostics.h"

namespace ruchy {

Program Parse(const SourceFile& file, Diagnostics& diags);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_PARSE_PARSER_H_
