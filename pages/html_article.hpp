#pragma once
// News web pages to articles: the page's main text and what the page says about the article
// (title, date, authors, site, canonical URL, language).
#include <string>
#include <string_view>

#include <newsdesk/article.hpp>

namespace newsdesk::pages {

// Where a page came from, as its fetcher knew it.
struct PageOrigin {
    std::string url;       // the address it was fetched from
    std::string charset;   // from an HTTP Content-Type header; may be empty
};

// The article of one HTML page: `body` is its main text only (paragraphs in order, separated
// by blank lines, without the headline), the rest from JSON-LD, Open Graph and other <meta>
// tags, <time>, <link rel=canonical> and <html lang>, else the visible text. `id` is left
// empty; `body` is empty when the page holds no article text.
Article article_from_html(std::string_view bytes, const PageOrigin& origin);

// The plain text of an HTML fragment (an RSS content:encoded, say): its paragraphs separated
// by blank lines, scripts and styles dropped, nothing else removed.
std::string text_of_html(std::string_view fragment);

} // namespace newsdesk::pages
