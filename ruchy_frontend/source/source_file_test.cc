#include "ruchy_frontend/source/source_file.h"

#include <gtest/gtest.h>

namespace ruchy {
namespace {

// Files added to one SourceFile share its offsets; each position still names its own file,
// line and column.
TEST(SourceFileTest, PositionsOfSeveralFilesNameTheirFile) {
  SourceFile file("main.ruchy", "use util::f\nprintln(f())");  // no final newline
  size_t util = file.AddFile("util.ruchy", "pub fun f() -> i64 {\n  1\n}\n");
  size_t empty = file.AddFile("empty.ruchy", "");
  size_t last = file.AddFile("last.ruchy", "x\n");
  ASSERT_EQ(file.part_count(), 4u);
  uint32_t one = file.part(util).begin + static_cast<uint32_t>(std::string("pub fun f() -> i64 {\n  ").size());
  EXPECT_EQ(file.PathAt(Loc{one}), "util.ruchy");
  EXPECT_EQ(file.Position(Loc{one}).line, 2);
  EXPECT_EQ(file.Position(Loc{one}).column, 3);
  EXPECT_EQ(file.LineAt(Loc{one}), "  1");
  // The first file keeps its own numbers, and its last line does not run into the next file.
  EXPECT_EQ(file.PathAt(Loc{14}), "main.ruchy");
  EXPECT_EQ(file.Position(Loc{14}).line, 2);
  EXPECT_EQ(file.LineAt(Loc{14}), "println(f())");
  EXPECT_EQ(file.part(empty).begin, file.part(empty).end);
  EXPECT_EQ(file.PathAt(Loc{file.part(last).begin}), "last.ruchy");
  EXPECT_EQ(file.Position(Loc{file.part(last).begin}).line, 1);
  EXPECT_EQ(file.path(), "main.ruchy");
}

}  // namespace
}  // namespace ruchy
