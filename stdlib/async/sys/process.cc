#include "stdlib/async/sys/process.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

namespace {

bool ValidName(const char* name) { return name != nullptr && name[0] != '\0' && std::strchr(name, '=') == nullptr; }

}  // namespace

extern "C" {

const char* rt_env_get(const char* name) { return ValidName(name) ? ::getenv(name) : nullptr; }

int rt_env_set(const char* name, const char* value) {
  if (!ValidName(name) || value == nullptr) return -EINVAL;
  return ::setenv(name, value, 1) == 0 ? 0 : -errno;
}

int rt_env_unset(const char* name) {
  if (!ValidName(name)) return -EINVAL;
  return ::unsetenv(name) == 0 ? 0 : -errno;
}

void rt_process_exit(int code) {
  std::fflush(nullptr);
  ::_exit(code);
}

}  // extern "C"
