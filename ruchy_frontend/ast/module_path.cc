#include "ruchy_frontend/ast/module_path.h"

namespace ruchy::module_path {
namespace {

constexpr std::string_view kSeparator = "::";

struct Keyword {
  std::string_view spelling;
  Anchor anchor;
};
constexpr Keyword kKeywords[] = {
    {"crate", Anchor::kCrate},
    {"self", Anchor::kSelf},
    {"super", Anchor::kSuper},
    {"std", Anchor::kStd},
};

}  // namespace

Anchor AnchorOf(std::string_view segment) {
  for (const Keyword& k : kKeywords) {
    if (k.spelling == segment) return k.anchor;
  }
  return Anchor::kName;
}

std::string Qualified(const std::string& module, const std::string& name) {
  return module.empty() ? name : module + std::string(kSeparator) + name;
}

std::string Parent(const std::string& path) {
  size_t colon = path.rfind(kSeparator);
  return colon == std::string::npos ? "" : path.substr(0, colon);
}

bool Inside(const std::string& module, const std::string& outer) {
  return outer.empty() || module == outer || module.rfind(outer + std::string(kSeparator), 0) == 0;
}

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t colon = path.find(kSeparator, start);
    out.push_back(path.substr(start, colon - start));
    if (colon == std::string::npos) return out;
    start = colon + kSeparator.size();
  }
}

std::string DisplayName(const std::string& module) {
  return module.empty() ? std::string(kKeywords[0].spelling) : module;
}

}  // namespace ruchy::module_path
