// Several functions behind one Invoke API port (see function_set.h).
#include "tools/emulator/function_set.h"

#include "tools/emulator/api_paths.h"
#include "tools/emulator/invoke_errors.h"

namespace lambda::emulator {

FunctionSet::FunctionSet(std::vector<EmulatorOptions> functions, ServerLimits invoke_limits)
    : invoke_limits_(std::move(invoke_limits)) {
  for (EmulatorOptions& options : functions) {
    options.invoke_port.reset();
    std::string name = options.function_name;
    auto emulator = std::make_unique<Emulator>(std::move(options));
    if (name.empty() || !by_name_.emplace(name, emulator.get()).second) duplicate_ = name.empty() ? "\"\"" : name;
    functions_.push_back(std::move(emulator));
  }
}

FunctionSet::~FunctionSet() { Stop(); }

std::string FunctionSet::Start(uint16_t invoke_port) {
  if (!duplicate_.empty()) return "function " + duplicate_ + " is given twice (or has no name)";
  if (functions_.empty()) return "no functions to serve";
  for (auto& function : functions_) {
    std::string error = function->Start();
    if (!error.empty()) {
      Stop();
      return "function " + function->options().function_name + ": " + error;
    }
  }
  ServerLimits limits = invoke_limits_;
  limits.refusal = ThrottledResponse();
  std::string error = invoke_api_.Start(
      invoke_port, [this](ServerRequest& r, ResponseWriter& w) { HandleInvokeApi(r, w); }, limits);
  if (!error.empty()) Stop();
  return error;
}

void FunctionSet::Stop() {
  invoke_api_.Stop();  // First: no request may reach a function being stopped.
  for (auto& function : functions_) function->Stop();
}

Emulator* FunctionSet::Find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

void FunctionSet::HandleInvokeApi(ServerRequest& request, ResponseWriter& writer) {
  std::optional<InvokePath> parsed = ParseInvokePath(request.path());
  if (!parsed) {
    SendApiError(writer, 404, "ResourceNotFoundException", "No such endpoint: " + std::string(request.path()));
    return;
  }
  Emulator* function = Find(parsed->function_name);
  if (function == nullptr) {
    SendFunctionNotFound(writer, functions_.front()->options().region, parsed->function_name);
    return;
  }
  function->HandleInvokeApi(request, writer);
}

}  // namespace lambda::emulator
