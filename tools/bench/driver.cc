// The measuring half of //tools/bench: runs one bootstrap under the emulator and prints JSON
// samples on stdout. The Python half (bench.py) chooses what to run, aggregates and reports.
//
//   driver cold  --bootstrap PATH --count N                 fresh process per sample
//   driver warm  --bootstrap PATH --count N --size BYTES    one process, N invokes
//
// cold samples: exec -> first GET /next (ms), exec -> first response (ms), peak RSS (KB).
// warm samples: per-invoke latency (event handed out -> response received, ms), total wall
// time, peak RSS. Events are JSON strings of the requested size, so JSON handlers accept them.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "tools/emulator/emulator.h"

namespace {

using lambda::emulator::Emulator;
using lambda::emulator::EmulatorOptions;
using lambda::emulator::InvokeResult;
using lambda::emulator::Outcome;

std::string Event(size_t size) {
  if (size < 2) return size == 0 ? "" : "0";
  return "\"" + std::string(size - 2, 'x') + "\"";
}

EmulatorOptions Options(const std::string& bootstrap, const std::vector<std::string>& args) {
  EmulatorOptions o;
  o.bootstrap = bootstrap;
  o.bootstrap_args = args;
  o.log_sink = [](std::string_view) {};  // the runtime's logs are not part of the measurement
  o.memory_mb = 1024;
  return o;
}

int Fail(const std::string& what) {
  std::fprintf(stderr, "bench driver: %s\n", what.c_str());
  return 1;
}

void PrintList(const char* name, const std::vector<double>& values, bool last = false) {
  std::printf("\"%s\":[", name);
  for (size_t i = 0; i < values.size(); ++i) std::printf("%s%.4f", i ? "," : "", values[i]);
  std::printf("]%s", last ? "" : ",");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Fail("usage: driver cold|warm --bootstrap PATH [--count N] [--size BYTES] [-- ARGS]");
  std::string mode = argv[1], bootstrap;
  int count = 10;
  size_t size = 0;
  std::vector<std::string> args;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--bootstrap" && i + 1 < argc) bootstrap = argv[++i];
    else if (a == "--count" && i + 1 < argc) count = std::atoi(argv[++i]);
    else if (a == "--size" && i + 1 < argc) size = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--") {
      args.assign(argv + i + 1, argv + argc);
      break;
    } else {
      return Fail("unknown argument " + a);
    }
  }
  if (bootstrap.empty()) return Fail("--bootstrap is required");
  std::string event = Event(size);
  if (mode == "cold") {
    std::vector<double> init_ms, first_ms, rss_kb;
    for (int i = 0; i < count; ++i) {
      Emulator emulator(Options(bootstrap, args));
      std::string err = emulator.Start();
      if (!err.empty()) return Fail(err);
      InvokeResult r = emulator.Invoke({.payload = event}, std::chrono::seconds(60));
      if (r.outcome != Outcome::kSuccess) return Fail(std::string("cold invoke failed: ") + OutcomeName(r.outcome) + " " + r.body);
      init_ms.push_back(r.init_duration_ms);
      first_ms.push_back(std::chrono::duration<double, std::milli>(r.completed - r.enqueued).count());
      rss_kb.push_back(static_cast<double>(r.max_memory_kb));
      emulator.Stop();
    }
    std::printf("{");
    PrintList("init_ms", init_ms);
    PrintList("first_response_ms", first_ms);
    PrintList("rss_kb", rss_kb, true);
    std::printf("}\n");
    return 0;
  }
  if (mode == "warm") {
    Emulator emulator(Options(bootstrap, args));
    std::string err = emulator.Start();
    if (!err.empty()) return Fail(err);
    // One invoke to start the process; it is not part of the warm samples.
    InvokeResult first = emulator.Invoke({.payload = event}, std::chrono::seconds(60));
    if (first.outcome != Outcome::kSuccess) return Fail(std::string("first invoke failed: ") + first.body);
    if (first.body != event) return Fail("the bootstrap does not echo its event (bench needs an echo function)");
    std::vector<double> latency_ms;
    latency_ms.reserve(count);
    uint64_t rss = 0;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < count; ++i) {
      InvokeResult r = emulator.Invoke({.payload = event}, std::chrono::seconds(60));
      if (r.outcome != Outcome::kSuccess) return Fail(std::string("warm invoke failed: ") + r.body);
      latency_ms.push_back(std::chrono::duration<double, std::milli>(r.completed - r.handed_out).count());
      rss = r.max_memory_kb;
    }
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("{");
    PrintList("latency_ms", latency_ms);
    std::printf("\"wall_s\":%.6f,\"rss_kb\":%llu}\n", wall, static_cast<unsigned long long>(rss));
    emulator.Stop();
    return 0;
  }
  return Fail("unknown mode " + mode);
}
