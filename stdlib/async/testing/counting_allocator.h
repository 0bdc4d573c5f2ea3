// File: stdlib/async/testing/counting_allocator.h
//
// A test-only replacement of the global operator new/delete (every form) that counts
// allocations, for allocation budgets. Link it (alwayslink) into a test binary and read
// AllocationCount() before and after the code under test. Forwards to malloc/free.
// It counts operator new only: direct malloc calls (glibc's own, setenv's) are not seen, which
// undercounts the C++ runtime's baseline, never the async path (it has no malloc calls).
#ifndef STDLIB_ASYNC_TESTING_COUNTING_ALLOCATOR_H_
#define STDLIB_ASYNC_TESTING_COUNTING_ALLOCATOR_H_

#include <cstdint>

namespace rt::testing {

// Allocations through operator new since the process started (all threads).
uint64_t AllocationCount();

}  // namespace rt::testing

// The same count for C callers: a Ruchy program reads it through `extern "C"`.
extern "C" uint64_t rt_testing_allocation_count();

#endif  // STDLIB_ASYNC_TESTING_COUNTING_ALLOCATOR_H_
