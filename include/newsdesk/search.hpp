#pragma once
// What a search asks and answers, as plain values: ranked hits, quote records and exact facet
// counts over the whole match set.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsdesk/article.hpp>

namespace newsdesk {

enum class SortOrder { Relevance, Newest, Oldest };
enum class FacetCount { Articles, Stories };
enum class Interval { Day, Week, Month, Year };   // a histogram's periods (week: ISO 8601, "2021-W19")

struct SearchRequest {
    std::string query;                  // the query language (README); empty matches everything
    std::vector<std::string> facets;    // facet names: speaker, country, source, year... (facet_names())
    std::size_t facet_limit = 10;       // values per facet (periods are all listed)
    SortOrder sort = SortOrder::Relevance;
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::string stem_language = "en";   // stemmer for the query's words
    // The time the search may take, from the call; zero: no limit. Checked after parsing, every
    // 256 matching documents, after the match, after each facet and before each snippet and
    // quote record: a search found past its deadline throws Timeout (errors.hpp) instead of
    // returning what it has, which would not be exact. Xapian's matcher time limit is set to
    // what is left too.
    std::chrono::milliseconds deadline{0};
    // Asked at the same points; once it returns true the search throws Cancelled. The server
    // sets it to "the client went away". Empty: never asked.
    std::function<bool()> cancelled;
    // One hit per story (the best-ranked or first-sorted of its versions), each listing the
    // story's other versions that match (Hit::versions); SearchResults::stories counts the
    // stories matched.
    bool collapse = false;
    // What facet values count: the matching articles, or the stories they are versions of (so
    // that one agency story forty sites ran counts once for its speaker). Articles only, and
    // not over remote shards.
    FacetCount count = FacetCount::Articles;
    // A timeline: the exact number of matching articles (quotes, for quote searches) in every
    // period from the first match's to the last's, empty periods included, and the undated
    // counted apart (SearchResults::histogram).
    std::optional<Interval> histogram;
    // With `histogram`: one series more for each of the `histogram_series` top values of this
    // facet (a facet_names() field facet: speaker, country, source...) over the same match.
    std::string histogram_by;
    std::size_t histogram_series = 5;
    // Searching within a facet (a long list of speakers): the values of `facet` with a word
    // that begins with `prefix` (or that begin with it, for a prefix of several words), case and
    // accents aside, counted over this query's matches as the facet counts them, the
    // facet_limit most frequent (SearchResults::facet_search).
    struct FacetSearch {
        std::string facet;
        std::string prefix;
    };
    std::optional<FacetSearch> facet_search;
};

// A passage of text with the words that matched the query located in it.
struct Snippet {
    struct Span {
        std::size_t offset, length;   // bytes in `text`
    };
    std::string text;
    std::vector<Span> matches;   // in order
};

// One article of a story, as a story or a collapsed hit lists it: the article's header (no
// body, quotes or entities).
struct StoryVersion {
    Article article;
    // How much of it is the text it is listed beside (the hit, the article asked for): the
    // estimated share of the shorter text's word runs that the other holds, 0 to 1. 1 for the
    // article itself.
    double same = 0;
};

struct Hit {
    std::size_t rank = 0;   // 1-based, across pages; collapsed, counting stories
    double score = 0;
    Article article;        // as stored; `body` is left empty
    Snippet snippet;        // from the body
    // The story the article is a version of, named by the id of its earliest article (the
    // article's own id when no other article is a copy of it).
    std::string story;
    // Collapsed (SearchRequest::collapse): the story's other articles that match, oldest
    // first; `other_versions` counts them, of which the first MaxVersionsListed are listed.
    std::vector<StoryVersion> versions;
    std::uint64_t other_versions = 0;
};
inline constexpr std::size_t MaxVersionsListed = 100;

// Every version of one story (Index::story).
struct Story {
    std::string story;                   // its id: the id of its earliest article
    std::vector<StoryVersion> versions;  // oldest first, undated last; `same` is against the article asked for
};

struct FacetValue {
    // The value: a name, a code, "2021", "2021-05". Values that differ only as a search does not
    // tell apart (case, accents: "REAGAN", "Reagan") are one value, shown as most articles write
    // it, in normal case when any article does.
    std::string value;
    std::string label;   // for countries: the English name; otherwise the value
    std::uint64_t count = 0;
    std::optional<SpeakerKind> speaker_kind;   // the speaker facet's values; none in other facets
    // The query clause that selects exactly the `count` articles this value counts, on the same
    // query: `speaker:"Hassan Rouhani"`, `country:IR`, `date:2021-05`. Clients add it to the
    // query as it is, with no knowledge of the syntax.
    std::string filter;
};

struct FacetResult {
    std::string name;
    std::vector<FacetValue> values;   // by count (periods: by time)
};

// A histogram's count in one period: "2021", "2021-05", "2021-W19", "2021-05-16".
struct PeriodCount {
    std::string period;
    std::uint64_t count = 0;
    std::string filter;   // the query clause selecting the period: `date:2021-W19`
};

struct Histogram {
    Interval interval = Interval::Month;
    std::vector<PeriodCount> periods;   // every period from the first dated match's to the last's, in time order
    std::uint64_t undated = 0;          // matches without a date
    std::string undated_filter;         // the query clause selecting them: `date:unknown`
    // SearchRequest::histogram_by: the facet and, per value, its counts in the same periods.
    std::string by;
    struct Series {
        FacetValue value;                    // value.count: the value's matches, dated or not
        std::vector<std::uint64_t> counts;   // one per entry of `periods`
        std::uint64_t undated = 0;
    };
    std::vector<Series> series;   // the facet's top values, by count
};

struct SearchResults {
    std::string query;
    std::uint64_t total = 0;   // exact number of matching articles
    // Collapsed: the exact number of stories the matching articles are versions of.
    std::optional<std::uint64_t> stories;
    std::size_t offset = 0;
    std::size_t limit = 0;
    std::vector<Hit> hits;   // collapsed: one per story
    std::vector<FacetResult> facets;   // in the order requested
    std::optional<Histogram> histogram;   // SearchRequest::histogram
    std::optional<FacetResult> facet_search;   // SearchRequest::facet_search: the values found, best first
    // "Did you mean": the query with the words the archive lacks (or has in one or two
    // articles) spelt as it spells them, when it has a word or name much more frequent within
    // two letters of each; none when every word is common enough.
    std::optional<std::string> suggestion;
};

// What an exported hit (Index::hits) carries beyond the article's header.
struct ExportOptions {
    bool snippets = false;   // Hit::snippet
    bool bodies = false;     // Hit::article.body
};

struct QuoteHit {
    std::size_t rank = 0;
    double score = 0;
    QuoteRecord record;   // the quote and its article (no body)
    Snippet text;         // the whole quote, with matched words located
};

struct QuoteResults {
    std::string query;
    std::uint64_t total = 0;   // exact number of matching quotes
    std::size_t offset = 0;
    std::size_t limit = 0;
    std::vector<QuoteHit> hits;
    std::vector<FacetResult> facets;   // counted over quotes: `speaker` answers "who said it, how often"
    std::optional<Histogram> histogram;   // counted over quotes
    std::optional<FacetResult> facet_search;   // counted over quotes
};

struct IndexInfo {
    std::uint64_t articles = 0;
    std::string first_date, last_date;   // "YYYY-MM-DD", empty when no article has a date
    std::vector<FacetResult> facets;     // the top values of every facet
};

// The names a SearchRequest is written with, in their tables' order, for option parsers and
// for messages and help (which join them as they print them).
const std::vector<std::string>& facet_names();        // SearchRequest::facets: speaker, country, year...
const std::vector<std::string>& query_field_names();  // `field:` in queries: title, speaker, date...
const std::vector<std::string>& sort_order_names();   // relevance, newest, oldest
std::optional<SortOrder> sort_order_named(std::string_view name);   // nullopt: no such order
const std::vector<std::string>& facet_count_names();   // articles, stories
std::optional<FacetCount> facet_count_named(std::string_view name);
const std::vector<std::string>& interval_names();   // day, week, month, year
std::optional<Interval> interval_named(std::string_view name);
std::string_view interval_name(Interval interval);

} // namespace newsdesk
