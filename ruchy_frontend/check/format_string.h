// Format strings (`println("{} is {:.2}", a, b)`, `format!(...)`) and format specs (also the
// `{x:spec}` of f-strings), parsed in one place for the checker and the code generator.
#ifndef RUCHY_FRONTEND_CHECK_FORMAT_STRING_H_
#define RUCHY_FRONTEND_CHECK_FORMAT_STRING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruchy {

// `[[fill]align][+][0][width][.precision][kind]`, kind one of `? x X b o e`; `#?` is `?`.
struct FormatSpec {
  char fill = 0;   // 0: the default (a space)
  char align = 0;  // '<', '>', '^' or 0
  bool plus = false;
  bool zero = false;
  int width = -1;
  int precision = -1;
  char kind = 0;
};

// The spec after the `:`; nullopt for anything outside the grammar above.
std::optional<FormatSpec> ParseFormatSpec(std::string_view spec);

struct FormatPiece {
  std::string text;  // literal text (braces unescaped), when `arg` is -1
  int arg = -1;      // a hole: the index of the argument it prints (after the format string)
  std::string spec;  // the hole's spec, without the `:`
};

struct FormatString {
  std::vector<FormatPiece> pieces;
  int holes = 0;              // number of holes
  int arguments_needed = 0;   // 1 + the largest argument index a hole uses
  bool explicit_index = false;
  std::string error;          // a hole that is not `{}`, `{N}`, `{:spec}` or `{N:spec}`
};

// `{{` and `}}` are braces; `{}` takes the next argument, `{N}` argument N; an unclosed `{` and a
// lone `}` are literal text (the reference prints them).
FormatString ParseFormatString(std::string_view text);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CHECK_FORMAT_STRING_H_
