#include "ruchy_frontend/check/cpp_names.h"

#include <set>
#include <string_view>

namespace ruchy {

std::string CppIdent(const std::string& ruchy_name) {
  static const std::set<std::string_view> kReserved = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "case",
      "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "consteval",
      "constexpr", "constinit", "const_cast", "co_await", "co_return", "co_yield", "decltype",
      "default", "delete", "do", "double", "dynamic_cast", "explicit", "export", "extern", "float",
      "friend", "goto", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not",
      "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
      "reinterpret_cast", "requires", "short", "signed", "sizeof", "static", "static_assert",
      "static_cast", "switch", "template", "this", "thread_local", "typedef", "typeid", "typename",
      "union", "unsigned", "virtual", "void", "volatile", "wchar_t", "xor", "xor_eq", "main",
      "rt", "std", "errno", "assert", "NULL", "EOF", "stdin", "stdout", "stderr", "int64_t",
      "uint64_t", "int32_t", "uint32_t", "int8_t", "uint8_t", "int16_t", "uint16_t", "size_t",
      "abs", "exit", "free", "malloc", "printf", "puts", "time", "signal", "select", "kill",
      "read", "write", "open", "close", "random", "min", "max", "pow", "sqrt", "floor", "ceil",
      "round", "exp", "log", "sin", "cos", "tan", "div", "index", "y0", "y1", "j0", "j1", "gamma"};
  std::string out;
  for (size_t i = 0; i < ruchy_name.size(); ++i) {
    if (ruchy_name.compare(i, 2, "::") == 0) {
      out += "__";
      ++i;
    } else {
      unsigned char c = ruchy_name[i];
      out += (c >= 0x80) ? 'u' : static_cast<char>(c);
    }
  }
  if (kReserved.count(out) || (out.size() >= 2 && out[0] == '_' && (out[1] == '_' || std::isupper(static_cast<unsigned char>(out[1]))))) {
    out += "_";
  }
  return out;
}

}  // namespace ruchy
