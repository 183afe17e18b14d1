#pragma once
// Speakers, quotes and countries an article names: the extraction behind the speaker and
// country facets and the quote records.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsdesk/article.hpp>

namespace newsdesk {

struct Speaker {
    std::string name;   // canonical: the fullest form in the article, after the alias table
    SpeakerKind kind = SpeakerKind::Person;
    bool operator==(const Speaker&) const = default;
};

struct Entities {
    std::vector<Speaker> speakers;             // people and organisations, in order of first appearance
    std::vector<Quote> quotes;                 // in text order
    std::vector<CountryMention> countries;     // sorted by code, unique
};

// Maps name variants to one canonical speaker name across the archive ("Tayyip Erdogan",
// "Erdoğan" -> "Recep Tayyip Erdogan"). Starts with the shipped defaults; load() adds a user
// file of lines "Canonical Name<TAB>variant<TAB>variant..." ('#' starts a comment).
class SpeakerAliases {
public:
    SpeakerAliases();                                  // the shipped defaults
    void load(const std::filesystem::path& file);      // throws InvalidRequest "file:line: ..."
    std::optional<std::string> canonical(std::string_view name) const;
    std::size_t size() const;

private:
    std::map<std::string, std::string> by_folded_;    // normalised variant -> canonical
};

// Completes an article read from input before it is indexed or printed: settles its language
// (the input's, else `default_language`, else detected), merges the speakers and countries
// extracted from its text with those the input gave, and records its quotes and country
// mentions. `aliases` settles speakers' canonical names. Thread-safe.
void enrich(Article& article, std::string_view default_language, const SpeakerAliases& aliases);

// Extracts from the article's title, body and dateline. Thread-safe.
Entities extract_entities(const Article& article, const SpeakerAliases& aliases);
Entities extract_entities(const Article& article);   // with the shipped default aliases

// Country look-up shared with the searcher (`country:Türkiye`). Accepts an alpha-2 code in any
// case, or a country name, adjective, demonym, capital or alias in any language ICU knows;
// returns the upper-case alpha-2 code or nullopt.
std::optional<std::string> country_code(std::string_view name_or_code);

// English short name of an alpha-2 code ("TR" -> "Turkey"); the code itself if unknown.
std::string country_name(std::string_view code);

} // namespace newsdesk
