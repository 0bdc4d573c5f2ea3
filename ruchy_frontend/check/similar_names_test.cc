#include "ruchy_frontend/check/similar_names.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace ruchy {
namespace {

// The textbook full-table distance, to compare the bounded one against.
int ReferenceDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

TEST(NameDistanceTest, CountsEachKindOfEditOnce) {
  EXPECT_EQ(NameDistance("println", "println", 3), 0);
  EXPECT_EQ(NameDistance("prntln", "println", 3), 1);   // insertion
  EXPECT_EQ(NameDistance("priintln", "println", 3), 1);  // deletion
  EXPECT_EQ(NameDistance("prjntln", "println", 3), 1);  // substitution
  EXPECT_EQ(NameDistance("pritnln", "println", 3), 1);  // swap
  EXPECT_EQ(NameDistance("", "abc", 3), 3);
  EXPECT_EQ(NameDistance("abcdef", "a", 2), 3);  // over the limit: limit + 1
}

TEST(NameDistanceTest, AgreesWithTheFullTableUpToTheLimit) {
  std::mt19937 rng(14);
  const std::string alphabet = "abc_";
  for (int round = 0; round < 20000; ++round) {
    std::string a, b;
    for (int n = static_cast<int>(rng() % 8); n > 0; --n) a += alphabet[rng() % alphabet.size()];
    for (int n = static_cast<int>(rng() % 8); n > 0; --n) b += alphabet[rng() % alphabet.size()];
    int limit = static_cast<int>(rng() % 5);
    int expected = std::min(ReferenceDistance(a, b), limit + 1);
    ASSERT_EQ(NameDistance(a, b, limit), expected) << a << " / " << b << " limit " << limit;
  }
}

TEST(ClosestNameTest, SuggestsCloseNamesOnly) {
  std::vector<std::string> names = {"println", "print", "format", "total", "count"};
  EXPECT_EQ(ClosestName("prinln", names), "println");
  EXPECT_EQ(ClosestName("totl", names), "total");
  EXPECT_EQ(ClosestName("xyz", names), "");
  EXPECT_EQ(ClosestName("total", names), "");  // the name itself is not a suggestion
  EXPECT_EQ(ClosestName("Total", names), "total");
  // A third of the length: "cnt" (3 bytes) allows one edit, "count" is two away.
  EXPECT_EQ(ClosestName("cnt", names), "");
}

TEST(ClosestNameTest, TiesDoNotDependOnOrder) {
  std::vector<std::string> a = {"cat", "bat"};
  std::vector<std::string> b = {"bat", "cat"};
  EXPECT_EQ(ClosestName("hat", a), "bat");
  EXPECT_EQ(ClosestName("hat", b), "bat");
}

TEST(ClosestNameTest, IgnoresOneLetterNamesAndHugeOnes) {
  EXPECT_EQ(ClosestName("y", {"x"}), "");
  std::string huge(1000, 'a');
  EXPECT_EQ(ClosestName(huge + "b", {huge}), "");
}

}  // namespace
}  // namespace ruchy
