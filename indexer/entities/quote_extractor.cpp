#include "indexer/entities/quote_extractor.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

namespace newsdesk::entities {
namespace {

struct Mark {
    std::size_t at = 0, size = 0;
    enum class Kind { open, close, either } kind = Kind::either;
};

// Double quotation marks in byte order: “ ” „ « » and straight " and '' (typewriter style).
std::vector<Mark> marks_of(std::string_view text) {
    std::vector<Mark> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto rest = text.substr(i);
        if (rest.starts_with("\xE2\x80\x9C") || rest.starts_with("\xE2\x80\x9E") || rest.starts_with("\xC2\xAB")) {
            out.push_back({i, rest.starts_with("\xC2\xAB") ? 2u : 3u, Mark::Kind::open});
        } else if (rest.starts_with("\xE2\x80\x9D") || rest.starts_with("\xC2\xBB")) {
            out.push_back({i, rest.starts_with("\xC2\xBB") ? 2u : 3u, Mark::Kind::close});
        } else if (rest.starts_with("''")) {
            out.push_back({i, 2, Mark::Kind::either});
        } else if (rest.front() == '"') {
            out.push_back({i, 1, Mark::Kind::either});
        } else {
            continue;
        }
        i += out.back().size - 1;
    }
    return out;
}

bool paragraph_break(std::string_view text) { return text.find("\n\n") != std::string_view::npos; }

struct Span {
    std::size_t from = 0, to = 0;   // the text inside the marks (first part's start, last part's end)
    std::string text;
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
            if (m.kind == Mark::Kind::close) continue;
            current = Span{m.at + m.size, 0, {}};
            part_from = m.at + m.size;
            continue;
        }
        const auto between = text.substr(part_from, m.at - part_from);
        if (paragraph_break(between)) {
            const auto para_end = part_from + between.find("\n\n");
            const auto next_para = text.find_first_not_of("\n \t\r", para_end);
            if (m.kind != Mark::Kind::close && next_para == m.at) {
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
        if (m.kind == Mark::Kind::open) {   // a nested or stray opener: restart here
            current = Span{m.at + m.size, 0, {}};
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

// First token at or after byte `at`, last token before byte `at`.
std::size_t token_from(const TokenStream& ts, std::size_t at) {
    return static_cast<std::size_t>(std::lower_bound(ts.tokens.begin(), ts.tokens.end(), at,
                                                     [](const Token& t, std::size_t a) { return t.offset < a; }) -
                                    ts.tokens.begin());
}

std::string trim_clause(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '\n')) s.remove_suffix(1);
    return std::string{s};
}

// The end (byte) of the sentence containing token i, before its final punctuation.
std::size_t sentence_end(const TokenStream& ts, std::size_t i) {
    std::size_t k = i;
    while (k + 1 < ts.size() && !ts[k + 1].sentence_start) ++k;
    return ts[k].offset + ts[k].raw.size();
}

} // namespace

std::vector<Quote> extract_quotes(const TokenStream& body, const std::vector<SpeechCue>& cues) {
    std::vector<Quote> out;
    std::vector<bool> used(cues.size(), false);
    std::optional<std::size_t> last_cue;    // attribution of the previous quote ...
    std::size_t last_paragraph_end = 0;     // ... valid up to this byte (its paragraph)
    for (auto& span : quoted_spans(body.text)) {
        if (words_in(span.text) < 3) continue;   // scare quotes and titles: "so-called", "Dateline"
        const std::size_t after = token_from(body, span.to);
        const std::size_t first_inside = token_from(body, span.from);
        std::optional<std::size_t> found;
        for (std::size_t c = 0; c < cues.size() && !found; ++c) {
            const auto& cue = cues[c];
            const std::size_t start = std::min(cue.cue, cue.subject_first);
            const std::size_t end = std::max(cue.cue, cue.subject_last);
            // '"...," X said' / '"...," said X' / '“...” ― X'
            if (start == after && after < body.size() && !paragraph_break(body[after].gap)) found = c;
            // 'X said: "..."' / 'X: “...”'
            // (or 'X told reporters: "..."': a listener of up to two words in between)
            else if (first_inside > 0 && end < first_inside && end + 3 >= first_inside &&
                     body.gap_after(first_inside - 1).find_first_of(":,") != std::string_view::npos &&
                     !paragraph_break(body.gap_after(first_inside - 1)))
                found = c;
        }
        // '“A,” he said. “B.”': later quotes of the paragraph belong to the same speaker
        if (!found && last_cue && span.from < last_paragraph_end) found = last_cue;
        if (!found) continue;
        used[*found] = true;
        last_cue = found;
        const auto para = body.text.find("\n\n", span.to);
        last_paragraph_end = para == std::string_view::npos ? body.text.size() : para;
        const auto& cue = cues[*found];
        out.push_back(Quote{cue.speaker, std::move(span.text), cue.verb, span.from, true});
    }
    // Indirect speech: the clause a verb reports, or the one "according to" qualifies.
    for (std::size_t c = 0; c < cues.size(); ++c) {
        const auto& cue = cues[c];
        if (used[c] || cue.verb.empty()) continue;
        if (cue.verb == "according to") {
            const std::size_t a = cue.cue;
            if (a > 0 && !body[a].sentence_start && body[a].gap.find(',') != std::string_view::npos) {
                // "The plan failed, according to X."
                std::size_t s = a - 1;
                while (s > 0 && !body[s].sentence_start) --s;
                const auto from = body[s].offset;
                out.push_back(Quote{cue.speaker, trim_clause(body.text.substr(from, body[a].offset - from)),
                                    cue.verb, from, false});
            } else if (cue.subject_last + 1 < body.size() && !body[cue.subject_last + 1].sentence_start &&
                       body.gap_after(cue.subject_last).find(',') != std::string_view::npos) {
                // "According to X, the plan failed."
                const auto& t = body[cue.subject_last + 1];
                out.push_back(Quote{cue.speaker, std::string{body.text.substr(t.offset, sentence_end(body, cue.subject_last + 1) - t.offset)},
                                    cue.verb, t.offset, false});
            }
            continue;
        }
        if (cue.inverted) continue;   // 'said X' without a quote: the clause is elsewhere
        std::size_t k = cue.cue + 1;
        if (k >= body.size() || body[k].sentence_start || !gap_is_space(body[k].gap)) continue;
        // "told reporters that ...": skip a listener and the complementiser
        if (cue.verb.starts_with("tell") || cue.verb == "told") {
            while (k < body.size() && k < cue.cue + 4 && body[k].norm != "that" && gap_is_space(body[k].gap)) ++k;
            if (k >= body.size() || body[k].norm != "that") continue;
        }
        if (body[k].norm == "that") ++k;
        if (k >= body.size() || body[k].sentence_start || !gap_is_space(body[k].gap)) continue;
        if (body[k].lower && (body[k].norm == "on" || body[k].norm == "in" || body[k].norm == "at")) continue;
        const auto from = body[k].offset;
        const auto to = sentence_end(body, k);
        if (words_in(body.text.substr(from, to - from)) < 3) continue;
        out.push_back(Quote{cue.speaker, std::string{body.text.substr(from, to - from)}, cue.verb, from, false});
    }
    std::stable_sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) { return a.offset < b.offset; });
    return out;
}

} // namespace newsdesk::entities
