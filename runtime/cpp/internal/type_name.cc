#include "runtime/cpp/internal/type_name.h"

#include <cstddef>
#include <cstring>
#include <string_view>

namespace lambda::internal {
namespace {

// Reads one <source-name> (decimal length, then that many characters) at *P into OUT, with "::"
// before it unless OUT is empty. False if it is not one.
bool ReadSourceName(const char** p, const char* end, std::string* out) {
  const char* s = *p;
  if (s == end || *s < '1' || *s > '9') return false;
  std::size_t length = 0;
  for (; s != end && *s >= '0' && *s <= '9'; ++s) {
    length = length * 10 + static_cast<std::size_t>(*s - '0');
    if (length > static_cast<std::size_t>(end - s)) return false;
  }
  if (static_cast<std::size_t>(end - s) < length) return false;
  std::string_view name(s, length);
  // libc++'s inline ABI namespace: std::__1::x is std::x to a reader.
  if (!(name == "__1" && *out == "std")) {
    if (!out->empty()) *out += "::";
    out->append(name);
  }
  *p = s + length;
  return true;
}

}  // namespace

std::string ReadableTypeName(const char* mangled) {
  const char* p = mangled;
  const char* end = mangled + std::strlen(mangled);
  std::string out;
  bool nested = false;
  if (end - p >= 1 && *p == 'N') {
    nested = true;
    ++p;
  }
  if (end - p >= 2 && p[0] == 'S' && p[1] == 't') {
    out = "std";
    p += 2;
  }
  int names = 0;
  while (p != end && *p != 'E') {
    if (!ReadSourceName(&p, end, &out)) return mangled;
    ++names;
    if (!nested) break;
  }
  if (nested) {
    if (p == end || *p != 'E') return mangled;
    ++p;
  }
  if (p != end || names == 0) return mangled;
  return out;
}

}  // namespace lambda::internal
