// The emulator's lifecycle: queueing invokes, supervising the runtime process, the watchdog that
// enforces init and function timeouts, and Lambda's START/END/REPORT lines. The two HTTP APIs are
// in runtime_api.cc and invoke_api.cc.
#include "tools/emulator/emulator.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "tools/emulator/ids.h"
#include "tools/emulator/invoke_errors.h"
#include "tools/emulator/json_util.h"

namespace lambda::emulator {

namespace {

// Device, inode, size and modification time of PATH and of every argument naming a regular file:
// what changes when a build replaces or rewrites a bootstrap. "" for a file that is missing.
std::string FilesIdentity(const std::string& path, const std::vector<std::string>& args) {
  std::string identity;
  auto add = [&identity](const std::string& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
    identity += file + ":" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" +
                std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
                std::to_string(st.st_mtim.tv_nsec) + ";";
  };
  add(path);
  for (const std::string& arg : args) add(arg);
  return identity;
}

}  // namespace

Emulator::Emulator(EmulatorOptions options) : options_(std::move(options)) {}

Emulator::~Emulator() { Stop(); }

std::string Emulator::Start() {
  ServerLimits runtime_limits = options_.server_limits;
  runtime_limits.idle_timeout += std::chrono::seconds(options_.timeout_seconds);
  std::string error = runtime_api_.Start(
      options_.runtime_api_port, [this](ServerRequest& r, ResponseWriter& w) { HandleRuntimeApi(r, w); },
      runtime_limits);
  if (!error.empty()) return error;
  if (options_.invoke_port.has_value()) {
    ServerLimits invoke_limits = options_.server_limits;
    invoke_limits.refusal = ThrottledResponse();
    error = invoke_api_.Start(
        *options_.invoke_port, [this](ServerRequest& r, ResponseWriter& w) { HandleInvokeApi(r, w); }, invoke_limits);
    if (!error.empty()) {
      runtime_api_.Stop();
      return error;
    }
  }
  watchdog_ = std::thread([this] { Watchdog(); });
  return "";
}

void Emulator::Stop() {
  std::shared_ptr<BootstrapProcess> process;
  std::vector<std::shared_ptr<BootstrapProcess>> retired;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (draining_) return;
    draining_ = true;  // No new work; pending invokes are cancelled.
    for (auto& invocation : queue_) CompleteLocked(invocation, {});
    for (auto& [id, invocation] : in_flight_) CompleteLocked(invocation, {});
    queue_.clear();
    in_flight_.clear();
    process = std::move(process_);
  }
  // As on Lambda, the runtime's open /next poll stays unanswered while it gets SIGTERM, so a
  // runtime sees the signal, not an error from the API.
  if (process) process->Terminate(options_.shutdown_grace);
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    retired.swap(retired_);
  }
  work_cv_.notify_all();
  if (watchdog_.joinable()) watchdog_.join();
  for (auto& p : retired) p->Terminate(std::chrono::milliseconds(0));
  invoke_api_.Stop();
  runtime_api_.Stop();
}

std::shared_ptr<Invocation> Emulator::Enqueue(InvokeRequest request) {
  std::string id = request.request_id.value_or(NewRequestId());
  auto invocation = std::make_shared<Invocation>(id, std::move(request));
  {
    std::lock_guard<std::mutex> lock(mu_);
    invocation->enqueued = Clock::now();
    if (draining_) {
      CompleteLocked(invocation, {});
      return invocation;
    }
    if (options_.restart_on_change) RetireIfChangedLocked();
    queue_.push_back(invocation);
    EnsureRuntimeLocked();
  }
  work_cv_.notify_all();
  return invocation;
}

InvokeResult Emulator::Invoke(InvokeRequest request, std::chrono::milliseconds timeout) {
  auto invocation = Enqueue(std::move(request));
  invocation->Wait(timeout);
  return invocation->result();
}

