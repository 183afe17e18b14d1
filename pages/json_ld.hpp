#pragma once
// The article a page describes in JSON-LD (schema.org NewsArticle, Article, BlogPosting...).
#include <string>
#include <vector>

namespace newsdesk::pages {

struct JsonLdArticle {
    std::string headline, date_published, publisher, url, language;
    std::vector<std::string> authors;
    bool found = false;
};

// The first article object in the scripts, looked for in arrays and @graph too; scripts that
// are not valid JSON are passed over.
JsonLdArticle json_ld_article(const std::vector<std::string>& scripts);

} // namespace newsdesk::pages
