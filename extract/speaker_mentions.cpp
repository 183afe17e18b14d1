#include "extract/speaker_mentions.hpp"

#include "extract/lexicon.hpp"
#include "extract/organisation_names.hpp"
#include "extract/person_names.hpp"

namespace newsdesk::entities {
namespace {

namespace lx = lexicon;

Mention mention(const Cue& cue, Mention::Kind kind, std::size_t position) {
    Mention m;
    m.kind = kind;
    m.cue = cue;
    m.position = position;
    return m;
}

} // namespace

std::optional<Mention> run_mention(const NameRuns& text, const Cue& cue, TokenRange run, std::size_t position) {
    const auto [first, last] = run;
    const auto tok = [&](std::size_t i) -> const Token& { return text.token(i); };
    if (tok(last).possessive) return std::nullopt;   // "Trump's campaign said": the possessor is not the speaker
    Mention m = mention(cue, Mention::Kind::name, position);
    // "Standard and Poor's Corp", "Bank of America": an organisation whose name the run ends
    if (const auto whole = organisation_extent(text, run); whole.first < first) {
        if (after_preposition(text, whole)) return std::nullopt;
        m.kind = Mention::Kind::organisation;
        m.subject = whole;
        std::size_t from = whole.first;
        while (from < last && (tok(from).norm == "the" || lx::not_name_word(tok(from).norm))) ++from;
        m.name = written_name(text.tokens(), {from, last});
        return m;
    }
    const auto v = read_person(text, run);
    m.subject = run;
    if (v.name) {
        m.name = written_name(text.tokens(), *v.name);
        m.titled = v.any_title;
        return m;
    }
    // "The Iranian President also stressed": a title without a name refers to someone named elsewhere
    bool only_description = true;
    for (std::size_t k = first; k <= last && only_description; ++k) {
        const auto& t = tok(k);
        only_description = text.country_at(k) != nullptr || lx::title_word(t.norm) || t.norm == "the";
    }
    if (!only_description || v.titles.empty()) {
        if (!organisation_run(text, run)) return std::nullopt;
        std::size_t from = first;
        while (from < last && (tok(from).norm == "the" || lx::not_name_word(tok(from).norm))) ++from;
        m.kind = Mention::Kind::organisation;
        m.name = written_name(text.tokens(), {from, last});
        // "Iran's Foreign Ministry": keep the possessor that says whose ministry it is
        if (from == first && first > 0 && tok(first - 1).possessive && gap_is_space(tok(first).gap) &&
            text.country_at(first - 1) != nullptr)
            m.name = std::string{tok(first - 1).raw} + " " + m.name;
        return m;
    }
    m.kind = Mention::Kind::title;
    m.titles = v.titles;
    m.country = v.country;
    if (m.country.empty() && first > 0) {
        // "Iran's President": the possessor is a separate run before this one
        if (const auto* cm = text.country_at(first - 1); cm != nullptr && tok(first - 1).possessive)
            m.country = cm->code;
    }
    return m;
}

std::optional<Mention> title_phrase_ending(const NameRuns& text, const Cue& cue, std::size_t j, std::size_t position) {
    const auto tok = [&](std::size_t i) -> const Token& { return text.token(i); };
    Mention m = mention(cue, Mention::Kind::title, position);
    m.subject.last = j;
    std::size_t k = j;
    // "the president of Turkey"
    if (const auto* cm = text.country_at(j);
        cm != nullptr && cm->first >= 2 && tok(cm->first - 1).norm == "of" && lx::title_word(tok(cm->first - 2).norm)) {
        if (cm->kind == FormKind::blocker) return std::nullopt;
        m.country = cm->code;
        k = cm->first - 2;
    }
    if (!lx::title_word(tok(k).norm) || !lx::title_head(tok(k).norm)) return std::nullopt;
    std::size_t start = k;
    while (true) {
        m.titles.push_back(tok(start).norm);
        if (start == 0 || !lx::title_word(tok(start - 1).norm) || !gap_is_space(tok(start).gap)) break;
        --start;
    }
    if (start == 0) return std::nullopt;
    std::size_t d = start - 1;
    if (const auto* cm = text.country_at(d); cm != nullptr && gap_is_space(tok(start).gap)) {
        if (cm->kind == FormKind::blocker) return std::nullopt;
        if (m.country.empty()) m.country = cm->code;
        if (tok(cm->last).possessive) {
            m.subject.first = cm->first;
            return m;
        }
        if (cm->first == 0) return std::nullopt;
        d = cm->first - 1;
    }
    if (tok(d).norm != "the") return std::nullopt;
    m.subject.first = d;
    return m;
}

std::optional<Mention> title_phrase_starting(const NameRuns& text, const Cue& cue, std::size_t i, std::size_t position) {
    const auto& ts = text.tokens();
    if (i >= ts.size() || ts[i].norm != "the") return std::nullopt;
    Mention m = mention(cue, Mention::Kind::title, position);
    m.subject.first = i;
    std::size_t k = i + 1;
    if (k < ts.size()) {
        if (const auto* cm = text.country_at(k); cm != nullptr && cm->kind == FormKind::demonym) {
            m.country = cm->code;
            k = cm->last + 1;
        }
    }
    while (k < ts.size() && lx::title_word(ts[k].norm) && gap_is_space(ts[k].gap)) {
        m.titles.push_back(ts[k].norm);
        ++k;
    }
    if (m.titles.empty() || !lx::title_head(m.titles.back())) return std::nullopt;
    m.subject.last = k - 1;
    if (k + 1 < ts.size() && ts[k].norm == "of") {
        if (const auto* cm = text.country_at(k + 1); cm != nullptr && cm->kind != FormKind::blocker) {
            m.country = cm->code;
            m.subject.last = cm->last;
        }
    } else if (k < ts.size() && gap_is_space(ts[k].gap) && name_like(ts[k])) {
        return std::nullopt;   // "the president Barack Obama": the name itself is the run that follows
    }
    return m;
}

} // namespace newsdesk::entities
