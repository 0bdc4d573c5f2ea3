// File: tools/emulator/testing/log_capture.h
//
// Collects what an Emulator logs (the runtime's output, START/END/REPORT) for tests to inspect.
//
//   LogCapture log;
//   options.log_sink = log.Sink();
//   ...
//   EXPECT_TRUE(log.Has("^REPORT RequestId: "));
#ifndef TOOLS_EMULATOR_TESTING_LOG_CAPTURE_H_
#define TOOLS_EMULATOR_TESTING_LOG_CAPTURE_H_

#include <functional>
#include <mutex>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace lambda::emulator::testing {

class LogCapture {
 public:
  // A sink for EmulatorOptions::log_sink. The capture must outlive the emulator.
  std::function<void(std::string_view)> Sink() {
    return [this](std::string_view line) {
      std::lock_guard<std::mutex> lock(mu_);
      lines_.emplace_back(line);
    };
  }
  std::vector<std::string> Lines() const {
    std::lock_guard<std::mutex> lock(mu_);
    return lines_;
  }
  // True if any line matches the regular expression.
  bool Has(const std::string& pattern) const {
    std::regex re(pattern);
    for (const auto& line : Lines()) {
      if (std::regex_search(line, re)) return true;
    }
    return false;
  }
  void Clear() {
    std::lock_guard<std::mutex> lock(mu_);
    lines_.clear();
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::string> lines_;
};

}  // namespace lambda::emulator::testing

#endif  // TOOLS_EMULATOR_TESTING_LOG_CAPTURE_H_
