#include "ruchy_frontend/driver/run_command.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ruchy_frontend/driver/cli.h"

namespace ruchy {

namespace {

constexpr const char* kDefaultCompiler = "/usr/bin/clang++-14";
const std::vector<std::string> kFlags = {"-std=c++20", "-O2", "-fwrapv", "-pthread"};
// Generated expressions nest parentheses as deep as the Ruchy source, up to kMaxNestingDepth
// (1024, parse/parser.h); clang stops at 256 by default. The same flag as RUCHY_COPTS in
// ruchy_frontend/defs.bzl; other compilers have no such limit.
constexpr const char* kClangBracketDepthFlag = "-fbracket-depth=2048";

bool ReadFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

void MakeDirs(const std::string& path) {
  for (size_t i = 1; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') mkdir(path.substr(0, i).c_str(), 0755);
  }
}

// 128-bit key from two FNV-1a passes with different bases: collisions are not a practical concern
// for a per-user build cache.
struct Hasher {
  uint64_t a = 1469598103934665603ULL, b = 0x84222325cbf29ce4ULL;
  void Add(const std::string& s) {
    for (unsigned char c : s) {
      a = (a ^ c) * 1099511628211ULL;
      b = (b ^ c) * 0x100000001b3ULL + 0x9e37;
    }
    a = (a ^ 0xff) * 1099511628211ULL;
  }
  std::string Hex() const {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a), static_cast<unsigned long long>(b));
    return buf;
  }
};

std::string SelfExe() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return std::string(buf, n);
}

// The support library's sources and headers, shipped as the binary's runfiles.
bool FindSupport(std::string& std_dir, std::string& rapidjson_dir) {
  std::vector<std::string> roots;
  if (const char* r = std::getenv("RUNFILES_DIR")) roots.push_back(r);
  std::string exe = SelfExe();
  if (!exe.empty()) roots.push_back(exe + ".runfiles");
  for (const std::string& root : roots) {
    std::string s = root + "/ruchy_lambda/stdlib";
    std::string r = root + "/rapidjson/include";
    if (Exists(s + "/ruchy/prelude.h") && Exists(r + "/rapidjson/document.h")) {
      std_dir = s;
      rapidjson_dir = r;
      return true;
    }
  }
  return false;
}

