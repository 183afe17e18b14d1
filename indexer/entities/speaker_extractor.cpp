#include "indexer/entities/speaker_extractor.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "indexer/entities/speaker_lexicon.hpp"

namespace newsdesk::entities {
namespace {

namespace lx = lexicon;

bool is_digit_word(std::string_view w) { return !w.empty() && w.front() >= '0' && w.front() <= '9'; }

bool preposition(std::string_view w) {
    static constexpr std::array<std::string_view, 17> words{
        "for", "of", "at", "with", "from", "by", "on", "in", "to", "about", "against", "behind",
        "like", "than", "under", "over", "between"};
    return std::find(words.begin(), words.end(), w) != words.end();
}

// A capitalised word that can belong to a name run. Speech verbs never do, so that headline
// case ("Obama Says He Will...") does not swallow the verb.
bool name_like(const Token& t) { return t.upper && !lx::speech_verb(t.norm); }

// Where the text says who said something: a name run, or a description by title.
struct Mention {
    std::size_t segment = 0, position = 0;   // for ordering
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
    std::vector<std::string> run();

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
    void add_name_mention(std::size_t s, std::size_t run, std::size_t position);
    bool title_phrase_back(std::size_t s, std::size_t j, std::size_t position);
    bool title_phrase_forward(std::size_t s, std::size_t i, std::size_t position);
    void subject_before(std::size_t s, std::size_t verb);
    void object_after(std::size_t s, std::size_t start, std::size_t position);
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
};

void Extractor::index_segment(std::size_t s) {
    const auto& ts = segments_[s].tokens;
    SegmentIndex ix;
    ix.run_of.assign(ts.size(), -1);
    ix.country_of.assign(ts.size(), -1);
    for (std::size_t m = 0; m < segments_[s].countries.size(); ++m) {
        const auto& cm = segments_[s].countries[m];
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
        if (lx::organisation_word(norm) || lx::not_name_word(norm) || lx::title_word(norm)) return v;
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

void Extractor::add_name_mention(std::size_t s, std::size_t run, std::size_t position) {
    const auto [first, last] = index_[s].runs[run];
    if (tok(s, last).possessive) return;   // "Trump's campaign said": the possessor is not the speaker
    const auto v = view(s, first, last);
    Mention m;
    m.segment = s;
    m.position = position;
    if (v.valid) {
        m.name = name_text(s, v.first, v.last);
        m.words = v.last - v.first + 1;
        m.titled = v.any_title;
        mentions_.push_back(std::move(m));
        return;
    }
    // "The Iranian President also stressed": a title without a name refers to someone named elsewhere
    bool only_description = true;
    for (std::size_t k = first; k <= last && only_description; ++k) {
        const auto& t = tok(s, k);
        only_description = country_at(s, k) != nullptr || lx::title_word(t.norm) || t.norm == "the" ||
                           (t.possessive && country_at(s, k) != nullptr);
    }
    if (!only_description || v.titles.empty()) return;
    std::vector<std::string> titles = v.titles;
    m.titles = std::move(titles);
    m.country = v.country;
    if (m.country.empty() && first > 0) {
        // "Iran's President": the possessor is a separate run before this one
        if (const auto* cm = country_at(s, first - 1); cm != nullptr && tok(s, first - 1).possessive)
            m.country = cm->code;
    }
    mentions_.push_back(std::move(m));
}

// A lower-case title phrase ending at token j: "the Turkish president", "Iran's foreign minister",
// "the President of Turkey". Needs a determiner or a possessive country: "a spokesman" is nobody.
bool Extractor::title_phrase_back(std::size_t s, std::size_t j, std::size_t position) {
    Mention m;
    m.segment = s;
    m.position = position;
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
        if (tok(s, cm->last).possessive) { mentions_.push_back(std::move(m)); return true; }
        if (cm->first == 0) return false;
        d = cm->first - 1;
    }
    if (tok(s, d).norm != "the") return false;
    mentions_.push_back(std::move(m));
    return true;
}

// The same phrase read forwards from token i ("said the Turkish president").
bool Extractor::title_phrase_forward(std::size_t s, std::size_t i, std::size_t position) {
    const auto& ts = segments_[s].tokens;
    if (i >= ts.size() || ts[i].norm != "the") return false;
    Mention m;
    m.segment = s;
    m.position = position;
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
    if (k + 1 < ts.size() && ts[k].norm == "of") {
        if (const auto* cm = country_at(s, k + 1); cm != nullptr && cm->kind != FormKind::blocker)
            m.country = cm->code;
    } else if (k < ts.size() && gap_is_space(ts[k].gap) && name_like(ts[k])) {
        return false;   // "the president Barack Obama": the name itself is the run that follows
    }
    mentions_.push_back(std::move(m));
    return true;
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
    if (gap_has_quote(gap) || gap_has(gap, ":;!?") || tok(s, after).sentence_start) return;
    if (gap_has(gap, ")")) {
        // "Sen. Bernie Sanders (I-Vt.) said"
        std::size_t k = j;
        for (int steps = 0; steps < 8 && k > 0 && !gap_has(tok(s, k).gap, "("); ++steps) --k;
        if (!gap_has(tok(s, k).gap, "(") || k == 0) return;
        j = k - 1;
    } else if (gap_has(gap, ",")) {
        // "Rouhani, the Iranian president, said", "Brianne Stone, 29, of Huntsville, Ala., says":
        // skip appositives (lower-case or numeric openers) and place names between commas
        bool skipped = false;
        for (int chunk = 0; chunk < 4; ++chunk) {
            std::size_t k = j;
            bool comma = false;
            for (int steps = 0; steps < 25 && k > 0; ++steps) {
                const auto g = tok(s, k).gap;
                if (gap_has_quote(g) || tok(s, k).sentence_start || gap_has(g, ";:()")) break;
                if (gap_has(g, ",")) { comma = true; break; }
                --k;
            }
            if (!comma || k == 0) {
                if (!skipped) return;
                break;   // the subject starts the clause
            }
            const auto& opener = tok(s, k);
            const bool appositive = !opener.upper || is_digit_word(opener.norm) || opener.norm == "the" ||
                                    opener.norm == "a" || opener.norm == "an" || opener.norm == "who";
            const auto* place = country_at(s, k);
            const bool only_place = place != nullptr && place->first == k && place->last == j;
            if (!appositive && !only_place) {
                if (!skipped) return;
                break;   // j is the end of the subject
            }
            skipped = true;
            j = k - 1;
        }
    }
    if (const int r = run_ending_at(s, j); r >= 0) {
        const auto first = index_[s].runs[static_cast<std::size_t>(r)].first;
        if (first > 0 && gap_is_space(tok(s, first).gap) && preposition(tok(s, first - 1).norm) &&
            !tok(s, first - 1).upper) {
            // "Bernie Sanders of Vermont said": the name before "of" + place
            const auto* cm = country_at(s, j);
            const auto& prep = tok(s, first - 1).norm;
            if (cm == nullptr || (prep != "of" && prep != "from") || first < 2) return;
            const int before = run_ending_at(s, first - 2);
            if (before < 0) return;
            add_name_mention(s, static_cast<std::size_t>(before), first - 2);
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

void Extractor::object_after(std::size_t s, std::size_t start, std::size_t position) {
    const auto& ts = segments_[s].tokens;
    if (start >= ts.size() || ts[start].sentence_start) return;
    if (const int r = run_starting_at(s, start); r >= 0) {
        add_name_mention(s, static_cast<std::size_t>(r), position);
        return;
    }
    title_phrase_forward(s, start, position);
}

std::vector<std::string> Extractor::run() {
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
                const std::string first_word = tok(s, v.first).norm;
                auto it = std::find_if(list.begin(), list.end(),
                                       [&](const FullName& f) { return f.display == display; });
                if (it == list.end()) list.push_back(FullName{display, first_word, surname, words, 1});
                else ++it->count;
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
                object_after(s, i + 2, i + 2);
                continue;
            }
            if (!lx::speech_verb(t.norm)) continue;
            const std::size_t before = mentions_.size();
            subject_before(s, i);
            if (mentions_.size() == before && lx::inverting_verb(t.norm) && i > 0 &&
                (gap_has(t.gap, ",") || gap_has_quote(t.gap)) && i + 1 < ts.size() &&
                gap_is_space(ts[i + 1].gap))
                object_after(s, i + 1, i);
        }
    }

    std::stable_sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) {
        return a.segment != b.segment ? a.segment < b.segment : a.position < b.position;
    });
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& m : mentions_) {
        auto name = m.name.empty() ? resolve_title(m) : canonical(m);
        if (!name) continue;
        if (seen.insert(*name).second) out.push_back(std::move(*name));
    }
    return out;
}

