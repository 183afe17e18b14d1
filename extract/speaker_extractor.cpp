#include "extract/speaker_extractor.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "extract/lexicon.hpp"
#include "text/punctuation.hpp"

namespace newsdesk::entities {
namespace {

namespace lx = lexicon;

bool is_digit_word(std::string_view w) { return !w.empty() && w.front() >= '0' && w.front() <= '9'; }

bool preposition(std::string_view w) { return lx::preposition(w); }

// A capitalised word that can belong to a name run. Speech verbs never do, so that headline
// case ("Obama Says He Will...") does not swallow the verb.
bool name_like(const Token& t) { return t.upper && !lx::speech_verb(t.norm); }

bool pronoun(std::string_view w) { return lx::subject_pronoun(w); }

bool dash(std::string_view gap) { return text::has_dash(gap); }

std::size_t dash_at(std::string_view gap) { return text::first_dash(gap); }

bool phrase_boundary(std::string_view w) {
    return lx::phrase_boundary_word(w) || w.ends_with("ing") || w.ends_with("ly") || w.ends_with("ed");
}

// Where the text says who said something: a name run, a description by title, a named
// organisation or a pronoun.
struct Mention {
    enum class Kind { name, title, organisation, pronoun };
    Kind kind = Kind::name;
    std::size_t segment = 0, position = 0;   // for ordering
    std::size_t cue = 0;                      // the reporting word
    std::string verb;
    bool inverted = false;
    std::size_t first = 0, last = 0;          // the subject's tokens
    // a name ...
    std::string name;                         // as written, titles stripped; empty for a title reference
    std::size_t words = 0;
    bool titled = false;                      // "Mr. Ryan", "President Obama"
    // ... or a title reference ("the Turkish president")
    std::vector<std::string> titles;
    std::string country;
};

// What a name run says about a person: the name and the titles and country in front of it.
struct PersonView {
    std::size_t first = 0, last = 0;          // name tokens (valid only if `valid`)
    bool valid = false;
    std::vector<std::string> titles;
    std::string country;
    bool any_title = false;
};

struct FullName {
    std::string display;
    std::string first, surname;
    std::size_t words = 0;
    int count = 0;
};

class Extractor {
public:
    explicit Extractor(const std::vector<Segment>& segments) : segments_(segments) {}
    SpeakerFindings run();

private:
    struct SegmentIndex {
        std::vector<int> run_of;        // token -> run index, -1 if none
        std::vector<std::pair<std::size_t, std::size_t>> runs;
        std::vector<int> country_of;    // token -> country match index, -1 if none
    };

    void index_segment(std::size_t s);
    PersonView view(std::size_t s, std::size_t first, std::size_t last) const;
    void describe_left(std::size_t s, std::size_t first, PersonView& v) const;
    std::string name_text(std::size_t s, std::size_t first, std::size_t last) const;
    bool add_name_mention(std::size_t s, std::size_t run, std::size_t position);
    bool title_phrase_back(std::size_t s, std::size_t j, std::size_t position);
    bool title_phrase_forward(std::size_t s, std::size_t i, std::size_t position);
    void subject_before(std::size_t s, std::size_t verb);
    bool chunked_subject(std::size_t s, std::size_t j);
    int name_chunk(std::size_t s, std::size_t a, std::size_t b) const;
    bool organisation_run(std::size_t s, std::size_t first, std::size_t last) const;
    bool object_after(std::size_t s, std::size_t start, std::size_t position);
    void verbless_cues(std::size_t s);
    void set_cue(std::size_t cue, std::string verb, bool inverted) {
        cue_ = cue;
        verb_ = std::move(verb);
        inverted_ = inverted;
    }
    std::optional<std::string> canonical(const Mention& m) const;
    std::optional<std::string> resolve_title(const Mention& m) const;
    const Token& tok(std::size_t s, std::size_t i) const { return segments_[s].tokens[i]; }
    const CountryMatch* country_at(std::size_t s, std::size_t i) const {
        const int c = index_[s].country_of[i];
        return c < 0 ? nullptr : &segments_[s].countries[static_cast<std::size_t>(c)];
    }
    int run_ending_at(std::size_t s, std::size_t i) const {
        const int r = index_[s].run_of[i];
        return r >= 0 && index_[s].runs[static_cast<std::size_t>(r)].second == i ? r : -1;
    }
    int run_starting_at(std::size_t s, std::size_t i) const {
        const int r = index_[s].run_of[i];
        return r >= 0 && index_[s].runs[static_cast<std::size_t>(r)].first == i ? r : -1;
    }

