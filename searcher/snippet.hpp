#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <newsdesk/search.hpp>

#include "searcher/query_parser.hpp"

namespace newsdesk {

// The passage of `body` (about `words` words) holding the most distinct query words, with
// those words located. Words match when their normalised form, their stem in the article's
// or the query's language, or a wildcard's start equals the query's. Falls back to the
// opening words when nothing matches.
Snippet make_snippet(std::string_view body, const ParsedQuery& query, std::string_view article_language,
                     std::string_view query_language, std::size_t words = 30);

} // namespace newsdesk
