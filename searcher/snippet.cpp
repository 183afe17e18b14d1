#include "searcher/snippet.hpp"

#include <algorithm>
#include <set>

#include "indexer/stemmers.hpp"
#include "schema/text.hpp"

namespace newsdesk {
namespace {

// Which query word (an index into a list of what the query asks for) a body word matches, or -1.
class Matcher {
public:
    Matcher(const ParsedQuery& q, std::string_view article_language, std::string_view query_language)
        : q_(q), stemmers_{stemmer_for(article_language), stemmer_for(query_language)} {}

    int match(std::string_view word) const {
        const auto norm = text::normalise(word);
        if (auto it = std::find(q_.words.begin(), q_.words.end(), norm); it != q_.words.end())
            return static_cast<int>(it - q_.words.begin());
        for (const auto* stemmer : stemmers_) {
            if (!stemmer) continue;
            const auto stem = (*stemmer)(norm);
            if (auto it = std::find(q_.stems.begin(), q_.stems.end(), stem); it != q_.stems.end())
                return static_cast<int>(q_.words.size() + static_cast<std::size_t>(it - q_.stems.begin()));
        }
        for (std::size_t i = 0; i < q_.wildcards.size(); ++i)
            if (norm.starts_with(q_.wildcards[i])) return static_cast<int>(q_.words.size() + q_.stems.size() + i);
        return -1;
    }

private:
    const ParsedQuery& q_;
    const Xapian::Stem* stemmers_[2];
};

} // namespace

Snippet make_snippet(std::string_view body, const ParsedQuery& query, std::string_view article_language,
                     std::string_view query_language, std::size_t window) {
    const auto words = text::words(body);
    Snippet snippet;
    if (words.empty()) return snippet;
    const Matcher matcher(query, article_language, query_language);
    std::vector<int> hit(words.size(), -1);
    const bool any_query_words = !query.words.empty() || !query.stems.empty() || !query.wildcards.empty();
    if (any_query_words)
        for (std::size_t i = 0; i < words.size(); ++i) hit[i] = matcher.match(words[i].text);

    // The window with the most distinct matched query words, then the most matches.
    std::size_t best = 0, best_distinct = 0, best_total = 0;
    for (std::size_t start = 0; start < words.size(); ++start) {
        if (start > 0 && hit[start] < 0) continue;   // windows worth trying begin at a match
        std::set<int> distinct;
        std::size_t total = 0;
        for (std::size_t i = start; i < std::min(words.size(), start + window); ++i)
            if (hit[i] >= 0) distinct.insert(hit[i]), ++total;
        if (distinct.size() > best_distinct || (distinct.size() == best_distinct && total > best_total))
            best = start, best_distinct = distinct.size(), best_total = total;
    }
    // Give the first match a little context before it.
    const std::size_t lead = best_distinct > 0 ? std::min<std::size_t>(best, 5) : 0;
    const std::size_t first = best - lead;
    const std::size_t last = std::min(words.size(), first + window) - 1;
    const std::size_t from = first == 0 ? 0 : words[first].offset;
    const std::size_t to = last + 1 == words.size() ? body.size() : words[last].offset + words[last].text.size();
    if (first > 0) snippet.text = "\u2026";
    const std::size_t base = snippet.text.size();
    for (char c : body.substr(from, to - from)) snippet.text += (c == '\n' ? ' ' : c);
    for (std::size_t i = first; i <= last; ++i)
        if (hit[i] >= 0) snippet.matches.push_back({base + words[i].offset - from, words[i].text.size()});
    if (last + 1 < words.size()) snippet.text += "\u2026";
    return snippet;
}

} // namespace newsdesk
