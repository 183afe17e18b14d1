#include "searcher/suggestion.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "text/unicode.hpp"

namespace newsdesk {
namespace {

constexpr Xapian::doccount Rare = 2;          // a word in this few documents may be a misspelling
constexpr Xapian::doccount MoreFrequent = 20; // how much more frequent its replacement must be

// The archive's word nearest to `word` among the terms of `prefix` that start with the same
// two bytes, or nullopt.
std::optional<std::string> nearest_word(const Xapian::Database& db, const std::string& prefix, const std::string& word) {
    const auto own = db.get_termfreq(prefix + word);
    if (own > Rare || word.size() < 3) return std::nullopt;
    const std::size_t most = word.size() <= 4 ? 1 : 2;
    const auto start = prefix + word.substr(0, 2);
    std::optional<std::string> best;
    std::size_t best_distance = most + 1;
    Xapian::doccount best_frequency = 0;
    for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
        const std::string candidate = (*it).substr(prefix.size());
        if (candidate == word || candidate.size() + most < word.size() || candidate.size() > word.size() + most) continue;
        // A word the archive lacks takes any word it has; a rare one only a far more frequent.
        const auto frequency = it.get_termfreq();
        if (own > 0 && frequency < MoreFrequent * own) continue;
        const auto distance = edit_distance(word, candidate, most);
        if (distance > most) continue;
        if (distance < best_distance || (distance == best_distance && frequency > best_frequency)) {
            best = candidate;
            best_distance = distance;
            best_frequency = frequency;
        }
    }
    return best;
}

// The name most articles write with `surname` as its surname, normalised as a filter takes it.
std::optional<std::string> name_of_surname(const Xapian::Database& db, const std::string& surname) {
    const auto prefix = schema::speaker_form_prefix(surname);
    std::optional<std::string> best;
    Xapian::doccount most = 0;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
        if (it.get_termfreq() > most) {
            most = it.get_termfreq();
            best = text::normalise((*it).substr(prefix.size()));
        }
    return best;
}

bool is_operator(std::string_view token) {
    static constexpr std::array Operators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    return std::find(Operators.begin(), Operators.end(), token) != Operators.end();
}

// A word as a user types it: letters (any script) and digits, nothing else.
bool plain_word(std::string_view token) {
    if (token.empty()) return false;
    const auto words = text::words(token);
    return words.size() == 1 && words.front().text.size() == token.size() &&
           std::none_of(token.begin(), token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The archive's word nearest to a plain word: among its words as written, else among their stems
// (a name the archive only writes with an "'s", "Ahmadinejad's", is there as the stem).
std::optional<std::string> nearest_plain_word(const Xapian::Database& db, const std::string& word) {
    if (db.get_termfreq(word) > Rare) return std::nullopt;   // common as it is
    if (auto written = nearest_word(db, "", word)) return written;
    if (db.get_termfreq(std::string{schema::StemPrefix} + word) > 0) return std::nullopt;
    return nearest_word(db, std::string{schema::StemPrefix}, word);
}

// One token of the query, corrected or not.
std::string corrected(const Xapian::Database& db, std::string_view token, bool& changed) {
    // Keep what wraps the word: +, -, brackets.
    std::size_t from = 0, to = token.size();
    while (from < to && (token[from] == '+' || token[from] == '-' || token[from] == '(')) ++from;
    while (to > from && token[to - 1] == ')') --to;
    const auto head = token.substr(0, from), core = token.substr(from, to - from), tail = token.substr(to);
    if (is_operator(core)) return std::string{token};
    const auto colon = core.find(':');
    if (colon == std::string_view::npos) {
        if (!plain_word(core)) return std::string{token};
        const auto better = nearest_plain_word(db, text::normalise(core));
        if (!better) return std::string{token};
        changed = true;
        return std::string{head} + *better + std::string{tail};
    }
    // A name field's bare word: `speaker:ahmadinejab`.
    const auto* field = schema::named(schema::Fields, core.substr(0, colon));
    const auto value = core.substr(colon + 1);
    if (!field || field->word_prefix.empty() || !plain_word(value)) return std::string{token};
    const auto word = text::normalise(value);
    const auto better = nearest_word(db, std::string{field->word_prefix}, word);
    if (!better) {
        // No name near it, but perhaps a word: whoever it is, the archive mentions them, though
        // it quotes no one so called (`speaker:ahmadinejab` -> `ahmadinejad`).
        if (db.get_termfreq(std::string{field->word_prefix} + word) > 0) return std::string{token};
        const auto mentioned = nearest_plain_word(db, word);
        if (!mentioned) return std::string{token};
        changed = true;
        return std::string{head} + *mentioned + std::string{tail};
    }
    changed = true;
    std::string fixed = std::string{field->name} + ":";
    if (const auto name = name_of_surname(db, *better); name && name->find(' ') != std::string::npos)
        fixed += "\"" + *name + "\"";
    else
        fixed += *better;
    return std::string{head} + fixed + std::string{tail};
}

} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t most) {
    const auto n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > most) return most + 1;
    // Three rows of the table: two back (for swaps), one back and this one.
    std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        std::size_t row_best = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = std::min(current[j], before[j - 2] + 1);
            row_best = std::min(row_best, current[j]);
        }
        if (row_best > most) return most + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], most + 1);
}

std::optional<std::string> spelling_suggestion(const Xapian::Database& db, std::string_view query) {
    std::string out;
    bool changed = false, in_phrase = false;
    std::size_t at = 0;
    while (at < query.size()) {
        const auto space = query.find_first_of(" \t\r\n", at);
        const auto end = space == std::string_view::npos ? query.size() : space;
        const auto token = query.substr(at, end - at);
        const bool quotes_odd = std::count(token.begin(), token.end(), '"') % 2 == 1;
        if (in_phrase || token.find('"') != std::string_view::npos) out += token;   // phrases as typed
        else out += corrected(db, token, changed);
        if (quotes_odd) in_phrase = !in_phrase;
        if (space == std::string_view::npos) break;
        out += query[space];
        at = space + 1;
    }
    if (!changed) return std::nullopt;
    return out;
}

} // namespace newsdesk
