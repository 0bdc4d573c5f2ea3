// File: stdlib/async/testing/cpp_runtime_allocations.h
//
// The hand-written C++ runtime's allocations per invoke, the baseline of issue 16's allocation
// bar: testing/cpp_runtime_alloc_probe (a bootstrap on //runtime/cpp with the counting allocator)
// runs against the emulator; each invoke answers the process's allocation count, and consecutive
// answers differ by what one invoke cost (GET /next, parsing the headers into the context, the
// handler call, POST /response, reading the reply). Used by the C++ async path's comparison
// (alloc_vs_cpp_runtime_test) and the Ruchy one (ruchy_frontend/tests/async).
#ifndef STDLIB_ASYNC_TESTING_CPP_RUNTIME_ALLOCATIONS_H_
#define STDLIB_ASYNC_TESTING_CPP_RUNTIME_ALLOCATIONS_H_

#include <cstdint>
#include <string>

namespace rt::testing {

struct PerInvoke {
  uint64_t min = UINT64_MAX;  // UINT64_MAX when no measured invoke completed
  uint64_t max = 0;
  std::string error;  // what went wrong, when something did
};

// Runs the probe bootstrap at PROBE_PATH with PAYLOAD as every event.
PerInvoke CppRuntimeAllocationsPerInvoke(const std::string& probe_path, const std::string& payload);

}  // namespace rt::testing

#endif  // STDLIB_ASYNC_TESTING_CPP_RUNTIME_ALLOCATIONS_H_
