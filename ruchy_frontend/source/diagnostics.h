// Diagnostics: every error the front end reports carries the position of the offending source
// text. Rendering follows the clang/rustc convention tools already understand:
//   hello.ruchy:3:9: error: unknown name `prnt`
//       prnt("hi")
//       ^~~~
#ifndef RUCHY_FRONTEND_SOURCE_DIAGNOSTICS_H_
#define RUCHY_FRONTEND_SOURCE_DIAGNOSTICS_H_

#include <string>
#include <vector>

#include "ruchy_frontend/source/source_file.h"

namespace ruchy {

enum class Severity { kError, kNote };

struct Diagnostic {
  Severity severity;
  Loc loc;
  uint32_t length;  // bytes underlined; at least one caret is drawn
  std::string message;
};

class Diagnostics {
 public:
  explicit Diagnostics(const SourceFile& file) : file_(file) {}

  void Error(Loc loc, std::string message, uint32_t length = 1);
  void Note(Loc loc, std::string message, uint32_t length = 1);

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  const SourceFile& file() const { return file_; }

  // `file:line:col: error: message`, then the source line and a caret under the position.
  std::string Render(const Diagnostic& d, bool color) const;
  std::string RenderAll(bool color) const;

  // A cap so a pathological input cannot produce unbounded output; later errors are counted.
  static constexpr int kMaxReported = 50;

 private:
  const SourceFile& file_;
  std::vector<Diagnostic> diagnostics_;
  int error_count_ = 0;
};

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_SOURCE_DIAGNOSTICS_H_
