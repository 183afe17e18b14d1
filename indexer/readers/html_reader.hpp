#pragma once
#include "indexer/readers/input.hpp"

namespace newsdesk {

// Reads one `.html`/`.htm` file (or its `.gz`) as one article: its main text and metadata
// (pages/html_article.hpp). The id is the page's canonical URL, else the file name without
// its extensions. A page without article text is reported ("no article text found") and
// skipped, as are unreadable, empty and too large files.
void read_html_page(const InputFile& file, const ReadHandlers& handlers);

} // namespace newsdesk
