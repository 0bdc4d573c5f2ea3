#include "ruchy_frontend/check/cpp_names.h"

namespace ruchy {

namespace {

bool IsPlainAscii(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string Hex(std::string_view s) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

// A piece of a composite name: itself when it is plain ASCII, else `0` and its bytes in hex. A
// plain piece that is an identifier never starts with a digit, so the two forms cannot meet.
std::string Piece(std::string_view s) { return IsPlainAscii(s) ? std::string(s) : "0" + Hex(s); }

std::string LengthPrefixed(std::string_view s) {
  std::string p = Piece(s);
  return std::to_string(p.size()) + "_" + p;
}

}  // namespace

std::string UserIdent(std::string_view name) {
  if (name.find("::") != std::string_view::npos) {
    std::string out = "rm";
    size_t start = 0;
    while (true) {
      size_t end = name.find("::", start);
      out += LengthPrefixed(name.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      if (end == std::string_view::npos) return out;
      start = end + 2;
    }
  }
  return IsPlainAscii(name) ? "r_" + std::string(name) : "ru_" + Hex(name);
}

std::string MethodIdent(std::string_view name) { return "rf" + UserIdent(name).substr(1); }

std::string ShadowIdent(std::string_view name, int count) {
  std::string base = UserIdent(name);
  return count <= 1 ? base : "r" + std::to_string(count) + base.substr(1);
}

std::string GlobalIdent(std::string_view name, int count) {
  return "rg" + (count <= 1 ? std::string() : std::to_string(count)) + UserIdent(name).substr(1);
}

std::string LiftedIdent(std::string_view name, int count) {
  return "rn" + std::to_string(count) + UserIdent(name).substr(1);
}

std::string ExternIdent(std::string_view name) { return "rc" + UserIdent(name).substr(1); }

std::string TypeIdent(std::string_view name) { return "ty" + UserIdent(name).substr(1); }

std::string GenericInstanceIdent(std::string_view name, int count) {
  return "tg" + std::to_string(count) + UserIdent(name).substr(1);
}

std::string VariantMember(std::string_view variant, std::string_view field) {
  return "v" + LengthPrefixed(variant) + "_" + Piece(field);
}

std::string TempIdent(std::string_view purpose, int count) { return "t_" + std::string(purpose) + std::to_string(count); }

std::string FileNamespace(std::string_view label) {
  if (label.substr(0, 2) == "//") label.remove_prefix(2);
  size_t colon = label.find(':');
  std::string_view package = label.substr(0, colon);
  std::string_view target = colon == std::string_view::npos ? std::string_view() : label.substr(colon + 1);
  // Package segments and target segments get different prefixes: `//a/b:c` and `//a:b/c` differ.
  std::string out = "rl";
  auto add = [&](std::string_view path, const char* prefix) {
    size_t start = 0;
    while (start <= path.size()) {
      size_t end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      if (end > start) out += std::string("::") + prefix + Piece(path.substr(start, end - start));
      start = end + 1;
    }
  };
  add(package, "s_");
  add(target, "t_");
  return out;
}

}  // namespace ruchy
