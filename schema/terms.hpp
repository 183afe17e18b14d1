#pragma once
// How values become terms: the one definition both the indexer and the searcher call.
#include <string>
#include <string_view>

#include <newsdesk/errors.hpp>

#include "schema/schema.hpp"

namespace newsdesk::schema {

// Xapian refuses terms over 245 bytes; we keep a margin.
inline constexpr std::size_t MaxTermBytes = 240;

// The boolean term for `value` in `field`: prefix + normalised value. Over-long values are
// cut at a UTF-8 boundary and tagged with a hash of the whole, so distinct values stay distinct.
std::string exact_term(const Field& field, std::string_view value);

// The term for one word of a name field (field.word_prefix + normalised word).
std::string word_term(const Field& field, std::string_view word);

// Checks the schema version stored in a database; an empty database is accepted. Throws
// SchemaMismatch.
void check_version(const Xapian::Database& db);

// The highest document id holding `term`, 0 if none: a binary search over the ids with
// skip_to(), each step a lookup in the posting list's B-tree, where a walk of the list would
// read an entry per article (schema::quote_docids_from: articles lie below quote records).
Xapian::docid last_docid_holding(const Xapian::Database& db, const std::string& term);

} // namespace newsdesk::schema
