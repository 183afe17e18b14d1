#include "extract/sentence_subjects.hpp"

#include "extract/lexicon.hpp"

namespace newsdesk::entities {
namespace {

// Words a sentence may open with before its subject: "But Williams", "In Doha, Williams".
constexpr std::size_t MaxWordsBeforeSubject = 2;
// Words after a possessor before the subject it describes: "Stallone's ex-wife Brigitte Nielsen".
constexpr std::size_t MaxPossessedWords = 4;

// Words of a description between a place or an organisation and a person: "Sanford police
// officer Timothy Smith", "Rubio press secretary Brooke Sammon".
constexpr std::size_t MaxDescriptionWords = 3;

// The person named after a description that follows the run ending at token l.
std::optional<TokenRange> person_after_description(const NameRuns& text, std::size_t l) {
    const auto& ts = text.tokens();
    if (ts[l].possessive) return std::nullopt;
    std::size_t n = l + 1;
    while (n < ts.size() && n <= l + MaxDescriptionWords && ts[n].lower && gap_is_space(ts[n].gap) &&
           (lexicon::title_word(ts[n].norm) || lexicon::occupation_word(ts[n].norm) ||
            lexicon::organisation_word(ts[n].norm) || lexicon::spokesperson_word(ts[n].norm)))
        ++n;
    if (n == l + 1 || n >= ts.size() || !gap_is_space(ts[n].gap)) return std::nullopt;
    return text.run_starting_at(n);
}

// "On Thursday", "Last week": a run of words that are no names.
bool all_not_names(const TokenStream& ts, TokenRange run) {
    for (std::size_t k = run.first; k <= run.last; ++k)
        if (!lexicon::not_name_word(ts[k].norm)) return false;
    return true;
}

} // namespace

void sentence_subjects(const NameRuns& text, std::size_t segment, const std::vector<bool>& quoted,
                       std::vector<Mention>& out) {
    const auto& ts = text.tokens();
    for (std::size_t i = 0; i < ts.size(); ++i) {
        if (!ts[i].sentence_start || quoted[i]) continue;   // a quoted sentence's subject is the speaker's
        for (std::size_t k = i; k < ts.size() && k <= i + MaxWordsBeforeSubject + MaxPossessedWords; ++k) {
            if (k > i && ts[k].sentence_start) break;
            const auto run = text.run_starting_at(k);
            if (!run) {
                if (ts[k].lower) break;   // "The club said": no name leads the sentence
                continue;
            }
            const auto l = run->last;
            // "Sylvester Stallone's ex-wife Brigitte Nielsen nominated ...": the possessed is the subject
            if (ts[l].possessive && l + 1 < ts.size()) {
                std::size_t n = l + 1;
                // (words, not tokens: "ex-wife" is one)
                const auto joined = [&](std::size_t w) { return gap_is_space(ts[w].gap) || (w > l + 1 && ts[w].gap == "-"); };
                for (std::size_t words = 0; n < ts.size() && ts[n].lower && joined(n); ++n)
                    if (ts[n].gap != "-" && ++words > MaxWordsBeforeSubject + 1) break;
                if (n > l + 1 && n < ts.size() && gap_is_space(ts[n].gap) && text.run_starting_at(n)) {
                    k = n - 1;
                    continue;
                }
            }
            if (const auto described = person_after_description(text, l)) {
                k = described->first - 1;
                continue;
            }
            if (ts[l].possessive || l + 1 >= ts.size()) break;
            const auto& after = ts[l + 1];
            if (!(gap_is_space(after.gap) && after.lower) && !gap_has(after.gap, ",")) break;
            // "Obama administration officials said": the name qualifies an organisation
            if (gap_is_space(after.gap) && lexicon::organisation_word(after.norm)) break;
            // "Due to the provision, it said", "Concurrent with the deal": no subject
            if (gap_is_space(after.gap) && lexicon::preposition(after.norm)) break;
            auto m = run_mention(text, Cue{segment, k, "", false}, *run, k);
            // "On Thursday, Sanders unloaded on the Post": a time before the subject
            if (!m && gap_has(after.gap, ",") && all_not_names(ts, *run)) {
                k = l;
                continue;
            }
            if (m && m->kind == Mention::Kind::name) {
                m->kind = Mention::Kind::subject;
                out.push_back(std::move(*m));
            }
            break;
        }
    }
}

std::optional<Mention> participle_subject(const NameRuns& text, const Cue& cue) {
    const auto& ts = text.tokens();
    std::size_t start = cue.token;
    while (start > 0 && !ts[start].sentence_start) --start;
    for (std::size_t k = start; k + 1 < cue.token; ++k) {
        auto run = text.run_starting_at(k);
        if (!run) continue;
        // "Rubio press secretary Brooke Sammon gave it a try, tweeting"
        if (const auto described = person_after_description(text, run->last); described && described->last + 1 < cue.token)
            run = described;
        const auto l = run->last;
        if (l + 1 >= cue.token || ts[l].possessive) { k = l; continue; }
        // "warning followers ... of the Muslim community": a name after a preposition is no subject
        std::size_t before = k;
        if (before > start && ts[before - 1].norm == "the") --before;
        if (before > start && ts[before - 1].lower && lexicon::preposition(ts[before - 1].norm)) { k = l; continue; }
        const auto& next = ts[l + 1];
        // "The Obama administration is preparing ..., believing": an organisation the name qualifies
        if (gap_is_space(next.gap) && next.lower && lexicon::organisation_word(next.norm)) return std::nullopt;
        if (gap_is_space(next.gap) && next.lower && !lexicon::preposition(next.norm) && next.norm != "and") {
            auto m = run_mention(text, cue, *run, run->first);
            if (m && m->kind != Mention::Kind::title) return m;
            return std::nullopt;
        }
        k = l;
    }
    return std::nullopt;
}

} // namespace newsdesk::entities
