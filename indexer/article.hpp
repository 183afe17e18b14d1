#pragma once
// One news article as the readers produce it and the indexer consumes it.
#include <string>
#include <vector>

namespace newsdesk {

struct Article {
    std::string id;                      // stable identity: re-indexing the same id replaces
    std::string title;
    std::string body;                    // paragraphs separated by blank lines
    std::string date;                    // "YYYY-MM-DD", or empty when unknown
    std::string source;                  // publisher or agency
    std::string url;
    std::string language;                // ISO 639-1 ("en", "fa"); empty: detect
    std::vector<std::string> authors;
    std::vector<std::string> speakers;   // given by the input; merged with extracted ones
    std::vector<std::string> countries;  // ISO 3166-1 alpha-2, given by the input; merged too
    std::string dateline;                // place of the dateline ("Tehran"), text articles only
    std::string origin;                  // "path:line" it was read from, for messages
};

} // namespace newsdesk
