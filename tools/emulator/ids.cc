#include "tools/emulator/ids.h"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <random>

namespace lambda::emulator {
namespace {

uint64_t Random64() {
  static std::mutex mu;
  static std::mt19937_64 engine{std::random_device{}()};
  std::lock_guard<std::mutex> lock(mu);
  return engine();
}

}  // namespace

std::string NewRequestId() {
  uint64_t a = Random64(), b = Random64();
  char id[40];
  std::snprintf(id, sizeof(id), "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
                static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return id;
}

std::string NewTraceId() {
  auto epoch = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  char id[96];
  std::snprintf(id, sizeof(id), "Root=1-%08llx-%08llx%016llx;Parent=%016llx;Sampled=0",
                static_cast<unsigned long long>(epoch.count()), static_cast<unsigned long long>(Random64() >> 32),
                static_cast<unsigned long long>(Random64()), static_cast<unsigned long long>(Random64()));
  return id;
}

}  // namespace lambda::emulator
