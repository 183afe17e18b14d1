#pragma once
// Reading stories (indexer/story_keeper.hpp): the versions of one story, and of a page of
// collapsed hits.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <newsdesk/search.hpp>

namespace newsdesk {

// The versions of each story in `stories` among the articles `matching` selects (a search's
// query, or everything), in one match: oldest first, undated last, at most `limit` listed per
// story. Each version's `same` is measured against the document given with its story (the hit,
// the article asked for), itself 1.
std::map<std::string, std::vector<StoryVersion>> story_versions(const Xapian::Database& db,
                                                                const std::map<std::string, Xapian::Document>& stories,
                                                                const Xapian::Query& matching, std::size_t limit);

// Every version of the story of the article with this id; nullopt when there is none.
std::optional<Story> story_of_article(const Xapian::Database& db, std::string_view id);

} // namespace newsdesk
