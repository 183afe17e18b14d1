#include "extract/person_names.hpp"

#include "extract/lexicon.hpp"
#include "extract/name_descriptions.hpp"

namespace newsdesk::entities {
namespace {

namespace lx = lexicon;

// The most words a person's name has once titles and suffixes are stripped ("Juan Manuel
// Santos Calderon"); a longer run is a title-case phrase or a list of names.
constexpr std::size_t MaxNameWords = 4;
// How far left of a run a description may reach, a place counting one: enough for "former
// Iranian Deputy Foreign Minister", and a title-case headline does not read as one.
constexpr std::size_t MaxDescriptionSteps = 6;
// Sentence adverbs in -ly are longer than the given names that end so ("Emily", "Kelly").
constexpr std::size_t MinAdverbBytes = 5;

bool is_digit_word(std::string_view w) { return !w.empty() && w.front() >= '0' && w.front() <= '9'; }

// Titles, demonyms and possessive countries just before a name, in lower case or not:
// "Turkish president Recep Tayyip Erdogan", "Iran's Foreign Minister ...".
void describe_left(const NameRuns& text, std::size_t first, PersonView& v) {
    std::size_t k = first;
    for (std::size_t steps = 0; k > 0 && steps < MaxDescriptionSteps; ++steps) {
        const std::size_t p = k - 1;
        const auto& t = text.token(p);
        if (!gap_is_space(text.token(k).gap)) break;
        if (const auto* cm = text.country_at(p)) {
            if (cm->kind == FormKind::blocker) break;
            if (v.country.empty()) v.country = cm->code;
            k = cm->first;
            continue;
        }
        if (lx::title_word(t.norm) || lx::party_word(t.norm)) {
            if (lx::title_word(t.norm)) v.titles.push_back(t.norm);
            k = p;
            continue;
        }
        break;
    }
}

// Words a title with "of" may hold before a name: "Minister of Mines and Energy".
constexpr std::size_t MaxTitleOfWords = 4;

} // namespace

bool title_continues(const NameRuns& text, std::size_t first) {
    const auto tok = [&](std::size_t i) -> const Token& { return text.token(i); };
    for (std::size_t k = first; k >= 2 && first - k < MaxTitleOfWords * 2;) {
        const auto& joint = tok(k - 1);
        if (!joint.lower || (joint.norm != "and" && joint.norm != "of") || !gap_is_space(tok(k).gap)) return false;
        if (lx::title_word(tok(k - 2).norm) && joint.norm == "of") return true;
        if (!tok(k - 2).upper || !gap_is_space(joint.gap)) return false;
        k -= 2;
    }
    return false;
}

PersonView read_person(const NameRuns& text, TokenRange run) {
    // (plain variables, not a structured binding: clang 14 cannot capture one in a lambda)
    const std::size_t first = run.first, last = run.last;
    const auto tok = [&](std::size_t i) -> const Token& { return text.token(i); };
    // "Douglas Schoen", "Regina Ip", "Rio Ferdinand": a town's name that the article does not
    // count as a place, first in a run before a word that is no place and no title, is a
    // given name
    const auto place_at = [&](std::size_t k) -> const CountryMatch* {
        const auto* cm = text.country_at(k);
        const bool given_name = cm != nullptr && k == first && k < last && !cm->accepted && cm->first == cm->last &&
                                (cm->kind == FormKind::place || cm->kind == FormKind::capital) &&
                                text.country_at(k + 1) == nullptr && !lx::title_word(tok(k + 1).norm) &&
                                gap_is_space(tok(k + 1).gap);
        return given_name ? nullptr : cm;
    };
    PersonView v;
    // "Hurricane Lorenzo" is named like a person and is none
    for (std::size_t k = first; k <= last; ++k)
        if (lx::description_word(tok(k).norm)) return v;
    std::size_t i = first;
    // strip what precedes the name inside the run: titles, parties, places, possessors
    while (i <= last) {
        const auto& t = tok(i);
        if (const auto* cm = place_at(i)) {
            if (cm->kind != FormKind::blocker && v.country.empty()) v.country = cm->code;
            if (cm->last >= last) { i = last + 1; break; }
            i = cm->last + 1;
            continue;
        }
        if (t.possessive && i < last) { ++i; continue; }
        // "Certainly Donald Trump has ...": an adverb capitalised because it leads the sentence
        if (i == first && t.sentence_start && last - first >= 2 && t.norm.size() > MinAdverbBytes &&
            t.norm.ends_with("ly")) {
            ++i;
            continue;
        }
        // "Minister of Energy and Mines Subroto": the run's first word ends a title before it
        if (lx::title_word(t.norm) || (i == first && i < last && title_continues(text, i))) {
            v.titles.push_back(t.norm);
            v.any_title = v.any_title || lx::person_title(t.norm);
            ++i;
            continue;
        }
        if (lx::not_name_word(t.norm) || lx::party_word(t.norm) || (t.all_caps && i < last)) {
            ++i;
            continue;
        }
        // "Co-developer Jing Wang", "Ex-Minister ...": a hyphenated description
        std::size_t compound = i;
        while (compound < last && tok(compound + 1).gap == "-") ++compound;
        if (compound > i && compound < last && leading_description(tok(compound).norm)) {
            i = compound + 1;
            continue;
        }
        // "Developer Donald Trump", "Secertary James Baker": an occupation or a misspelt title
        // before a full name (two words at least, so that "Justine Greening" keeps her name)
        if (last - i >= 2 && !t.all_caps && leading_description(t.norm)) {
            ++i;
            continue;
        }
        break;
    }
    // "Judicial Watch President Tom Fitton": the name follows the last title of the run
    for (std::size_t k = last; k > i; --k) {
        if (lx::title_word(tok(k - 1).norm) && !lx::name_particle(tok(k - 1).norm)) {
            for (std::size_t t = i; t < k; ++t) {
                if (!lx::title_word(tok(t).norm)) continue;
                v.titles.push_back(tok(t).norm);
                v.any_title = v.any_title || lx::person_title(tok(t).norm);
            }
            i = k;
            break;
        }
    }
    if (lx::corporate_suffix(strip_possessive(tok(last).norm))) return v;   // "Ford Motor Co"
    std::size_t e = last;
    while (e > i && (lx::name_suffix(strip_possessive(tok(e).norm)))) --e;
    if (i > e) return v;
    // words, not tokens: "Abdul-Aziz", "al-Sabah" are one word each
    std::size_t words = 1;
    for (std::size_t k = i + 1; k <= e; ++k) words += tok(k).gap != "-";
    if (words > MaxNameWords) return v;
    for (std::size_t k = i; k <= e; ++k) {
        const auto& t = tok(k);
        const auto norm = strip_possessive(t.norm);
        // surnames and given names that are also title or organisation words ("Amy Pope",
        // "Charlie King", "Bill Frelick") count when the rest of the run is a name
        const bool surname_title = k == e && k > i && lx::title_word(norm) &&
                                   !lx::title_word(tok(k - 1).norm) && !lx::organisation_word(tok(k - 1).norm);
        const bool given_org = k == i && e > i && lx::organisation_word(norm) && !lx::organisation_word(tok(e).norm);
        const bool surname_org = k == e && k > i && lx::surname_like_organisation_word(norm) &&
                                 !lx::organisation_word(tok(k - 1).norm);   // "Liam Fox"
        // "Dr Fox", "Mr King": after a person's title a lone word is a surname, whatever else
        // the word may be
        const bool titled_surname = k == e && k == i && k > first && lx::honorific(tok(k - 1).norm);
        // "Theresa May": a month after a given name
        const bool surname_common = k == e && k > i && lx::surname_like_common_word(norm) &&
                                    !lx::not_name_word(tok(k - 1).norm) && !lx::title_word(tok(k - 1).norm);
        // "al-Thani", "bin Laden": a particle in lower case is part of the name, whatever the
        // word may be capitalised ("Al Jazeera")
        if (t.lower && lx::name_particle(norm) && k > i && k < e) continue;
        if ((lx::organisation_word(norm) && !given_org && !surname_org && !titled_surname) ||
            (lx::not_name_word(norm) && !surname_common) ||
            (lx::title_word(norm) && !surname_title && !titled_surname))
            return v;
        if (t.all_caps && t.raw.size() > 1 && t.raw.find('.') == std::string_view::npos) return v;
        // a one-word place after a given name can be a surname ("Steve Israel"); otherwise
        // a place inside the run means it is not a person ("Addressing New York")
        if (const auto* cm = place_at(k);
            cm != nullptr && (k == i || k != e || cm->first != cm->last || place_at(i) != nullptr))
            return v;
        if (is_digit_word(norm)) return v;
    }
    // "R-Texas", "D-Calif.": a lawmaker's party and state, not a name
    if (e == i + 1 && tok(i).raw.size() == 1 && tok(e).gap == "-") return v;
    v.name = TokenRange{i, e};
    describe_left(text, first, v);
    return v;
}

std::string written_name(const TokenStream& tokens, TokenRange run) {
    const auto span = tokens.span(run.first, run.last);
    std::string out;
    bool space = false;
    for (char c : span) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = true; continue; }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "'S"}) {
        if (out.size() > suffix.size() && std::string_view{out}.ends_with(suffix)) {
            out.resize(out.size() - suffix.size());
            break;
        }
    }
    return out;
}

} // namespace newsdesk::entities
