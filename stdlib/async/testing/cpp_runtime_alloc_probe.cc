// A bootstrap on the hand-written C++ runtime (//runtime/cpp) whose handler answers each invoke
// with the number of operator new calls the process made so far (testing/counting_allocator.h).
// The difference between two consecutive answers is what the runtime allocates per invoke: the
// handler itself allocates nothing (every string it makes fits in the small-string buffer), which
// it checks, answering an error if it did.
#include <cstdint>
#include <string>

#include "runtime/handler.h"
#include "stdlib/async/testing/counting_allocator.h"

int main() {
  return lambda::Run([](const lambda::Invocation&) {
    const uint64_t entry = rt::testing::AllocationCount();
    lambda::Response response = lambda::Response::Success(std::to_string(entry), "text/plain");
    if (rt::testing::AllocationCount() != entry) {
      return lambda::Response::Failure("ProbeAllocated", "the probe's own handler allocated");
    }
    return response;
  });
}
