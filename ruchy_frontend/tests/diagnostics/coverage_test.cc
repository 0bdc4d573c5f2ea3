// Every declared diagnostic (ruchy_frontend/source/diagnostic_kinds.def) is reported by at least
// one program in this folder; a new kind without a test program fails here. The exact output of
// each program is checked by diagnostics_test.py.
#include <dirent.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ruchy_frontend/driver/compile.h"

namespace ruchy {
namespace {

constexpr char kDir[] = "ruchy_frontend/tests/diagnostics";

// Kinds no program can reach, each with the reason.
const std::map<std::string, std::string> kExempt = {
    {"UnexpectedToken",
     "the parser's guarantee of progress: a statement or item that consumed nothing has already "
     "reported an error at that token, and the parser reports one error per position"},
};

std::vector<std::string> Programs() {
  std::vector<std::string> out;
  DIR* dir = opendir(kDir);
  if (!dir) return out;
  while (dirent* e = readdir(dir)) {
    std::string name = e->d_name;
    if (name.size() > 6 && name.compare(name.size() - 6, 6, ".ruchy") == 0) out.push_back(name);
  }
  closedir(dir);
  return out;
}

TEST(DiagnosticsCoverageTest, EveryKindHasAProgram) {
  std::set<diag::Kind> seen;
  std::vector<std::string> programs = Programs();
  ASSERT_GT(programs.size(), 20u);
  for (const std::string& name : programs) {
    std::ifstream in(std::string(kDir) + "/" + name);
    std::stringstream text;
    text << in.rdbuf();
    // A module file another program here uses (diagnostics_test.py skips them too).
    if (text.str().rfind("// ruchy-module:", 0) == 0) continue;
    CompileOptions options;
    // Module files next to the program are read as `ruchy check` reads them.
    options.read_file = [](const std::string& path, std::string& out) {
      std::ifstream file(std::string(kDir) + "/" + path);
      if (!file) return false;
      std::stringstream s;
      s << file.rdbuf();
      out = s.str();
      return true;
    };
    options.emit = false;
    // `// ruchy-flags: --handler` on the first line: checked as a Lambda handler file.
    options.lambda_handler = text.str().rfind("// ruchy-flags: --handler", 0) == 0;
    CompileResult result = CompileSource(name, text.str(), options);
    EXPECT_FALSE(result.ok) << name << " compiles without errors";
    for (diag::Kind k : result.kinds) seen.insert(k);
  }
  for (int k = 0; k < diag::kKindCount; ++k) {
    std::string name(diag::KindName(static_cast<diag::Kind>(k)));
    bool exempt = kExempt.count(name) > 0;
    EXPECT_TRUE(seen.count(static_cast<diag::Kind>(k)) || exempt)
        << "no program in " << kDir << " reports the diagnostic " << name;
    EXPECT_FALSE(seen.count(static_cast<diag::Kind>(k)) && exempt) << name << " is exempt but has a program";
  }
}

}  // namespace
}  // namespace ruchy
