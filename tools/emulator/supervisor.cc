#include "tools/emulator/supervisor.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace lambda::emulator {

BootstrapProcess::~BootstrapProcess() {
  Terminate(std::chrono::milliseconds(0));
}

std::string BootstrapProcess::Start(const Spec& spec, OutputFn on_output, ExitFn on_exit) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return std::string("pipe: ") + std::strerror(errno);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Its own process group, so a signal reaches whatever the bootstrap started too.
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);

  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(spec.path.c_str()));
  for (const auto& a : spec.args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : spec.env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  pid_t pid = -1;
  int rc = posix_spawn(&pid, spec.path.c_str(), &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    return "cannot start " + spec.path + ": " + std::strerror(rc);
  }
  pid_ = pid;
  output_fd_ = fds[0];
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
