#include "searcher/snippet.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "text/stemmers.hpp"
#include "text/unicode.hpp"

namespace newsdesk {
namespace {

// Which query item (a number for each of the query's words, stems and wildcards) a body word
// matches. Words and stems are looked up in hash maps and wildcards in a sorted list, so a
// body word costs the same whatever the length of the query.
class Matcher {
public:
    Matcher(const ParsedQuery& q, std::string_view article_language, std::string_view query_language)
        : stemmers_{stemmer_for(article_language), stemmer_for(query_language)} {
        std::size_t item = 0;
        for (const auto& w : q.words) words_.try_emplace(w, item++);
        for (const auto& s : q.stems) stems_.try_emplace(s, item++);
        for (const auto& w : q.wildcards) wildcards_.emplace_back(w, item++);
        std::sort(wildcards_.begin(), wildcards_.end());
        items_ = item;
    }

    std::size_t items() const { return items_; }

    // `word` must outlive this matcher (it is remembered: an article repeats most of its
    // words, and normalising and stemming each again was a tenth of a search's time).
    std::optional<std::size_t> match(std::string_view word) {
        const auto [seen, first] = seen_.try_emplace(word);
        if (first) seen->second = lookup(word);
        return seen->second;
    }

private:
    std::optional<std::size_t> lookup(std::string_view word) const {
        const auto norm = text::normalise(word);
        if (const auto it = words_.find(norm); it != words_.end()) return it->second;
        for (const auto* stemmer : stemmers_) {
            if (!stemmer || stems_.empty()) continue;
            if (const auto it = stems_.find((*stemmer)(norm)); it != stems_.end()) return it->second;
        }
        return wildcard(norm);
    }

    // The shortest wildcard `norm` starts with: the candidates are narrowed one character at
    // a time, and the first of them is the only one that can end there.
    std::optional<std::size_t> wildcard(const std::string& norm) const {
        auto lo = wildcards_.begin(), hi = wildcards_.end();
        for (std::size_t n = 0; lo != hi; ++n) {
            if (lo->first.size() == n) return lo->second;   // sorts first among those sharing n characters
            if (n == norm.size()) break;
            // As std::string orders them: by unsigned char.
            const auto c = static_cast<unsigned char>(norm[n]);
            const auto at = [n](const auto& w) { return static_cast<unsigned char>(w.first[n]); };
            lo = std::partition_point(lo, hi, [&](const auto& w) { return at(w) < c; });
            hi = std::partition_point(lo, hi, [&](const auto& w) { return at(w) == c; });
        }
        return std::nullopt;
    }

    const Xapian::Stem* stemmers_[2];
    std::unordered_map<std::string, std::size_t> words_, stems_;
    std::vector<std::pair<std::string, std::size_t>> wildcards_;   // sorted
    std::size_t items_ = 0;
    std::unordered_map<std::string_view, std::optional<std::size_t>> seen_;
};

} // namespace

Snippet make_snippet(std::string_view body, const ParsedQuery& query, std::string_view article_language,
                     std::string_view query_language, std::size_t window) {
    // The passage is looked for in the first MaxSnippetScan bytes: an article may hold 16 MB.
    auto scanned = body.substr(0, MaxSnippetScan);
    while (scanned.size() < body.size() && !scanned.empty() && (static_cast<unsigned char>(body[scanned.size()]) & 0xC0) == 0x80)
        scanned.remove_suffix(1);   // not inside a character
    const auto words = text::words(scanned);
    Snippet snippet;
    if (words.empty()) return snippet;
    window = std::max<std::size_t>(window, 1);
    Matcher matcher(query, article_language, query_language);
    constexpr auto None = static_cast<std::size_t>(-1);
    std::vector<std::size_t> hit(words.size(), None);
    if (matcher.items() > 0)
        for (std::size_t i = 0; i < words.size(); ++i) hit[i] = matcher.match(words[i].text).value_or(None);

    // The window of `window` words with the most distinct matched query items, then the most
    // matches, among those beginning at a match (or at the start). One pass: the window
    // slides, counting each item's matches in it.
    std::vector<std::size_t> in_window(matcher.items(), 0);
    std::size_t distinct = 0, total = 0, end = 0;
    std::size_t best = 0, best_distinct = 0, best_total = 0;
    for (std::size_t start = 0; start < words.size(); ++start) {
        if (start > 0 && hit[start - 1] != None) {   // leaves the window
            --total;
            if (--in_window[hit[start - 1]] == 0) --distinct;
        }
        for (; end < words.size() && end - start < window; ++end) {
            if (hit[end] == None) continue;
            ++total;
            if (in_window[hit[end]]++ == 0) ++distinct;
        }
        if (start > 0 && hit[start] == None) continue;   // windows worth trying begin at a match
        if (distinct > best_distinct || (distinct == best_distinct && total > best_total))
            best = start, best_distinct = distinct, best_total = total;
    }
    // Give the first match a little context before it.
    const std::size_t lead = best_distinct > 0 ? std::min<std::size_t>(best, 5) : 0;
    const std::size_t first = best - lead;
    const std::size_t last = std::min(words.size(), first + window) - 1;
    const std::size_t from = first == 0 ? 0 : words[first].offset;
    const bool to_end = last + 1 == words.size() && scanned.size() == body.size();
    const std::size_t to = to_end ? body.size() : words[last].offset + words[last].text.size();
    if (first > 0) snippet.text = "\u2026";
    const std::size_t base = snippet.text.size();
    for (char c : body.substr(from, to - from)) snippet.text += (c == '\n' ? ' ' : c);
    for (std::size_t i = first; i <= last; ++i)
        if (hit[i] != None) snippet.matches.push_back({base + words[i].offset - from, words[i].text.size()});
    if (!to_end) snippet.text += "\u2026";
    return snippet;
}

} // namespace newsdesk
