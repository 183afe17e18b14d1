#include "extract/country_gazetteer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <stdexcept>

#include <unicode/locid.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include "text/unicode.hpp"

namespace newsdesk::embedded {
extern const std::string_view countries_tsv;
extern const std::string_view places_tsv;
}

namespace newsdesk::entities {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t from = 0;
    while (true) {
        const auto at = s.find(sep, from);
        out.push_back(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
        if (at == std::string_view::npos) break;
        from = at + 1;
    }
    return out;
}

bool latin_only(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// The key of an ASCII name as key_of() makes it: words of letters, digits and inner
// apostrophes ("Coeur d'Alene"), lower case, one space apart ("Winston-Salem" -> "winston salem").
std::string ascii_key(std::string_view name) {
    std::string key;
    bool in_word = false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
        const bool inner_apostrophe = c == '\'' && in_word && i + 1 < name.size() &&
                                      std::isalpha(static_cast<unsigned char>(name[i + 1])) != 0;
        if (alnum || inner_apostrophe) {
            if (!in_word && !key.empty()) key += ' ';
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            in_word = true;
        } else {
            in_word = false;
        }
    }
    return key;
}

std::size_t count_words(std::string_view key) {
    return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

// Country names of some ICU locale that are also ordinary English words or given names, found
// by checking ICU's Latin-script names against English news text. Names in countries.tsv are
// not affected: the table decides for them.
bool english_word(std::string_view key) {
    static constexpr std::array<std::string_view, 32> list{
        "end", "man", "laws", "alan", "island", "male", "columbia", "gene", "pole", "cat",
        "norfolk", "maurice", "sin", "tunes", "sina", "shine", "indie", "dominik", "sane",
        "holan", "helena", "elan", "palo", "chili", "salvador", "lichtenstein", "bi", "kina",
        "bahasa", "congo", "guinea", "niger"};
    return std::find(list.begin(), list.end(), key) != list.end();
}

// Region codes of ICU that are not countries or territories (EU, UN, "unknown", exceptional
// reservations such as Ceuta or Diego Garcia); Kosovo's user-assigned XK is kept.
bool country_region(const std::string& code, const std::unordered_set<std::string>& iso) {
    return iso.count(code) != 0 || code == "XK";
}

} // namespace

namespace {
// ICU's ISO 3166 regions, and Kosovo's user-assigned XK, which news names as a country.
const std::unordered_set<std::string>& iso_codes() {
    static const std::unordered_set<std::string> codes = [] {
        std::unordered_set<std::string> set{"XK"};
        for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) set.insert(*c);
        return set;
    }();
    return codes;
}
} // namespace

bool CountryGazetteer::is_code(std::string_view upper_code) { return iso_codes().count(std::string{upper_code}) != 0; }

const CountryGazetteer& CountryGazetteer::instance() {
    static const CountryGazetteer g;   // C++ guarantees thread-safe one-time construction
    return g;
}

CountryGazetteer::CountryGazetteer() {
    load_table();
    load_icu();
    load_places();
}

std::string CountryGazetteer::key_of(std::string_view phrase) {
    std::string key;
    text::for_each_word(phrase, [&](const text::Word& w) {
        if (!key.empty()) key += ' ';
        key += text::normalise(w.text);
    });
    return key;
}

void CountryGazetteer::add(std::string_view written, CountryForm form) {
    std::string key;
    std::string raw;
    text::for_each_word(written, [&](const text::Word& w) {
        if (!key.empty()) { key += ' '; raw += ' '; }
        key += text::normalise(w.text);
        raw += w.text;
    });
    if (key.empty()) return;
    form.written = raw;
    form.needs_stop = !written.empty() && written.back() == '.';
    auto& list = forms_[key];
    for (const auto& f : list)
        if (f.code == form.code && f.exact_case == form.exact_case && f.written == form.written) return;
    for (auto space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1))
        form_starts_.insert(key.substr(0, space));
    form_starts_.insert(key);
    max_words_ = std::max(max_words_, count_words(key));
    list.push_back(std::move(form));
}

