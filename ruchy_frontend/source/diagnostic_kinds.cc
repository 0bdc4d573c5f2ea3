#include "ruchy_frontend/source/diagnostic_kinds.h"

namespace ruchy::diag {

namespace {

struct KindInfo {
  std::string_view name;
  Severity severity;
};

constexpr KindInfo kKinds[] = {
#define RUCHY_ERROR(Name, format, ...) {#Name, Severity::kError},
#define RUCHY_NOTE(Name, format, ...) {#Name, Severity::kNote},
#include "ruchy_frontend/source/diagnostic_kinds.def"
#undef RUCHY_ERROR
#undef RUCHY_NOTE
};

}  // namespace

std::string_view KindName(Kind kind) { return kind < kKindCount ? kKinds[kind].name : "Invalid"; }
Severity KindSeverity(Kind kind) { return kind < kKindCount ? kKinds[kind].severity : Severity::kError; }

std::string FormatMessage(const char* format, const std::string* args, size_t count) {
  std::string out;
  for (const char* p = format; *p; ++p) {
    if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
      out += *p++;  // `{{` and `}}` are braces
    } else if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}' && static_cast<size_t>(p[1] - '0') < count) {
      out += args[p[1] - '0'];
      p += 2;
    } else {
      out += *p;
    }
  }
  return out;
}

}  // namespace ruchy::diag
