// File: tools/emulator/emulator.h
//
// A local AWS Lambda: the Runtime API a `bootstrap` talks to, the Invoke API a developer or test
// talks to, and a supervisor that runs the bootstrap the way Lambda does (environment, output
// capture, START/END/REPORT lines, timeouts, crash restarts).
//
// In-process use, from a test:
//
//   lambda::emulator::EmulatorOptions options;
//   options.bootstrap = "tests/fixtures/echo";        // or empty: the test plays the runtime
//   lambda::emulator::Emulator emulator(options);
//   ASSERT_EQ(emulator.Start(), "");
//   auto invocation = emulator.Enqueue({.payload = "hi"});
//   ASSERT_TRUE(invocation->Wait(std::chrono::seconds(10)));
//   EXPECT_EQ(invocation->result().body, "hi");
//   for (const auto& r : emulator.Observed()) ...      // what the runtime sent, per connection
#ifndef TOOLS_EMULATOR_EMULATOR_H_
#define TOOLS_EMULATOR_EMULATOR_H_

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "tools/emulator/http_server.h"
#include "tools/emulator/invocation.h"
#include "tools/emulator/limits.h"
#include "tools/emulator/recent_ids.h"
#include "tools/emulator/supervisor.h"

namespace lambda::emulator {

// An event over kMaxInvokeRequestBytes never reaches a runtime: Lambda's Invoke API answers 413
// with this error type and message. The Invoke API server and `emulator --once` both use them.
inline constexpr int kRequestTooLargeStatus = 413;
inline constexpr char kRequestTooLargeType[] = "RequestEntityTooLargeException";
std::string RequestTooLargeMessage();

// The account id in the ARNs the emulator reports (Lambda's documentation example).
inline constexpr char kAccountId[] = "123456789012";

struct EmulatorOptions {
  // The runtime to run. Empty: nobody is started, and a test (or another process) plays the
  // runtime against runtime_api_port().
  std::string bootstrap;
  std::vector<std::string> bootstrap_args;
  std::map<std::string, std::string> extra_env;  // Added to (or overriding) Lambda's variables.

  uint16_t runtime_api_port = 0;           // 0: any free port.
  std::optional<uint16_t> invoke_port;     // Unset: no Invoke API (in-process use only).

