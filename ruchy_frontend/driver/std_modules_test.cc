// The standard library's Ruchy-written modules (`use std::NAME`, driver/modules.h): loaded from
// the std root on demand, checked like library code, and never read by a program that does not
// use them.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "ruchy_frontend/driver/compile.h"

namespace ruchy {
namespace {

constexpr const char* kStdRoot = "lib/std";

// An in-memory file system that records every read.
struct Files {
  std::map<std::string, std::string> files;
  std::vector<std::string> reads;

  CompileOptions Options() {
    CompileOptions options;
    options.std_root = kStdRoot;
    options.read_file = [this](const std::string& path, std::string& text) {
      reads.push_back(path);
      auto it = files.find(path);
      if (it == files.end()) return false;
      text = it->second;
      return true;
    };
    return options;
  }
};

Files StdWithText() {
  Files fs;
  fs.files["lib/std/text.ruchy"] =
      "use std::digits\n"
      "pub fun shout(s: String) -> String { s.to_uppercase() + bang() }\n"
      "pub fun count(s: String) -> i64 { digits::count_digits(s) }\n"
      "fun bang() -> String { \"!\" }\n";
  fs.files["lib/std/digits.ruchy"] =
      "pub fun count_digits(s: String) -> i64 { s.chars().filter(|c| c.is_numeric()).len() }\n";
  return fs;
}

TEST(StdModulesTest, AProgramThatUsesNoneReadsNoneAndIsUnchanged) {
  constexpr const char* kProgram = "use std::collections::HashMap\nlet m: HashMap<String, i64> = HashMap::new()\nprintln(m.len(), std::env::var(\"X\").is_ok())\n";
  Files fs = StdWithText();
  CompileResult with_std = CompileSource("p.ruchy", kProgram, fs.Options());
  ASSERT_TRUE(with_std.ok) << with_std.diagnostics;
  // `std::collections` has no file: one look, then the built-in.
  EXPECT_EQ(fs.reads, std::vector<std::string>{"lib/std/collections.ruchy"});
  CompileResult without = CompileSource("p.ruchy", kProgram, {});
  ASSERT_TRUE(without.ok) << without.diagnostics;
  EXPECT_EQ(with_std.cpp, without.cpp);
}

TEST(StdModulesTest, UseLoadsTheModuleAndWhatItUses) {
  Files fs = StdWithText();
  CompileResult r = CompileSource("p.ruchy", "use std::text\nprintln(text::shout(\"hi\"), text::count(\"a1b22\"))\n", fs.Options());
  ASSERT_TRUE(r.ok) << r.diagnostics;
  EXPECT_EQ(fs.reads, (std::vector<std::string>{"lib/std/text.ruchy", "lib/std/digits.ruchy"}));
  EXPECT_NE(r.cpp.find("shout"), std::string::npos);
}

TEST(StdModulesTest, ItemsAreImportedByName) {
  Files fs = StdWithText();
  CompileResult r = CompileSource("p.ruchy", "use std::text::{shout, count as n}\nprintln(shout(\"a\"), n(\"1\"))\n", fs.Options());
  EXPECT_TRUE(r.ok) << r.diagnostics;
}

TEST(StdModulesTest, PrivateItemsStayPrivate) {
  Files fs = StdWithText();
  CompileResult r = CompileSource("p.ruchy", "use std::text\nprintln(text::bang())\n", fs.Options());
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("`std::text::bang` is private"), std::string::npos) << r.diagnostics;
  EXPECT_NE(r.diagnostics.find("lib/std/text.ruchy:4"), std::string::npos) << r.diagnostics;
}

TEST(StdModulesTest, AnUnknownItemOfAModuleIsAnError) {
  Files fs = StdWithText();
  CompileResult r = CompileSource("p.ruchy", "use std::text::whisper\n", fs.Options());
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("whisper"), std::string::npos) << r.diagnostics;
}

TEST(StdModulesTest, ErrorsInsideAModuleNameItsFile) {
  Files fs;
  fs.files["lib/std/broken.ruchy"] = "pub fun f() -> i64 { \"not a number\" }\n";
  CompileResult r = CompileSource("p.ruchy", "use std::broken\nprintln(broken::f())\n", fs.Options());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.diagnostics.rfind("lib/std/broken.ruchy:1:", 0), 0u) << r.diagnostics;
}

TEST(StdModulesTest, WithoutAStdRootOnlyBuiltInsExist) {
  Files fs = StdWithText();
  CompileOptions options = fs.Options();
  options.std_root.clear();
  CompileResult r = CompileSource("p.ruchy", "use std::text\nprintln(text::shout(\"a\"))\n", options);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(fs.reads.empty());
}

}  // namespace
}  // namespace ruchy
