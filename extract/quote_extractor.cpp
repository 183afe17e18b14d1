#include "extract/quote_extractor.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "extract/lexicon.hpp"
#include "text/punctuation.hpp"

namespace newsdesk::entities {
namespace {

// The longest quote kept, in bytes: three times the longest in the development sets (1,367
// bytes, over several paragraphs), so real quotes fit, and a text without full stops cannot
// make one run on.
constexpr std::size_t MaxQuoteBytes = 4096;
// The fewest words a quote or a reported clause has: fewer are scare quotes and titles
// ("so-called", "Dateline") or a clause cut short.
constexpr std::size_t MinQuoteWords = 3;
// Words between a cue and the quote it introduces with a colon or comma, in one sentence: a
// listener or the occasion ('X told BBC Radio Five Live: "..."', 'X said in a statement on
// Sunday: "..."'); and between "told" and "that" ("told the foreign press that ...").
constexpr std::size_t MaxListenerWords = 8;
// How far back in its sentence a quote introduced by a colon looks for its cue: 'Hassan Rouhani
// said in a telephone conversation with Turkish President Recep Tayyip Erdogan on Sunday: "..."'.
constexpr std::size_t MaxIntroductionWords = 30;
constexpr std::size_t MaxToldListenerWords = 6;
// Words of a description between a quote and the name of its speaker: '"...," private political
// analyst Stephen Hess told Reuters', '"...," Shareholders United's Sean Bones told the BBC'.
constexpr std::size_t MaxDescriptionWords = 4;

struct Mark {
    std::size_t at = 0, size = 0;
    text::QuoteFacing facing = text::QuoteFacing::either;
};

bool blank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Double quotation marks (text::QuotationMarks) in byte order. A straight mark faces the word
// it is written against: after a blank and before a word it opens, after a word and before a
// blank it closes.
std::vector<Mark> marks_of(std::string_view text) {
    std::vector<Mark> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto mark = text::quotation_mark_at_start(text.substr(i));
        if (!mark) continue;
        auto facing = mark->facing;
        if (facing == text::QuoteFacing::either) {
            const bool blank_before = i == 0 || blank(text[i - 1]) || text[i - 1] == '(';
            const auto after = i + mark->size;
            const bool blank_after = after >= text.size() || blank(text[after]);
            if (blank_before && !blank_after) facing = text::QuoteFacing::opening;
            else if (!blank_before && blank_after) facing = text::QuoteFacing::closing;
        }
        out.push_back({i, mark->size, facing});
        i += mark->size - 1;
    }
    return out;
}

// The text before a mark ends a sentence: 'money. "It doesn't' reopens a quote that was
// never closed, as paragraphs do when a page's line breaks are lost.
bool ends_sentence(std::string_view text) {
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return !text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!');
}

bool paragraph_break(std::string_view text) { return text.find("\n\n") != std::string_view::npos; }

struct Span {
    std::size_t from = 0, to = 0;   // the text inside the marks (first part's start, last part's end)
    std::string text;
    std::size_t mark = 0;           // where the opening mark starts
};

// Pairs opening and closing marks. An opening mark whose paragraph has no closing mark
// continues into the next paragraph when that one opens with a quotation mark (the usual
// convention for quotes over several paragraphs); otherwise it is dropped.
std::vector<Span> quoted_spans(std::string_view text) {
    const auto marks = marks_of(text);
    std::vector<Span> out;
    std::optional<Span> current;
    std::size_t part_from = 0;
    for (std::size_t k = 0; k < marks.size(); ++k) {
        const auto& m = marks[k];
        if (!current) {
            if (m.facing == text::QuoteFacing::closing) continue;
            current = Span{m.at + m.size, 0, {}, m.at};
            part_from = m.at + m.size;
            continue;
        }
        const auto between = text.substr(part_from, m.at - part_from);
        if (paragraph_break(between)) {
            const auto para_end = part_from + between.find("\n\n");
            const auto next_para = text.find_first_not_of("\n \t\r", para_end);
            if (m.facing != text::QuoteFacing::closing && next_para == m.at) {
                // the next paragraph reopens the quote: join
                if (!current->text.empty()) current->text += "\n\n";
                current->text += text.substr(part_from, para_end - part_from);
                part_from = m.at + m.size;
                continue;
            }
            current.reset();
            --k;   // reconsider this mark as an opening one
            continue;
        }
        if (m.facing == text::QuoteFacing::opening && ends_sentence(between)) {
            // the next paragraph of the same quote, its break lost: join
            if (!current->text.empty()) current->text += "\n\n";
            current->text += between;
            while (!current->text.empty() && blank(current->text.back())) current->text.pop_back();
            part_from = m.at + m.size;
            continue;
        }
        if (m.facing == text::QuoteFacing::opening) {   // a nested or stray opener: restart here
            current = Span{m.at + m.size, 0, {}, m.at};
            part_from = m.at + m.size;
            continue;
        }
        if (!current->text.empty()) current->text += "\n\n";
        current->text += text.substr(part_from, m.at - part_from);
        current->to = m.at;
        out.push_back(std::move(*current));
        current.reset();
    }
    return out;
}

std::size_t words_in(std::string_view s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

// First token at or after byte `at`.
std::size_t token_from(const TokenStream& ts, std::size_t at) {
    return static_cast<std::size_t>(std::lower_bound(ts.tokens.begin(), ts.tokens.end(), at,
                                                     [](const Token& t, std::size_t a) { return t.offset < a; }) -
                                    ts.tokens.begin());
}

std::string_view trim_clause(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

// At most MaxQuoteBytes of `text`, cut after a word (or, in a text without spaces, between
// characters).
std::string_view capped(std::string_view text) {
    if (text.size() <= MaxQuoteBytes) return text;
    auto cut = text.substr(0, MaxQuoteBytes + 1).find_last_of(" \n\t");
    if (cut == std::string_view::npos || cut == 0) {
        cut = MaxQuoteBytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    return trim_clause(text.substr(0, cut));
}

// For each token, the first and last token of its sentence: one pass each way, so that finding
// a clause's end costs nothing however many clauses a sentence holds.
struct Sentences {
    std::vector<std::size_t> first, last;
    explicit Sentences(const TokenStream& ts) : first(ts.size()), last(ts.size()) {
        for (std::size_t i = 0; i < ts.size(); ++i) first[i] = i == 0 || ts[i].sentence_start ? i : first[i - 1];
        for (std::size_t i = ts.size(); i-- > 0;)
            last[i] = i + 1 == ts.size() || ts[i + 1].sentence_start ? i : last[i + 1];
    }
    // The end (byte) of the sentence containing token i, before its final punctuation.
    std::size_t end(const TokenStream& ts, std::size_t i) const { return ts[last[i]].offset + ts[last[i]].raw.size(); }
};

// A quote found, with the byte ranges of its text and of its cue (the reporting words and the
// speaker's name), from which overlaps are settled. An indirect quote's text is its range of
// the body, copied only once its range is final.
struct Found {
    Quote quote;
    std::size_t from = 0, to = 0;         // what it covers in the body (a direct quote's marks too)
    std::size_t cue_from = 0;             // where its cue's words begin
    std::size_t cue_token = 0;            // cues sharing a reporting word share its clause
};

// The quotes of an article never cover a byte of the body twice. Quotes are taken in text
// order; one that starts inside an indirect quote ends that one where its own cue (or, when the
// cue comes later, its text) begins: "according to A, X said that B" gives "X said that" to A
// only up to X. Indirect speech inside a direct quote is dropped: the quote is the speaker's
// own words, already recorded. Cues naming several speakers ("Obama and Biden said that ...")
// give each the same clause.
std::vector<Quote> without_overlaps(std::string_view body, std::vector<Found> found) {
    std::stable_sort(found.begin(), found.end(),
                     [](const Found& a, const Found& b) { return a.from < b.from; });
    std::vector<Found> kept;
    std::size_t group = 0;   // kept[group..] share one clause
    for (auto& f : found) {
        if (!kept.empty()) {
            const auto& last = kept.back();
            const bool shared = !f.quote.direct && !last.quote.direct && f.cue_token == last.cue_token &&
                                f.from == last.from;
            if (shared) {
                f.to = last.to;
                kept.push_back(std::move(f));
                continue;
            }
            if (f.from < last.to) {
                if (last.quote.direct) continue;
                const auto from = last.from;
                const auto end = f.cue_from > from && f.cue_from < f.from ? f.cue_from : f.from;
                const auto text = trim_clause(body.substr(from, std::min(end, last.to) - from));
                for (std::size_t k = group; k < kept.size(); ++k) kept[k].to = from + text.size();
                if (words_in(text) < MinQuoteWords) kept.resize(group);
            }
        }
        group = kept.size();
        kept.push_back(std::move(f));
    }
    std::vector<Quote> out;
    out.reserve(kept.size());
    for (auto& f : kept) {
        if (!f.quote.direct) f.quote.text = body.substr(f.from, f.to - f.from);
        out.push_back(std::move(f.quote));
    }
    return out;
}

} // namespace

std::vector<Quote> extract_quotes(const TokenStream& body, const std::vector<SpeechCue>& cues) {
    const Sentences sentences(body);
    // Indirect speech: the clause a verb reports, or the one "according to" qualifies.
    struct Clause {
        std::size_t from = 0, to = 0;
        bool before = false;   // "The plan failed, according to X.": the clause precedes its cue
    };
    const auto reported = [&](const SpeechCue& cue) -> std::optional<Clause> {
        if (cue.verb.empty()) return std::nullopt;
        if (cue.verb == "according to") {
            const std::size_t a = cue.cue;
            if (a > 0 && !body[a].sentence_start && body[a].gap.find(',') != std::string_view::npos) {
                // "The plan failed, according to X."
                const auto from = body[sentences.first[a - 1]].offset;
                return Clause{from, from + trim_clause(body.text.substr(from, body[a].offset - from)).size(), true};
            }
            if (cue.subject_last + 1 < body.size() && !body[cue.subject_last + 1].sentence_start &&
                body.gap_after(cue.subject_last).find(',') != std::string_view::npos) {
                // "According to X, the plan failed."
                const auto from = body[cue.subject_last + 1].offset;
                return Clause{from, sentences.end(body, cue.subject_last + 1), false};
            }
            return std::nullopt;
        }
        if (cue.inverted) return std::nullopt;   // 'said X' without a quote: the clause is elsewhere
        std::size_t k = cue.cue + 1;
        if (k >= body.size() || body[k].sentence_start || !gap_is_space(body[k].gap)) return std::nullopt;
        // "told reporters that ...": skip a listener and the complementiser
        if (cue.verb.starts_with("tell") || cue.verb == "told") {
            while (k < body.size() && k <= cue.cue + MaxToldListenerWords && body[k].norm != "that" && gap_is_space(body[k].gap)) ++k;
            if (k >= body.size() || body[k].norm != "that") return std::nullopt;
        }
        if (body[k].norm == "that") ++k;
        if (k >= body.size() || body[k].sentence_start || !gap_is_space(body[k].gap)) return std::nullopt;
        // "was speaking after Mr Blair told ...", "spoke on TV": a phrase, not what was said
        if (body[k].lower && (lexicon::preposition(body[k].norm) || body[k].norm == "after" || body[k].norm == "before" ||
                              body[k].norm == "during" || body[k].norm == "since"))
            return std::nullopt;
        const auto from = body[k].offset;
        const auto to = sentences.end(body, k);
        if (words_in(capped(body.text.substr(from, to - from))) < MinQuoteWords) return std::nullopt;
        return Clause{from, to, false};
    };
    std::vector<std::optional<Clause>> clauses;
    clauses.reserve(cues.size());
    for (const auto& cue : cues) clauses.push_back(reported(cue));

    std::vector<Found> out;
    const auto cue_found = [&](const SpeechCue& cue, Quote quote, std::size_t from, std::size_t to) {
        const auto cue_from = body[std::min(cue.cue, cue.subject_first)].offset;
        out.push_back(Found{std::move(quote), from, to, cue_from, cue.cue});
    };
    // The first cue (in `cues` order) that starts at a token, and that ends at one; the clauses
    // reported after a cue, by where they begin: a quote finds its cue by looking these up, not
    // by trying every cue.
    // A sentence's subject only introduces a quote after a colon ("Donald Trump took a parting
    // shot on Twitter: “...”"), and is found apart, as a cue said in that sentence comes first.
    std::unordered_map<std::size_t, std::size_t> starting_at, ending_at, subject_ending_at;
    std::vector<std::pair<std::size_t, std::size_t>> clause_at;   // (from, cue)
    for (std::size_t c = 0; c < cues.size(); ++c) {
        if (cues[c].named_only) {
            subject_ending_at.try_emplace(cues[c].subject_last, c);
            continue;
        }
        starting_at.try_emplace(std::min(cues[c].cue, cues[c].subject_first), c);
        ending_at.try_emplace(std::max(cues[c].cue, cues[c].subject_last), c);
        if (clauses[c] && !clauses[c]->before) clause_at.emplace_back(clauses[c]->from, c);
    }
    std::sort(clause_at.begin(), clause_at.end());
    // Each cue by its last token (the later of its verb and its subject), in text order.
    std::vector<std::pair<std::size_t, std::size_t>> cue_ends;   // (last token, cue)
    for (std::size_t c = 0; c < cues.size(); ++c)
        cue_ends.emplace_back(std::max(cues[c].cue, cues[c].subject_last), c);
    std::sort(cue_ends.begin(), cue_ends.end());
    std::vector<bool> used(cues.size(), false);
    std::optional<std::size_t> last_cue;    // attribution of the previous quote ...
    std::size_t last_paragraph_end = 0;     // ... valid up to this byte (its paragraph)
    std::size_t next_paragraph = 0;         // the first paragraph break at or after the last span's end
    for (auto& span : quoted_spans(body.text)) {
        if (words_in(span.text) < MinQuoteWords) continue;   // scare quotes and titles: "so-called", "Dateline"
        const std::size_t after = token_from(body, span.to);
        const std::size_t first_inside = token_from(body, span.from);
        std::optional<std::size_t> found;
        // '"...," X said' / '"...," said X' / '“...” ― X'; after a quote that ends its sentence,
        // only a cue that is a sentence of its own ('"..." Smith said.'), not the next
        // sentence's ('"...". Dr Fox accused Mr Blair of ...')
        // ('"...," private political analyst Stephen Hess told Reuters': a description first)
        if (after < body.size() && !paragraph_break(body[after].gap)) {
            for (std::size_t k = after; k < body.size() && k <= after + MaxDescriptionWords; ++k) {
                // (a description or a possessor: "Shareholders United's Sean Bones told")
                if (k > after && !gap_is_space(body[k].gap)) break;
                const auto it = starting_at.find(k);
                if (it == starting_at.end()) continue;
                const auto& cue = cues[it->second];
                const auto end = std::max(cue.cue, cue.subject_last);
                if (!body[after].sentence_start || sentences.last[end] == end) found = it->second;
                break;
            }
        }
        // 'X said: "..."' / 'X: “...”' / 'X said "..."', or with words between in the same
        // sentence: 'X told BBC Five Live: "..."', 'X said in a statement: "..."'
        if (first_inside > 0 && !paragraph_break(body.gap_after(first_inside - 1))) {
            const auto gap = body.gap_after(first_inside - 1);
            const bool introduced = gap.find_first_of(":,") != std::string_view::npos;
            const std::size_t reach = gap.find(':') != std::string_view::npos ? MaxIntroductionWords
                                      : introduced                           ? MaxListenerWords
                                                                             : 0;
            const std::size_t sentence = sentences.first[first_inside - 1];
            std::optional<std::size_t> subject;
            for (std::size_t back = 0; back <= reach && back < first_inside && first_inside - 1 - back >= sentence; ++back) {
                const auto end = first_inside - 1 - back;
                if (back > 0 && (text::has_quotation_mark(body.gap_after(end)) || paragraph_break(body.gap_after(end))))
                    break;
                if (const auto it = ending_at.find(end); it != ending_at.end()) {
                    if (!found || it->second < *found) found = it->second;
                    break;
                }
                if (const auto it = subject_ending_at.find(end); it != subject_ending_at.end() && !subject)
                    subject = it->second;
            }
            if (!found && gap.find(':') != std::string_view::npos) found = subject;
        }
        // '“We're extremely happy” about the decision, said RoseAnn DeMoro': a cue later in the
        // quote's sentence, past words of the reporter's
        if (!found && after < body.size() && !body[after].sentence_start && !paragraph_break(body[after].gap) &&
            first_inside < body.size() && body[first_inside].sentence_start) {
            const auto it = std::lower_bound(cue_ends.begin(), cue_ends.end(), std::pair{after, std::size_t{0}});
            for (auto c = it; c != cue_ends.end() && c->first <= sentences.last[after] && c->first <= after + MaxIntroductionWords; ++c) {
                const auto& cue = cues[c->second];
                if (cue.named_only || std::min(cue.cue, cue.subject_first) < after) continue;
                found = c->second;
                break;
            }
        }
        bool inside_clause = false;
        // 'X said the plan was "a failure"': the quote is part of the clause X's verb reports
        if (!found) {
            const auto it = std::upper_bound(clause_at.begin(), clause_at.end(), std::pair{span.mark, cues.size()});
            if (it != clause_at.begin() && span.mark < clauses[std::prev(it)->second]->to) {
                found = std::prev(it)->second;
                inside_clause = true;
            }
        }
        // '“A,” he said. “B.”': later quotes of the paragraph belong to the same speaker
        if (!found && last_cue && span.from < last_paragraph_end) found = last_cue;
        // 'Mr Herren says there are pros and cons. "It's very simple ..."': a quote that opens a
        // sentence belongs to the last cue of the sentence before, in this paragraph or the one
        // before, when nothing is said in between
        if (!found && first_inside > 0 && first_inside < body.size() && body[first_inside].sentence_start) {
            const std::size_t previous = sentences.first[first_inside - 1];
            const auto it = std::lower_bound(cue_ends.begin(), cue_ends.end(), std::pair{first_inside, std::size_t{0}});
            if (it != cue_ends.begin() && std::prev(it)->first >= previous) found = std::prev(it)->second;
        }
        if (!found) continue;
        if (!inside_clause) used[*found] = true;
        last_cue = found;
        if (next_paragraph != std::string_view::npos && next_paragraph < span.to)
            next_paragraph = body.text.find("\n\n", span.to);
        last_paragraph_end = next_paragraph == std::string_view::npos ? body.text.size() : next_paragraph;
        const auto& cue = cues[*found];
        span.text.resize(capped(span.text).size());
        cue_found(cue, Quote{cue.speaker, std::move(span.text), cue.verb, span.from, true}, span.mark, span.to);
    }
    for (std::size_t c = 0; c < cues.size(); ++c) {
        if (used[c] || !clauses[c]) continue;
        const auto& cue = cues[c];
        const auto text = capped(body.text.substr(clauses[c]->from, clauses[c]->to - clauses[c]->from));
        cue_found(cue, Quote{cue.speaker, {}, cue.verb, clauses[c]->from, false}, clauses[c]->from,
                  clauses[c]->from + text.size());
    }
    return without_overlaps(body.text, std::move(out));
}

} // namespace newsdesk::entities