std::vector<ObservedRequest> Emulator::Observed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return std::vector<ObservedRequest>(observed_.begin(), observed_.end());
}

int Emulator::InFlight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(in_flight_.size());
}

std::size_t Emulator::PendingInvokes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return queue_.size() + in_flight_.size();
}

int Emulator::MaxConcurrentPolls() const {
  std::lock_guard<std::mutex> lock(mu_);
  return max_polls_;
}

int Emulator::MaxInFlight() const {
  std::lock_guard<std::mutex> lock(mu_);
  return max_in_flight_;
}

int Emulator::Starts() const {
  std::lock_guard<std::mutex> lock(mu_);
  return starts_;
}

std::optional<int> Emulator::LastExitStatus() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_exit_status_;
}

int Emulator::RuntimePid() const {
  std::lock_guard<std::mutex> lock(mu_);
  return process_ && process_->running() ? process_->pid() : 0;
}

void Emulator::InjectFault(Fault fault) {
  std::lock_guard<std::mutex> lock(mu_);
  faults_.push_back(std::move(fault));
}

void Emulator::RecordLocked(const ObservedRequest& observed) {
  if (options_.max_observed == 0) return;
  observed_.push_back(observed);
  ObservedRequest& kept = observed_.back();
  kept.body_size = observed.body.size();
  if (kept.body.size() > kMaxObservedBodyBytes) {
    kept.body.resize(kMaxObservedBodyBytes);
    kept.body.shrink_to_fit();
  }
  while (observed_.size() > options_.max_observed) observed_.pop_front();
}

std::optional<Fault> Emulator::TakeFault(std::string_view endpoint) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (it->endpoint != "*" && it->endpoint != endpoint) continue;
    Fault fault = *it;
    if (--it->times <= 0) faults_.erase(it);
    return fault;
  }
  return std::nullopt;
}

void Emulator::Log(std::string_view line) {
  if (options_.log_sink) {
    options_.log_sink(line);
    return;
  }
  std::string text(line);
  text.push_back('\n');
  ssize_t ignored = ::write(2, text.data(), text.size());
  (void)ignored;
}

