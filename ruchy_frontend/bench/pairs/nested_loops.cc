// Hand-written C++ twin of nested_loops.ruchy.
#include <cstdint>
#include <cstdio>

int main() {
  int64_t total = 0;
  for (int64_t round = 0; round < 20; ++round) {
    int64_t sum = 0;
    for (int64_t i = 0; i < 1000; ++i) {
      for (int64_t j = 0; j < 1000; ++j) sum += i * j + round;
    }
    total += sum;
  }
  std::printf("%lld\n", static_cast<long long>(total));
  return 0;
}