int RunCommand(const std::vector<std::string>& argv, bool verbose) {
  if (verbose) {
    std::string line;
    for (const std::string& a : argv) line += a + " ";
    std::fprintf(stderr, "+ %s\n", line.c_str());
  }
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    std::perror(args[0]);
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string CompilerVersion(const std::string& compiler) {
  std::string cmd = compiler + " --version 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "";
  std::string out;
  char buf[256];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

std::string CacheRoot() {
  if (const char* x = std::getenv("RUCHY_CACHE_DIR")) return x;
  if (const char* x = std::getenv("XDG_CACHE_HOME")) return std::string(x) + "/ruchy";
  if (const char* h = std::getenv("HOME")) return std::string(h) + "/.cache/ruchy";
  return "/tmp/ruchy-cache";
}

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

int RunProgramFile(const std::string& display_path, const std::string& cpp, const std::vector<std::string>& args,
                   bool verbose) {
  std::string compiler = std::getenv("RUCHY_CXX") ? std::getenv("RUCHY_CXX") : kDefaultCompiler;
  std::string version = CompilerVersion(compiler);
  if (version.empty()) {
    std::fprintf(stderr, "ruchy run: C++ compiler `%s` not found (run tools/setup.sh, or set RUCHY_CXX)\n", compiler.c_str());
    return kExitToolchain;
  }
  std::string std_dir, rapidjson_dir;
  if (!FindSupport(std_dir, rapidjson_dir)) {
    std::fprintf(stderr, "ruchy run: the support library was not found next to the binary (%s.runfiles); "
                         "build ruchy with `bazel build //ruchy_frontend:ruchy`\n", SelfExe().c_str());
    return kExitToolchain;
  }
  // The support library: compiled once per (sources, compiler, flags).
  Hasher std_key;
  std_key.Add(version);
  for (const std::string& f : kFlags) std_key.Add(f);
  // Every file of the library as shipped in the runfiles (//stdlib:headers, :sources and the
  // async runtime's //stdlib/async:run_files): the sources are compiled, everything is hashed.
  std::vector<std::string> std_sources, files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(std_dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    files.push_back(std::filesystem::relative(it->path(), std_dir, ec).string());
  }
  std::sort(files.begin(), files.end());  // a stable key whatever order the directory lists
  for (const std::string& f : files) {
    std::string text;
    ReadFile(std_dir + "/" + f, text);
    std_key.Add(f);
    std_key.Add(text);
    if (f.size() > 3 && f.compare(f.size() - 3, 3, ".cc") == 0) std_sources.push_back(f);
  }
  // Generated code includes "ruchy/prelude.h" and, when async, "stdlib/async/async.h".
  const std::string workspace_dir = std_dir + "/..";
  std::string root = CacheRoot();
  std::string std_cache = root + "/std/" + std_key.Hex();
  std::vector<std::string> objects;
  for (const std::string& f : std_sources) {
    std::string flat = f.substr(0, f.rfind('.'));
    std::replace(flat.begin(), flat.end(), '/', '_');
    std::string obj = std_cache + "/" + flat + ".o";
    objects.push_back(obj);
    if (Exists(obj)) continue;
    MakeDirs(std_cache);
    std::string tmp = obj + ".tmp" + std::to_string(getpid());
    std::vector<std::string> cmd = {compiler};
    cmd.insert(cmd.end(), kFlags.begin(), kFlags.end());
    cmd.insert(cmd.end(), {"-DRAPIDJSON_HAS_STDSTRING=1", "-I", std_dir, "-I", workspace_dir, "-isystem", rapidjson_dir, "-c",
                           std_dir + "/" + f, "-o", tmp});
    if (RunCommand(cmd, verbose) != 0) {
      std::fprintf(stderr, "ruchy run: compiling the support library failed\n");
      return kExitToolchain;
    }
    rename(tmp.c_str(), obj.c_str());
  }
  // The program: keyed by its C++ (which already reflects the source and this compiler's
  // version) plus the support library key.
  Hasher key;
  key.Add(std_key.Hex());
  key.Add(cpp);
  std::string dir = root + "/run/" + key.Hex();
  std::string exe = dir + "/program";
  if (!Exists(exe)) {
    MakeDirs(dir);
    std::string src = dir + "/program.cc";
    if (!WriteFile(src, cpp)) {
      std::fprintf(stderr, "ruchy run: cannot write %s\n", src.c_str());
      return kExitIo;
    }
    std::string tmp = exe + ".tmp" + std::to_string(getpid());
    std::vector<std::string> cmd = {compiler};
    cmd.insert(cmd.end(), kFlags.begin(), kFlags.end());
    if (version.find("clang") != std::string::npos) cmd.push_back(kClangBracketDepthFlag);
    cmd.insert(cmd.end(), {"-I", std_dir, "-I", workspace_dir, src});
    cmd.insert(cmd.end(), objects.begin(), objects.end());
    cmd.insert(cmd.end(), {"-o", tmp});
    if (RunCommand(cmd, verbose) != 0) {
      std::fprintf(stderr, "ruchy run: the C++ compiler rejected the generated code for %s (a compiler bug: please report it "
                           "with the file)\n", display_path.c_str());
      return kExitToolchain;
    }
    rename(tmp.c_str(), exe.c_str());
  } else if (verbose) {
    std::fprintf(stderr, "ruchy run: cached %s\n", exe.c_str());
  }
  std::vector<char*> argv;
  std::string arg0 = display_path;
  argv.push_back(const_cast<char*>(arg0.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(exe.c_str(), argv.data());
  std::perror(exe.c_str());
  return kExitToolchain;
}

}  // namespace ruchy
