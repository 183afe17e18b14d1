#include "extract/verb_forms.hpp"

#include <string>

#include "extract/lexicon.hpp"
#include "text/punctuation.hpp"

namespace newsdesk::entities {
namespace {

// Words from "as saying" back to the verb that quotes someone: "quoted Tim Manning, formerly a
// deputy administrator at FEMA, as saying".
constexpr std::size_t MaxQuotedPhraseWords = 20;

} // namespace

std::optional<std::size_t> quoting_verb_before(const TokenStream& ts, std::size_t as) {
    for (std::size_t k = as; k-- > 0 && as - k <= MaxQuotedPhraseWords;) {
        const auto& w = ts[k].norm;
        if (w == "quoted" || w == "cited" || w == "quotes" || w == "cites" || w == "quoting" || w == "citing")
            return k;
        if (ts[k].sentence_start) break;
    }
    return std::nullopt;
}

bool quotes_someone_as_saying(const TokenStream& ts, std::size_t i) {
    for (std::size_t k = i + 1; k + 1 < ts.size() && k <= i + MaxQuotedPhraseWords && !ts[k].sentence_start; ++k)
        if (ts[k].norm == "as" && (ts[k + 1].norm == "saying" || ts[k + 1].norm == "telling"))
            return quoting_verb_before(ts, k) == i;
    return false;
}

bool is_be(std::string_view w) {
    return w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "being" || w == "be";
}

bool passive(const TokenStream& ts, std::size_t i) {
    const auto& w = ts[i].norm;
    if (!(w.ends_with("ed") || w == "told" || w == "said" || w == "written" || w == "spoken")) return false;
    std::size_t k = i;
    if (k > 1 && ts[k - 1].lower && ts[k - 1].norm.ends_with("ly")) --k;
    if (k > 1 && (ts[k - 1].norm == "not" || ts[k - 1].norm == "never")) --k;   // "was not asked"
    return k > 0 && is_be(ts[k - 1].norm);
}

bool noun_after_name(const NameRuns& text, std::size_t i) {
    const auto& ts = text.tokens();
    const auto& w = ts[i].norm;
    const bool base = lexicon::speech_verb(w + "s") || lexicon::speech_verb(w + "es") || lexicon::speech_verb(w + "ed") ||
                      lexicon::speech_verb(w + "d");
    if (!base || i == 0 || !gap_is_space(ts[i].gap)) return false;
    const auto run = text.run_ending_at(i - 1);
    if (!run || run->first == 0 || ts[run->first].sentence_start) return false;
    std::size_t k = run->first - 1;
    while (k > 0 && !ts[k].sentence_start && ts[k].lower && !lexicon::preposition(ts[k].norm) && ts[k].norm != "the" && ts[k].norm != "a" &&
           ts[k].norm != "an" && run->first - k <= 2)
        --k;   // "a senior Trump advise"
    const auto& d = ts[k].norm;
    return d == "the" || d == "a" || d == "an" || d == "this" || d == "that" || ts[k].possessive;
}

bool speech_participle(std::string_view w) {
    if (!w.ends_with("ing") || w.size() < 6) return false;
    std::string stem{w.substr(0, w.size() - 3)};   // "say", "argu", "admitt"
    for (int undoubled = 0; undoubled < 2; ++undoubled) {
        for (const char* ending : {"s", "es", "ed", "d"})
            if (lexicon::speech_verb(stem + ending)) return true;
        if (stem.size() < 2 || stem[stem.size() - 1] != stem[stem.size() - 2]) break;
        stem.pop_back();   // "admitting" -> "admit"
    }
    return false;
}

bool progressive_speech(const TokenStream& ts, std::size_t i) {
    return i > 0 && is_be(ts[i - 1].norm) && speech_participle(ts[i].norm);
}

bool reports_content(const TokenStream& ts, std::size_t i) {
    const auto& w = ts[i].norm;
    const bool speak = w == "spoke" || w == "speaks" || w == "speaking" || w == "spoken";
    const bool go_on = w.starts_with("continue");
    if (!speak && !go_on) return true;
    if (i + 1 >= ts.size() || ts[i + 1].sentence_start) return go_on;   // '"...," he continued.'
    if (speak && (ts[i + 1].norm == "about" || ts[i + 1].norm == "of" || ts[i + 1].norm == "on")) return true;
    for (std::size_t k = i + 1; k < ts.size() && !ts[k].sentence_start; ++k)
        if (text::has_quotation_mark(ts[k].gap) || gap_has(ts[k].gap, ":")) return true;
    return false;
}

} // namespace newsdesk::entities
