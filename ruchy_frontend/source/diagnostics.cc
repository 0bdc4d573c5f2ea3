#include "ruchy_frontend/source/diagnostics.h"

#include <algorithm>

namespace ruchy {

void Diagnostics::Add(Severity severity, diag::Kind kind, Loc loc, uint32_t length, std::string message) {
  if (severity == Severity::kError) ++error_count_;
  if (error_count_ > kMaxReported) return;
  diagnostics_.push_back({severity, loc, length, std::move(message), kind});
}

std::string Diagnostics::Render(const Diagnostic& d, bool color) const { return Render(d, color, /*header_only=*/false); }

std::string Diagnostics::Render(const Diagnostic& d, bool color, bool header_only) const {
  LineCol pos = file_.Position(d.loc);
  const char* bold = color ? "\x1b[1m" : "";
  const char* red = color ? "\x1b[1;31m" : "";
  const char* cyan = color ? "\x1b[1;36m" : "";
  const char* green = color ? "\x1b[1;32m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::string out;
  out += bold + file_.PathAt(d.loc) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
         ":" + reset + " ";
  out += d.severity == Severity::kError ? std::string(red) + "error:" : std::string(cyan) + "note:";
  out += std::string(reset) + " " + bold + d.message + reset + "\n";
  if (header_only) return out;
  std::string_view line = file_.LineAt(d.loc);
  out += "    ";
  // Tabs are kept so the caret lines up under them.
  out += line;
  out += "\n    ";
  for (int i = 1; i < pos.column && i - 1 < static_cast<int>(line.size()); ++i) {
    out += line[i - 1] == '\t' ? '\t' : ' ';
  }
  uint32_t room = line.size() >= static_cast<size_t>(pos.column - 1)
                      ? static_cast<uint32_t>(line.size() - (pos.column - 1))
                      : 0;
  uint32_t width = std::max<uint32_t>(1, std::min(d.length, room));
  out += green;
  out += '^';
  out += std::string(width - 1, '~');
  out += reset;
  out += "\n";
  return out;
}

std::string Diagnostics::RenderAll(bool color) const {
  std::string out;
  for (size_t i = 0; i < diagnostics_.size(); ++i) {
    const Diagnostic& d = diagnostics_[i];
    // A note about the text just shown ("did you mean `print`?") does not show it again.
    bool same_place = i > 0 && d.severity == Severity::kNote && diagnostics_[i - 1].loc.offset == d.loc.offset &&
                      diagnostics_[i - 1].length == d.length;
    out += Render(d, color, same_place);
  }
  if (error_count_ > kMaxReported) {
    out += std::to_string(error_count_ - kMaxReported) + " more errors not shown\n";
  }
  return out;
}

}  // namespace ruchy
