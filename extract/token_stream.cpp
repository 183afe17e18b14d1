#include "extract/token_stream.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "extract/lexicon.hpp"
#include "text/unicode.hpp"

namespace newsdesk::entities {
namespace {

// Abbreviations whose full stop does not end a sentence ("Sen. Ben Sasse", "Mr. Ryan").
bool abbreviation(std::string_view norm) {
    return lexicon::abbreviation(norm) || norm.size() == 1 || norm.find('.') != std::string_view::npos;   // "D.", "U.S."
}

// A full stop followed by a comma ends an abbreviation, not a sentence ("Mobile, Ala., says").
bool ends_sentence(std::string_view gap) {
    const auto stop = gap.find_last_of(".!?");
    if (stop != std::string_view::npos && gap.find_first_of(",;", stop) == std::string_view::npos) return true;
    return gap_has_paragraph(gap);
}

} // namespace

std::string_view TokenStream::gap_after(std::size_t i) const {
    const std::size_t from = tokens[i].offset + tokens[i].raw.size();
    const std::size_t to = i + 1 < tokens.size() ? tokens[i + 1].offset : text.size();
    return text.substr(from, to - from);
}

std::string_view TokenStream::span(std::size_t first, std::size_t last) const {
    const std::size_t from = tokens[first].offset;
    const std::size_t to = tokens[last].offset + tokens[last].raw.size();
    return text.substr(from, to - from);
}

TokenStream tokenise(std::string_view text) {
    TokenStream out;
    out.text = text;
    std::size_t prev_end = 0;
    text::for_each_word(text, [&](const text::Word& w) {
        Token t;
        t.raw = w.text;
        t.norm = text::normalise(w.text);
        t.offset = w.offset;
        t.gap = text.substr(prev_end, w.offset - prev_end);
        prev_end = w.offset + w.text.size();

        int32_t i = 0;
        const auto n = static_cast<int32_t>(w.text.size());
        UChar32 c;
        U8_NEXT(w.text.data(), i, n, c);
        t.upper = c >= 0 && (u_isupper(c) || u_istitle(c));
        t.lower = c >= 0 && u_islower(c);
        int letters = t.upper ? 1 : 0;
        bool any_lower = t.lower;
        while (i < n && !any_lower) {
            U8_NEXT(w.text.data(), i, n, c);
            if (c < 0) break;
            if (u_islower(c)) any_lower = true;
            else if (u_isupper(c)) ++letters;
        }
        t.all_caps = !any_lower && letters >= 2;
        const auto r = t.raw;
        t.possessive = (r.size() > 2 && (r.ends_with("'s") || r.ends_with("'S"))) ||
                       (r.size() > 4 && r.ends_with("\xE2\x80\x99s"));   // ’s
        if (out.tokens.empty()) {
            t.sentence_start = true;
        } else {
            const auto& p = out.tokens.back();
            // a lower-case word does not start a sentence ("the U.S. embassy")
            t.sentence_start = gap_has_paragraph(t.gap) ||
                               (ends_sentence(t.gap) && !t.lower &&
                                !(t.gap.front() == '.' && abbreviation(p.norm)));
        }
        out.tokens.push_back(std::move(t));
    });
    return out;
}

std::string_view strip_possessive(std::string_view norm) {
    if (norm.size() > 2 && norm.ends_with("'s")) return norm.substr(0, norm.size() - 2);
    return norm;
}

bool gap_is_space(std::string_view gap) {
    int newlines = 0;   // one line break is layout (hard-wrapped text), two are a paragraph
    for (char c : gap) {
        if (c == '\n') ++newlines;
        else if (c != ' ' && c != '\t' && c != '\r') return false;
    }
    return !gap.empty() && newlines <= 1;
}

bool gap_has(std::string_view gap, std::string_view chars) {
    return gap.find_first_of(chars) != std::string_view::npos;
}

bool gap_has_paragraph(std::string_view gap) {
    const auto first = gap.find('\n');
    return first != std::string_view::npos && gap.find('\n', first + 1) != std::string_view::npos;
}

} // namespace newsdesk::entities
