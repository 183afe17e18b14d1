#include "extract/name_runs.hpp"

#include <algorithm>
#include <vector>

#include "extract/lexicon.hpp"
#include "extract/shouted_text.hpp"

namespace newsdesk::entities {

namespace {

// A word's parts in camel case: "GlaxoSmithKline" has three, "McDonald" two, "USAir" one.
constexpr std::size_t MaxCamelParts = 3;
// The shortest part after the first that a name in camel case has ("Glaxo|Smith|Kline").
constexpr std::size_t MinCamelPart = 3;

// "SkKglwQycb", "8FtYoYE0G3", "GirlIGuessImWithHer": link hashes and hashtags, not names. A name
// has no digit; a capital inside it after a lower-case letter starts a part, and a name has one
// such part ("McDonald", "DiCaprio") or a few long ones ("GlaxoSmithKline"). A run of capitals
// first is an abbreviation the name starts with ("USAir", "JPMorgan").
bool garbled(std::string_view raw) {
    raw = raw.substr(0, std::min(raw.find('\''), raw.find("\u2019")));   // "BBC's": the word, not its 's
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    std::vector<std::size_t> starts{0};   // where each part begins
    for (std::size_t k = 0; k < raw.size(); ++k) {
        const char c = raw[k];
        if (c >= '0' && c <= '9') return true;
        if (k > 0 && upper(c) && lower(raw[k - 1])) starts.push_back(k);
    }
    if (starts.size() <= 2) return false;
    if (starts.size() > MaxCamelParts) return true;
    for (std::size_t p = 1; p < starts.size(); ++p) {
        const auto end = p + 1 < starts.size() ? starts[p + 1] : raw.size();
        if (end - starts[p] < MinCamelPart || starts[p] - starts[p - 1] < MinCamelPart) return true;
    }
    return false;
}

// "I've", "I'm", "We'd": a pronoun and its verb, capitalised and no name.
bool contraction(std::string_view raw) {
    for (std::string_view apostrophe : {"'", "\u2019"}) {
        const auto at = raw.find(apostrophe);
        if (at == std::string_view::npos) continue;
        const auto rest = raw.substr(at + apostrophe.size());
        return rest == "ve" || rest == "m" || rest == "d" || rest == "ll" || rest == "re" || rest == "t";
    }
    return false;
}

// The second part of a compound adjective: "Illinois-based AbbVie", "German-born", "Saudi-led".
bool adjective_ending(const Token& t) {
    const auto& w = t.norm;
    return t.lower && (w == "born" || w == "based" || w == "led" || w == "backed" || w == "owned" ||
                       w == "funded" || w == "style" || w == "era" || w == "like" || w == "wide" ||
                       w == "speaking" || w == "bound" || w == "made" || w == "run" || w == "allied" ||
                       w == "aligned" || w == "controlled" || w == "sponsored" || w == "brokered" ||
                       w == "linked" || w == "affiliated" || w == "focused" || w == "friendly");
}

} // namespace

bool name_like(const Token& t) {
    return t.upper && !lexicon::speech_verb(t.norm) && !garbled(t.raw) && !contraction(t.raw);
}

namespace {

// The longest lower-case word a sentence in title case may hold: "for", "of", "and".
constexpr std::size_t MaxTitleCaseSmallWord = 3;

// "L.M", "F.O", "E.F": initials written with full stops, the last one in the gap after.
bool dotted_initials(std::string_view raw) {
    if (raw.size() < 3 || raw.size() % 2 == 0) return false;
    for (std::size_t k = 0; k < raw.size(); ++k)
        if (k % 2 == 0 ? !(raw[k] >= 'A' && raw[k] <= 'Z') : raw[k] != '.') return false;
    return true;
}

} // namespace

std::vector<bool> title_case_sentences(const TokenStream& ts) {
    std::vector<bool> out(ts.size(), true);
    std::size_t start = 0;
    bool title = true;
    for (std::size_t i = 0; i <= ts.size(); ++i) {
        if (i == ts.size() || (i > 0 && ts[i].sentence_start)) {
            for (std::size_t k = start; k < i; ++k) out[k] = title;
            start = i;
            title = true;
        }
        if (i < ts.size() && ts[i].lower && ts[i].raw.size() > MaxTitleCaseSmallWord) title = false;
    }
    return out;
}


NameRuns::NameRuns(const Segment& segment) : segment_(segment) {
    const auto& ts = segment.tokens;
    run_of_.resize(ts.size());
    country_of_.resize(ts.size());
    for (std::size_t m = 0; m < segment.countries.size(); ++m) {
        const auto& cm = segment.countries[m];
        if (cm.confirm && !cm.accepted) continue;
        for (std::size_t i = cm.first; i <= cm.last; ++i) country_of_[i] = m;
    }
    // headline capitals are never names: no run starts or continues in them
    const auto shouted = shouted_tokens(ts);
    // a capitalised speech verb inside a sentence in lower case is a word of a name
    // ("the Pew Internet and American Life Project"), in title case a verb ("Obama Says He ...")
    const auto title_case = title_case_sentences(ts);
    const auto in_name = [&](std::size_t i) {
        return name_like(ts[i]) || (ts[i].upper && !ts[i].sentence_start && !title_case[i] && !garbled(ts[i].raw) && !contraction(ts[i].raw));
    };
    for (std::size_t i = 0; i < ts.size();) {
        if (!in_name(i) || shouted[i]) { ++i; continue; }
        std::size_t last = i;
        while (last + 1 < ts.size() && !ts[last].possessive) {
            const auto& next = ts[last + 1];
            const std::string_view gap = next.gap;
            if (next.sentence_start) break;
            const bool initial = gap.starts_with(".") && gap_is_space(gap.substr(1)) &&
                                 (ts[last].raw.size() == 1 || dotted_initials(ts[last].raw) ||
                                  lexicon::title_word(ts[last].norm));
            if (gap == "-" && adjective_ending(next)) break;
            if (gap == "-") { ++last; continue; }                 // "Jong-un", "Al-Assad"
            if (!gap_is_space(gap) && !initial) break;
            if (shouted[last + 1]) break;
            if (in_name(last + 1)) { ++last; continue; }
            // "Charles de Gaulle", "Osama bin Laden", "Salem al-Sabah"
            if (lexicon::name_particle(next.norm) && next.lower && last + 2 < ts.size() &&
                (gap_is_space(ts[last + 2].gap) || ts[last + 2].gap == "-") && in_name(last + 2)) {
                last += 2;
                continue;
            }
            break;
        }
        // "Illinois-based", "Saudi-led": a modifier of what follows, no name of its own
        if (last + 1 < ts.size() && ts[last + 1].gap == "-" && adjective_ending(ts[last + 1])) {
            i = last + 2;
            continue;
        }
        for (std::size_t k = i; k <= last; ++k) run_of_[k] = runs_.size();
        runs_.push_back({i, last});
        i = last + 1;
    }
}

std::optional<TokenRange> NameRuns::run_at(std::size_t i) const {
    if (!run_of_[i]) return std::nullopt;
    return runs_[*run_of_[i]];
}

std::optional<TokenRange> NameRuns::run_starting_at(std::size_t i) const {
    const auto run = run_at(i);
    return run && run->first == i ? run : std::nullopt;
}

std::optional<TokenRange> NameRuns::run_ending_at(std::size_t i) const {
    const auto run = run_at(i);
    return run && run->last == i ? run : std::nullopt;
}

const CountryMatch* NameRuns::country_at(std::size_t i) const {
    return country_of_[i] ? &segment_.countries[*country_of_[i]] : nullptr;
}

} // namespace newsdesk::entities
