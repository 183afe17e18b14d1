#pragma once
// The document data of indexed articles and quote records: what a hit shows without
// re-reading the archive. JSON objects, so that fields can be added without breaking readers.
#include <string>
#include <string_view>

#include <newsdesk/article.hpp>

namespace newsdesk {

std::string to_document_data(const Article& article);
Article from_document_data(std::string_view data);   // tolerant: missing keys stay empty

// The record of `article`'s quote `quote` (the article's body and other quotes are left out).
std::string quote_document_data(const Article& article, const Quote& quote, bool organisation);
QuoteRecord quote_from_document_data(std::string_view data);

} // namespace newsdesk
