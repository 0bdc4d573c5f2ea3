// "Did you mean": the known name closest to a misspelt one, for the checker's unknown-name,
// unknown-function, no-method, no-field and unknown-type errors.
#ifndef RUCHY_FRONTEND_CHECK_SIMILAR_NAMES_H_
#define RUCHY_FRONTEND_CHECK_SIMILAR_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace ruchy {

// The edit distance between two names counting an insertion, a deletion, a substitution or a
// swap of two neighbouring bytes as one edit (optimal string alignment), with `limit + 1`
// standing for anything above `limit`.
int NameDistance(std::string_view a, std::string_view b, int limit);

// The candidate a reader most likely meant by `typo`, or "" when none is close enough: a name
// that differs only in case wins; otherwise the fewest edits, at most a third of the typo's
// length (and at least one), with ties going to the first such candidate in sorted order so the
// answer does not depend on the order of `candidates`. `typo` itself and names shorter than two
// bytes are never suggested.
std::string ClosestName(std::string_view typo, const std::vector<std::string>& candidates);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CHECK_SIMILAR_NAMES_H_
