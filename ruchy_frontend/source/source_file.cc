#include "ruchy_frontend/source/source_file.h"

#include <algorithm>

namespace ruchy {

SourceFile::SourceFile(std::string path, std::string text) : text_(std::move(text)) {
  line_starts_.push_back(0);
  IndexLines(0);
  parts_.push_back(Part{std::move(path), 0, static_cast<uint32_t>(text_.size()), 1});
}

void SourceFile::IndexLines(uint32_t from) {
  for (uint32_t i = from; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

size_t SourceFile::AddFile(std::string path, std::string_view text) {
  // The previous file's last line must end, so that no line spans two files.
  if (!text_.empty() && text_.back() != '\n') {
    text_ += '\n';
    line_starts_.push_back(static_cast<uint32_t>(text_.size()));
  }
  uint32_t begin = static_cast<uint32_t>(text_.size());
  text_ += text;
  IndexLines(begin);
  parts_.push_back(Part{std::move(path), begin, static_cast<uint32_t>(text_.size()), GlobalLine(begin)});
  return parts_.size() - 1;
}

size_t SourceFile::PartAt(Loc loc) const {
  // The last part that begins at or before the offset (an empty file's part holds nothing).
  size_t found = 0;
  for (size_t i = 1; i < parts_.size(); ++i) {
    if (parts_[i].begin <= loc.offset) found = i;
  }
  return found;
}

int SourceFile::GlobalLine(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(it - line_starts_.begin());
}

LineCol SourceFile::Position(Loc loc) const {
  uint32_t offset = std::min<uint32_t>(loc.offset, text_.size());
  int line = GlobalLine(offset);
  const Part& part = parts_[PartAt(Loc{offset})];
  return LineCol{line - part.first_line + 1, static_cast<int>(offset - line_starts_[line - 1]) + 1};
}

std::string_view SourceFile::LineAt(Loc loc) const {
  return Line(GlobalLine(std::min<uint32_t>(loc.offset, text_.size())));
}

std::string_view SourceFile::Line(int line) const {
  if (line < 1 || line > static_cast<int>(line_starts_.size())) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < static_cast<int>(line_starts_.size()) ? line_starts_[line] - 1
                                                                : text_.size();
  std::string_view view(text_);
  view = view.substr(begin, end - begin);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

}  // namespace ruchy
