#include "extract/country_in_names.hpp"

#include <algorithm>
#include <string_view>

#include "extract/country_gazetteer.hpp"
#include "extract/lexicon.hpp"

namespace newsdesk::entities {
namespace {

namespace lx = lexicon;

// How far a bracketed or company name may reach from a match: the longest company names in
// wire copy run to about ten words ("China National Chemicals Import and Export Corp").
constexpr std::size_t MaxNameWords = 12;

// What may separate two words of one organisation's name: blanks (one line break: wires
// hard-wrap), "&", brackets ("Sony (U.K.) Ltd"), a hyphen and the stop of an abbreviation.
bool name_gap(std::string_view gap) {
    constexpr std::string_view inside_names = " \t\r&().-";
    int newlines = 0;
    for (char c : gap) {
        if (c == '\n') {
            if (++newlines > 1) return false;
        } else if (inside_names.find(c) == std::string_view::npos) {
            return false;
        }
    }
    return !gap.empty();
}

// A legal form that ends a company's name. In lower case "co", "sa" or "company" are other
// words, and so are the written-out ones in a line of capitals (a wire headline: "JAPAN STILL
// WANTS DEALS LIMITED"), where the abbreviations are not; a hyphen makes a word of it
// ("CO-OPERATION"); and a form that a capitalised name goes on after is an abbreviation of
// something else ("Texas AG Ken Paxton"), but in a headline every word is capitalised.
bool legal_form(const TokenStream& ts, std::size_t k) {
    constexpr std::size_t LongestAbbreviation = 4;   // "gmbh", "corp"
    const auto& t = ts[k];
    if (t.lower || !lx::corporate_suffix(t.norm)) return false;
    if (t.all_caps && t.norm.size() > LongestAbbreviation) return false;
    if (k + 1 >= ts.size()) return true;
    const auto gap = ts.gap_after(k);
    if (gap.starts_with("-")) return false;
    const auto& next = ts[k + 1];
    return !(gap_is_space(gap) && next.upper && !next.sentence_start && !(t.all_caps && next.all_caps) &&
             !lx::corporate_suffix(next.norm));
}

// Blanks after an abbreviation's full stop: "Mr. Arlington", "Irvin E. Rhodes".
bool stop_and_space(std::string_view gap) {
    return gap.starts_with(".") && gap_is_space(gap.substr(1));
}

// A number of one to three digits: a person's age after the name, a route's number.
bool short_number(const Token& t) {
    constexpr std::size_t MostDigits = 3;
    return !t.norm.empty() && t.norm.size() <= MostDigits &&
           std::all_of(t.norm.begin(), t.norm.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

bool in_angle_brackets(const TokenStream& ts, std::size_t first, std::size_t last) {
    bool opened = false;
    for (std::size_t k = first + 1, steps = 0; k-- > 0 && steps < MaxNameWords && !opened; ++steps) {
        const auto gap = ts[k].gap;
        if (gap_has_paragraph(gap)) return false;
        const auto at = gap.find_last_of("<>");
        if (at != std::string_view::npos) {
            if (gap[at] == '>') return false;
            opened = true;
        }
    }
    if (!opened) return false;
    for (std::size_t k = last, steps = 0; k < ts.size() && steps < MaxNameWords; ++k, ++steps) {
        const auto gap = ts.gap_after(k);
        if (gap_has_paragraph(gap)) return false;
        const auto at = gap.find_first_of("<>");
        if (at != std::string_view::npos) return gap[at] == '>';
    }
    return false;
}

bool in_company_name(const TokenStream& ts, std::size_t last) {
    if (ts[last].possessive) return false;
    for (std::size_t k = last + 1; k < ts.size() && k <= last + MaxNameWords; ++k) {
        const auto& t = ts[k];
        if (t.sentence_start || !name_gap(t.gap)) return false;
        if (legal_form(ts, k)) return true;
        // "Merrill Lynch and Co": "and" joins a legal form only; elsewhere it joins two names
        // ("talks between Japan and Nissan Motor Co")
        if (t.norm == "and" && k + 1 < ts.size() && legal_form(ts, k + 1)) continue;
        if (!t.upper && !lx::name_connector(t.norm)) return false;
    }
    return false;
}

bool in_street_name(const TokenStream& ts, std::size_t last) {
    constexpr std::size_t MaxWordsBefore = 2;   // "Indian Lake Road"
    for (std::size_t k = last + 1; k < ts.size() && k <= last + MaxWordsBefore + 1; ++k) {
        const auto& t = ts[k];
        if (!gap_is_space(t.gap) || !t.upper || t.sentence_start) return false;
        if (lx::street_word(t.norm)) return true;
    }
    return false;
}

bool before_route_number(const TokenStream& ts, std::size_t last) {
    if (last + 1 >= ts.size()) return false;
    const auto& number = ts[last + 1];
    // "U.S. 79", "U.S. 287 /Texas 19"; not a score ("U.S. 2-1"), a year ("Texas 2010") or a
    // number that starts a sentence ("the United States. 76 people")
    const auto gap = ts[last + 1].gap;
    return (gap_is_space(gap) || stop_and_space(gap)) && !number.sentence_start && short_number(number) &&
           !(last + 2 < ts.size() && ts[last + 2].gap.find_first_of("-:") != std::string_view::npos &&
             short_number(ts[last + 2]));
}

bool party_and_home(const TokenStream& ts, std::size_t first) {
    if (first == 0 || ts[first].gap != "-") return false;
    const auto& party = ts[first - 1];
    return (party.raw == "R" || party.raw == "D" || party.raw == "I") && gap_has(party.gap, ",(");
}

bool in_person_name(const TokenStream& ts, std::size_t first, std::size_t last) {
    if (first != last) return false;
    const std::size_t i = first;
    // a given name before a surname and an age, as local news writes people: "Sydney McClain,
    // 42, of Paris"
    if (i + 3 < ts.size() && gap_is_space(ts[i + 1].gap) && ts[i + 1].upper && !ts[i + 1].sentence_start &&
        ts[i + 2].gap.find(',') != std::string_view::npos && short_number(ts[i + 2]) &&
        ts.gap_after(i + 2).starts_with(","))
        return true;
    if (i == 0) return false;
    const auto& prev = ts[i - 1];
    const auto gap = ts[i].gap;
    // "al-Sabah", "bin-Talal": a name particle joined by a hyphen
    if (gap == "-" && lx::name_particle(prev.norm)) return true;
    // a name after a family tie: "her daughter, Brittany,", "his son Jordan"
    if (lx::kinship_noun(prev.norm) && prev.lower && (gap_is_space(gap) || gap == ", ")) return true;
    // an abbreviation is nobody's name ("major general US Air Force", "Burger King USA"), but
    // a headline writes names in capitals too
    if (ts[i].sentence_start || (ts[i].all_caps && !prev.all_caps)) return false;
    // a surname after a personal title or a middle initial: "Mr. Arlington", "Irvin E. Rhodes";
    // a lone initial is as often a compass point ("N. Yemen", "in W. Virginia")
    // ("the Miss Ohio title" is a pageant's, not a person's)
    const bool after_title = lx::person_title(prev.norm) && (gap_is_space(gap) || stop_and_space(gap)) &&
                             !(i > 1 && ts[i - 2].norm == "the");
    const bool middle_initial = prev.raw.size() == 1 && stop_and_space(gap) && i > 1 && ts[i - 2].upper &&
                                !ts[i - 2].all_caps && gap_is_space(prev.gap);
    if (prev.upper && (after_title || middle_initial)) return true;
    // a given name after a personal title, in any case: "Rome mayor Virginia Raggi",
    // "Prime Minister Dominique de Villepin"
    if (!after_title || i + 1 >= ts.size()) return false;
    std::size_t k = i + 1;
    if (!gap_is_space(ts[k].gap)) return false;
    if (lx::name_particle(ts[k].norm) && k + 1 < ts.size() && gap_is_space(ts[k + 1].gap)) ++k;
    return ts[k].upper && !ts[k].sentence_start;
}

namespace {
// A capitalised word that qualifies a place rather than naming something with it: a country's
// own form ("Soviet Tadzhikistan") or an area word ("Northern").
bool qualifier(const Token& t) {
    return lx::area_word(t.norm) || CountryGazetteer::instance().find(strip_possessive(t.norm)) != nullptr;
}
} // namespace

bool foreign_name_in_name(const TokenStream& ts, std::size_t first, std::size_t last) {
    if (first > 0 && !ts[first].sentence_start && gap_is_space(ts[first].gap)) {
        const auto& prev = ts[first - 1];
        if (prev.upper && !prev.sentence_start && !qualifier(prev)) return true;
    }
    if (last + 1 >= ts.size()) return false;
    const auto& next = ts[last + 1];
    return next.upper && !next.sentence_start && (gap_is_space(next.gap) || next.gap == "-") && !qualifier(next);
}

} // namespace newsdesk::entities
