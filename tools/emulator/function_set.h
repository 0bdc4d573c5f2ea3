// File: tools/emulator/function_set.h
//
// Several functions behind one Invoke API port, addressed by name as Lambda addresses them:
// `POST /2015-03-31/functions/NAME/invocations` reaches function NAME (a qualifier or an ARN
// around the name is accepted), and a name the set does not hold gets Lambda's 404
// ResourceNotFoundException. Each function is a whole Emulator: its own runtime process, Runtime
// API port, queue, limits and timeouts.
//
//   std::vector<lambda::emulator::EmulatorOptions> functions(2);
//   functions[0].function_name = "orders";  functions[0].bootstrap = "bazel-bin/orders/orders";
//   functions[1].function_name = "billing"; functions[1].bootstrap = "bazel-bin/billing/billing";
//   lambda::emulator::FunctionSet set(std::move(functions));
//   ASSERT_EQ(set.Start(8080), "");
#ifndef TOOLS_EMULATOR_FUNCTION_SET_H_
#define TOOLS_EMULATOR_FUNCTION_SET_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tools/emulator/emulator.h"
#include "tools/emulator/http_server.h"

namespace lambda::emulator {

class FunctionSet {
 public:
  // One Emulator per entry; their invoke_port is ignored (the set serves the Invoke API) and
  // their function names must be distinct and non-empty (Start reports otherwise).
  explicit FunctionSet(std::vector<EmulatorOptions> functions, ServerLimits invoke_limits = {});
  ~FunctionSet();
  FunctionSet(const FunctionSet&) = delete;
  FunctionSet& operator=(const FunctionSet&) = delete;

  // Starts every function's Runtime API, then the Invoke API on PORT (0: any free port).
  // Returns "" or an error naming the function.
  std::string Start(uint16_t invoke_port);
  // Stops the Invoke API, then every function. Idempotent.
  void Stop();

  uint16_t invoke_port() const { return invoke_api_.port(); }
  // The function named NAME, or nullptr.
  Emulator* Find(std::string_view name) const;
  const std::vector<std::unique_ptr<Emulator>>& functions() const { return functions_; }

 private:
  void HandleInvokeApi(ServerRequest& request, ResponseWriter& writer);

  std::vector<std::unique_ptr<Emulator>> functions_;
  std::map<std::string, Emulator*, std::less<>> by_name_;
  std::string duplicate_;  // A name given twice (or empty), reported by Start.
  ServerLimits invoke_limits_;
  HttpServer invoke_api_{"invoke API"};
};

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_FUNCTION_SET_H_
