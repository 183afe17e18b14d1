#pragma once
// Ranked, faceted search over a Xapian database (the public types are in newsdesk/search.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsdesk/search.hpp>
#include "schema/stored_article.hpp"
#include "storage/facet_columns.hpp"
#include "searcher/snippet.hpp"

namespace newsdesk {

// Searches the articles. Throws QueryError for a bad query, InvalidRequest for an
// unknown facet name, Timeout past request.deadline, Cancelled when request.cancelled says so. `remote`: the database has remote shards, so facets are counted with
// the spy xapian-tcpsrv knows (Xapian's own; slower) rather than newsdesk's. `columns`: the
// facet columns a long-lived reader of `db` keeps (facet_columns.hpp), or null. `within`: a
// query the match is narrowed to as well (watches: the articles new since a run), or null.
SearchResults search(const Xapian::Database& db, const SearchRequest& request, bool remote = false,
                     FacetColumns* columns = nullptr, const Xapian::Query* within = nullptr);

// Searches the quote records: each quote (direct or indirect) of every article on its own,
// with its speaker, verb and its article's fields. Same query language and facets as search().
QuoteResults search_quotes(const Xapian::Database& db, const SearchRequest& request, bool remote = false);

// The number of articles in a database (quote records aside).
std::uint64_t article_count(const Xapian::Database& db);


} // namespace newsdesk
