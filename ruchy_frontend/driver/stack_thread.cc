#include "ruchy_frontend/driver/stack_thread.h"

#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <exception>
#include <vector>

namespace ruchy {
namespace {

// Unmapped space below the stack. One page is not enough: a frame larger than the guard (ASan
// builds have frames of several KiB) steps over it into whatever is mapped below.
constexpr size_t kGuardBytes = size_t{1} << 20;

struct ThreadState {
  const std::function<void()>* work;
  std::exception_ptr exception;
};

void* ThreadMain(void* arg) {
  auto* state = static_cast<ThreadState*>(arg);
  try {
    (*state->work)();
  } catch (...) {
    state->exception = std::current_exception();
  }
  return nullptr;
}

// The stack grows down from the top of the mapping, and untouched pages of an anonymous mapping
// are not resident and read as zeros: the lowest non-zero byte of the lowest resident page is
// the deepest point the thread reached. Not instrumented: under ASan, shadow bytes of dead
// frames may still be marked.
__attribute__((no_sanitize("address"))) size_t TouchedBytes(unsigned char* low, size_t size, size_t page) {
  std::vector<unsigned char> resident(size / page);
  if (mincore(low, size, resident.data()) != 0) return size;
  size_t first = 0;
  while (first < resident.size() && !(resident[first] & 1)) ++first;
  size_t i = first * page;
  while (i < size && low[i] == 0) ++i;
  return size - i;
}

}  // namespace

StackThreadResult RunOnStackThread(const StackThreadOptions& options, const std::function<void()>& work) {
  StackThreadResult result;
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t stack = (options.stack_bytes + page - 1) / page * page;
  const size_t guard_bytes = (kGuardBytes + page - 1) / page * page;
  // The guard below the stack: an overflow faults instead of writing into other memory.
  void* mapping = mmap(nullptr, guard_bytes + stack, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapping == MAP_FAILED) {
    result.error = std::string("cannot map a ") + std::to_string(stack >> 20) + " MiB stack: " + std::strerror(errno);
    return result;
  }
  auto* guard = static_cast<unsigned char*>(mapping);
  unsigned char* low = guard + guard_bytes;
  mprotect(guard, guard_bytes, PROT_NONE);

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstack(&attr, low, stack);
  ThreadState state{&work, nullptr};
  pthread_t thread;
  int err = pthread_create(&thread, &attr, ThreadMain, &state);
  pthread_attr_destroy(&attr);
  if (err != 0) {
    munmap(mapping, guard_bytes + stack);
    result.error = std::string("cannot start a thread: ") + std::strerror(err);
    return result;
  }
  pthread_join(thread, nullptr);
  result.ran = true;
  if (options.measure) result.peak_bytes = TouchedBytes(low, stack, page);
  munmap(mapping, guard_bytes + stack);
  if (state.exception) std::rethrow_exception(state.exception);
  return result;
}

}  // namespace ruchy
