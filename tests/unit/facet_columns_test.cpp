// Facet columns: what they hold, when a reader builds and drops them, and that counting from
// them gives the counts the lists give, before and after the database changes.
#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include <catch2/catch.hpp>

#include <newsdesk/database.hpp>
#include "indexer/index_writer.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "storage/database.hpp"
#include "searcher/facet_columns.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::TempDir;

namespace {

Article article(const std::string& id, std::vector<std::string> speakers, std::vector<std::string> countries) {
    Article a;
    a.id = id;
    a.title = "Report " + id;
    a.body = "Trade talks went on. " + id;
    a.language = "en";
    a.date = "2021-05-16";
    a.speakers = std::move(speakers);
    a.countries = std::move(countries);
    for (const auto& s : a.speakers) a.quotes.push_back({s, "talks will go on", "said", 0, false});
    return a;
}

void add(const std::filesystem::path& db, const std::vector<Article>& articles) {
    IndexWriter w(db);
    for (const auto& a : articles) w.add(a);
    w.commit();
}

using Counted = std::tuple<std::string, std::string, std::uint64_t, std::optional<SpeakerKind>>;   // facet, value, count, kind

std::vector<Counted> facet_counts(const Index& index, const std::string& query) {
    SearchRequest r;
    r.query = query;
    r.facets = {"speaker", "person", "country", "year"};
    std::vector<Counted> out;
    for (const auto& f : index.search(r).facets)
        for (const auto& v : f.values) out.emplace_back(f.name, v.value, v.count, v.speaker_kind);
    return out;
}

std::set<std::string> set_of(std::vector<std::string_view> values) { return {values.begin(), values.end()}; }

} // namespace

TEST_CASE("a slot column holds each article's values, numbered, and no quote records", "[facets][columns]") {
    TempDir dir;
    add(dir / "db", {article("a", {"Ann Lee", "Bo Chen"}, {"GB"}), article("b", {}, {"GB", "FR"}),
                     article("c", {"Bo Chen"}, {})});
    const Xapian::Database db((dir / "db").string());
    const auto slot = schema::value_no(schema::Slot::Speakers);
    const SlotColumn column(db, slot);
    CHECK(column.value_count() == 2);   // Ann Lee, Bo Chen: each once
    std::size_t articles = 0;
    const auto kind = schema::exact_term(schema::DocKind, schema::ArticleKind);
    for (auto it = db.postlist_begin(kind); it != db.postlist_end(kind); ++it, ++articles) {
        REQUIRE(column.covers(*it));
        std::vector<std::string_view> expected, got;
        const auto joined = db.get_document(*it).get_value(slot);
        split_values(joined, expected);
        const auto [begin, end] = column.values_of(*it);
        for (auto v = begin; v != end; ++v) got.push_back(column.value(*v));
        CHECK(set_of(got) == set_of(expected));
        CHECK(got.size() == expected.size());
    }
    CHECK(articles == 3);
    const auto quotes = schema::exact_term(schema::DocKind, schema::QuoteKind);
    REQUIRE(db.get_termfreq(quotes) == 3);
    CHECK_FALSE(column.covers(*db.postlist_begin(quotes)));
}

TEST_CASE("a reader builds a column the second time a slot is counted, and drops it when the database changes",
          "[facets][columns]") {
    TempDir dir;
    add(dir / "db", {article("a", {"Ann Lee"}, {"GB"})});
    const auto db = open_database(dir / "db");
    const auto slot = schema::value_no(schema::Slot::Countries);
    FacetColumns columns(db);
    CHECK(columns.column(db, slot) == nullptr);   // a one-off search never builds one
    const auto* built = columns.column(db, slot);
    REQUIRE(built != nullptr);
    CHECK(columns.column(db, slot) == built);
    CHECK(built->value_count() == 1);
    add(dir / "db", {article("b", {}, {"FR"})});
    Xapian::Database reader = db;
    reader.reopen();   // as read_latest() does: the new revision, seen through every copy
    CHECK(columns.column(reader, slot) == nullptr);
    const auto* rebuilt = columns.column(reader, slot);
    REQUIRE(rebuilt != nullptr);
    CHECK(rebuilt->value_count() == 2);
    CHECK(FacetColumns().column(db, slot) == nullptr);   // a reader without columns
}

TEST_CASE("counts from columns are the counts from the lists, as the database changes", "[facets][columns]") {
    TempDir dir;
    add(dir / "db", {article("a", {"Ann Lee", "Bo Chen"}, {"GB"}), article("b", {"Bo Chen"}, {"GB", "FR"}),
                     article("c", {}, {"FR", "DE"}), article("d", {"Cy Diaz"}, {})});
    const auto index = Index::open(dir / "db");   // long-lived: columns from the second search on
    const auto counts = [&](const std::string& query) { return facet_counts(index, query); };
    const auto fresh = [&](const std::string& query) {   // a new reader: lists only
        return facet_counts(Index::open(dir / "db"), query);
    };
    for (int round = 0; round < 3; ++round)
        for (const auto* query : {"", "trade", "country:GB", "speaker:\"bo chen\"", "NOT country:FR"}) {
            INFO("round " << round << ", query " << query);
            CHECK(counts(query) == fresh(query));
        }
    // Replaced, removed and added articles: the next searches count the new revision.
    {
        IndexWriter w(dir / "db");
        w.add(article("a", {"Ann Lee"}, {"US"}));
        REQUIRE(w.remove("b"));
        w.add(article("e", {"Eve Ito"}, {"FR"}));
        w.commit();
    }
    for (int round = 0; round < 3; ++round)
        for (const auto* query : {"", "trade", "country:FR"}) {
            INFO("after the change, round " << round << ", query " << query);
            CHECK(counts(query) == fresh(query));
        }
    const auto all = counts("");
    CHECK(std::find(all.begin(), all.end(), Counted{"country", "US", 1, std::nullopt}) != all.end());
    CHECK(std::none_of(all.begin(), all.end(), [](const Counted& c) { return std::get<1>(c) == "GB"; }));
    CHECK(std::find(all.begin(), all.end(), Counted{"country", "FR", 2, std::nullopt}) != all.end());
    CHECK(std::find(all.begin(), all.end(), Counted{"speaker", "Eve Ito", 1, SpeakerKind::Person}) != all.end());
}