  std::string function_name = "function";
  std::string region = "us-east-1";
  std::string handler = "handler";
  int memory_mb = 128;
  int timeout_seconds = 300;                  // AWS_LAMBDA_FUNCTION_TIMEOUT default.
  int max_concurrency = 1;                    // AWS_LAMBDA_MAX_CONCURRENCY.
  std::chrono::milliseconds init_timeout{10'000};
  std::chrono::milliseconds shutdown_grace{2'000};

  // Developing: when the bootstrap file (or a file named among bootstrap_args, such as the binary
  // qemu runs) changed on disk since the runtime started, the next invoke that finds no invoke in
  // flight starts the new one (the old one gets SIGTERM). Off by default: a benchmark or test
  // does not pay a stat() per invoke.
  bool restart_on_change = false;

  Framing framing = Framing::kContentLength;
  std::size_t chunk_size = 16 * 1024;  // For Framing::kMultiChunk.

  // Requests the runtime sent that Observed() keeps, the latest ones (bodies cut at
  // kMaxObservedBodyBytes). 0, the default, keeps none: a long run holds no history.
  std::size_t max_observed = 0;
  // Invokes the Invoke API lets wait before it answers 429 TooManyRequestsException.
  std::size_t max_pending_invokes = kMaxPendingInvokes;
  // Connections, idle, request and write timeouts of both ports (the Runtime API's idle timeout
  // also gets the function timeout: a runtime's connection idles while its handler runs).
  ServerLimits server_limits;

  // Where the runtime's output and the START/END/REPORT lines go (one call per line, no newline).
  // Default: the emulator's stderr.
  std::function<void(std::string_view)> log_sink;
};

// A request the runtime sent to the Runtime API, as received.
struct ObservedRequest {
  std::string method;
  std::string path;
  http::Headers headers;
  http::Headers trailers;
  std::string body;            // The first kMaxObservedBodyBytes of it.
  std::size_t body_size = 0;   // The whole body's size.
  uint64_t connection_id = 0;
  int answered_status = 0;
  Clock::time_point received{};
};

// A fault to inject on the Runtime API. Each applies to the next `times` requests to `endpoint`
// ("next", "response", "error", "init/error", or "*" for any).
struct Fault {
  enum class Kind {
    kCloseAfterResponse,  // Handle normally, then close the connection.
    kDelay,               // Wait `delay` before handling.
    kStatus,              // Answer `status` (500, 410, 413, ...) instead of handling.
    kTruncateBody,        // /next: send half the event in a chunked body, then close.
  };
  Kind kind = Kind::kStatus;
  std::string endpoint = "*";
  int status = 500;
  std::chrono::milliseconds delay{0};
  int times = 1;
};

class Emulator {
 public:
  explicit Emulator(EmulatorOptions options);
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  // Starts the servers (the bootstrap starts with the first invoke). Returns "" or an error.
  std::string Start();
  // Cancels what is pending, stops the runtime (SIGTERM, then SIGKILL after the grace period)
  // and the servers. Idempotent.
  void Stop();

  uint16_t runtime_api_port() const { return runtime_api_.port(); }
  uint16_t invoke_port() const { return invoke_api_.port(); }

  // Queues an invoke and returns at once; Wait() on the result.
  std::shared_ptr<Invocation> Enqueue(InvokeRequest request);
  // Queues an invoke and waits for it (at most `timeout`; then the result is kPending).
  InvokeResult Invoke(InvokeRequest request, std::chrono::milliseconds timeout = std::chrono::minutes(20));

  // What the runtime sent so far, in arrival order: the last options.max_observed requests.
  std::vector<ObservedRequest> Observed() const;
  // Invokes the runtime has been handed and not yet answered.
  int InFlight() const;
  // Invokes queued or in flight.
  std::size_t PendingInvokes() const;
  // The most /next polls that were waiting at once, and the most invokes in flight at once.
  int MaxConcurrentPolls() const;
  int MaxInFlight() const;
  // How many runtime processes were started, and how the last one ended.
  int Starts() const;
  std::optional<int> LastExitStatus() const;
  // The runtime process's PID (0 if none runs), for CPU and memory checks.
  int RuntimePid() const;

  // Serves one Invoke API request for this function (invoke_api.cc): the emulator's own Invoke
  // API port does, and so does a FunctionSet's, after picking the function by name.
  void HandleInvokeApi(ServerRequest& request, ResponseWriter& writer);

  const EmulatorOptions& options() const { return options_; }

  void InjectFault(Fault fault);
  void RefuseConnectionsFor(std::chrono::milliseconds duration) { runtime_api_.RefuseConnectionsFor(duration); }

 private:
  // Runtime API (runtime_api.cc).
  void HandleRuntimeApi(ServerRequest& request, ResponseWriter& writer);
  void HandleNext(ServerRequest& request, ResponseWriter& writer, ObservedRequest& observed, bool truncate);
  void HandleResult(ServerRequest& request, ResponseWriter& writer, ObservedRequest& observed,
                    const std::string& request_id, bool is_error, bool* recorded);
  void HandleInitError(ServerRequest& request, ResponseWriter& writer, ObservedRequest& observed);
  std::optional<Fault> TakeFault(std::string_view endpoint);
  void RecordLocked(const ObservedRequest& observed);


  // Supervision (emulator.cc).
  void EnsureRuntimeLocked();
  void OnRuntimeOutput(std::string_view line);
  void OnRuntimeExit(uint64_t generation, int status);
  void FailInitLocked(const std::string& error_type, const std::string& body);
  void KillRuntimeLocked();
  // restart_on_change: retires the runtime if its files changed and nothing is in flight.
  void RetireIfChangedLocked();
  // Delivers the runtime's pending output (call without the lock: delivery takes it).
  void FlushRuntimeOutput();
  void Watchdog();
  void CompleteLocked(const std::shared_ptr<Invocation>& invocation, InvokeResult result);
  void Log(std::string_view line);

  const EmulatorOptions options_;
  HttpServer runtime_api_{"runtime API"};
  HttpServer invoke_api_{"invoke API"};

  mutable std::mutex mu_;
  std::condition_variable work_cv_;  // Signals /next waiters: queue, capacity or generation changed.
  bool draining_ = false;  // Stop() began: no new work.
  bool stopping_ = false;  // The runtime is gone: polls are answered and servers close.
  std::deque<std::shared_ptr<Invocation>> queue_;
  std::map<std::string, std::shared_ptr<Invocation>> in_flight_;
  RecentIds timed_out_{kRememberedRequestIds};
  RecentIds finished_{kRememberedRequestIds};
  std::deque<ObservedRequest> observed_;
  std::vector<Fault> faults_;
  int polls_waiting_ = 0;
  int max_polls_ = 0;
  int max_in_flight_ = 0;
  uint64_t frame_counter_ = 0;

  // The runtime process.
  std::shared_ptr<BootstrapProcess> process_;
  // Processes that ended; their threads are joined by the watchdog, outside the lock (the
  // exit callback runs on one of those threads and takes the lock).
  std::vector<std::shared_ptr<BootstrapProcess>> retired_;
  std::map<std::string, std::string> log_tails_;  // Output during invokes that asked for a tail.
  uint64_t generation_ = 0;
  int starts_ = 0;
  std::optional<int> last_exit_status_;
  Clock::time_point process_started_{};
  bool initialized_ = false;  // The current process has called /next.
  std::string started_files_;  // Identity of the bootstrap's files when it started (restart_on_change).
  double pending_init_ms_ = -1;  // Reported on the first invoke after a start.

  std::thread watchdog_;
};

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_EMULATOR_H_
