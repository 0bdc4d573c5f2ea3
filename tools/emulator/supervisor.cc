#include "tools/emulator/supervisor.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <future>
#include <string>

#include "runtime/cpp/http/socket.h"

namespace lambda::emulator {

BootstrapProcess::~BootstrapProcess() {
  Terminate(std::chrono::milliseconds(0));
}

namespace {

// Runs tasks on one thread that lives as long as the process. PR_SET_PDEATHSIG fires when the
// *thread* that forked the child ends, not the process, and runtimes are started from whichever
// thread queued the invoke (an Invoke API connection, which ends with its connection).
class SpawnerThread {
 public:
  static SpawnerThread& Get() {
    static SpawnerThread* const spawner = new SpawnerThread();  // Never destroyed: never joined.
    return *spawner;
  }
  // Runs TASK on the spawner thread and waits for it.
  void Run(std::function<void()> task) {
    std::packaged_task<void()> packaged(std::move(task));
    std::future<void> done = packaged.get_future();
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks_.push_back(std::move(packaged));
    }
    cv_.notify_one();
    done.wait();
  }

 private:
  SpawnerThread() {
    std::thread([this] {
      while (true) {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return !tasks_.empty(); });
        std::packaged_task<void()> task = std::move(tasks_.front());
        tasks_.pop_front();
        lock.unlock();
        task();
      }
    }).detach();
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::packaged_task<void()>> tasks_;
};

// Everything the child needs, prepared before fork: between fork and exec only async-signal-safe
// calls are allowed (the parent has other threads, which may hold malloc's locks).
struct ChildPlan {
  const char* path;
  char* const* argv;
  char* const* envp;
  int stdin_fd, output_fd, error_fd;
  pid_t parent;
};

[[noreturn]] void RunChild(const ChildPlan& plan) {
  ::setpgid(0, 0);  // Its own process group, so a signal reaches whatever it starts too.
  // Dies with the emulator, even when the emulator is killed with SIGKILL. If the emulator died
  // before this took effect, the child was already re-parented: give up now.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != plan.parent) ::_exit(127);
  ::dup2(plan.stdin_fd, 0);
  ::dup2(plan.output_fd, 1);
  ::dup2(plan.output_fd, 2);
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  for (int signal = 1; signal < NSIG; ++signal) ::sigaction(signal, &default_action, nullptr);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::execve(plan.path, plan.argv, plan.envp);
  int error = errno;
  ssize_t ignored = ::write(plan.error_fd, &error, sizeof(error));
  (void)ignored;
  ::_exit(127);
}

}  // namespace

std::string BootstrapProcess::Start(const Spec& spec, OutputFn on_output, ExitFn on_exit) {
  http::Fd null_fd(::open("/dev/null", O_RDONLY | O_CLOEXEC));
  int output[2], exec_error[2];
  if (!null_fd.valid() || ::pipe2(output, O_CLOEXEC) != 0) return std::string("pipe: ") + std::strerror(errno);
  http::Fd output_read(output[0]), output_write(output[1]);
  if (::pipe2(exec_error, O_CLOEXEC) != 0) return std::string("pipe: ") + std::strerror(errno);
  http::Fd error_read(exec_error[0]), error_write(exec_error[1]);

  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(spec.path.c_str()));
  for (const auto& a : spec.args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : spec.env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  const ChildPlan plan{spec.path.c_str(), argv.data(), envp.data(), null_fd.get(), output_write.get(),
                       error_write.get(), ::getpid()};

  pid_t pid = -1;
  int fork_errno = 0;
  started_at_ = std::chrono::steady_clock::now();
  SpawnerThread::Get().Run([&] {
    pid = ::fork();
    if (pid == 0) RunChild(plan);
    fork_errno = errno;
  });
  output_write.reset();
  error_write.reset();
  if (pid < 0) return std::string("fork: ") + std::strerror(fork_errno);
  int exec_errno = 0;
  ssize_t n;
  while ((n = ::read(error_read.get(), &exec_errno, sizeof(exec_errno))) < 0 && errno == EINTR) {
  }
  if (n == sizeof(exec_errno)) {  // exec failed; the child exits 127 at once.
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    return "cannot start " + spec.path + ": " + std::strerror(exec_errno);
  }
  pid_ = pid;
  output_fd_ = output_read.release();
  on_output_ = std::move(on_output);
  ::fcntl(output_fd_, F_SETFL, O_NONBLOCK);
  reader_ = std::thread([this] {
    while (true) {
      pollfd p{output_fd_, POLLIN, 0};
      ::poll(&p, 1, 100);
      if (!Pump()) break;
    }
  });
  waiter_ = std::thread([this, pid, on_exit] {
    int status = 0;
    struct rusage usage {};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    final_max_rss_kb_ = static_cast<uint64_t>(usage.ru_maxrss);
    exited_ = true;
    on_exit(status);
  });
  return "";
}

bool BootstrapProcess::Pump() {
  std::lock_guard<std::mutex> lock(output_mu_);
  if (output_done_) return false;
  char buffer[8192];
  while (true) {
    ssize_t n = ::read(output_fd_, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return true;
    if (n <= 0) break;
    pending_.append(buffer, static_cast<std::size_t>(n));
    std::size_t start = 0, nl;
    while ((nl = pending_.find('\n', start)) != std::string::npos) {
      on_output_(std::string_view(pending_).substr(start, nl - start));
      start = nl + 1;
    }
    pending_.erase(0, start);
  }
  if (!pending_.empty()) on_output_(pending_);
  pending_.clear();
  ::close(output_fd_);
  output_done_ = true;
  return false;
}

void BootstrapProcess::FlushOutput() {
  if (output_fd_ >= 0) Pump();
}

void BootstrapProcess::Terminate(std::chrono::milliseconds grace) {
  if (pid_ > 0 && !exited_) {
    ::kill(-pid_, SIGTERM);
    auto deadline = std::chrono::steady_clock::now() + grace;
    while (!exited_ && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (!exited_) ::kill(-pid_, SIGKILL);
  }
  if (waiter_.joinable()) waiter_.join();
  if (reader_.joinable()) reader_.join();
}

void BootstrapProcess::Kill() {
  if (pid_ > 0 && !exited_) ::kill(-pid_, SIGKILL);
}

uint64_t BootstrapProcess::PeakRssKb() const {
  if (exited_) return final_max_rss_kb_;
  if (pid_ <= 0) return 0;
  char path[64];
  std::snprintf(path, sizeof(path), "/proc/%d/status", static_cast<int>(pid_));
  FILE* f = std::fopen(path, "r");
  if (f == nullptr) return 0;
  char line[256];
  uint64_t kb = 0;
  while (std::fgets(line, sizeof(line), f) != nullptr) {
    if (std::sscanf(line, "VmHWM: %lu kB", &kb) == 1) break;
  }
  std::fclose(f);
  return kb;
}

std::string DescribeWaitStatus(int wait_status) {
  if (WIFEXITED(wait_status)) return "exit status " + std::to_string(WEXITSTATUS(wait_status));
  if (WIFSIGNALED(wait_status)) {
    const char* name = sigdescr_np(WTERMSIG(wait_status));
    std::string text = name != nullptr ? name : ("signal " + std::to_string(WTERMSIG(wait_status)));
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return "signal: " + text;
  }
  return "unknown";
}

}  // namespace lambda::emulator
