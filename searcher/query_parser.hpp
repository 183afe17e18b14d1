#pragma once
// The query language: words, "phrases", AND/OR/NOT, +/-, wildcards, parentheses and the
// schema's field prefixes, parsed by Xapian's QueryParser configured from the schema.
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsdesk/errors.hpp>

namespace newsdesk {

struct ParsedQuery {
    Xapian::Query query;
    // What snippets mark: normalised words, stems ("Z"-prefixed) and wildcard stems.
    std::vector<std::string> words;
    std::vector<std::string> stems;
    std::vector<std::string> wildcards;
};

// What is searched: articles, or quote records (whose text is all quoted speech, so there
// `quote:` means the same as plain words).
enum class QueryTarget { Articles, Quotes };

// Parses `text` against `db` (needed to expand wildcards). `stem_language` selects the
// stemmer applied to query words; each stemmed word also matches its exact form, so
// articles stemmed in other languages are still found by the words they contain.
// Throws QueryError.
ParsedQuery parse_query(const std::string& text, const Xapian::Database& db,
                        const std::string& stem_language = "en", QueryTarget target = QueryTarget::Articles);

// `query` with each wildcard replaced by the words it expands to in `db`; throws QueryError when
// they are more than 10,000 in all. parse_query() does this to what Xapian's parser made, so the
// limit holds even for a wildcard its own checks did not see. Exposed for tests.
Xapian::Query expand_wildcards(const Xapian::Query& query, const Xapian::Database& db);

// The query text with each word normalised as the indexer normalises text (case, accents,
// script variants) and unspaced scripts split into words, leaving operators, field names and
// exact fields' values as they are: what Xapian's parser is given. Throws QueryError as
// parse_query() does for malformed text. Exposed for tests.
std::string normalise_query(std::string_view text);

} // namespace newsdesk
