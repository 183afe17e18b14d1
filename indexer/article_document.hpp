#pragma once
// Article -> Xapian::Document, following the schema.
#include <xapian.h>

#include "indexer/article.hpp"

namespace newsdesk {

// Builds the document of an article whose language, speakers and countries are final.
// Text goes through ICU word segmentation and normalisation; each word is indexed exactly
// (with positions, for phrases) and stemmed with the article's language where Xapian has a
// stemmer. Filter fields get boolean terms; facet and sort fields get value slots.
Xapian::Document to_document(const Article& article);

} // namespace newsdesk
