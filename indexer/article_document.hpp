#pragma once
// Article -> Xapian::Document, following the schema.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <newsdesk/article.hpp>
#include "schema/stored_article.hpp"
#include "text/story_fingerprint.hpp"

namespace newsdesk {

// Builds the document of an article whose language, speakers and countries are final.
// Text goes through ICU word segmentation and normalisation; each word is indexed exactly
// (with positions, for phrases) and stemmed with the article's language where Xapian has a
// stemmer. Filter fields get boolean terms; facet and sort fields get value slots.
Xapian::Document to_document(const Article& article);

// The same in two steps: the words of the title, body and quotes, which depend only on the
// article's text, language and quotes, so they can be analysed on another thread before
// the speakers are settled; then the fields, added to that document.
// The text document carries the story fingerprint of the body (add_story_fingerprint).
Xapian::Document text_document(const Article& article);
Xapian::Document to_document(const Article& article, Xapian::Document text);
// The same for an article whose people's names were settled from `forms` (SpeakerRegistry):
// the forms are stored with it, and are the registry's evidence (schema::SpeakerFormPrefix).
Xapian::Document to_document(const Article& article, Xapian::Document text, const SpeakerForms& forms);

// Stories (indexer/story_keeper.hpp). An article's document holds its body's fingerprint (a
// value) and band keys (terms), and the story it is a version of (a term and a value).
void add_story_fingerprint(Xapian::Document& doc, const text::StoryFingerprint& fingerprint);
std::optional<text::StoryFingerprint> story_fingerprint(const Xapian::Document& doc);   // nullopt: none
// Makes `story` the document's story, in place of the one it had.
void set_story(Xapian::Document& doc, const std::string& story);
std::string story_of(const Xapian::Document& doc);   // empty: none yet

// What an article was indexed from, as a number that does not change between runs, machines
// or compilers: its fields as read (before analysis; not where it was read from) and
// `settings`, whatever else shapes its document (the program's version, the default language,
// the speaker aliases). A run passes over an article whose id the database holds with the
// same digest (IndexWriter::unchanged): a rerun over a grown archive, or a load taken up
// again, indexes only what is new or changed.
std::uint64_t article_digest(const Article& article, std::string_view settings);
void set_digest(Xapian::Document& doc, std::uint64_t digest);
std::optional<std::uint64_t> digest_of(const Xapian::Document& doc);   // nullopt: none (an older index)

// One document per quote of the article, searched by `newsdesk quotes`: the quote's words,
// its speaker and verb, and the article's filters and facets. Each carries the article's id
// under schema::ArticleId, so that re-indexing the article can replace them all.
std::vector<Xapian::Document> to_quote_documents(const Article& article);
// The same documents handed over one at a time, in order: an article's quote records need not
// all be in memory at once.
void for_each_quote_document(const Article& article, const std::function<void(Xapian::Document)>& each);

// The id of an article's n-th quote record (0-based n).
std::string quote_id(const Article& article, std::size_t n);

} // namespace newsdesk