void CountryGazetteer::load_table() {
    static constexpr std::array<FormKind, 5> columns{
        FormKind::name, FormKind::demonym, FormKind::capital, FormKind::place, FormKind::alias};
    for (auto line : split(embedded::countries_tsv, '\n')) {
        if (line.empty() || line.front() == '#') continue;
        if (line.back() == '\r') line.remove_suffix(1);
        const auto cols = split(line, '\t');
        if (cols.size() != 6) throw std::logic_error("countries.tsv: bad line: " + std::string{line});
        const bool blocker = cols[0] == "--";
        for (std::size_t c = 1; c < cols.size(); ++c) {
            if (cols[c] == "-") continue;
            for (auto item : split(cols[c], '|')) {
                CountryForm f;
                f.code = blocker ? std::string{} : std::string{cols[0]};
                f.kind = blocker ? FormKind::blocker : columns[c - 1];
                for (bool marked = true; marked && !item.empty();) {
                    switch (item.front()) {
                    case '=': f.exact_case = true; break;
                    case '~': f.trust = FormTrust::not_title; break;
                    case '?': f.trust = FormTrust::locative; break;
                    default: marked = false; continue;
                    }
                    item.remove_prefix(1);
                }
                add(item, std::move(f));
            }
        }
    }
}

// ICU keeps country names per locale in the "region" data tree, table "Countries" (plus
// "%short" and "%variant" alternatives). Reading these tables directly is far faster than
// asking Locale::getDisplayCountry for every locale and code (about 10 ms against 250 ms).
void CountryGazetteer::load_icu() {
    const auto& iso = iso_codes();
    struct Seen {
        std::string code;      // empty once two locales give the name to different regions
        std::string written;   // one written form, for the case checks of matching
        bool english = false;  // some English locale gives the name
    };
    std::unordered_map<std::string, Seen> icu_names;
    int32_t count = 0;
    const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
    std::string name;
    std::unordered_set<std::string> done;   // locales repeat most names: segment each once per code
    // English locales first: a name that English gives too is English, whichever locale repeats it.
    std::vector<int32_t> order;
    for (int32_t i = 0; i < count; ++i)
        if (std::string_view{locales[i].getLanguage()} == "en") order.push_back(i);
    for (int32_t i = 0; i < count; ++i)
        if (std::string_view{locales[i].getLanguage()} != "en") order.push_back(i);
    for (const int32_t i : order) {
        UErrorCode status = U_ZERO_ERROR;
        UResourceBundle* bundle =
            ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region", locales[i].getName(), &status);
        if (U_FAILURE(status)) { ures_close(bundle); continue; }
        const bool english = std::string_view{locales[i].getLanguage()} == "en";
        for (const char* table : {"Countries", "Countries%short", "Countries%variant"}) {
            UErrorCode st = U_ZERO_ERROR;
            UResourceBundle* names = ures_getByKey(bundle, table, nullptr, &st);
            while (U_SUCCESS(st) && ures_hasNext(names)) {
                const char* region = nullptr;
                int32_t length = 0;
                UErrorCode item_status = U_ZERO_ERROR;
                const UChar* u = ures_getNextString(names, &length, &region, &item_status);
                if (U_FAILURE(item_status) || region == nullptr) continue;
                std::string code{region, std::min<std::size_t>(2, std::char_traits<char>::length(region))};
                if (!country_region(code, iso) || std::char_traits<char>::length(region) != 2) continue;
                name.clear();
                icu::UnicodeString(u, length).toUTF8String(name);
                if (!done.insert(code + name).second) continue;
                const std::string key = key_of(name);
                if (key.empty() || key.size() < 2) continue;
                // Short Latin names are mostly codes or ordinary words ("Man" for the Isle of Man).
                if (latin_only(key) && (key.size() <= 3 || english_word(key))) continue;
                auto [it, fresh] = icu_names.emplace(key, Seen{code, name, english});
                if (!fresh && it->second.code != code) it->second.code.clear();
                it->second.english = it->second.english || english;
            }
            ures_close(names);
        }
        ures_close(bundle);
    }
    for (const auto& [key, seen] : icu_names) {
        if (seen.code.empty() || forms_.count(key) != 0) continue;   // the project table decides
        CountryForm f;
        f.code = seen.code;
        f.kind = FormKind::name;
        f.from_icu = true;
        f.foreign = !seen.english;
        add(seen.written, std::move(f));
    }
}

