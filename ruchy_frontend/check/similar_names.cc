#include "ruchy_frontend/check/similar_names.h"

#include <algorithm>
#include <cctype>

namespace ruchy {
namespace {

// Names longer than this are not compared (a generated or pasted identifier; the table the
// distance needs grows with the product of the lengths).
constexpr size_t kMaxComparedLength = 64;

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool EqualIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

}  // namespace

int NameDistance(std::string_view a, std::string_view b, int limit) {
  const int over = limit + 1;
  if (a.size() > kMaxComparedLength || b.size() > kMaxComparedLength) return over;
  const size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > static_cast<size_t>(limit)) return over;
  // Three rows of the table: the one two back is needed for swaps.
  std::vector<int> two_back(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    int row_min = current[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, two_back[j - 2] + 1);
      current[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > limit) return over;  // every path through this row is already too long
    std::swap(two_back, previous);
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], over);
}

std::string ClosestName(std::string_view typo, const std::vector<std::string>& candidates) {
  std::vector<std::string_view> sorted;
  for (const std::string& c : candidates) {
    if (c.size() >= 2 && c != typo) sorted.push_back(c);
  }
  std::sort(sorted.begin(), sorted.end());
  for (std::string_view c : sorted) {
    if (EqualIgnoringCase(c, typo)) return std::string(c);
  }
  const int limit = std::max<int>(1, static_cast<int>(typo.size() / 3));
  std::string_view best;
  int best_distance = limit + 1;
  for (std::string_view c : sorted) {
    int d = NameDistance(typo, c, limit);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return std::string(best);
}

}  // namespace ruchy
