// Diagnostics: every error the front end reports carries the position of the offending source
// text. Rendering follows the clang/rustc convention tools already understand:
//   hello.ruchy:3:9: error: unknown name `prnt`
//       prnt("hi")
//       ^~~~
#ifndef RUCHY_FRONTEND_SOURCE_DIAGNOSTICS_H_
#define RUCHY_FRONTEND_SOURCE_DIAGNOSTICS_H_

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "ruchy_frontend/source/diagnostic_kinds.h"
#include "ruchy_frontend/source/source_file.h"

namespace ruchy {

struct Diagnostic {
  Severity severity;
  Loc loc;
  uint32_t length;  // bytes underlined; at least one caret is drawn
  std::string message;
  diag::Kind kind;
};

class Diagnostics {
 public:
  explicit Diagnostics(const SourceFile& file) : file_(file) {}

  // Reports a declared diagnostic (diagnostic_kinds.def). The arguments must be those the kind
  // declares: anything else does not compile.
  template <diag::Kind K, typename... A>
  void Emit(Loc loc, uint32_t length, A&&... args) {
    using Args = typename diag::Spec<K>::Args;
    static_assert(std::tuple_size_v<Args> == sizeof...(A), "wrong number of arguments for this diagnostic");
    Args typed{std::forward<A>(args)...};
    std::string rendered[std::tuple_size_v<Args> + 1];
    std::apply([&](const auto&... a) {
      size_t i = 0;
      ((rendered[i++] = diag::ArgText(a)), ...);
    }, typed);
    Add(diag::Spec<K>::kSeverity, K, loc, length,
        diag::FormatMessage(diag::Spec<K>::kFormat, rendered, std::tuple_size_v<Args>));
  }

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  const SourceFile& file() const { return file_; }

  // `file:line:col: error: message`, then the source line and a caret under the position. In
  // RenderAll, a note at exactly the text of the diagnostic before it is its first line only.
  std::string Render(const Diagnostic& d, bool color) const;
  std::string RenderAll(bool color) const;

  // A cap so a pathological input cannot produce unbounded output; later errors are counted.
  static constexpr int kMaxReported = 50;

 private:
  std::string Render(const Diagnostic& d, bool color, bool header_only) const;
  void Add(Severity severity, diag::Kind kind, Loc loc, uint32_t length, std::string message);

  const SourceFile& file_;
  std::vector<Diagnostic> diagnostics_;
  int error_count_ = 0;
};

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_SOURCE_DIAGNOSTICS_H_
