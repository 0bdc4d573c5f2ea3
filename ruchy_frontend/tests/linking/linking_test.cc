// Two Ruchy files from different packages, written with the same names (a struct `Item`, a global
// `calls`, functions `describe` and `count`), link into one binary: each file's C++ lives in the
// namespace of its Bazel label, so the names cannot clash and each file keeps its own state.
#include <string>

#include "gtest/gtest.h"
#include "ruchy_frontend/tests/linking/greetings/greetings.ruchy.h"
#include "ruchy_frontend/tests/linking/shapes/shapes.ruchy.h"

namespace {

namespace shapes = rl::s_ruchy_frontend::s_tests::s_linking::s_shapes::t_shapes;
namespace greetings = rl::s_ruchy_frontend::s_tests::s_linking::s_greetings::t_greetings;

class LinkingTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    // A library's top-level code runs when its user says so, once (ruchy_library's contract).
    shapes::g_top_level();
    greetings::g_top_level();
  }
};

TEST_F(LinkingTest, SameNamesMeanDifferentThingsInEachFile) {
  EXPECT_EQ(shapes::r_describe(3), "a shape with 3 sides");
  EXPECT_EQ(greetings::r_describe(2), "hello x2");
}

TEST_F(LinkingTest, EachFileHasItsOwnGlobals) {
  const int64_t shapes_before = shapes::r_count();
  const int64_t greetings_before = greetings::r_count();
  EXPECT_GE(greetings_before, 100);  // set by greetings' own top-level code
  shapes::r_describe(4);
  shapes::r_describe(5);
  greetings::r_describe(1);
  EXPECT_EQ(shapes::r_count(), shapes_before + 2);
  EXPECT_EQ(greetings::r_count(), greetings_before + 1);
}

TEST_F(LinkingTest, TypesOfTheSameNameAreDistinct) {
  shapes::ty_Item shape{4};
  greetings::ty_Item greeting{"hi"};
  EXPECT_EQ(shape.r_sides, 4);
  EXPECT_EQ(greeting.r_text, "hi");
}

}  // namespace
