// The smallest useful check that a toolchain works end to end: C++ standard library containers,
// formatted output, and the architecture the binary was built for.
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::vector<std::string> words = {"hello", "from"};
#if defined(__aarch64__)
  words.emplace_back("arm64");
#elif defined(__x86_64__)
  words.emplace_back("x86_64");
#endif
  for (int i = 1; i < argc; ++i) words.emplace_back(argv[i]);
  std::string line;
  for (const std::string& w : words) line += (line.empty() ? "" : " ") + w;
  std::printf("%s\n", line.c_str());
  return 0;
}
