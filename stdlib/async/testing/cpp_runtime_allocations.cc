#include "stdlib/async/testing/cpp_runtime_allocations.h"

#include <algorithm>
#include <chrono>
#include <string_view>
#include <vector>

#include "tools/emulator/emulator.h"

namespace rt::testing {
namespace {

constexpr int kWarmupInvokes = 10;
constexpr int kMeasuredInvokes = 40;
constexpr auto kInvokeGuard = std::chrono::seconds(60);

}  // namespace

PerInvoke CppRuntimeAllocationsPerInvoke(const std::string& probe_path, const std::string& payload) {
  PerInvoke p;
  lambda::emulator::EmulatorOptions options;
  options.bootstrap = probe_path;
  options.log_sink = [](std::string_view) {};
  lambda::emulator::Emulator emulator(options);
  p.error = emulator.Start();
  if (!p.error.empty()) return p;
  std::vector<uint64_t> counts;
  for (int i = 0; i < kWarmupInvokes + kMeasuredInvokes; ++i) {
    lambda::emulator::InvokeResult r = emulator.Invoke({.payload = payload}, kInvokeGuard);
    if (r.outcome != lambda::emulator::Outcome::kSuccess) {
      p.error = "invoke " + std::to_string(i) + " failed: " + r.error_type + ": " + r.body;
      break;
    }
    counts.push_back(std::stoull(r.body));
  }
  emulator.Stop();
  for (std::size_t i = kWarmupInvokes + 1; i < counts.size(); ++i) {
    uint64_t d = counts[i] - counts[i - 1];
    p.min = std::min(p.min, d);
    p.max = std::max(p.max, d);
  }
  return p;
}

}  // namespace rt::testing
