#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "indexer/readers/input.hpp"

namespace newsdesk {

// The article a page's `content` holds, as read_html_page() reads it: its id the page's
// canonical URL (empty without one) unless `place` sets one; problems reported at `where`.
void read_html_content(std::string_view content, const std::string& where, const ReadHandlers& handlers,
                       const std::function<void(Article&)>& place);

// Reads one `.html`/`.htm` file (or its `.gz`) as one article: its main text and metadata
// (pages/html_article.hpp). The id is the page's canonical URL, else the file name without
// its extensions. A page without article text is reported ("no article text found") and
// skipped, as are unreadable, empty and too large files.
void read_html_page(const InputFile& file, const ReadHandlers& handlers);

} // namespace newsdesk
