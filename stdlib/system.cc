// Out-of-line parts of ruchy/system.h.
#include "ruchy/system.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

extern char** environ;

namespace rt {

namespace {

void CheckVarName(const char* what, const std::string& name) {
  if (name.empty() || name.find('=') != std::string::npos || name.find('\0') != std::string::npos) {
    Fail(errors::kInvalidArgument, std::string(what) + ": invalid environment variable name " + DebugString(name));
  }
}

}  // namespace

Result<std::string, std::string> env_var(const std::string& name) {
  using R = Result<std::string, std::string>;
  if (name.find('\0') != std::string::npos) return R::Err("NotFound");
  const char* value = std::getenv(name.c_str());
  if (!value) return R::Err("NotFound");
  return R::Ok(value);
}

Map<std::string, std::string> env_vars() {
  Map<std::string, std::string> out;
  for (char** e = environ; e && *e; ++e) {
    std::string entry = *e;
    size_t eq = entry.find('=');
    if (eq == std::string::npos) continue;
    out.insert_or_assign(entry.substr(0, eq), entry.substr(eq + 1));
  }
  return out;
}

void env_set_var(const std::string& name, const std::string& value) {
  CheckVarName("env_set_var", name);
  if (value.find('\0') != std::string::npos) {
    Fail(errors::kInvalidArgument, "env_set_var: the value of " + name + " holds a NUL byte");
  }
  ::setenv(name.c_str(), value.c_str(), 1);
}

void env_remove_var(const std::string& name) {
  CheckVarName("env_remove_var", name);
  ::unsetenv(name.c_str());
}

int64_t timestamp_ms() {
  auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
}

void sleep_ms(int64_t ms) {
  if (ms < 0) Fail(errors::kInvalidArgument, "sleep: the duration must not be negative, found " + std::to_string(ms));
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

double random_unit() {
  static std::mt19937_64 engine{std::random_device{}()};
  // The top 53 bits of one draw, scaled: every double in [0, 1) on the 2^-53 grid, never 1.0.
  return static_cast<double>(engine() >> 11) * 0x1.0p-53;
}

}  // namespace rt
