// Loaded source files and the mapping from byte offsets to file, line and column.
//
// A program can span several files (its module files and the Ruchy libraries it uses; see
// driver/modules.h). They share one offset space: each file added is appended to one text, so a
// Loc (one offset) names a file and a position in it, and the syntax tree needs no file field.
#ifndef RUCHY_FRONTEND_SOURCE_SOURCE_FILE_H_
#define RUCHY_FRONTEND_SOURCE_SOURCE_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ruchy {

// A position in the source: a byte offset. Line and column are computed on demand (only
// diagnostics and #line directives need them), which keeps tokens and AST nodes small.
struct Loc {
  uint32_t offset = 0;
};

struct LineCol {
  int line = 1;    // 1-based, within its file
  int column = 1;  // 1-based, in bytes
};

class SourceFile {
 public:
  // The first file (the program or library being compiled).
  SourceFile(std::string path, std::string text);

  // One file's place in the shared text: offsets [begin, end).
  struct Part {
    std::string path;
    uint32_t begin = 0;
    uint32_t end = 0;
    int first_line = 1;  // the global line number of its first line
  };
  // Appends another file and returns its index. Offsets of earlier files stay valid.
  size_t AddFile(std::string path, std::string_view text);
  size_t part_count() const { return parts_.size(); }
  const Part& part(size_t index) const { return parts_[index]; }
  // The file a position is in.
  size_t PartAt(Loc loc) const;

  // The first file's path.
  const std::string& path() const { return parts_[0].path; }
  const std::string& PathAt(Loc loc) const { return parts_[PartAt(loc)].path; }
  // All files' text, one after the other (each ends with a newline of its own or one added).
  std::string_view text() const { return text_; }
  LineCol Position(Loc loc) const;
  // The text of the line holding `loc`, without its newline.
  std::string_view LineAt(Loc loc) const;
  // The text of global line `line` (1-based; for a single file, its own line numbers).
  std::string_view Line(int line) const;

 private:
  int GlobalLine(uint32_t offset) const;
  void IndexLines(uint32_t from);

  std::string text_;
  std::vector<uint32_t> line_starts_;
  std::vector<Part> parts_;
};

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_SOURCE_SOURCE_FILE_H_