void Emulator::EnsureRuntimeLocked() {
  if (options_.bootstrap.empty() || draining_ || (process_ && process_->running())) return;
  // Lambda's environment for a custom runtime, plus the caller's additions.
  std::map<std::string, std::string> env = {
      {"AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + std::to_string(runtime_api_.port())},
      {"_HANDLER", options_.handler},
      {"LAMBDA_TASK_ROOT", "/var/task"},
      {"LAMBDA_RUNTIME_DIR", "/var/runtime"},
      {"AWS_LAMBDA_FUNCTION_NAME", options_.function_name},
      {"AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"},
      {"AWS_LAMBDA_FUNCTION_MEMORY_SIZE", std::to_string(options_.memory_mb)},
      {"AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + options_.function_name},
      {"AWS_LAMBDA_LOG_STREAM_NAME", "$LATEST/emulator"},
      {"AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"},
      {"AWS_REGION", options_.region},
      {"AWS_DEFAULT_REGION", options_.region},
      {"LANG", "en_US.UTF-8"},
      {"TZ", ":UTC"},
      {"PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin"},
  };
  if (options_.max_concurrency > 1) env["AWS_LAMBDA_MAX_CONCURRENCY"] = std::to_string(options_.max_concurrency);
  for (const auto& [k, v] : options_.extra_env) env[k] = v;
  BootstrapProcess::Spec spec{options_.bootstrap, options_.bootstrap_args, {}};
  for (const auto& [k, v] : env) spec.env.push_back(k + "=" + v);

  // Taken before the start: a change during it is seen at the next invoke.
  if (options_.restart_on_change) started_files_ = FilesIdentity(options_.bootstrap, options_.bootstrap_args);
  uint64_t generation = ++generation_;
  auto process = std::make_shared<BootstrapProcess>();
  std::string error = process->Start(
      spec, [this](std::string_view line) { OnRuntimeOutput(line); },
      [this, generation](int status) { OnRuntimeExit(generation, status); });
  ++starts_;
  initialized_ = false;
  // Init Duration counts from the spawn itself (see BootstrapProcess::started_at).
  process_started_ = error.empty() ? process->started_at() : Clock::now();
  if (!error.empty()) {
    Log("emulator: " + error);
    FailInitLocked("Runtime.InvalidEntrypoint", ErrorJson("Runtime.InvalidEntrypoint", error));
    return;
  }
  if (process_) retired_.push_back(std::move(process_));
  process_ = std::move(process);
}

void Emulator::RetireIfChangedLocked() {
  if (!process_ || !process_->running() || !in_flight_.empty()) return;
  if (FilesIdentity(options_.bootstrap, options_.bootstrap_args) == started_files_) return;
  Log("emulator: " + options_.bootstrap + " changed on disk; starting it again");
  // The watchdog terminates it; its exit and its open /next poll belong to an old generation.
  retired_.push_back(std::move(process_));
  ++generation_;
  work_cv_.notify_all();
}

void Emulator::OnRuntimeOutput(std::string_view line) {
  Log(line);
  std::lock_guard<std::mutex> lock(mu_);
  // Output belongs to every invoke in flight that asked for a tail; kept until CompleteLocked.
  for (const auto& entry : in_flight_) {
    if (!entry.second->request().log_tail) continue;
    std::string& tail = log_tails_[entry.first];
    tail.append(line).push_back('\n');
    if (tail.size() > 2 * kLogTailBytes) tail.erase(0, tail.size() - kLogTailBytes);
  }
}

void Emulator::OnRuntimeExit(uint64_t generation, int status) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (generation != generation_) return;  // An older process we already replaced.
    last_exit_status_ = status;
    if (draining_) return;
    std::string how = DescribeWaitStatus(status);
    if (!initialized_) {
      std::string id = queue_.empty() ? std::string("-") : queue_.front()->request_id();
      FailInitLocked("Runtime.ExitError",
                     ErrorJson("Runtime.ExitError", "RequestId: " + id + " Error: Runtime exited with error: " + how));
    }
    for (auto it = in_flight_.begin(); it != in_flight_.end();) {
      InvokeResult result;
      result.outcome = Outcome::kExitError;
      result.error_type = "Runtime.ExitError";
      result.body = ErrorJson("Runtime.ExitError", "RequestId: " + it->first + " Error: Runtime exited with error: " + how);
      auto invocation = it->second;
      it = in_flight_.erase(it);
      CompleteLocked(invocation, std::move(result));
    }
    ++generation_;  // Polls from the dead process's connections must not take new work.
    // Lambda starts a new runtime for the next invoke; start now if invokes are waiting.
    if (!queue_.empty()) {
      Log("emulator: runtime " + how + "; restarting");
      EnsureRuntimeLocked();
    }
  }
  work_cv_.notify_all();
}

void Emulator::FailInitLocked(const std::string& error_type, const std::string& body) {
  if (queue_.empty()) return;
  auto invocation = queue_.front();
  queue_.pop_front();
  InvokeResult result;
  result.outcome = Outcome::kInitError;
  result.error_type = error_type;
  result.body = body;
  CompleteLocked(invocation, std::move(result));
}

void Emulator::FlushRuntimeOutput() {
  std::shared_ptr<BootstrapProcess> process;
  {
    std::lock_guard<std::mutex> lock(mu_);
    process = process_;
  }
  if (process) process->FlushOutput();
}

void Emulator::KillRuntimeLocked() {
  if (process_) process_->Kill();
}

