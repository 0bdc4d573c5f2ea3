// Generated-input tests of ruchy/sequences.h: the safe stable sort against std::stable_sort and
// under comparators that are no order, and range_vec against a plain loop.
#include "ruchy/sequences.h"

#include <algorithm>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace rt {
namespace {

TEST(SequencesTest, SortByIsStableAndMatchesStdStableSort) {
  std::mt19937 rng(11);
  for (int n = 0; n < 2000; ++n) {
    std::vector<std::tuple<int64_t, int64_t>> v(rng() % 40);
    for (size_t i = 0; i < v.size(); ++i) v[i] = {static_cast<int64_t>(rng() % 5), static_cast<int64_t>(i)};
    auto expected = v;
    std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
    sort_by(v, [](const auto& a, const auto& b) { return cmp(std::get<0>(a), std::get<0>(b)); });
    ASSERT_EQ(v, expected);
  }
}

TEST(SequencesTest, SortByWithoutAnOrderKeepsEveryElement) {
  std::mt19937 rng(12);
  for (int n = 0; n < 2000; ++n) {
    std::vector<int64_t> v(rng() % 50);
    for (int64_t& x : v) x = rng() % 100;
    auto before = v;
    sort_by(v, [&](int64_t, int64_t) { return static_cast<Ordering>(static_cast<int>(rng() % 3) - 1); });
    std::sort(before.begin(), before.end());
    std::sort(v.begin(), v.end());
    ASSERT_EQ(v, before);
  }
}

TEST(SequencesTest, RangeMatchesAPlainLoop) {
  for (int64_t start = -7; start <= 7; ++start) {
    for (int64_t end = -7; end <= 7; ++end) {
      for (int64_t step : {-4, -3, -1, 1, 2, 5}) {
        std::vector<int64_t> expected;
        for (int64_t i = start; step > 0 ? i < end : i > end; i += step) expected.push_back(i);
        ASSERT_EQ(range_vec(start, end, step), expected) << start << " " << end << " " << step;
      }
    }
  }
  const int64_t max = std::numeric_limits<int64_t>::max(), min = std::numeric_limits<int64_t>::min();
  EXPECT_EQ(range_vec(max - 2, max, 1), (std::vector<int64_t>{max - 2, max - 1}));
  EXPECT_EQ(range_vec(max - 2, max, max), (std::vector<int64_t>{max - 2}));
  EXPECT_EQ(range_vec(min + 1, min, -5), (std::vector<int64_t>{min + 1}));
  EXPECT_EQ(range_vec(min, max, max).size(), 3u);  // min, -1, max - 1
  EXPECT_THROW(range_vec(0, 1, 0), RuntimeError);
}

TEST(SequencesTest, UniqueComparesAsPrinted) {
  const double nan = std::nan("");
  auto u = unique(std::vector<double>{nan, 0.0, -0.0, nan, 0.0});
  ASSERT_EQ(u.size(), 3u);
  EXPECT_TRUE(std::isnan(u[0]));
  EXPECT_TRUE(std::signbit(u[2]));
  EXPECT_EQ(unique(std::vector<std::string>{"b", "a", "b", "a"}), (std::vector<std::string>{"b", "a"}));
}

}  // namespace
}  // namespace rt
