// Hand-written C++ twin of string_building.ruchy.
#include <cstdint>
#include <cstdio>
#include <string>

int main() {
  std::string s;
  for (int64_t i = 0; i < 300000; ++i) {
    s += std::to_string(i);
    s += ',';
  }
  int64_t checksum = 0;
  for (unsigned char b : s) checksum = (checksum * 31 + b) % 1000000007;
  std::printf("%zu %lld\n", s.size(), static_cast<long long>(checksum));
  return 0;
}