void Emulator::CompleteLocked(const std::shared_ptr<Invocation>& invocation, InvokeResult result) {
  result.enqueued = invocation->enqueued;
  result.handed_out = invocation->handed_out;
  if (result.completed == Clock::time_point{}) result.completed = Clock::now();
  bool was_handed_out = invocation->handed_out != Clock::time_point{};
  if (was_handed_out) {
    result.duration_ms = std::chrono::duration<double, std::milli>(result.completed - invocation->handed_out).count();
  }
  if (process_) result.max_memory_kb = process_->PeakRssKb();
  if (was_handed_out && result.outcome != Outcome::kPending) {
    if (pending_init_ms_ >= 0 && invocation->generation == generation_) {
      result.init_duration_ms = pending_init_ms_;
      pending_init_ms_ = -1;
    }
    char report[512];
    int billed = static_cast<int>(std::ceil(result.duration_ms + result.init_duration_ms));
    int n = std::snprintf(report, sizeof(report),
                          "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\t"
                          "Max Memory Used: %llu MB",
                          invocation->request_id().c_str(), result.duration_ms, billed < 1 ? 1 : billed,
                          options_.memory_mb, static_cast<unsigned long long>((result.max_memory_kb + 1023) / 1024));
    std::string line(report, static_cast<std::size_t>(n));
    if (result.init_duration_ms > 0) {
      std::snprintf(report, sizeof(report), "\tInit Duration: %.2f ms", result.init_duration_ms);
      line += report;
    }
    std::string end = "END RequestId: " + invocation->request_id();
    Log(end);
    Log(line);
    if (invocation->request().log_tail) {
      std::string logs = log_tails_[invocation->request_id()] + end + "\n" + line + "\n";
      result.log_tail = logs.size() > kLogTailBytes ? logs.substr(logs.size() - kLogTailBytes) : logs;
    }
    log_tails_.erase(invocation->request_id());
  }
  if (invocation->Complete(std::move(result))) finished_.Add(invocation->request_id());
}

void Emulator::Watchdog() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    work_cv_.wait_for(lock, std::chrono::milliseconds(20));
    if (stopping_) break;
    Clock::time_point now = Clock::now();
    bool changed = false;
    for (auto it = in_flight_.begin(); it != in_flight_.end();) {
      if (now < it->second->deadline) {
        ++it;
        continue;
      }
      auto invocation = it->second;
      it = in_flight_.erase(it);
      timed_out_.Add(invocation->request_id());
      InvokeResult result;
      result.outcome = Outcome::kTimeout;
      result.error_type = "Sandbox.Timedout";
      result.body = ErrorJson("Sandbox.Timedout", "RequestId: " + invocation->request_id() +
                                                      " Error: Task timed out after " +
                                                      std::to_string(options_.timeout_seconds) + ".00 seconds");
      Log(std::string("emulator: ") + invocation->request_id() + " Task timed out after " +
          std::to_string(options_.timeout_seconds) + ".00 seconds");
      CompleteLocked(invocation, std::move(result));
      // On-demand Lambda resets the sandbox after a timeout; with concurrency the runtime keeps
      // serving and a late answer gets 410.
      if (options_.max_concurrency <= 1) KillRuntimeLocked();
      changed = true;
    }
    if (process_ && process_->running() && !initialized_ && now - process_started_ > options_.init_timeout) {
      Log("emulator: init timed out after " + std::to_string(options_.init_timeout.count() / 1000) + " seconds");
      FailInitLocked("Runtime.InitTimeout", ErrorJson("Runtime.InitTimeout", "Init timed out"));
      initialized_ = true;  // Reported once; the exit handler restarts it for queued work.
      KillRuntimeLocked();
      changed = true;
    }
    if (changed) work_cv_.notify_all();
    if (!retired_.empty()) {
      std::vector<std::shared_ptr<BootstrapProcess>> retired;
      retired.swap(retired_);
      lock.unlock();
      for (auto& p : retired) p->Terminate(std::chrono::milliseconds(0));
      lock.lock();
    }
  }
}

}  // namespace lambda::emulator
