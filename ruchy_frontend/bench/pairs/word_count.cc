// Hand-written C++ twin of word_count.ruchy (same words, same order of ties: smallest word wins).
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

int main() {
  std::vector<std::string> vocab;
  for (int64_t i = 0; i < 5000; ++i) vocab.push_back("w" + std::to_string(i * 7919 % 100003));
  std::unordered_map<std::string, int64_t> counts;
  int64_t seed = 42;
  for (int64_t n = 0; n < 1000000; ++n) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    ++counts[vocab[seed % 5000]];
  }
  std::string best;
  int64_t best_count = 0;
  for (const auto& [w, c] : counts) {
    if (c > best_count || (c == best_count && w < best)) {
      best = w;
      best_count = c;
    }
  }
  std::printf("%zu %s %lld\n", counts.size(), best.c_str(), static_cast<long long>(best_count));
  return 0;
}
