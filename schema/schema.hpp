#pragma once
// The index schema, declared once: every field's query name, Xapian term prefix, value slot
// and kind. The indexer and the searcher derive their behaviour from this table; no prefix
// or slot number is written anywhere else.
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <newsdesk/article.hpp>

namespace newsdesk::schema {

inline constexpr int Version = 5;   // bump when the layout changes: older indexes are refused
inline constexpr std::string_view VersionKey = "newsdesk:schema-version";

// Document ids. Articles are numbered from 1 and quote records from a point far above them,
// so that in every posting list and value stream the articles come first, side by side. An
// article search (filtered to articles) then stops where the articles end, instead of
// stepping past the five or so quote records each article has: at 100,000 articles that was
// a quarter of the time of a faceted query. Xapian 1.4's document ids are 32 bits, and a
// search over n shards numbers a shard's documents (id - 1) * n + shard + 1, so each of n
// shards keeps its ids at or below last_docid(n); quote records start halfway (2^28 at most:
// room for 268 million articles in one database). A database records how many shards it
// was created one of, and so where its ids go.
inline constexpr std::string_view ShardCountKey = "newsdesk:shard-count";
inline constexpr Xapian::docid last_docid(std::size_t shards) {
    return static_cast<Xapian::docid>(0xFFFFFFFFull / (shards == 0 ? 1 : shards));
}
inline constexpr Xapian::docid quote_docids_from(std::size_t shards) {
    return std::min(last_docid(shards) / 2 + 1, Xapian::docid{1} << 28);
}

// The articles each commit rewrote in place or deleted (schema/change_log.hpp): what lets a
// long-lived reader keep what it built from the values across a commit.
inline constexpr std::string_view ChangeLogKey = "newsdesk:changed-articles";

// Saved searches (watches/): each a metadata entry, this prefix and the watch's name, holding
// its query and how far it has read (JSON, watches/watch_store.cpp). In a sharded database,
// in the first shard.
inline constexpr std::string_view WatchKeyPrefix = "newsdesk:watch:";

// Value slots, each with its encoding.
enum class Slot : Xapian::valueno {
    Date = 0,       // "YYYYMMDD": sorts as text and is what Xapian::DateRangeProcessor compares
    Source = 1,     // display form of the source, one per article
    Language = 2,   // ISO 639-1 code, one per article
    Speakers = 3,   // display names joined by MultiValueSeparator
    Countries = 4,  // alpha-2 codes joined by MultiValueSeparator
    Dateline = 5,   // display form of the dateline place
    Organisations = 6,     // names of organisations quoted, joined by MultiValueSeparator
    Focus = 7,             // alpha-2 codes of the one or two main countries, joined likewise
    DatelineCountry = 8,   // alpha-2 code of the dateline place's country
    Story = 9,             // the story's id: the id of its earliest article (articles only)
    StoryFingerprint = 10, // text::StoryFingerprint::serialise() of the body (articles only)
    // The date slot's value, or UndatedLast for an undated document: what oldest-first sorts on,
    // so that undated ones come last (Xapian's remote backend sorts by a value, not a KeyMaker).
    OldestFirst = 11,
    Verb = 12,             // the reporting verb (quote records only)
    // What an article was indexed from, as a number (article_digest, articles only): a run
    // passes over an article met again unchanged instead of indexing it again.
    Digest = 13,
};
inline constexpr std::string_view UndatedLast = "~";   // after every "YYYYMMDD"
inline constexpr char MultiValueSeparator = '\x1f';   // ASCII unit separator: never in a name

inline constexpr Xapian::valueno value_no(Slot s) { return static_cast<Xapian::valueno>(s); }

enum class Kind {
    Id,          // the unique id term: one per article, replace-by-id
    Text,        // free text through the analyser, positions kept
    Exact,       // one boolean term per article (filter), values OR'd when repeated in a query
    ExactMulti,  // several boolean terms per article, values AND'd when repeated in a query
    Date,        // a value slot only, queried by range and period
};

struct Field {
    std::string_view name;     // as typed in queries ("source:"), and the facet name
    std::string_view prefix;   // Xapian term prefix (Omega conventions; our own ones are X...:)
    Kind kind;
    std::optional<Slot> slot = std::nullopt;   // stored as a value too: sorting and facets
    bool multi_valued = false;                 // the slot holds several values
    // For names: each word of the value is indexed under this prefix as well, so that
    // `speaker:rouhani` finds "Hassan Rouhani" while `speaker:"hassan rouhani"` is exact.
    std::string_view word_prefix = {};
    bool country = false;   // values are alpha-2 codes; queries may give any country name
    // Articles without a value are a facet value of their own, UnknownValue, which the query
    // `field:unknown` selects: no real value is spelt so (language codes, dates).
    bool unknown_value = false;
};
inline constexpr std::string_view UnknownValue = "unknown";

inline constexpr Field Id       {"id",       "Q",          Kind::Id};
inline constexpr Field Title    {"title",    "S",          Kind::Text};
inline constexpr Field Body     {"body",     "",           Kind::Text};
inline constexpr Field Date     {"date",     "",           Kind::Date,       Slot::Date, false, {}, false, true};
inline constexpr Field Source   {"source",   "XSOURCE:",   Kind::Exact,      Slot::Source};
inline constexpr Field Url      {"url",      "U",          Kind::Exact};
inline constexpr Field Language {"lang",     "L",          Kind::Exact,      Slot::Language, false, {}, false, true};
inline constexpr Field Author   {"author",   "A",          Kind::ExactMulti, std::nullopt, false, "XAUTHORWORD:"};
inline constexpr Field Speaker  {"speaker",  "XSPEAKER:",  Kind::ExactMulti, Slot::Speakers, true, "XSPEAKERWORD:"};
inline constexpr Field Country  {"country",  "XCOUNTRY:",  Kind::ExactMulti, Slot::Countries, true, {}, true};
inline constexpr Field Dateline {"dateline", "XDATELINE:", Kind::Exact,      Slot::Dateline};
// Organisations quoted are speakers too (`speaker:` finds them); this field holds them apart. It,
// the facets of one kind of speaker and `speaker_type:` values are named as the kinds are spelt.
inline constexpr Field Organisation {speaker_kind_name(SpeakerKind::Organisation), "XORG:", Kind::ExactMulti,
                                     Slot::Organisations, true, "XORGWORD:"};
inline constexpr Field SpeakerType {"speaker_type", "XSPEAKERTYPE:", Kind::ExactMulti};   // speaker_kind_name()s
inline constexpr Field Focus    {"focus",    "XFOCUS:",    Kind::ExactMulti, Slot::Focus, true, {}, true};
inline constexpr Field DatelineCountry {"dateline_country", "XDATELINECOUNTRY:", Kind::Exact,
                                        Slot::DatelineCountry, false, {}, true};
// Words said in quotes, direct or indirect: `quote:sanctions`.
inline constexpr Field QuoteText {"quote",   "XQUOTE:",    Kind::Text};
inline constexpr Field Verb     {"verb",     "XVERB:",     Kind::Exact,      Slot::Verb, false, {}, false, true};   // quote records: "said", "warned"
inline constexpr Field ArticleId {"article", "XARTICLE:",  Kind::Id};          // quote records: their article
// The story an article is one version of (indexer/story_keeper.hpp), named by the id of the
// story's earliest article: `story:ID` lists every version. Ids are compared byte for byte.
inline constexpr Field Story    {"story",    "XSTORY:",    Kind::Id,         Slot::Story};
// What a document is: an article, or one quote of an article (searched by `newsdesk quotes`).
inline constexpr Field DocKind  {"kind",     "XKIND:",     Kind::Exact};
inline constexpr std::string_view ArticleKind = "article", QuoteKind = "quote";

inline constexpr auto Fields =
    std::to_array({Id, Title, Body, Date, Source, Url, Language, Author, Speaker, Country, Dateline,
                   Organisation, SpeakerType, Focus, DatelineCountry, QuoteText, Verb, ArticleId, Story, DocKind});

// Prefix Xapian's QueryParser and TermGenerator use for stemmed terms.
inline constexpr std::string_view StemPrefix = "Z";

// Speaker forms, the evidence the archive's speaker registry weighs (indexer/speaker_registry.hpp):
// each name an article gives a person, as the article writes it before it is settled, is a
// boolean term of the article's document (not of its quote records): SpeakerFormPrefix, the
// name's last word normalised (its surname), MultiValueSeparator, the name byte for byte
// (terms.hpp: speaker_form_term). A term's frequency is how many articles write the name so.
// Not a query field: the query parser never makes these terms.
inline constexpr std::string_view SpeakerFormPrefix = "XSPEAKERFORM:";

// Story bands: the keys of an article's story fingerprint (text::StoryFingerprint::band_key),
// one boolean term each (terms.hpp: story_band_term), by which an article finds the articles
// that may be copies of it with one lookup per band. Not a query field. Short: every article has
// sixteen, nearly all its own, and a posting list's key holds its term whole.
inline constexpr std::string_view StoryBandPrefix = "XBAND:";

// Facets offered by search: a field's slot, or a period derived from the date slot.
enum class FacetKind { Field, Year, Month };
struct Facet {
    std::string_view name;
    FacetKind kind;
    const Field* field;           // the field counted (the date field for periods)
    const Field* also = nullptr;  // a second field counted into the same facet
    bool quotes_only = false;     // a field of quote records alone: articles have no value
};
inline constexpr std::array Facets{
    Facet{"speaker", FacetKind::Field, &Speaker, &Organisation},
    Facet{speaker_kind_name(SpeakerKind::Person), FacetKind::Field, &Speaker},
    Facet{speaker_kind_name(SpeakerKind::Organisation), FacetKind::Field, &Organisation},
    Facet{"country", FacetKind::Field, &Country},
    Facet{"focus", FacetKind::Field, &Focus},
    Facet{"dateline_country", FacetKind::Field, &DatelineCountry},
    Facet{"source", FacetKind::Field, &Source},
    Facet{"lang", FacetKind::Field, &Language},
    Facet{"dateline", FacetKind::Field, &Dateline},
    Facet{"year", FacetKind::Year, &Date},
    Facet{"month", FacetKind::Month, &Date},
    Facet{"verb", FacetKind::Field, &Verb, nullptr, true},
};

// The one lookup of a table of named entries (Fields, Facets): the entry called `name`, or null.
// Messages list the same table's names().
template <typename Table>
constexpr const typename Table::value_type* named(const Table& table, std::string_view name) {
    for (const auto& entry : table)
        if (entry.name == name) return &entry;
    return nullptr;
}
template <typename Table>
std::vector<std::string> names(const Table& table) {
    std::vector<std::string> out;
    for (const auto& entry : table) out.emplace_back(entry.name);
    return out;
}
// The same names joined for a message: "speaker, person, organisation, ...".
template <typename Table>
std::string listed(const Table& table) {
    std::string out;
    for (const auto& entry : table) (out += out.empty() ? "" : ", ") += entry.name;
    return out;
}

// Compile-time checks of the table.
consteval bool all_distinct(auto key) {
    for (std::size_t i = 0; i < Fields.size(); ++i)
        for (std::size_t j = i + 1; j < Fields.size(); ++j)
            if (key(Fields[i]) && key(Fields[j]) && *key(Fields[i]) == *key(Fields[j])) return false;
    return true;
}
static_assert(all_distinct([](const Field& f) { return std::optional{f.name}; }), "duplicate field name");
static_assert(all_distinct([](const Field& f) {
    return f.prefix.empty() ? std::nullopt : std::optional{f.prefix}; }), "duplicate prefix");
static_assert(all_distinct([](const Field& f) { return f.slot; }), "duplicate value slot");
// Prefixes and slots that are not fields' (speaker forms, story bands, the fingerprint, the
// oldest-first key and the digest): none is a field's, and the prefixes are X...: and apart.
consteval bool prefix_free(std::string_view prefix) {
    for (const auto& f : Fields)
        if (f.prefix == prefix || f.word_prefix == prefix) return false;
    return prefix.front() == 'X' && prefix.back() == ':';
}
consteval bool slot_free(Slot slot) {
    for (const auto& f : Fields)
        if (f.slot == slot) return false;
    return true;
}
static_assert(prefix_free(SpeakerFormPrefix), "the speaker form prefix is a field's, or not X...:");
static_assert(prefix_free(StoryBandPrefix) && StoryBandPrefix != SpeakerFormPrefix,
              "the story band prefix is another's, or not X...:");
static_assert(slot_free(Slot::StoryFingerprint) && slot_free(Slot::OldestFirst) && slot_free(Slot::Digest),
              "a field uses a slot kept for another use");
consteval bool prefixes_well_formed() {
    for (const auto& f : Fields)
        if (f.prefix.size() > 1 && (f.prefix.front() != 'X' || f.prefix.back() != ':')) return false;
    return true;
}
static_assert(prefixes_well_formed(), "multi-letter prefixes are X...: (Omega convention)");

} // namespace newsdesk::schema
