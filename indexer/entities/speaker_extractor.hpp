#pragma once
// Finds the people an article quotes or reports as saying something ("X said", "said X",
// "according to X", '"...," the Turkish president said') and gives each one canonical name:
// the longest form of that name in the article, titles stripped. References by title or surname
// resolve to a person named in the same article; nothing is invented from a pronoun or a title.
#include <string>
#include <vector>

#include "indexer/entities/country_extractor.hpp"
#include "indexer/entities/token_stream.hpp"

namespace newsdesk::entities {

// One analysed piece of an article (headline, body), with its country matches: place names and
// demonyms are stripped from or rule out names ("Iranian President Hassan Rouhani", "Iran said").
struct Segment {
    TokenStream tokens;
    std::vector<CountryMatch> countries;
};

// Speakers in order of first appearance, one canonical name each.
std::vector<std::string> extract_speakers(const std::vector<Segment>& segments);

} // namespace newsdesk::entities