// GeoNames cities and admin-1 regions (generated at build time). Cities of 100,000 people or
// more are forms: measured on the country gold set against 50,000, more recall from small towns
// was outweighed by namesakes and common words. The project table and ICU decide for names
// they know; a name several countries share is kept only for a country whose place is far
// larger (5x) than the others, else dropped. Cities of a million people or more are famous
// enough to stand alone; smaller cities and all regions need their country confirmed by the
// article ("Split" the Croatian city versus "split" at a sentence start). Every place of the
// table, however small, is a namesake that town_in() knows.
void CountryGazetteer::load_places() {
    constexpr std::uint64_t MinCityPopulation = 100000;
    struct Best {
        std::string code, written;
        std::uint64_t population = 0, runner_up = 0;
        bool state = false;
    };
    std::unordered_map<std::string, Best> best;
    std::vector<std::pair<std::string, std::string_view>> towns;   // key, code
    for (auto line : split(embedded::places_tsv, '\n')) {
        if (line.empty() || line.front() == '#') continue;
        const auto cols = split(line, '\t');
        if (cols.size() != 4) continue;
        const std::uint64_t population = std::strtoull(std::string{cols[2]}.c_str(), nullptr, 10);
        const bool form = cols[3] == "state" || population >= MinCityPopulation;
        // A town is looked up only by the key of a form that matched, so one named unlike every
        // form needs no entry; most names are ASCII, whose key is cheap to make without ICU's
        // word breaking (which, for every town, would add a sixth of a second to each start).
        const std::string key = form || !latin_only(cols[0]) ? key_of(cols[0]) : ascii_key(cols[0]);
        // short names are mostly abbreviations or words; names with digits are districts
        if (key.size() < 4 || key.find_first_of("0123456789") != std::string::npos) continue;
        towns.emplace_back(key, cols[1]);
        if (!form || forms_.find(key) != forms_.end()) continue;
        auto& b = best[key];
        if (b.code == cols[1]) {
            b.population = std::max(b.population, population);
            continue;
        }
        if (population > b.population) {
            b.runner_up = std::max(b.runner_up, b.population);
            b = Best{std::string{cols[1]}, std::string{cols[0]}, population, b.runner_up, cols[3] == "state"};
        } else {
            b.runner_up = std::max(b.runner_up, population);
        }
    }
    for (auto& [key, b] : best) {
        if (b.runner_up * 5 > b.population) continue;
        CountryForm f;
        f.code = b.code;
        f.kind = FormKind::place;
        f.confirm = b.state || b.population < 1000000;
        add(b.written, std::move(f));
    }
    for (auto& [key, code] : towns) {
        if (forms_.find(key) == forms_.end()) continue;
        auto& codes = towns_[key];
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.emplace_back(code);
    }
}

bool CountryGazetteer::town_in(std::string_view key, std::string_view code) const {
    const auto it = towns_.find(key);
    return it != towns_.end() && std::find(it->second.begin(), it->second.end(), code) != it->second.end();
}

bool CountryGazetteer::town_outside(std::string_view key, std::string_view code) const {
    const auto it = towns_.find(key);
    return it != towns_.end() &&
           std::any_of(it->second.begin(), it->second.end(), [&](const std::string& c) { return c != code; });
}

const std::vector<CountryForm>* CountryGazetteer::find(std::string_view key) const {
    const auto it = forms_.find(key);
    return it == forms_.end() ? nullptr : &it->second;
}

std::optional<std::string> CountryGazetteer::as_code(std::string_view text) {
    if (text.size() != 2) return std::nullopt;
    std::string upper{text};
    for (auto& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!is_code(upper)) return std::nullopt;
    return upper;
}

std::optional<std::string> CountryGazetteer::code_of(std::string_view name_or_code) const {
    if (auto code = as_code(name_or_code)) return code;
    std::string key = key_of(name_or_code);
    if (key.starts_with("the ") && find(key) == nullptr) key.erase(0, 4);   // "the Kremlin"
    const auto* forms = find(key);
    if (forms == nullptr) return std::nullopt;
    std::string found;
    for (const auto& f : *forms) {
        if (f.kind == FormKind::blocker || f.kind == FormKind::place) continue;
        if (!found.empty() && found != f.code) return std::nullopt;   // ambiguous
        found = f.code;
    }
    if (found.empty()) return std::nullopt;
    return found;
}

std::string CountryGazetteer::english_name(std::string_view code) {
    std::string upper{code};
    for (auto& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!is_code(upper)) return std::string{code};
    icu::UnicodeString display;
    icu::Locale("und", upper.c_str()).getDisplayCountry(icu::Locale::getEnglish(), display);
    std::string out;
    display.toUTF8String(out);
    return out.empty() ? upper : out;
}

} // namespace newsdesk::entities
