// File: tools/fake_lambda/emulator_runner.h
//
// Runs stored functions for the fake's Invoke: the zip is unpacked with unzip(1) into a folder
// of its own and its bootstrap served by the emulator (tools/emulator) as Lambda would serve it,
// under qemu for arm64 on an x86_64 host. The runtime stays warm between invokes until the code
// changes. A bootstrap for another architecture than the function's fails the invoke with
// Runtime.InvalidEntrypoint, as on Lambda.
#ifndef TOOLS_FAKE_LAMBDA_EMULATOR_RUNNER_H_
#define TOOLS_FAKE_LAMBDA_EMULATOR_RUNNER_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "tools/emulator/emulator.h"
#include "tools/fake_lambda/lambda_api.h"

namespace lambda::fake {

struct RunnerOptions {
  std::string work_dir;  // unpacked functions go below it
  std::string qemu_aarch64 = "/usr/bin/qemu-aarch64-static";
  std::string unzip = "/usr/bin/unzip";
  std::string region = "us-east-1";
};

class EmulatorRunner : public FunctionRunner {
 public:
  explicit EmulatorRunner(RunnerOptions options) : options_(std::move(options)) {}
  ~EmulatorRunner() override;

  Result Invoke(const StoredFunction& function, const std::string& payload, bool log_tail) override;
  void Forget(const std::string& name) override;

 private:
  struct Warm {
    uint64_t code_revision = 0;
    std::string dir;
    std::unique_ptr<emulator::Emulator> emulator;
    std::string error_type, error_message;  // set when the code cannot run at all
  };
  std::shared_ptr<Warm> Prepare(const StoredFunction& function);

  const RunnerOptions options_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Warm>> warm_;
};

// The ELF machine of the executable at `path` ("x86_64", "arm64"), or "" if it is not ELF.
std::string ElfArchitecture(const std::string& path);

}  // namespace lambda::fake

#endif  // TOOLS_FAKE_LAMBDA_EMULATOR_RUNNER_H_
