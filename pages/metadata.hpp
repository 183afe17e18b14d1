#pragma once
// What a page says about its article: from JSON-LD (NewsArticle, Article...), Open Graph and
// other <meta> tags, <time>, <link rel=canonical> and <html lang>, in that order of trust.
#include <string>
#include <vector>

#include "pages/page_tags.hpp"

namespace newsdesk::pages {

struct PageMetadata {
    std::string title, date, source, url, language;   // date "YYYY-MM-DD", language ISO 639-1
    std::vector<std::string> authors;
};

PageMetadata metadata_of(const PageTags& tags);

// "2019-11-19T10:00:00Z", "2019-11-19" -> "2019-11-19"; empty when it is no such date.
std::string iso_date(std::string_view when);

// Names from a byline as pages and feeds write it ("By A. Writer and B. Writer", "A, B"):
// without "By", profile addresses or repeats.
std::vector<std::string> author_names(const std::string& byline);

// "en-US", "EN_gb", "fr" -> "en", "en", "fr"; empty when it is no ISO 639-1 code.
std::string iso_language(std::string_view tag);

} // namespace newsdesk::pages
