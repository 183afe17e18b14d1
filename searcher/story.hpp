#pragma once
// Reading stories (indexer/story_keeper.hpp): the versions of one story, and of a collapsed hit.
#include <optional>
#include <string_view>

#include <xapian.h>

#include <newsdesk/search.hpp>

namespace newsdesk {

// The versions of `story` among the articles `matching` selects (the query of a search, or
// everything), oldest first and undated last, at most `limit` of them listed; each one's
// `same` is measured against the fingerprint in `against` (a document of the story). `count`
// receives how many match in all.
std::vector<StoryVersion> story_versions(const Xapian::Database& db, const std::string& story,
                                         const Xapian::Query& matching, const Xapian::Document& against,
                                         std::size_t limit, std::uint64_t& count);

// Every version of the story of the article with this id; nullopt when there is none.
std::optional<Story> story_of_article(const Xapian::Database& db, std::string_view id);

} // namespace newsdesk
