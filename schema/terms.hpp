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

// "YYYY-MM-DD" -> "YYYYMMDD" for the date slot; empty stays empty.
std::string date_value(std::string_view iso_date);

} // namespace newsdesk::schema