    const std::vector<Segment>& segments_;
    std::vector<SegmentIndex> index_;
    std::vector<Mention> mentions_;
    std::map<std::string, std::vector<FullName>> by_surname_;   // normalised surname -> names
    struct Described {
        std::string name;       // as written
        std::size_t words;
        std::vector<std::string> titles;
        std::string country;
    };
    std::vector<Described> described_;
    // Lookups that would otherwise scan every name of the article for every mention, so that
    // an article naming thousands of people costs thousands of steps, not millions.
    std::unordered_map<std::string, std::size_t> full_name_at_;   // surname '\n' display -> index in its list
    mutable std::optional<std::unordered_map<std::string, const FullName*>> fullest_;   // surname '\n' first word -> name
    mutable std::unordered_map<std::string, std::string> by_surname_alone_;   // surname -> name
    mutable std::optional<std::unordered_map<std::string, std::optional<std::string>>> by_given_name_;
    mutable std::unordered_map<std::string, std::optional<std::string>> by_title_;   // resolve_title()'s answers
    const FullName* fullest(const std::string& surname, const std::string& first) const;
    // the cue being analysed, stamped on the mentions it yields
    std::size_t cue_ = 0;
    std::string verb_;
    bool inverted_ = false;
    Mention make_mention(std::size_t s, std::size_t position, Mention::Kind kind) const {
        Mention m;
        m.kind = kind;
        m.segment = s;
        m.position = position;
        m.cue = cue_;
        m.verb = verb_;
        m.inverted = inverted_;
        return m;
    }
};

void Extractor::index_segment(std::size_t s) {
    const auto& ts = segments_[s].tokens;
    SegmentIndex ix;
    ix.run_of.assign(ts.size(), -1);
    ix.country_of.assign(ts.size(), -1);
    for (std::size_t m = 0; m < segments_[s].countries.size(); ++m) {
        const auto& cm = segments_[s].countries[m];
        // a GeoNames town the article did not confirm is no place here ("Hassan", "Mary")
        if (cm.confirm && !cm.accepted) continue;
        for (std::size_t i = cm.first; i <= cm.last; ++i) ix.country_of[i] = static_cast<int>(m);
    }
    for (std::size_t i = 0; i < ts.size();) {
        if (!name_like(ts[i])) { ++i; continue; }
        std::size_t last = i;
        while (last + 1 < ts.size() && !ts[last].possessive) {
            const auto& next = ts[last + 1];
            const std::string_view gap = next.gap;
            if (next.sentence_start) break;
            const bool initial = gap.starts_with(".") && gap_is_space(gap.substr(1)) &&
                                 (ts[last].raw.size() == 1 || lx::title_word(ts[last].norm));
            if (gap == "-") { ++last; continue; }                 // "Jong-un", "Al-Assad"
            if (!gap_is_space(gap) && !initial) break;
            if (name_like(next)) { ++last; continue; }
            // "Charles de Gaulle", "Osama bin Laden"
            if (lx::name_particle(next.norm) && next.lower && last + 2 < ts.size() &&
                gap_is_space(ts[last + 2].gap) && name_like(ts[last + 2])) {
                last += 2;
                continue;
            }
            break;
        }
        const int r = static_cast<int>(ix.runs.size());
        ix.runs.emplace_back(i, last);
        for (std::size_t k = i; k <= last; ++k) ix.run_of[k] = r;
        i = last + 1;
    }
    index_.push_back(std::move(ix));
}

// Titles, demonyms and possessive countries just before a name, in lower case or not:
// "Turkish president Recep Tayyip Erdogan", "Iran's Foreign Minister ...".
void Extractor::describe_left(std::size_t s, std::size_t first, PersonView& v) const {
    std::size_t k = first;
    for (int steps = 0; k > 0 && steps < 6; ++steps) {
        const std::size_t p = k - 1;
        const auto& t = tok(s, p);
        if (!gap_is_space(tok(s, k).gap)) break;
        if (const auto* cm = country_at(s, p)) {
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

PersonView Extractor::view(std::size_t s, std::size_t first, std::size_t last) const {
    PersonView v;
    std::size_t i = first;
    // strip what precedes the name inside the run: titles, parties, places, possessors
    while (i <= last) {
        const auto& t = tok(s, i);
        if (const auto* cm = country_at(s, i)) {
            if (cm->kind != FormKind::blocker && v.country.empty()) v.country = cm->code;
            if (cm->last >= last) { i = last + 1; break; }
            i = cm->last + 1;
            continue;
        }
        if (t.possessive && i < last) { ++i; continue; }
        if (lx::title_word(t.norm)) {
            v.titles.push_back(t.norm);
            v.any_title = v.any_title || lx::person_title(t.norm);
            ++i;
            continue;
        }
        if (lx::not_name_word(t.norm) || lx::party_word(t.norm) || (t.all_caps && i < last)) {
            ++i;
            continue;
        }
        break;
    }
    // "Judicial Watch President Tom Fitton": the name follows the last title of the run
    for (std::size_t k = last; k > i; --k) {
        if (lx::title_word(tok(s, k - 1).norm) && k - 1 >= i && !lx::name_particle(tok(s, k - 1).norm)) {
            for (std::size_t t = i; t < k; ++t) {
                if (!lx::title_word(tok(s, t).norm)) continue;
                v.titles.push_back(tok(s, t).norm);
                v.any_title = v.any_title || lx::person_title(tok(s, t).norm);
            }
            i = k;
            break;
        }
    }
    std::size_t e = last;
    while (e > i && (lx::name_suffix(strip_possessive(tok(s, e).norm)))) --e;
    if (i > e || i > last) return v;
    v.first = i;
    v.last = e;
    const std::size_t words = e - i + 1;
    if (words > 4) return v;
    for (std::size_t k = i; k <= e; ++k) {
        const auto& t = tok(s, k);
        const auto norm = strip_possessive(t.norm);
        // surnames and given names that are also title or organisation words ("Amy Pope",
        // "Charlie King", "Bill Frelick") count when the rest of the run is a name
        const bool surname_title = k == e && k > i && lx::title_word(norm) &&
                                   !lx::title_word(tok(s, k - 1).norm) && !lx::organisation_word(tok(s, k - 1).norm);
        const bool given_org = k == i && e > i && lx::organisation_word(norm) && !lx::organisation_word(tok(s, e).norm);
        const bool surname_org = k == e && k > i && lx::surname_like_organisation_word(norm) &&
                                 !lx::organisation_word(tok(s, k - 1).norm);   // "Liam Fox"
        if ((lx::organisation_word(norm) && !given_org && !surname_org) || lx::not_name_word(norm) ||
            (lx::title_word(norm) && !surname_title))
            return v;
        if (t.all_caps && t.raw.size() > 1 && t.raw.find('.') == std::string_view::npos) return v;
        // a one-word place after a given name can be a surname ("Steve Israel"); otherwise
        // a place inside the run means it is not a person ("Addressing New York")
        if (const auto* cm = country_at(s, k);
            cm != nullptr && (k == i || k != e || cm->first != cm->last || country_at(s, i) != nullptr))
            return v;
        if (is_digit_word(norm)) return v;
    }
    v.valid = true;
    describe_left(s, first, v);
    return v;
}

std::string Extractor::name_text(std::size_t s, std::size_t first, std::size_t last) const {
    const auto span = segments_[s].tokens.span(first, last);
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

bool Extractor::organisation_run(std::size_t s, std::size_t first, std::size_t last) const {
    // "the Foreign Ministry", "the White House", "Reuters", "NATO": a capitalised run with an
    // organisation word or an acronym, that is not a place or a group of people. A run longer
    // than any such name is a headline or a list in title case.
    constexpr std::size_t MaxOrganisationWords = 16;
    if (last - first >= MaxOrganisationWords) return false;
    if (lx::not_name_word(strip_possessive(tok(s, last).norm))) return false;
    bool marked = false;
    for (std::size_t k = first; k <= last; ++k) {
        const auto& t = tok(s, k);
        // demonyms ("Turkish Foreign Ministry") and metonyms ("the White House") may name one
        if (const auto* cm = country_at(s, k);
            cm != nullptr && cm->kind != FormKind::demonym && cm->kind != FormKind::alias)
            return false;
        const auto word = strip_possessive(t.norm);
        // "Liam Fox", "Arthur Hall": words that name organisations are surnames too; after a
        // given name they do not make the run an organisation ("Fox News" still does).
        const bool surname_after_name = k == last && k > first && lx::surname_like_organisation_word(word) &&
                                        !lx::organisation_word(strip_possessive(tok(s, k - 1).norm));
        if (lx::organisation_word(word) && !surname_after_name) marked = true;
        if (t.all_caps && t.raw.size() >= 3 && t.raw.find('.') == std::string_view::npos &&
            !lx::not_name_word(t.norm))
            marked = true;
    }
    return marked;
}

bool Extractor::add_name_mention(std::size_t s, std::size_t run, std::size_t position) {
    const auto [first, last] = index_[s].runs[run];
    if (tok(s, last).possessive) return false;   // "Trump's campaign said": the possessor is not the speaker
    const auto v = view(s, first, last);
    Mention m = make_mention(s, position, Mention::Kind::name);
    m.first = first;
    m.last = last;
    if (v.valid) {
        m.name = name_text(s, v.first, v.last);
        m.words = v.last - v.first + 1;
        m.titled = v.any_title;
        mentions_.push_back(std::move(m));
        return true;
    }
    // "The Iranian President also stressed": a title without a name refers to someone named elsewhere
    bool only_description = true;
    for (std::size_t k = first; k <= last && only_description; ++k) {
        const auto& t = tok(s, k);
        only_description = country_at(s, k) != nullptr || lx::title_word(t.norm) || t.norm == "the" ||
                           (t.possessive && country_at(s, k) != nullptr);
    }
    if (!only_description || v.titles.empty()) {
        if (!organisation_run(s, first, last)) return false;
        std::size_t from = first;
        while (from < last && (tok(s, from).norm == "the" || lx::not_name_word(tok(s, from).norm))) ++from;
        m.kind = Mention::Kind::organisation;
        m.name = name_text(s, from, last);
        // "Iran's Foreign Ministry": keep the possessor that says whose ministry it is
        if (from == first && first > 0 && tok(s, first - 1).possessive && gap_is_space(tok(s, first).gap) &&
            country_at(s, first - 1) != nullptr)
            m.name = std::string{tok(s, first - 1).raw} + " " + m.name;
        mentions_.push_back(std::move(m));
        return true;
    }
    m.kind = Mention::Kind::title;
    m.titles = v.titles;
    m.country = v.country;
    if (m.country.empty() && first > 0) {
        // "Iran's President": the possessor is a separate run before this one
        if (const auto* cm = country_at(s, first - 1); cm != nullptr && tok(s, first - 1).possessive)
            m.country = cm->code;
    }
    mentions_.push_back(std::move(m));
    return true;
}

// A lower-case title phrase ending at token j: "the Turkish president", "Iran's foreign minister",
// "the President of Turkey". Needs a determiner or a possessive country: "a spokesman" is nobody.
bool Extractor::title_phrase_back(std::size_t s, std::size_t j, std::size_t position) {
    Mention m = make_mention(s, position, Mention::Kind::title);
    m.last = j;
    std::size_t k = j;
    // "the president of Turkey"
    if (const auto* cm = country_at(s, j); cm != nullptr && cm->first >= 2 &&
                                            tok(s, cm->first - 1).norm == "of" &&
                                            lx::title_word(tok(s, cm->first - 2).norm)) {
        if (cm->kind == FormKind::blocker) return false;
        m.country = cm->code;
        k = cm->first - 2;
    }
    if (!lx::title_word(tok(s, k).norm) || !lx::title_head(tok(s, k).norm)) return false;
    std::size_t start = k;
    while (true) {
        m.titles.push_back(tok(s, start).norm);
        if (start == 0 || !lx::title_word(tok(s, start - 1).norm) || !gap_is_space(tok(s, start).gap)) break;
        --start;
    }
    if (start == 0) return false;
    std::size_t d = start - 1;
    if (const auto* cm = country_at(s, d); cm != nullptr && gap_is_space(tok(s, start).gap)) {
        if (cm->kind == FormKind::blocker) return false;
        if (m.country.empty()) m.country = cm->code;
        if (tok(s, cm->last).possessive) {
            m.first = cm->first;
            mentions_.push_back(std::move(m));
            return true;
        }
        if (cm->first == 0) return false;
        d = cm->first - 1;
    }
    if (tok(s, d).norm != "the") return false;
    m.first = d;
    mentions_.push_back(std::move(m));
    return true;
}

// The same phrase read forwards from token i ("said the Turkish president").
bool Extractor::title_phrase_forward(std::size_t s, std::size_t i, std::size_t position) {
    const auto& ts = segments_[s].tokens;
    if (i >= ts.size() || ts[i].norm != "the") return false;
    Mention m = make_mention(s, position, Mention::Kind::title);
    m.first = i;
    std::size_t k = i + 1;
    if (k < ts.size()) {
        if (const auto* cm = country_at(s, k); cm != nullptr && cm->kind == FormKind::demonym) {
            m.country = cm->code;
            k = cm->last + 1;
        }
    }
    while (k < ts.size() && lx::title_word(ts[k].norm) && gap_is_space(ts[k].gap)) {
        m.titles.push_back(ts[k].norm);
        ++k;
    }
    if (m.titles.empty() || !lx::title_head(m.titles.back())) return false;
    m.last = k - 1;
    if (k + 1 < ts.size() && ts[k].norm == "of") {
        if (const auto* cm = country_at(s, k + 1); cm != nullptr && cm->kind != FormKind::blocker) {
            m.country = cm->code;
            m.last = cm->last;
        }
    } else if (k < ts.size() && gap_is_space(ts[k].gap) && name_like(ts[k])) {
        return false;   // "the president Barack Obama": the name itself is the run that follows
    }
    mentions_.push_back(std::move(m));
    return true;
}

// Tokens a..b form a person's name phrase: optional determiners, titles, places and possessors
// ("the White House spokesman", "Clinton's top aide", "Texas delegate"), then a name, then at
// most a post-modifier ("of Vermont", "(D-Md.)"). Returns the name's run, or -1.
int Extractor::name_chunk(std::size_t s, std::size_t a, std::size_t b) const {
    std::size_t p = a;
    while (p <= b) {
        const auto& t = tok(s, p);
        const int r = index_[s].run_of[p];
        if (r >= 0) {
            const auto [f, l] = index_[s].runs[static_cast<std::size_t>(r)];
            if (f < a || l > b) return -1;
            if (tok(s, l).possessive && l < b) { p = l + 1; continue; }   // "Clinton's top aide ..."
            if (!view(s, f, l).valid) {
                // "White House spokesman Josh Earnest" is one run; "Republican party boss ..." is not
                if (l < b && tok(s, l + 1).lower) { p = l + 1; continue; }
                return -1;
            }
            if (l == b || gap_has(segments_[s].tokens.gap_after(l), "(") ||
                (gap_is_space(tok(s, l + 1).gap) &&
                 (tok(s, l + 1).norm == "of" || tok(s, l + 1).norm == "at" || tok(s, l + 1).norm == "from" ||
                  tok(s, l + 1).norm == "with" || tok(s, l + 1).norm == "who")))
                return r;
            return -1;
        }
        if (country_at(s, p) != nullptr) { p = country_at(s, p)->last + 1; continue; }
        // "my friend", "81-year-old", "Trump's GOP primary rival": modifiers of the name
        if ((t.lower || is_digit_word(t.norm)) && !preposition(t.norm) && !lx::speech_verb(t.norm) &&
            !pronoun(t.norm) && t.norm != "that" && t.norm != "who" && t.norm != "and" && t.norm != "as" &&
            p - a < 6) {
            ++p;
            continue;
        }
        return -1;
    }
    return -1;
}

// "Jeff Weaver, Sanders' campaign manager, said", "the White House spokesman, Josh Earnest,
// said", "Rep. Elijah Cummings (D-Md.), chair of ..., said", "In a statement, Ann Lee said":
// the clause before the verb in comma- or bracket-separated chunks; the first chunk that is a
// name phrase is the subject.
bool Extractor::chunked_subject(std::size_t s, std::size_t j) {
    std::vector<std::pair<std::size_t, std::size_t>> chunks;
    std::size_t end = j;
    bool bounded = false;
    for (std::size_t k = j, steps = 0; steps < 60; ++steps) {
        const auto g = tok(s, k).gap;
        if (k == 0 || tok(s, k).sentence_start || text::has_quotation_mark(g) || gap_has(g, ";:")) {
            chunks.emplace_back(k, end);
            bounded = true;
            break;
        }
        if (gap_has(g, ",()") || dash(g)) {
            chunks.emplace_back(k, end);
            if (chunks.size() > 6) break;
            end = k - 1;
        }
        --k;
    }
    if (!bounded) return false;
    std::reverse(chunks.begin(), chunks.end());
    // "Jason Dana, Robyn Dawes and Nathanial Peterson said": a list ending in "and"
    bool list = false;
    for (std::size_t k = chunks.back().first; k <= chunks.back().second; ++k) list = list || tok(s, k).norm == "and";
    for (std::size_t c = 0; c < chunks.size(); ++c) {
        const int r = name_chunk(s, chunks[c].first, chunks[c].second);
        if (r < 0) continue;
        const bool added = add_name_mention(s, static_cast<std::size_t>(r), chunks[c].first);
        if (!added || !list) return added;
        for (std::size_t d = c + 1; d < chunks.size(); ++d) {
            const auto [a, b] = chunks[d];
            if (const int rd = name_chunk(s, a, b); rd >= 0) {
                add_name_mention(s, static_cast<std::size_t>(rd), a);
                continue;
            }
            for (std::size_t k = a; k < b; ++k) {
                if (tok(s, k).norm != "and") continue;
                const int left = k > a ? name_chunk(s, a, k - 1) : -1;
                const int right = name_chunk(s, k + 1, b);
                if (left >= 0) add_name_mention(s, static_cast<std::size_t>(left), a);
                if (right >= 0) add_name_mention(s, static_cast<std::size_t>(right), k + 1);
                break;
            }
        }
        return true;
    }
    return title_phrase_back(s, chunks.front().second, chunks.front().first);
}

void Extractor::subject_before(std::size_t s, std::size_t verb) {
    if (verb == 0) return;
    std::size_t j = verb - 1;
    std::size_t after = verb;   // the token right after j
    // "has also said", "would later tell"
    for (int steps = 0; steps < 4 && lx::verb_companion(tok(s, j).norm) && !tok(s, j).upper &&
                        gap_is_space(tok(s, after).gap) && j > 0;
         ++steps) {
        after = j;
        --j;
    }
    const std::string_view gap = tok(s, after).gap;
    if (text::has_quotation_mark(gap) || gap_has(gap, ":;!?") || tok(s, after).sentence_start) return;
    if (gap_is_space(gap) && pronoun(tok(s, j).norm)) {
        Mention m = make_mention(s, j, Mention::Kind::pronoun);
        m.first = m.last = j;
        mentions_.push_back(std::move(m));
        return;
    }
    if (gap_has(gap, ",()") || dash(gap)) {
        chunked_subject(s, j);
        return;
    }
    if (const int r = run_ending_at(s, j); r >= 0) {
        const auto first = index_[s].runs[static_cast<std::size_t>(r)].first;
        if (first > 0 && gap_is_space(tok(s, first).gap) && preposition(tok(s, first - 1).norm) &&
            !tok(s, first - 1).upper) {
            // "Bernie Sanders of Vermont said", "Archbishop Aris Shirvanian of the Armenian
            // Patriarchate of Jerusalem told": the person before the prepositional phrases
            std::size_t k = first;
            for (int hops = 0; hops < 3 && k >= 2; ++hops) {
                const auto& prep = tok(s, k - 1).norm;
                if (!lx::affiliation_preposition(prep)) return;
                const int before = run_ending_at(s, k - 2);
                if (before < 0 || !gap_is_space(tok(s, k - 1).gap)) return;
                const auto [bf, bl] = index_[s].runs[static_cast<std::size_t>(before)];
                if (view(s, bf, bl).valid) {
                    add_name_mention(s, static_cast<std::size_t>(before), bf);
                    return;
                }
                k = bf;
                if (k >= 1 && tok(s, k - 1).norm == "the") --k;
            }
            return;
        }
        if (country_at(s, j) != nullptr && country_at(s, first) != nullptr && first > 0 &&
            gap_has(tok(s, first).gap, ",")) {
            // "Stacy Baker of Columbia, South Carolina says": the place ends a longer subject
            chunked_subject(s, j);
            return;
        }
        add_name_mention(s, static_cast<std::size_t>(r), first);
        // "Obama and Biden said"
        if (first >= 2 && tok(s, first - 1).norm == "and" && gap_is_space(tok(s, first).gap)) {
            if (const int r0 = run_ending_at(s, first - 2); r0 >= 0)
                add_name_mention(s, static_cast<std::size_t>(r0), first - 2);
        }
        return;
    }
    title_phrase_back(s, j, j);
}

// The subject after an inverted verb: '"...," said Virginia delegate Beau Correll', 'said
// another Twitter user, Johanna Bayer', 'said the Turkish president'.
bool Extractor::object_after(std::size_t s, std::size_t start, std::size_t position) {
    const auto& ts = segments_[s].tokens;
    if (start >= ts.size() || ts[start].sentence_start) return false;
    if (title_phrase_forward(s, start, position)) return true;
    bool comma_crossed = false;
    for (std::size_t k = start, steps = 0; k < ts.size() && steps < 8; ++steps) {
        if (k > start) {
            const auto g = ts[k].gap;
            if (ts[k].sentence_start) return false;
            if (!gap_is_space(g)) {
                // one comma before an appositive name: "another Twitter user, Johanna Bayer"
                if (comma_crossed || g.find_first_not_of(", ") != std::string_view::npos) return false;
                comma_crossed = true;
            }
        }
        if (const int r = run_starting_at(s, k); r >= 0) {
            const auto [f, l] = index_[s].runs[static_cast<std::size_t>(r)];
            if (ts[l].possessive) { k = l + 1; continue; }   // "said Clinton's top aide ..."
            const bool head = l + 1 >= ts.size() || !gap_is_space(ts[l + 1].gap) || !ts[l + 1].lower ||
                              phrase_boundary(ts[l + 1].norm) || lx::speech_verb(ts[l + 1].norm);
            if (!head) { k = l + 1; continue; }              // "said a Twitter user"
            if (add_name_mention(s, static_cast<std::size_t>(r), position)) {
                // "wrote Jason Dana, Robyn Dawes and Nathanial Peterson"
                std::size_t e = l;
                for (int more = 0; more < 4 && e + 2 < ts.size(); ++more) {
                    std::size_t n = e + 1;
                    if (ts[n].norm == "and" && gap_is_space(ts[n].gap)) ++n;
                    else if (!(gap_has(ts[n].gap, ",") && ts[n].gap.find_first_not_of(", ") == std::string_view::npos))
                        break;
                    const int rn = run_starting_at(s, n);
                    if (rn < 0) break;
                    const auto [nf, nl] = index_[s].runs[static_cast<std::size_t>(rn)];
                    if (!view(s, nf, nl).valid) break;
                    // a following lower-case appositive means the comma ended the list
                    if (nl + 1 < ts.size() && ts[nl + 1].lower && gap_is_space(ts[nl + 1].gap) &&
                        !phrase_boundary(ts[nl + 1].norm))
                        break;
                    add_name_mention(s, static_cast<std::size_t>(rn), position);
                    e = nl;
                }
                return true;
            }
            return false;
        }
        const auto& t = ts[k];
        if (country_at(s, k) != nullptr) { k = country_at(s, k)->last + 1; continue; }
        if (!t.lower || preposition(t.norm) || t.norm == "that" || lx::speech_verb(t.norm) || pronoun(t.norm) ||
            t.norm == "it" || t.norm == "they")
            return false;
        ++k;   // "former", "party", "boss", "another", "top"
    }
    return false;
}

// Cues without a reporting verb: "Carl Bialik: “One of the biggest ...”" and a quote signed
// by a dash line ("“...” ― Eva Longoria"), both common in lists of quotes.
void Extractor::verbless_cues(std::size_t s) {
    const auto& ts = segments_[s].tokens;
    for (std::size_t r = 0; r < index_[s].runs.size(); ++r) {
        const auto [f, l] = index_[s].runs[r];
        const auto before = ts[f].gap;
        const auto after = ts.gap_after(l);
        set_cue(f, "", false);
        if (after.find(':') != std::string_view::npos && text::has_quotation_mark(after.substr(after.find(':'))) &&
            (ts[f].sentence_start || dash(before))) {
            add_name_mention(s, r, f);
        } else if (dash(before) && text::has_quotation_mark(before.substr(0, dash_at(before))) &&
                   (l + 1 >= ts.size() || gap_has(after, ",\n") || ts[l + 1].sentence_start)) {
            add_name_mention(s, r, f);
        }
    }
}

SpeakerFindings Extractor::run() {
    for (std::size_t s = 0; s < segments_.size(); ++s) index_segment(s);

    // Inventory of names and of the titles people carry, over the whole article.
    for (std::size_t s = 0; s < segments_.size(); ++s) {
        for (const auto& [first, last] : index_[s].runs) {
            const auto v = view(s, first, last);
            if (!v.valid) continue;
            const std::size_t words = v.last - v.first + 1;
            const std::string display = name_text(s, v.first, v.last);
            if (words >= 2) {
                const std::string surname{strip_possessive(tok(s, v.last).norm)};
                auto& list = by_surname_[surname];
                const auto [at, fresh] = full_name_at_.try_emplace(surname + '\n' + display, list.size());
                if (fresh) list.push_back(FullName{display, tok(s, v.first).norm, surname, words, 1});
                else ++list[at->second].count;
            }
            if (!v.titles.empty()) described_.push_back(Described{display, words, v.titles, v.country});
        }
    }

    // Attribution cues.
    for (std::size_t s = 0; s < segments_.size(); ++s) {
        const auto& ts = segments_[s].tokens;
        for (std::size_t i = 0; i < ts.size(); ++i) {
            const auto& t = ts[i];
            if (t.norm == "according" && i + 2 < ts.size() && ts[i + 1].norm == "to") {
                set_cue(i, "according to", true);
                object_after(s, i + 2, i + 2);
                continue;
            }
            if (!lx::speech_verb(t.norm)) continue;
            set_cue(i, t.norm, false);
            const std::size_t before = mentions_.size();
            subject_before(s, i);
            if (mentions_.size() != before || i + 1 >= ts.size() || !gap_is_space(ts[i + 1].gap)) continue;
            // '"...," said X' and a sentence-initial "Said X, ...:"
            if ((lx::inverting_verb(t.norm) && i > 0 && (gap_has(t.gap, ",") || text::has_quotation_mark(t.gap))) ||
                (t.sentence_start && t.norm == "said")) {
                set_cue(i, t.norm, true);
                object_after(s, i + 1, i);
            }
        }
        verbless_cues(s);
    }

    std::stable_sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) {
        return a.segment != b.segment ? a.segment < b.segment : a.position < b.position;
    });
    SpeakerFindings out;
    std::set<std::pair<std::string, bool>> seen;
    std::string last_person;   // empty: none yet
    std::size_t last_person_segment = 0;
    for (const auto& m : mentions_) {
        SpeechCue cue;
        cue.segment = m.segment;
        cue.cue = m.cue;
        cue.subject_first = m.first;
        cue.subject_last = m.last;
        cue.verb = m.verb;
        cue.inverted = m.inverted;
        if (m.kind == Mention::Kind::pronoun) {
            // "Rouhani said ... He added": the last person named as speaking in this text
            if (last_person.empty() || last_person_segment != m.segment) continue;
            cue.speaker = last_person;
            cue.pronoun = true;
            out.cues.push_back(std::move(cue));
            continue;
        }
        if (m.kind == Mention::Kind::organisation) {
            cue.speaker = m.name;
            cue.organisation = true;
        } else {
            auto name = m.kind == Mention::Kind::title ? resolve_title(m) : canonical(m);
            if (!name) continue;
            cue.speaker = std::move(*name);
        }
        if (seen.emplace(cue.speaker, cue.organisation).second)
            out.speakers.push_back({cue.speaker, cue.organisation});
        out.cues.push_back(std::move(cue));
        if (!out.cues.back().organisation) {
            last_person = out.cues.back().speaker;
            last_person_segment = m.segment;
        }
    }
    return out;
}

// The longest form of the names with this surname and first word (of those the same length,
// the longest written), or null.
const FullName* Extractor::fullest(const std::string& surname, const std::string& first) const {
    if (!fullest_) {
        fullest_.emplace();
        for (const auto& [sn, list] : by_surname_)
            for (const auto& f : list) {
                auto& best = (*fullest_)[sn + '\n' + f.first];
                if (best == nullptr || f.words > best->words ||
                    (f.words == best->words && f.display.size() > best->display.size()))
                    best = &f;
            }
    }
    const auto it = fullest_->find(surname + '\n' + first);
    return it == fullest_->end() ? nullptr : it->second;
}

std::optional<std::string> Extractor::canonical(const Mention& m) const {
    const auto ws = tokenise(m.name);
    if (ws.size() == 0) return std::nullopt;
    const std::string surname{strip_possessive(ws[ws.size() - 1].norm)};
    const std::string first = ws[0].norm;
    const auto it = by_surname_.find(surname);
    if (ws.size() >= 2) {
        const FullName* best = fullest(surname, first);
        return best != nullptr ? best->display : m.name;
    }
    if (it != by_surname_.end() && !it->second.empty()) {
        // the person most often named with this surname, in their longest form
        const auto [memo, fresh] = by_surname_alone_.try_emplace(surname);
        if (fresh) {
            std::unordered_map<std::string, int> per_first;
            for (const auto& f : it->second) per_first[f.first] += f.count;
            std::string top;
            int top_count = -1;
            for (const auto& f : it->second)
                if (per_first[f.first] > top_count) { top_count = per_first[f.first]; top = f.first; }
            memo->second = fullest(surname, top)->display;
        }
        return memo->second;
    }
    if (!m.titled) return std::nullopt;
    // "Mr. Lou" for "Lou Jiwei": a family name written first
    if (!by_given_name_) {
        // first word -> the one name starting with it, or nothing when several do
        by_given_name_.emplace();
        for (const auto& [sn, list] : by_surname_)
            for (const auto& f : list) {
                const auto [at, fresh] = by_given_name_->try_emplace(f.first, f.display);
                if (!fresh && at->second && *at->second != f.display) at->second.reset();
            }
    }
    const auto given = by_given_name_->find(first);
    if (given == by_given_name_->end() || !given->second) return m.name;
    return *given->second;
}

// "the Turkish president" -> the one person of the article described with that title (and
// country); nothing if none or several. Each distinct description is looked up once, and only
// the first MaxTitleLookups of them: past that an article is a list of titles, not news.
std::optional<std::string> Extractor::resolve_title(const Mention& m) const {
    constexpr std::size_t MaxTitleLookups = 256;
    std::vector<std::string> wanted;
    for (const auto& t : m.titles)
        if (!lx::title_qualifier(t)) wanted.push_back(t);
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::string key = m.country;
    for (const auto& t : wanted) key += '\n' + t;
    if (const auto memo = by_title_.find(key); memo != by_title_.end()) return memo->second;
    if (by_title_.size() >= MaxTitleLookups) return std::nullopt;
    auto& answer = by_title_[key];
    std::optional<std::string> found;
    for (const auto& d : described_) {
        if (!m.country.empty() && d.country != m.country) continue;
        bool all = true;
        for (const auto& t : wanted) {
            if (std::find(d.titles.begin(), d.titles.end(), t) == d.titles.end()) { all = false; break; }
        }
        if (!all) continue;
        Mention as_name;
        as_name.name = d.name;
        as_name.words = d.words;
        as_name.titled = true;
        auto name = canonical(as_name);
        if (!name) continue;
        if (found && *found != *name) return answer = std::nullopt;
        found = std::move(name);
    }
    return answer = found;
}

} // namespace

SpeakerFindings extract_speakers(const std::vector<Segment>& segments) {
    return Extractor(segments).run();
}

} // namespace newsdesk::entities