// The longest form of a name in the article; a lone surname only if the article has its full
// name or it carries a title ("Mr. Ryan").
std::optional<std::string> Extractor::canonical(const Mention& m) const {
    const auto ws = tokenise(m.name);
    if (ws.size() == 0) return std::nullopt;
    const std::string surname{strip_possessive(ws[ws.size() - 1].norm)};
    const std::string first = ws[0].norm;
    const auto it = by_surname_.find(surname);
    if (ws.size() >= 2) {
        const FullName* best = nullptr;
        if (it != by_surname_.end())
            for (const auto& f : it->second)
                if (f.first == first && (best == nullptr || f.words > best->words ||
                                         (f.words == best->words && f.display.size() > best->display.size())))
                    best = &f;
        return best != nullptr ? best->display : m.name;
    }
    if (it != by_surname_.end() && !it->second.empty()) {
        // the person most often named with this surname, in their longest form
        std::map<std::string, int> per_first;
        for (const auto& f : it->second) per_first[f.first] += f.count;
        std::string top;
        int top_count = -1;
        for (const auto& f : it->second)
            if (per_first[f.first] > top_count) { top_count = per_first[f.first]; top = f.first; }
        const FullName* best = nullptr;
        for (const auto& f : it->second)
            if (f.first == top && (best == nullptr || f.words > best->words ||
                                   (f.words == best->words && f.display.size() > best->display.size())))
                best = &f;
        return best->display;
    }
    if (!m.titled) return std::nullopt;
    // "Mr. Lou" for "Lou Jiwei": a family name written first
    const FullName* by_first = nullptr;
    for (const auto& [sn, list] : by_surname_)
        for (const auto& f : list)
            if (f.first == first) {
                if (by_first != nullptr && by_first->display != f.display) return m.name;
                by_first = &f;
            }
    return by_first != nullptr ? by_first->display : m.name;
}

// "the Turkish president" -> the one person of the article described with that title (and
// country); nothing if none or several.
std::optional<std::string> Extractor::resolve_title(const Mention& m) const {
    std::optional<std::string> found;
    for (const auto& d : described_) {
        if (!m.country.empty() && d.country != m.country) continue;
        bool all = true;
        for (const auto& t : m.titles) {
            if (t == "former" || t == "then" || t == "the") continue;
            if (std::find(d.titles.begin(), d.titles.end(), t) == d.titles.end()) { all = false; break; }
        }
        if (!all) continue;
        Mention as_name;
        as_name.name = d.name;
        as_name.words = d.words;
        as_name.titled = true;
        auto name = canonical(as_name);
        if (!name) continue;
        if (found && *found != *name) return std::nullopt;
        found = std::move(name);
    }
    return found;
}

} // namespace

std::vector<std::string> extract_speakers(const std::vector<Segment>& segments) {
    return Extractor(segments).run();
}

} // namespace newsdesk::entities
