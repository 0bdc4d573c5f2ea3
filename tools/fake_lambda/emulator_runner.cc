#include "tools/fake_lambda/emulator_runner.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <vector>

extern char** environ;

namespace lambda::fake {
namespace {

constexpr uint16_t kElfMachineX86_64 = 62;
constexpr uint16_t kElfMachineAarch64 = 183;

// Runs argv to completion; its output goes to our stderr. True when it exits 0.
bool RunTool(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid;
  if (posix_spawn(&pid, args[0], nullptr, nullptr, args.data(), environ) != 0) return false;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string ErrorJson(const std::string& type, const std::string& message) {
  // Both are plain ASCII without quotes or backslashes (built here).
  return "{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message + "\"}";
}

}  // namespace

std::string ElfArchitecture(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char header[20] = {};
  if (!in.read(header, sizeof(header)) || std::string_view(header, 4) != "\x7f" "ELF") return "";
  uint16_t machine = static_cast<uint8_t>(header[18]) | static_cast<uint8_t>(header[19]) << 8;  // little-endian
  if (machine == kElfMachineX86_64) return "x86_64";
  if (machine == kElfMachineAarch64) return "arm64";
  return "machine " + std::to_string(machine);
}

EmulatorRunner::~EmulatorRunner() {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [name, warm] : warm_) {
    if (warm->emulator) warm->emulator->Stop();
  }
}

void EmulatorRunner::Forget(const std::string& name) {
  std::shared_ptr<Warm> old;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = warm_.find(name);
    if (it == warm_.end()) return;
    old = it->second;
    warm_.erase(it);
  }
  if (old->emulator) old->emulator->Stop();
}

std::shared_ptr<EmulatorRunner::Warm> EmulatorRunner::Prepare(const StoredFunction& f) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = warm_.find(f.name);
  if (it != warm_.end() && it->second->code_revision == f.code_revision) return it->second;
  if (it != warm_.end() && it->second->emulator) it->second->emulator->Stop();

  auto warm = std::make_shared<Warm>();
  warm->code_revision = f.code_revision;
  warm->dir = options_.work_dir + "/" + f.name + "-" + std::to_string(f.code_revision);
  std::filesystem::create_directories(warm->dir + "/task");
  std::string zip = warm->dir + "/code.zip";
  std::ofstream(zip, std::ios::binary).write(f.zip.data(), static_cast<std::streamsize>(f.zip.size()));
  std::string bootstrap = warm->dir + "/task/bootstrap";
  std::string arch;
  if (!RunTool({options_.unzip, "-q", "-o", zip, "-d", warm->dir + "/task"})) {
    warm->error_type = "Runtime.InvalidEntrypoint";
    warm->error_message = "the zip could not be unpacked";
  } else if ((arch = ElfArchitecture(bootstrap)) != f.architecture) {
    // What Lambda reports when the bootstrap is for another machine than the function's.
    warm->error_type = "Runtime.InvalidEntrypoint";
    warm->error_message = "Error: fork/exec /var/task/bootstrap: exec format error (the function is " +
                          f.architecture + ", its bootstrap " + (arch.empty() ? "is not an ELF executable" : arch) + ")";
  } else {
    emulator::EmulatorOptions o;
    o.bootstrap = bootstrap;
    if (f.architecture == "arm64" && ElfArchitecture("/proc/self/exe") != "arm64") {
      o.bootstrap = options_.qemu_aarch64;
      o.bootstrap_args = {bootstrap};
    }
    o.function_name = f.name;
    o.region = options_.region;
    o.handler = f.handler;
    o.memory_mb = f.memory_mb;
    o.timeout_seconds = f.timeout_seconds;
    o.extra_env = f.environment;
    warm->emulator = std::make_unique<emulator::Emulator>(o);
    std::string error = warm->emulator->Start();
    if (!error.empty()) {
      warm->emulator.reset();
      warm->error_type = "Runtime.Unknown";
      warm->error_message = "fake_lambda could not start the emulator: " + error;
    }
  }
  warm_[f.name] = warm;
  return warm;
}

FunctionRunner::Result EmulatorRunner::Invoke(const StoredFunction& f, const std::string& payload, bool log_tail) {
  std::shared_ptr<Warm> warm = Prepare(f);
  Result result;
  if (!warm->emulator) {
    result.function_error = true;
    result.body = ErrorJson(warm->error_type, warm->error_message);
    return result;
  }
  emulator::InvokeRequest request;
  request.payload = payload;
  request.log_tail = log_tail;
  emulator::InvokeResult r = warm->emulator->Invoke(request, std::chrono::seconds(f.timeout_seconds + 30));
  result.function_error = r.outcome != emulator::Outcome::kSuccess;
  result.body = r.body;
  result.log_tail = r.log_tail;
  return result;
}

}  // namespace lambda::fake
