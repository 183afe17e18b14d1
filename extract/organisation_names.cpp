#include "extract/organisation_names.hpp"

#include "extract/lexicon.hpp"
#include "extract/person_names.hpp"

namespace newsdesk::entities {
namespace {

namespace lx = lexicon;

// How many joins one name may take ("Standard" and "Poor's" "Corp" is two), and how many
// tokens a bracket inside it may hold ("(U.K.)").
constexpr int MaxJoins = 4;
constexpr std::size_t MaxBracketTokens = 3;
// The longest part joined by "and": "Securities", "Health", "Savings"; a longer one is a list.
constexpr std::size_t MaxAndPartWords = 3;

bool is_gap(std::string_view gap, std::string_view what) {
    const auto first = gap.find_first_not_of(" \n\t\r");
    if (first == std::string_view::npos) return false;
    const auto last = gap.find_last_not_of(" \n\t\r");
    return gap.substr(first, last - first + 1) == what;
}

// The run ending at token i, or the lone capitalised token there (a run may not cover it).
std::optional<TokenRange> capitalised_ending_at(const NameRuns& text, std::size_t i) {
    if (const auto run = text.run_ending_at(i)) return run;
    if (text.token(i).upper && !text.run_at(i)) return TokenRange{i, i};
    return std::nullopt;
}

bool organisation_head(const NameRuns& text, TokenRange run) {
    return lx::organisation_word(strip_possessive(text.token(run.last).norm)) && text.country_at(run.last) == nullptr;
}

} // namespace

bool after_preposition(const NameRuns& text, TokenRange whole) {
    std::size_t k = whole.first;
    if (k > 0 && text.token(k - 1).norm == "the") --k;
    return k > 0 && text.token(k - 1).lower && lx::preposition(text.token(k - 1).norm);
}

bool ends_in_corporate_suffix(const NameRuns& text, TokenRange run) {
    return lx::corporate_suffix(strip_possessive(text.token(run.last).norm));
}

namespace {

// "democrats", "tories": the plural of a party word.
bool party_plural(std::string_view w) {
    if (w.ends_with("ies")) return lx::party_word(std::string{w.substr(0, w.size() - 3)} + "y");
    return w.ends_with('s') && lx::party_word(w.substr(0, w.size() - 1));
}

} // namespace

bool organisation_run(const NameRuns& text, TokenRange run) {
    const auto [first, last] = run;
    // A run longer than any such name is a headline or a list in title case.
    constexpr std::size_t MaxOrganisationWords = 16;
    if (last - first >= MaxOrganisationWords) return false;
    // "the Liberal Democrats", "Conservatives", "the Tories": a party by its members' name
    if (party_plural(strip_possessive(text.token(last).norm))) return true;
    // "Police said" is a group; "Strathclyde Police", "North Wales Police" are forces
    if (const auto end = strip_possessive(text.token(last).norm);
        lx::not_name_word(end) && !(last > first && lx::organisation_word(end)))
        return false;
    for (std::size_t k = first; k <= last; ++k)
        if (lx::description_word(strip_possessive(text.token(k).norm))) return false;   // "Hurricane Lorenzo"
    // "Tokyo Electric Power Co", "Nippon Steel Corp": a legal form makes a company of any run
    if (ends_in_corporate_suffix(text, run) && last > first) return true;
    bool marked = false;
    for (std::size_t k = first; k <= last; ++k) {
        const auto& t = text.token(k);
        // demonyms ("Turkish Foreign Ministry") and metonyms ("the White House") may name one,
        // and so may a place that an organisation word follows ("London Stock Exchange",
        // "Strathclyde Police"); a place alone or last is a place
        if (const auto* cm = text.country_at(k);
            cm != nullptr && cm->kind != FormKind::demonym && cm->kind != FormKind::alias) {
            if (cm->last >= last) return false;
            k = cm->last;
            continue;
        }
        const auto word = strip_possessive(t.norm);
        // "Liam Fox", "Arthur Hall": words that name organisations are surnames too; after a
        // given name they do not make the run an organisation ("Fox News" still does).
        const bool surname_after_name = k == last && k > first && lx::surname_like_organisation_word(word) &&
                                        !lx::organisation_word(strip_possessive(text.token(k - 1).norm));
        if (lx::organisation_word(word) && !surname_after_name) marked = true;
        if (t.all_caps && t.raw.size() >= 3 && t.raw.find('.') == std::string_view::npos &&
            !lx::not_name_word(t.norm))
            marked = true;
    }
    return marked;
}

TokenRange organisation_extent(const NameRuns& text, TokenRange run) {
    const auto tok = [&](std::size_t i) -> const Token& { return text.token(i); };
    TokenRange whole = run;
    // "PG&E President": a title ends a description, not an organisation's name
    const auto end_word = strip_possessive(tok(run.last).norm);
    if (lx::title_word(end_word) && !lx::organisation_word(end_word)) return run;
    bool company = ends_in_corporate_suffix(text, run);
    for (int joins = 0; joins < MaxJoins; ++joins) {
        const std::size_t f = whole.first;
        if (f == 0 || tok(f).sentence_start) break;
        const auto gap = tok(f).gap;
        // "Marsh & McLennan", "Standard & Poor's": an ampersand joins capitalised names only
        if (is_gap(gap, "&")) {
            const auto left = capitalised_ending_at(text, f - 1);
            if (!left) break;
            whole.first = left->first;
            company = true;
            continue;
        }
        // "Moody's Investors Service Inc", "Poor's Corp": a company's name may hold a possessive
        if (company && gap_is_space(gap) && tok(f - 1).possessive && tok(f - 1).upper &&
            text.country_at(f - 1) == nullptr) {
            const auto left = capitalised_ending_at(text, f - 1);
            if (!left) break;
            whole.first = left->first;
            continue;
        }
        // "Sony (U.K.) Ltd": a short bracket inside a company's name
        if (company && gap_has(gap, ")")) {
            std::size_t k = f - 1;
            std::size_t inside = 1;
            while (k > 0 && !gap_has(tok(k).gap, "(") && inside < MaxBracketTokens) { --k; ++inside; }
            if (k == 0 || !gap_has(tok(k).gap, "(") || gap_has(tok(k).gap, ".,;:\"")) break;
            const auto left = capitalised_ending_at(text, k - 1);
            if (!left) break;
            whole.first = left->first;
            continue;
        }
        if (f < 2 || !gap_is_space(gap) || !tok(f - 1).lower || !gap_is_space(tok(f - 1).gap)) break;
        const auto& joint = tok(f - 1).norm;
        const auto left = text.run_ending_at(f - 2);
        if (!left || tok(left->last).possessive) break;
        // "Merrill Lynch and Co Inc", "Morgan Stanley and Co": legal forms alone name nobody;
        // they end the name before them, whatever place it holds
        bool only_legal_forms = joint == "and";
        for (std::size_t k = whole.first; k <= whole.last && only_legal_forms; ++k)
            only_legal_forms = lx::corporate_suffix(strip_possessive(tok(k).norm));
        if (only_legal_forms) {
            whole.first = left->first;
            continue;
        }
        if (text.country_at(left->last) != nullptr) break;
        if (joint == "and") {
            // "Securities and Exchange Commission Chairman John Shad": the run ends in a person
            // after a title, whom the name before does not join
            if (whole.first == run.first) {
                const auto person = read_person(text, whole);
                if (person.name && person.name->last > person.name->first && !person.titles.empty()) break;
            }
            // "Department of Health and Human Services": the second part of an institution's
            // "of" phrase
            const bool of_phrase = left->first >= 2 && lx::preposition(tok(left->first - 1).norm) &&
                                   tok(left->first - 1).lower && text.run_ending_at(left->first - 2) &&
                                   organisation_head(text, *text.run_ending_at(left->first - 2));
            // "Securities and Exchange Commission", "Standard and Poor's Corp"; not two companies
            // ("IBM and Nippon Steel Corp") nor two people ("Obama and Biden")
            const bool institution = !company && (organisation_run(text, whole) || of_phrase);
            const bool possessor_company = company && tok(whole.first).possessive;
            if (!institution && !possessor_company) break;
            if (left->last - left->first + 1 > MaxAndPartWords || ends_in_corporate_suffix(text, *left)) break;
            if (tok(left->last).all_caps) break;
            const auto person = read_person(text, *left);
            if (person.name && person.name->last > person.name->first && !of_phrase) break;
            whole.first = left->first;
            continue;
        }
        if (joint == "of" || joint == "for") {
            // "Bank of America", "Ministry of Foreign Affairs": after an organisation's head noun
            if (!organisation_head(text, *left)) break;
            // "Director of Central Intelligence William Webster" names a person
            const auto person = read_person(text, whole);
            if (whole.first == run.first && person.name && person.name->last > person.name->first) break;
            whole.first = left->first;
            continue;
        }
        break;
    }
    return whole;
}

namespace {

// Words an organisation's name holds in lower case, which its abbreviation skips.
bool joining_word(std::string_view w) { return w == "and" || w == "of" || w == "for" || w == "on" || w == "the" || w == "de"; }

} // namespace

// The first token of the name ending at `last` whose capitalised words' initials spell
// `abbreviation` ("National Disaster Risk Reduction and Management Council" for NDRRMC), if any.
std::optional<std::size_t> spelled_out(const TokenStream& ts, std::size_t last, std::string_view abbreviation) {
    std::string initials;   // read backwards
    for (std::size_t k = last + 1; k-- > 0 && initials.size() < abbreviation.size();) {
        const auto& t = ts[k];
        if (k < last && (!gap_is_space(ts[k + 1].gap) || ts[k + 1].sentence_start)) return std::nullopt;
        if (t.lower && joining_word(t.norm)) continue;
        if (!t.upper) return std::nullopt;
        initials.insert(initials.begin(), t.raw.front());
        if (initials.size() == abbreviation.size() && initials == abbreviation) return k;
        if (!abbreviation.ends_with(initials)) return std::nullopt;
    }
    return std::nullopt;
}


} // namespace newsdesk::entities
