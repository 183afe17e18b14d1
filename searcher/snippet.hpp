#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <newsdesk/search.hpp>

#include "searcher/query_parser.hpp"

namespace newsdesk {

// How much of a body is searched for the passage: an article may hold 16 MB, and a snippet
// of its first megabyte costs about 90 ms (a 1,000-word query; 16 MB took 11.5 s).
inline constexpr std::size_t MaxSnippetScan = std::size_t{1} << 20;

// The passage of `body` (about `words` words) holding the most distinct query words, with
// those words located. Words match when their normalised form, their stem in the article's
// or the query's language, or a wildcard's start equals the query's. Falls back to the
// opening words when nothing matches. Time and memory are linear in the first MaxSnippetScan
// bytes of `body` and in the query, not in their product.
Snippet make_snippet(std::string_view body, const ParsedQuery& query, std::string_view article_language,
                     std::string_view query_language, std::size_t words = 30);

} // namespace newsdesk
