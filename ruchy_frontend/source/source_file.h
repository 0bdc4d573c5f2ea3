// A loaded source file and the mapping from byte offsets to line/column positions.
#ifndef RUCHY_FRONTEND_SOURCE_SOURCE_FILE_H_
#define RUCHY_FRONTEND_SOURCE_SOURCE_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ruchy {

// A position in a source file: a byte offset. Line and column are computed on demand (only
// diagnostics and #line directives need them), which keeps tokens and AST nodes small.
struct Loc {
  uint32_t offset = 0;
};

struct LineCol {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in bytes
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  LineCol Position(Loc loc) const;
  // The text of the line (1-based) without its newline.
  std::string_view Line(int line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_SOURCE_SOURCE_FILE_H_
