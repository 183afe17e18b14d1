#include "extract/name_descriptions.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "extract/lexicon.hpp"

namespace newsdesk::entities {
namespace {

namespace lx = lexicon;

constexpr std::size_t MinMisspeltTitleLength = 7;
// From this length on, two slips are still the title ("Represenitive").
constexpr std::size_t TwoSlipsLength = 11;

// Optimal string alignment distance, giving up past `limit`.
std::size_t typing_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

const std::vector<std::string_view>& long_titles() {
    static const auto titles = [] {
        std::vector<std::string_view> out;
        for (const auto w : lx::title_words())
            if (w.size() >= MinMisspeltTitleLength) out.push_back(w);
        return out;
    }();
    return titles;
}

} // namespace

bool misspelt_title(std::string_view norm) {
    if (norm.size() < MinMisspeltTitleLength || lx::title_word(norm)) return false;
    const std::size_t limit = norm.size() >= TwoSlipsLength ? 2 : 1;
    return std::any_of(long_titles().begin(), long_titles().end(),
                       [&](std::string_view t) { return typing_distance(norm, t, limit) <= limit; });
}

bool leading_description(std::string_view norm) {
    return lx::title_word(norm) || lx::occupation_word(norm) || lx::state_demonym(norm) || misspelt_title(norm);
}

} // namespace newsdesk::entities
