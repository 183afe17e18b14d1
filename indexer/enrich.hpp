#pragma once
#include <string_view>

#include "indexer/article.hpp"
#include "indexer/entities/entities.hpp"

namespace newsdesk {

// Completes an article read from input before it is indexed or printed: settles its language
// (the input's, else `default_language`, else detected), and merges the speakers and
// countries extracted from its text with those the input gave, and records its quotes and
// country mentions. `aliases` settles speakers' canonical names.
void enrich(Article& article, std::string_view default_language, const SpeakerAliases& aliases);

} // namespace newsdesk
