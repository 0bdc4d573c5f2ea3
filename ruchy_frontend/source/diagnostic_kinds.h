// Every diagnostic the front end can report is declared once, in diagnostic_kinds.def, with its
// severity, its message format and the types of its arguments. Stages report one with
// `diags.Emit<diag::kName>(loc, length, args...)`; a call with the wrong number or types of
// arguments does not compile, and //ruchy_frontend/tests/diagnostics:coverage_test fails when a
// kind has no test program that reports it. Message style: lowercase, no final period, code in
// backticks.
#ifndef RUCHY_FRONTEND_SOURCE_DIAGNOSTIC_KINDS_H_
#define RUCHY_FRONTEND_SOURCE_DIAGNOSTIC_KINDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>

namespace ruchy {

enum class Severity { kError, kNote };

// `Plural{3, "argument"}` renders as `3 arguments`.
struct Plural {
  int64_t count;
  const char* noun;
};

namespace diag {

enum Kind : uint16_t {
#define RUCHY_ERROR(Name, format, ...) k##Name,
#define RUCHY_NOTE(Name, format, ...) k##Name,
#include "ruchy_frontend/source/diagnostic_kinds.def"
#undef RUCHY_ERROR
#undef RUCHY_NOTE
  kKindCount,
};

// The declaration of each kind: its severity, format and argument types.
template <Kind K>
struct Spec;
#define RUCHY_ERROR(Name, format, ...)                      \
  template <>                                                \
  struct Spec<k##Name> {                                     \
    static constexpr Severity kSeverity = Severity::kError;  \
    static constexpr const char* kFormat = format;           \
    using Args = std::tuple<__VA_ARGS__>;                    \
  };
#define RUCHY_NOTE(Name, format, ...)                       \
  template <>                                                \
  struct Spec<k##Name> {                                     \
    static constexpr Severity kSeverity = Severity::kNote;   \
    static constexpr const char* kFormat = format;           \
    using Args = std::tuple<__VA_ARGS__>;                    \
  };
#include "ruchy_frontend/source/diagnostic_kinds.def"
#undef RUCHY_ERROR
#undef RUCHY_NOTE

// `UnknownName`, for tests and tools.
std::string_view KindName(Kind kind);
Severity KindSeverity(Kind kind);

// Argument rendering.
inline std::string ArgText(const std::string& s) { return s; }
inline std::string ArgText(int64_t n) { return std::to_string(n); }
inline std::string ArgText(const Plural& p) {
  return std::to_string(p.count) + " " + p.noun + (p.count == 1 ? "" : "s");
}

// The message: `{0}`, `{1}`, ... replaced by the rendered arguments; `{{` and `}}` are braces.
std::string FormatMessage(const char* format, const std::string* args, size_t count);

}  // namespace diag
}  // namespace ruchy

#endif  // RUCHY_FRONTEND_SOURCE_DIAGNOSTIC_KINDS_H_
