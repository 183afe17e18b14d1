#pragma once
// The JSON of the public API's types, written once: the CLI (search, quotes, info, index,
// extract) and the server (every answer) print what these return. Objects are nlohmann::json's
// (keys in a std::map), so their keys come out in alphabetical order.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <newsdesk/article.hpp>
#include <newsdesk/indexing.hpp>
#include <newsdesk/search.hpp>
#include <newsdesk/watches.hpp>

namespace newsdesk::render {

nlohmann::json to_json(const Quote& quote);
nlohmann::json to_json(const std::vector<CountryMention>& mentions);
// {"facet name": [{"value", "count", "filter" (the clause selecting exactly those articles),
//                  "name" (a label other than the value), "type" (speakers)}]}
nlohmann::json to_json(const std::vector<FacetResult>& facets);
// The snippet's text, HTML-escaped, with its matches in <mark>.
nlohmann::json to_json(const Snippet& snippet);
// An article as a search hit shows it: every field but the body.
nlohmann::json to_json(const Article& article);
// Every hit has "story" (null in an index without stories); collapsed, "versions" (the other
// matching versions listed, each {"id", "title", "date", "source", "url", "same"}) and
// "other_versions" (how many), and the results "stories".
nlohmann::json to_json(const SearchResults& results);
// {"story": id, "versions": [...]}: every version of a story.
nlohmann::json to_json(const Story& story);
nlohmann::json to_json(const StoryVersion& version);
nlohmann::json to_json(const QuoteResults& results);
nlohmann::json to_json(const IndexInfo& info);
// {"name", "query", "facets", "created", "last_run"}
nlohmann::json to_json(const Watch& watch);
// The watch as it was before the run, with "new" (how many articles are new to it), "hits"
// (the first of them, newest first) and "facet_counts" (its facets counted over them).
nlohmann::json to_json(const WatchRun& run);
nlohmann::json to_json(const IndexSummary& summary);

// The stored article (GET /api/articles/ID): every field, the body too, and the English names
// of its countries.
nlohmann::json article_with_body(const Article& article);
// What extraction found in an article (`newsdesk extract`, POST /api/extract): its speakers,
// organisations, countries and quotes, with its title, language, id (when it has one), url,
// date, authors, source and body.
nlohmann::json extraction(const Article& article);

// JSON text that never throws on invalid UTF-8 (replaced by U+FFFD).
std::string dump(const nlohmann::json& j);

} // namespace newsdesk::render
