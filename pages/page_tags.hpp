#pragma once
// The elements of a page that describe its article rather than show it: <meta>, <link>,
// JSON-LD scripts, <time>, <html lang>, <title> and the first <h1>, gathered in one walk.
#include <map>
#include <string>
#include <vector>

#include <libxml/tree.h>

namespace newsdesk::pages {

struct PageTags {
    std::map<std::string, std::string> meta;   // lower-cased name/property/itemprop -> first content
    std::vector<std::string> json_ld;          // the text of each application/ld+json script
    std::string canonical;                     // <link rel=canonical href>
    std::string html_lang;
    std::string published_time;                // the first <time datetime> marked as publication
    std::string first_time;                    // the first <time datetime>
    std::string title;                         // <title>
    std::string h1;                            // the first <h1>
};

PageTags page_tags(const xmlNode* root);

} // namespace newsdesk::pages
