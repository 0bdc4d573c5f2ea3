// C functions for tests/c_interop: they report what a Ruchy program passed them, so the test can
// prove that byte and string views reach C without a copy.
//
// Every allocation through the global operator new is counted (this library replaces it for the
// test binary): a copy of a Vec or a long String would be one, so a run of C calls whose count
// does not move made no copies. The remembered pointer shows that two views of one buffer are
// the same bytes, and a `&mut [u8]` view that C fills shows those bytes are the Vec's own.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

namespace {

uint64_t g_allocations = 0;
const void* g_remembered = nullptr;
size_t g_remembered_size = 0;

}  // namespace

void* operator new(size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

extern "C" {

uint64_t probe_allocations(void) { return g_allocations; }

void probe_remember(const void* data, size_t size) {
  g_remembered = data;
  g_remembered_size = size;
}

// Whether `data` is the remembered buffer; if so, writes "C!" into its first bytes.
bool probe_fill_if_remembered(void* data, size_t size) {
  if (data != g_remembered || size != g_remembered_size || size < 2) return false;
  std::memcpy(data, "C!", 2);
  return true;
}

// Whether a NUL-terminated string is the remembered buffer, with a NUL right after its bytes.
bool probe_is_remembered_cstr(const char* text) {
  return text == g_remembered && std::strlen(text) == g_remembered_size;
}

int64_t probe_sum(const void* data, size_t size) {
  const unsigned char* bytes = static_cast<const unsigned char*>(data);
  int64_t sum = 0;
  for (size_t i = 0; i < size; ++i) sum += bytes[i];
  return sum;
}

}  // extern "C"
