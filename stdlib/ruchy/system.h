// The reference interpreter's environment, clock and randomness functions: `env_var(name)`,
// `env_args()`, `timestamp()`, `sleep(ms)`, `random()`.
#ifndef RUCHY_STD_SYSTEM_H_
#define RUCHY_STD_SYSTEM_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ruchy/collections.h"

namespace rt {

// `env_var(name)`: the value, or Err("NotFound") as the reference answers.
Result<std::string, std::string> env_var(const std::string& name);
// `env_vars()`: every variable of the process environment.
Map<std::string, std::string> env_vars();
// `env_set_var(name, value)`, `env_remove_var(name)`: a name that is empty or holds `=` or NUL is
// the runtime error Ruchy.InvalidArgument (Rust panics).
void env_set_var(const std::string& name, const std::string& value);
void env_remove_var(const std::string& name);
// `timestamp()`: milliseconds since the Unix epoch.
int64_t timestamp_ms();
// `sleep(ms)`: blocks the thread; a negative duration is the runtime error Ruchy.InvalidArgument.
void sleep_ms(int64_t ms);
// `random()`: a float in [0, 1), from a generator seeded once per process.
double random_unit();

}  // namespace rt

#endif  // RUCHY_STD_SYSTEM_H_
