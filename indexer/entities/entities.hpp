#pragma once
// Speakers and countries an article names: the extraction behind the speaker and country facets.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/article.hpp"

namespace newsdesk {

struct Entities {
    std::vector<std::string> speakers;    // canonical full names, one per person, in order of appearance
    std::vector<std::string> countries;   // ISO 3166-1 alpha-2 codes, upper case, sorted, unique
};

// Extracts from the article's title, body and dateline. Thread-safe.
Entities extract_entities(const Article& article);

// Country look-up shared with the searcher (`country:Türkiye`). Accepts an alpha-2 code in any
// case, or a country name, adjective, demonym, capital or alias in any language ICU knows;
// returns the upper-case alpha-2 code or nullopt.
std::optional<std::string> country_code(std::string_view name_or_code);

// English short name of an alpha-2 code ("TR" -> "Turkey"); the code itself if unknown.
std::string country_name(std::string_view code);

} // namespace newsdesk
