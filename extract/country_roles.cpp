#include "extract/country_roles.hpp"

#include <algorithm>
#include <map>

namespace newsdesk::entities {

// count: accepted matches in title and body, plus one for the dateline.
// focus: what the article is mainly about, by weighted mentions: a headline mention weighs 3
// (headlines name the subject), a body mention 1, the dateline 2 (where the story happens).
// The heaviest country is a focus; the second one too if it weighs at least half as much and
// at least 2 (two countries in talks, a war between two). At most two; none without countries.
std::vector<CountryMention> country_mentions(const std::vector<MatchedText>& texts,
                                             const std::optional<std::string>& dateline_code) {
    struct Tally {
        unsigned count = 0, weight = 0;
        bool dateline = false;
    };
    std::map<std::string, Tally> by_code;
    for (const auto& t : texts) {
        for (const auto& m : *t.matches) {
            if (!m.accepted) continue;
            auto& tally = by_code[m.code];
            ++tally.count;
            tally.weight += t.headline ? 3 : 1;
        }
    }
    if (dateline_code) {
        auto& tally = by_code[*dateline_code];
        ++tally.count;
        tally.weight += 2;
        tally.dateline = true;
    }
    std::vector<CountryMention> out;
    std::vector<std::pair<unsigned, std::size_t>> ranked;   // weight, index in out
    for (const auto& [code, tally] : by_code) {
        ranked.emplace_back(tally.weight, out.size());
        out.push_back(CountryMention{code, tally.count, tally.dateline, false});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (!ranked.empty()) out[ranked[0].second].focus = true;
    if (ranked.size() > 1 && ranked[1].first >= 2 && 2 * ranked[1].first >= ranked[0].first)
        out[ranked[1].second].focus = true;
    return out;
}

} // namespace newsdesk::entities
