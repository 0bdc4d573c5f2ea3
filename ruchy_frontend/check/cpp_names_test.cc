#include "ruchy_frontend/check/cpp_names.h"

#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace ruchy {
namespace {

TEST(CppNamesTest, SpellsEachKindOfName) {
  EXPECT_EQ(UserIdent("move"), "r_move");
  EXPECT_EQ(UserIdent("héllo"), "ru_68c3a96c6c6f");
  EXPECT_EQ(UserIdent("geo::area"), "rm3_geo4_area");
  EXPECT_EQ(ShadowIdent("x", 1), "r_x");
  EXPECT_EQ(ShadowIdent("x", 2), "r2_x");
  EXPECT_EQ(GlobalIdent("x", 1), "rg_x");
  EXPECT_EQ(GlobalIdent("x", 3), "rg3_x");
  EXPECT_EQ(LiftedIdent("helper", 2), "rn2_helper");
  EXPECT_EQ(TypeIdent("Point"), "ty_Point");
  EXPECT_EQ(MethodIdent("len"), "rf_len");
  EXPECT_EQ(MethodIdent("héllo"), "rfu_68c3a96c6c6f");
  EXPECT_EQ(VariantMember("A", "b_c"), "v1_A_b_c");
  EXPECT_EQ(VariantMember("A_b", "c"), "v3_A_b_c");
  EXPECT_EQ(TempIdent("match", 3), "t_match3");
  EXPECT_EQ(FileNamespace("//examples/hello:hello_handler"), "rl::s_examples::s_hello::t_hello_handler");
  EXPECT_EQ(FileNamespace("//:p"), "rl::t_p");
}

// The property the scheme exists for: different inputs, of any kind, never give the same C++ name.
TEST(CppNamesTest, NoTwoNamesMeet) {
  const std::vector<std::string> names = {"x",   "x_2", "_x", "x2",  "r_x", "r2_x", "rg_x", "t_x",  "ty_x", "v1_A",
                                          "A",   "A_b", "b_c", "c",  "0",   "1",    "é",    "u_c3a9", "geo", "area",
                                          "geo_area", "x__y", "main", "std", "int", "move", "errno", "EOF"};
  std::set<std::string> seen;
  auto add = [&](const std::string& cpp, const std::string& what) {
    EXPECT_TRUE(seen.insert(cpp).second) << what << " gave `" << cpp << "`, which another name already has";
  };
  for (const std::string& n : names) {
    add(UserIdent(n), "UserIdent(" + n + ")");
    add(TypeIdent(n), "TypeIdent(" + n + ")");
    add(MethodIdent(n), "MethodIdent(" + n + ")");
    for (int k = 2; k <= 12; ++k) add(ShadowIdent(n, k), "ShadowIdent(" + n + ", " + std::to_string(k) + ")");
    for (int k = 1; k <= 12; ++k) add(GlobalIdent(n, k), "GlobalIdent(" + n + ", " + std::to_string(k) + ")");
    for (int k = 1; k <= 12; ++k) add(LiftedIdent(n, k), "LiftedIdent(" + n + ", " + std::to_string(k) + ")");
    for (const std::string& f : names) add(VariantMember(n, f), "VariantMember(" + n + ", " + f + ")");
  }
  add(UserIdent("geo::area"), "UserIdent(geo::area)");
  add(UserIdent("geo_area::x"), "UserIdent(geo_area::x)");
  add(UserIdent("geo::area_x"), "UserIdent(geo::area_x)");
  for (int k = 1; k <= 30; ++k) add(TempIdent("v", k), "TempIdent(v, " + std::to_string(k) + ")");
  // None of them is a C++ keyword or a name the C/C++ libraries use: every one has a prefix no
  // library name has.
  for (const std::string& cpp : seen) {
    bool prefixed = cpp.rfind("r", 0) == 0 || cpp.rfind("ty", 0) == 0 || cpp.rfind("v", 0) == 0 || cpp.rfind("t_", 0) == 0;
    EXPECT_TRUE(prefixed) << cpp;
    EXPECT_EQ(cpp.find("::"), std::string::npos) << cpp;
  }
}

TEST(CppNamesTest, NamespacesOfDifferentLabelsDiffer) {
  std::set<std::string> seen;
  for (const char* label : {"//a/b:c", "//a:b/c", "//a/b", "//a/b:b", "//a_b:c", "//a:b_c", "//:a", "//a:a", "//x-y:z"}) {
    EXPECT_TRUE(seen.insert(FileNamespace(label)).second) << label << " -> " << FileNamespace(label);
  }
  EXPECT_EQ(FileNamespace("//x-y:z"), "rl::s_0782d79::t_z");
}

}  // namespace
}  // namespace ruchy
