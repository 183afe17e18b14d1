#pragma once
// The document data of an indexed article: what a hit shows without re-reading the archive.
// A JSON object, so that fields can be added without breaking older readers.
#include <string>
#include <string_view>

#include "indexer/article.hpp"

namespace newsdesk {

std::string to_document_data(const Article& article);
Article from_document_data(std::string_view data);   // tolerant: missing keys stay empty

} // namespace newsdesk
