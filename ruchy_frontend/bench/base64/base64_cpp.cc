// The C++ runtime's base64 (runtime/cpp/http/base64.cc) on the same work as base64_ruchy.ruchy:
// the same bytes, rounds, checksum on stdout and rates on stderr.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "runtime/cpp/http/base64.h"

namespace {

constexpr int64_t kSize = 1048576;
constexpr int kRounds = 40;

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int main() {
  std::string data;
  data.reserve(kSize);
  int64_t seed = 42;
  for (int64_t i = 0; i < kSize; ++i) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    data.push_back(static_cast<char>((seed >> 16) & 255));
  }
  std::string text;
  int64_t start = NowNs();
  for (int r = 0; r < kRounds; ++r) text = lambda::http::Base64Encode(data);
  int64_t encode_ns = NowNs() - start;
  std::string decoded;
  start = NowNs();
  for (int r = 0; r < kRounds; ++r) {
    if (!lambda::http::Base64Decode(text, &decoded)) return 1;
  }
  int64_t decode_ns = NowNs() - start;
  int64_t sum = 0;
  for (unsigned char b : decoded) sum = (sum * 31 + b) % 1000000007;
  std::printf("%zu %zu %lld\n", text.size(), decoded.size(), static_cast<long long>(sum));
  double mib = static_cast<double>(kSize) * kRounds / 1048576.0;
  std::fprintf(stderr, "encode_mib_s %.1f decode_mib_s %.1f\n", mib / (encode_ns / 1e9), mib / (decode_ns / 1e9));
  return 0;
}
