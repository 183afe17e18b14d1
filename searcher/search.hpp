#pragma once
// Ranked, faceted search: a request in, hits and exact facet counts out, as plain values.
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexer/article.hpp"
#include "indexer/stored_article.hpp"
#include "searcher/snippet.hpp"

namespace newsdesk {

enum class SortOrder { Relevance, Newest, Oldest };

struct SearchRequest {
    std::string query;                  // the query language; empty matches every article
    std::vector<std::string> facets;    // names from schema::Facets: speaker, country, year...
    std::size_t facet_limit = 10;       // values per facet (periods are all listed)
    SortOrder sort = SortOrder::Relevance;
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::string stem_language = "en";   // stemmer for the query's words
};

struct Hit {
    std::size_t rank = 0;   // 1-based, across pages
    double score = 0;
    Article article;        // as stored; `body` is left empty
    Snippet snippet;
};

struct FacetValue {
    std::string value;   // the value as filtered on (a name, a code, "2021", "2021-05")
    std::string label;   // for countries: the English name; otherwise the value
    std::uint64_t count = 0;
    std::string type;    // speaker facet: "person" or "organisation"; otherwise empty
};

struct FacetResult {
    std::string name;
    std::vector<FacetValue> values;   // by count (periods: by time)
};

struct SearchResults {
    std::string query;
    std::uint64_t total = 0;   // exact number of matching articles
    std::size_t offset = 0;
    std::size_t limit = 0;
    std::vector<Hit> hits;
    std::vector<FacetResult> facets;   // in the order requested
};

// Searches the articles. Throws QueryError for a bad query, std::invalid_argument for an
// unknown facet name.
SearchResults search(const Xapian::Database& db, const SearchRequest& request);

struct QuoteHit {
    std::size_t rank = 0;
    double score = 0;
    QuoteRecord record;   // the quote and its article (no body)
    Snippet text;         // the whole quote, with matched words located
};

struct QuoteResults {
    std::string query;
    std::uint64_t total = 0;   // exact number of matching quotes
    std::size_t offset = 0;
    std::size_t limit = 0;
    std::vector<QuoteHit> hits;
    std::vector<FacetResult> facets;   // counted over quotes: `speaker` answers "who said it, how often"
};

// Searches the quote records: each quote (direct or indirect) of every article on its own,
// with its speaker, verb and its article's fields. Same query language and facets as search().
QuoteResults search_quotes(const Xapian::Database& db, const SearchRequest& request);

// The number of articles in a database (quote records aside).
std::uint64_t article_count(const Xapian::Database& db);

// Facet names search accepts, for messages and --help.
std::string facet_names();

} // namespace newsdesk
