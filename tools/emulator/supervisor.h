// File: tools/emulator/supervisor.h
//
// Runs one bootstrap process the way Lambda does: a fixed environment, stdout and stderr captured
// line by line, its exit reported, SIGTERM then SIGKILL on shutdown. The process dies with the
// emulator, however the emulator ends (PR_SET_PDEATHSIG): no orphaned runtimes.
#ifndef TOOLS_EMULATOR_SUPERVISOR_H_
#define TOOLS_EMULATOR_SUPERVISOR_H_

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace lambda::emulator {

class BootstrapProcess {
 public:
  struct Spec {
    std::string path;
    std::vector<std::string> args;
    std::vector<std::string> env;  // "NAME=value"
  };
  using OutputFn = std::function<void(std::string_view line)>;
  using ExitFn = std::function<void(int wait_status)>;

  BootstrapProcess() = default;
  ~BootstrapProcess();
  BootstrapProcess(const BootstrapProcess&) = delete;
  BootstrapProcess& operator=(const BootstrapProcess&) = delete;

  // Starts the process. on_output gets each line of stdout/stderr; on_exit its wait status, once,
  // from another thread. Returns "" or an error message.
  std::string Start(const Spec& spec, OutputFn on_output, ExitFn on_exit);
  // SIGTERM, then SIGKILL if it is still running after `grace`. Waits for it to end.
  void Terminate(std::chrono::milliseconds grace);
  // SIGKILL at once (a timed-out invoke). Does not wait.
  void Kill();
  pid_t pid() const { return pid_; }
  // When Start asked the kernel for the process (just before fork): where a cold start begins.
  // Taken before the fork, not after exec and the reader threads, so that the measured init
  // includes all of exec and what the C library does before main.
  std::chrono::steady_clock::time_point started_at() const { return started_at_; }
  bool running() const { return !exited_; }
  // Delivers the output the process has written so far (the reader thread delivers it too, but
  // later): called before an invoke completes, so its logs precede END and REPORT.
  void FlushOutput();
  // Peak resident memory (VmHWM) in KiB, 0 if unknown.
  uint64_t PeakRssKb() const;

 private:
  // Reads what is available now and delivers complete lines; false at end of stream.
  bool Pump();

  pid_t pid_ = -1;
  std::chrono::steady_clock::time_point started_at_{};
  int output_fd_ = -1;
  OutputFn on_output_;
  std::mutex output_mu_;  // One reader at a time; keeps lines in order.
  std::string pending_;   // An incomplete last line.
  bool output_done_ = false;
  std::atomic<bool> exited_{false};
  std::atomic<uint64_t> final_max_rss_kb_{0};
  std::thread reader_;
  std::thread waiter_;
};

// "exit status 1" / "signal: killed" ... as Lambda words a runtime's end.
std::string DescribeWaitStatus(int wait_status);

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_SUPERVISOR_H_
