#pragma once
// How values become terms: the one definition both the indexer and the searcher call.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Speaker forms (schema::SpeakerFormPrefix). A "name" of more words than this (a list given in
// the input, a run of capitalised words) is no evidence and is kept as it is: comparing it word
// by word with the names it could be would cost the square of its length.
inline constexpr std::size_t MaxSpeakerFormWords = 16;

// The normalised words of a speaker's name; none when the name has no words or more than
// MaxSpeakerFormWords. The last is its surname.
std::vector<std::string> speaker_name_words(std::string_view name);
// The form term of `name`, whose surname is `surname`; nullopt when the term would be too long
// for Xapian (a form is kept byte for byte, never cut and hashed, so that its name can be read
// back from the index).
std::optional<std::string> speaker_form_term(std::string_view surname, std::string_view name);
// The same from the name alone; nullopt also when it has no speaker_name_words().
std::optional<std::string> speaker_form_term(std::string_view name);
// The prefix that every form term of one surname starts with.
std::string speaker_form_prefix(std::string_view surname);
// The surname and the name a form term records.
std::string_view speaker_form_surname(std::string_view term);
std::string_view speaker_form_name(std::string_view term);

// The term of one band key of a story fingerprint (schema::StoryBandPrefix).
std::string story_band_term(std::uint64_t band_key);
// The band key a story band term holds; nullopt for a term that is not one.
std::optional<std::uint64_t> story_band_key(std::string_view term);

// The id a document's id term holds (the only place it is kept): an article's id, or a quote
// record's (its article's with "#q" and its number); nullopt for a document without one.
std::optional<std::string> article_id_of(const Xapian::Document& doc);

// Checks the schema version stored in a database; an empty database is accepted. Throws
// SchemaMismatch.
void check_version(const Xapian::Database& db);

// The highest document id holding `term`, 0 if none: a binary search over the ids with
// skip_to(), each step a lookup in the posting list's B-tree, where a walk of the list would
// read an entry per article (schema::quote_docids_from: articles lie below quote records).
Xapian::docid last_docid_holding(const Xapian::Database& db, const std::string& term);

} // namespace newsdesk::schema
