// Ruchy names to C++ identifiers: C++ keywords and reserved names get a trailing underscore,
// module paths `a::b` become `a__b`.
#ifndef RUCHY_FRONTEND_CHECK_CPP_NAMES_H_
#define RUCHY_FRONTEND_CHECK_CPP_NAMES_H_

#include <string>

namespace ruchy {

std::string CppIdent(const std::string& ruchy_name);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CHECK_CPP_NAMES_H_
