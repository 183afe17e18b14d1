#pragma once
// The document data of indexed articles and quote records: what a hit shows without
// re-reading the archive. JSON objects, so that fields can be added without breaking readers.
#include <string>
#include <string_view>

#include <newsdesk/article.hpp>

namespace newsdesk {

std::string to_document_data(const Article& article);
Article from_document_data(std::string_view data);   // tolerant: missing keys stay empty

// The fields an article's hit shows without its text: id, title, date, source, url,
// language, authors, dateline, countries.
Article header_from_document_data(std::string_view data);

// The record of `article`'s quote `quote`: the quote and its article's id only (at 100,000
// articles, five quote records each, a copy of the article's fields in each took a tenth of
// the index). The reader fills in the article from the article's own document.
std::string quote_document_data(const Article& article, const Quote& quote, SpeakerKind speaker_kind);
QuoteRecord quote_from_document_data(std::string_view data);   // record.article holds the id only

} // namespace newsdesk
