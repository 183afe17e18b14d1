#pragma once
// Counts and roles of the countries an article names (see country_roles.cpp for the rules).
#include <optional>
#include <string>
#include <vector>

#include <newsdesk/article.hpp>
#include "extract/country_extractor.hpp"

namespace newsdesk::entities {

struct MatchedText {
    const std::vector<CountryMatch>* matches = nullptr;
    bool headline = false;
};

// One CountryMention per country with an accepted match or the dateline, sorted by code.
std::vector<CountryMention> country_mentions(const std::vector<MatchedText>& texts,
                                             const std::optional<std::string>& dateline_code);

} // namespace newsdesk::entities
