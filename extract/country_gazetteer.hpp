#pragma once
// Every way of naming a country that extraction and look-up know: the project's English table
// (countries.tsv, compiled in) and the country names of all ICU locales. Built once, immutable,
// shared by all threads.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace newsdesk::entities {

enum class FormKind : std::uint8_t {
    name,       // "Turkey", "United States", ICU names in any language
    demonym,    // "Turkish", "Turks"
    capital,    // "Ankara"
    place,      // other cities and regions ("Istanbul", "Texas"): extraction only
    alias,      // metonyms and nicknames ("the Kremlin", "Zionist regime")
    blocker,    // names containing country words that name no country ("Indian Ocean")
};

// How much a form can be trusted when it appears in text.
enum class FormTrust : std::uint8_t {
    plain,       // any capitalised occurrence
    not_title,   // a common English word too ("Turkey"): not in headlines
    locative,    // a given name or a place elsewhere too ("Jordan"): only after "in", "from"...
};

struct CountryForm {
    std::string code;             // "TR"; empty for blockers
    FormKind kind = FormKind::name;
    FormTrust trust = FormTrust::plain;
    bool exact_case = false;      // "US" must be written "US"
    bool needs_stop = false;      // "Calif." needs its full stop
    std::string written;          // the form's words as written, space-joined (for exact_case)
    bool from_icu = false;
    bool foreign = false;         // from ICU, and no English locale gives it ("Suisse", "Cambodge")
    bool confirm = false;         // a GeoNames place that counts only when the article confirms
                                  // its country (named, or another of its places)
};

// Hash and equality that accept std::string_view probes without building a std::string:
// matching probes the table for every n-gram of every text.
// Not noexcept on purpose: libstdc++ then stores each key's hash in its node. Without it,
// walking a bucket rehashes every key met on the way, which made lookups a tenth of the
// indexer's time on bbc.jsonl.
struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view k) const { return std::hash<std::string_view>{}(k); }
};
struct KeyEqual {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
};

class CountryGazetteer {
public:
    static const CountryGazetteer& instance();

    // Forms whose normalised words, space-joined, equal `key` ("united states"); null if none.
    const std::vector<CountryForm>* find(std::string_view key) const;
    // True if some form's key starts with these whole normalised words ("united", "united
    // states"): matching skips most words with one probe, and stops lengthening a phrase as
    // soon as no form continues it.
    bool starts_form(std::string_view words) const { return form_starts_.find(words) != form_starts_.end(); }
    std::size_t max_words() const { return max_words_; }
    // True if a city of 15,000 people or more, or a state or province, of the country `code`
    // has this key for name ("paris" and "US": Paris, Texas), whatever the forms say.
    bool town_in(std::string_view key, std::string_view code) const;
    // True if such a place of some country other than `code` has this key for name.
    bool town_outside(std::string_view key, std::string_view code) const;

    // These two need none of the tables, so they do not load them: showing a facet of
    // country codes, or filtering by a code, stays cheap in a short-lived process.
    static bool is_code(std::string_view upper_code);
    static std::optional<std::string> as_code(std::string_view text);   // "fr" -> "FR"; null if no code
    std::optional<std::string> code_of(std::string_view name_or_code) const;
    static std::string english_name(std::string_view code);

    // Normalised key of a phrase: its ICU words, normalised, space-joined.
    static std::string key_of(std::string_view phrase);

private:
    CountryGazetteer();
    void add(std::string_view written, CountryForm form);
    void load_table();
    void load_icu();
    void load_places();

    std::unordered_map<std::string, std::vector<CountryForm>, KeyHash, KeyEqual> forms_;
    std::unordered_set<std::string, KeyHash, KeyEqual> form_starts_;   // every word-prefix of every key
    std::size_t max_words_ = 1;
    std::unordered_map<std::string, std::vector<std::string>, KeyHash, KeyEqual> towns_;   // key -> codes
};

} // namespace newsdesk::entities
