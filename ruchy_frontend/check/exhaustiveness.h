// Which values a `match` leaves unmatched, found with the usefulness algorithm over the arms'
// patterns (Maranget, "Warnings for pattern matching", 2007). Matches on enums, bool, Option and
// Result (and tuples and structs of them) must be exhaustive (docs/language.md); numbers, strings,
// chars and vectors have too many values to list, so their literal patterns count as covering
// everything here, and a value none of them matches is the runtime error `Ruchy.NoMatch`.
#ifndef RUCHY_FRONTEND_CHECK_EXHAUSTIVENESS_H_
#define RUCHY_FRONTEND_CHECK_EXHAUSTIVENESS_H_

#include <functional>
#include <string>
#include <vector>

#include "ruchy_frontend/ast/ast.h"
#include "ruchy_frontend/check/checked_program.h"

namespace ruchy {

struct MatchCoverage {
  std::vector<std::string> missing;  // patterns no arm covers, as Ruchy text (at most a few)
  size_t more = 0;                   // how many more were left unnamed
};

// `arms`: the patterns of the arms without guards, in order. `types` resolves user types.
MatchCoverage CheckCoverage(const std::vector<const Pattern*>& arms, Type* scrutinee,
                            const std::map<std::string, TypeInfo>& types);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CHECK_EXHAUSTIVENESS_H_
