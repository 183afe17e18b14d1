#pragma once
// One news article as the readers produce it, the indexer consumes it and searches return it.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdesk {

// Who a speaker is: the speaker facet, `speaker_type:` queries and quote records tell them apart.
enum class SpeakerKind { Person, Organisation };

// The one spelling of speaker kinds: in the index (`speaker_type:person`) and in JSON.
constexpr std::string_view speaker_kind_name(SpeakerKind kind) {
    return kind == SpeakerKind::Organisation ? "organisation" : "person";
}

// One piece of direct or indirect speech in an article.
struct Quote {
    std::string speaker;      // a name from Article::speakers or Article::organisations
    std::string text;         // the quoted words (direct) or the reported clause (indirect)
    std::string verb;         // the reporting verb or phrase, lower case: "said", "according to"
    std::size_t offset = 0;   // byte offset of `text` in the article body
    bool direct = false;      // inside quotation marks
};

// How an article names one country.
struct CountryMention {
    std::string code;        // ISO 3166-1 alpha-2
    unsigned count = 0;      // mentions in title, body and dateline
    bool dateline = false;   // the dateline place is in this country
    bool focus = false;      // one of the one or two countries the article is mainly about
};

struct Article {
    std::string id;                      // stable identity: re-indexing the same id replaces
    std::string title;
    std::string body;                    // paragraphs separated by blank lines
    std::string date;                    // "YYYY-MM-DD", or empty when unknown
    std::string source;                  // publisher or agency
    std::string url;
    std::string language;                // ISO 639-1 ("en", "fa"); empty: detect
    std::vector<std::string> authors;
    std::vector<std::string> speakers;        // people quoted; given by the input, merged with extracted ones
    std::vector<std::string> organisations;   // organisations quoted (extracted)
    std::vector<std::string> countries;       // ISO 3166-1 alpha-2, given by the input; merged too
    std::vector<CountryMention> country_mentions;   // extracted: counts and roles
    std::vector<Quote> quotes;                // extracted
    std::string dateline;                // place of the dateline ("Tehran"), text articles only
    std::string origin;                  // "path:line" it was read from, for messages
};

// One quote as its own record: the quote, and its article without body or other quotes.
struct QuoteRecord {
    Article article;
    Quote quote;
    SpeakerKind speaker_kind = SpeakerKind::Person;
};

} // namespace newsdesk
