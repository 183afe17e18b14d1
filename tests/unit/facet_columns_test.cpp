// Facet columns: what they hold, when a reader builds and drops them, and that counting from
// them gives the counts the lists give, before and after the database changes.
#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include <catch2/catch.hpp>

#include <newsdesk/database.hpp>
#include "indexer/index_writer.hpp"
#include "schema/change_log.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "storage/database.hpp"
#include "storage/facet_columns.hpp"
#include "searcher/histogram.hpp"
#include "searcher/search.hpp"
#include "support/column_values.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::TempDir;
using newsdesk::testing::values_by_docid;

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
    r.facets = {"speaker", "person", "country", "year", "source"};
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
        const auto numbers = column.values_of(*it);
        REQUIRE(numbers);
        for (const auto n : *numbers) got.push_back(column.value(n));
        CHECK(set_of(got) == set_of(expected));
        CHECK(got.size() == expected.size());
    }
    CHECK(articles == 3);
    const auto quotes = schema::exact_term(schema::DocKind, schema::QuoteKind);
    REQUIRE(db.get_termfreq(quotes) == 3);
    CHECK_FALSE(column.covers(*db.postlist_begin(quotes)));
}

TEST_CASE("a reader builds a column the second time a slot is counted, and keeps it up to date across commits",
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
    // The commit logged what it changed: the column is brought up to date, not built again.
    const auto* updated = columns.column(reader, slot);
    REQUIRE(updated == built);
    CHECK(updated->value_count() == 2);
    CHECK(updated->covers(2));
    // A commit that did not log (another program's) leaves the column to be built again.
    {
        Xapian::WritableDatabase w((dir / "db").string());
        w.set_metadata("note", "written by hand");
        w.commit();
    }
    reader.reopen();
    CHECK(columns.column(reader, slot) == nullptr);
    const auto* rebuilt = columns.column(reader, slot);
    REQUIRE(rebuilt != nullptr);
    CHECK(rebuilt->value_count() == 2);
    CHECK(FacetColumns().column(db, slot) == nullptr);   // a reader without columns
}

TEST_CASE("a column updated across commits holds what one built afresh holds", "[facets][columns]") {
    TempDir dir;
    const auto path = dir / "db";
    add(path, {article("a", {"Ann Lee", "Bo Chen"}, {"GB"}), article("b", {"Bo Chen"}, {"GB", "FR"}),
               article("c", {}, {"FR", "DE"}), article("d", {"Cy Diaz"}, {"US"})});
    auto db = open_database(path);
    FacetColumns columns(db);
    const std::vector<Xapian::valueno> slots{schema::value_no(schema::Slot::Countries),
                                             schema::value_no(schema::Slot::Speakers)};
    std::vector<const SlotColumn*> kept;
    for (const auto slot : slots) {
        columns.column(db, slot);
        kept.push_back(columns.column(db, slot));
        REQUIRE(kept.back() != nullptr);
    }
    const auto same_as_fresh = [&](const std::string& step) {
        db.reopen();
        const auto last = schema::last_docid_holding(db, schema::exact_term(schema::DocKind, schema::ArticleKind)) + 2;
        for (std::size_t i = 0; i < slots.size(); ++i) {
            INFO(step << ", slot " << slots[i]);
            const auto* column = columns.column(db, slots[i]);
            REQUIRE(column == kept[i]);   // updated from the log, not built again
            CHECK(values_by_docid(*column, last) == values_by_docid(SlotColumn(db, slots[i]), last));
        }
    };
    {
        IndexWriter w(path);
        w.add(article("a", {"Ann Lee"}, {"US"}));   // replaced in place
        w.commit();
    }
    REQUIRE(schema::documents_changed_since(db, db.get_revision()).has_value());
    same_as_fresh("a replaced");
    {
        IndexWriter w(path);
        REQUIRE(w.remove("d"));   // the last article: its id may be taken again
        w.add(article("e", {"Eve Ito"}, {"JP"}));
        w.commit();
    }
    same_as_fresh("d removed, e added");
    {
        IndexWriter w(path);
        REQUIRE(w.remove("e"));
        w.commit();
    }
    same_as_fresh("e removed");
    {
        IndexWriter w(path);   // opened anew: the next article takes the id e left
        w.add(article("f", {"Fay Orr"}, {"IN"}));
        w.add(article("b", {"Bo Chen", "Gil Sax"}, {"FR"}));
        w.commit();
    }
    same_as_fresh("f in e's id, b replaced");
}

TEST_CASE("the change log names the articles a commit rewrote or deleted, and only for its own database",
          "[facets][columns]") {
    TempDir dir;
    const auto path = dir / "db";
    add(path, {article("a", {}, {"GB"}), article("b", {}, {"FR"}), article("c", {}, {"DE"})});
    const auto before = open_database(path).get_revision();
    {
        IndexWriter w(path);
        w.add(article("b", {}, {"US"}));
        REQUIRE(w.remove("c"));
        w.add(article("d", {}, {"JP"}));   // new: no entry needed
        w.commit();
    }
    {
        IndexWriter w(path);
        w.add(article("a", {}, {"IT"}));
        w.commit();
    }
    auto db = open_database(path);
    const auto id = [&](const std::string& article_id) {
        return *db.postlist_begin(schema::exact_term(schema::Id, article_id));
    };
    const auto a = id("a"), b = id("b");
    const Xapian::docid c = 3;
    CHECK(schema::documents_changed_since(db, before) == std::vector<Xapian::docid>{a, b, c});
    CHECK(schema::documents_changed_since(db, before + 1) == std::vector<Xapian::docid>{a});
    CHECK(schema::documents_changed_since(db, db.get_revision())->empty());
    CHECK_FALSE(schema::documents_changed_since(db, db.get_revision() + 1).has_value());
    CHECK(schema::last_logged_revision(db) == db.get_revision());
    CHECK(schema::article_id_of(db.get_document(a)) == "a");
    // A compacted copy is another database: the log it carries over tells nothing of it.
    db.compact((dir / "compacted").string());
    const Xapian::Database compacted((dir / "compacted").string());
    CHECK_FALSE(schema::documents_changed_since(compacted, compacted.get_revision() - 1).has_value());
    CHECK(schema::last_logged_revision(compacted) == 0);
    // A commit that does not log leaves the last logged one where it was.
    {
        Xapian::WritableDatabase w(path.string());
        w.set_metadata("unlogged", "1");
        w.commit();
    }
    db.reopen();
    CHECK(schema::last_logged_revision(db) == db.get_revision() - 1);
}

TEST_CASE("counts from columns are the counts from the lists, as the database changes", "[facets][columns]") {
    TempDir dir;
    // Forms a filter does not tell apart ("BO CHEN" in a headline's capitals, "bo chen"), and a
    // name that is a person's in one article and an organisation's in another: one value each,
    // shown and typed the same from columns as from lists.
    auto organisation = article("o", {}, {"IT"});
    organisation.organisations = {"Cy Diaz", "Acme Trading"};
    organisation.speakers = {"Cy Diaz", "Acme Trading"};
    // Sources are not settled as names are: "REUTERS" stays as written.
    const auto from = [](Article a, const std::string& source) {
        a.source = source;
        return a;
    };
    add(dir / "db", {from(article("a", {"Ann Lee", "Bo Chen"}, {"GB"}), "Reuters"), article("b", {"Bo Chen"}, {"GB", "FR"}),
                     article("c", {}, {"FR", "DE"}), article("d", {"Cy Diaz"}, {}),
                     from(article("h", {"BO CHEN"}, {"IT"}), "REUTERS"),
                     from(article("i", {"BO CHEN", "ACME TRADING"}, {}), "REUTERS"),
                     from(article("j", {"bo chen"}, {"IT"}), "reuters"), organisation});
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
    const auto grouped = counts("");
    CHECK(std::find(grouped.begin(), grouped.end(), Counted{"speaker", "Bo Chen", 5, SpeakerKind::Person}) != grouped.end());
    // shown: the form in normal case over the one in capitals, though fewer articles write it
    CHECK(std::find(grouped.begin(), grouped.end(), Counted{"source", "Reuters", 4, std::nullopt}) != grouped.end());
    // (the archive settles "ACME TRADING" to "Acme Trading"; a name counted in both slots is
    // typed by the first, the people's)
    CHECK(std::find(grouped.begin(), grouped.end(), Counted{"speaker", "Acme Trading", 2, SpeakerKind::Person}) !=
          grouped.end());
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

namespace {

// An article on `date` ("" for none) in `language`.
Article dated(const std::string& id, const std::string& date, const std::string& language,
              std::vector<std::string> speakers, std::vector<std::string> countries) {
    auto a = article(id, std::move(speakers), std::move(countries));
    a.date = date;
    a.language = language;
    return a;
}

using Timeline = std::tuple<std::vector<std::pair<std::string, std::uint64_t>>, std::uint64_t,
                            std::vector<std::tuple<std::string, std::uint64_t, std::vector<std::uint64_t>, std::uint64_t>>>;

Timeline timeline(const Histogram& h) {
    Timeline t;
    for (const auto& p : h.periods) std::get<0>(t).emplace_back(p.period, p.count);
    std::get<1>(t) = h.undated;
    for (const auto& s : h.series) std::get<2>(t).emplace_back(s.value.value, s.value.count, s.counts, s.undated);
    return t;
}

SearchRequest timeline_request(const std::string& query, const std::string& by) {
    SearchRequest r;
    r.query = query;
    r.histogram = Interval::Month;
    r.histogram_by = by;
    r.histogram_series = 3;
    return r;
}

} // namespace

TEST_CASE("series counted in the match from columns are the series the values' filters count", "[facets][columns]") {
    TempDir dir;
    auto both = dated("o", "2021-07-02", "de", {"Cy Diaz", "Acme Trading"}, {"IT"});
    both.organisations = {"Acme Trading"};
    add(dir / "db", {dated("a", "2021-05-16", "en", {"Ann Lee", "Bo Chen"}, {"GB"}),
                     dated("b", "2021-05-30", "en", {"Bo Chen"}, {"GB", "FR"}),
                     dated("c", "2021-08-01", "", {}, {"FR", "DE"}), dated("d", "", "en", {"Cy Diaz"}, {}),
                     dated("h", "2021-08-09", "fr", {"BO CHEN"}, {"IT"}),   // one name in two forms
                     dated("i", "", "", {"BO CHEN", "ACME TRADING"}, {}), dated("j", "2022-01-03", "en", {"bo chen"}, {"IT"}),
                     both});
    const auto index = Index::open(dir / "db");   // long-lived: columns from the second search on
    const auto check_all = [&](const std::string& when) {
        for (int round = 0; round < 3; ++round)
            for (const auto* by : {"speaker", "person", "country", "lang", "source"})
                for (const auto* query : {"", "trade", "country:GB", "NOT country:FR"}) {
                    INFO(when << ", round " << round << ", by " << by << ", query " << query);
                    const auto kept = index.search(timeline_request(query, by)).histogram;
                    const auto fresh = Index::open(dir / "db").search(timeline_request(query, by)).histogram;   // filters
                    REQUIRE(kept);
                    REQUIRE(fresh);
                    CHECK(timeline(*kept) == timeline(*fresh));
                }
    };
    check_all("first revision");
    {
        IndexWriter w(dir / "db");
        w.add(dated("a", "2021-06-01", "en", {"Bo Chen"}, {"US"}));
        REQUIRE(w.remove("b"));
        w.add(dated("e", "", "", {"Eve Ito", "Bo Chen"}, {"FR"}));
        w.commit();
    }
    check_all("after a commit");

    // The columns' own way, driven directly: what the searches above compare, when it is taken.
    const auto db = open_database(dir / "db");
    FacetColumns columns(db);
    const auto column = [&](schema::Slot slot) {
        (void)columns.column(db, schema::value_no(slot));
        const auto* built = columns.column(db, schema::value_no(slot));
        REQUIRE(built != nullptr);
        return built;
    };
    const auto* dates = column(*schema::Date.slot);
    const std::vector<const SlotColumn*> speakers{column(*schema::Speaker.slot), column(*schema::Organisation.slot)};
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(schema::exact_term(schema::DocKind, schema::ArticleKind)));
    MatchedArticles matched(dates->last_covered());
    enquire.add_matchspy(&matched);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    REQUIRE(matched.complete());
    auto request = timeline_request("", "speaker");
    request.facets = {"speaker"};
    request.facet_limit = 3;
    const auto expected = search(db, request);   // no columns: by the values' filters
    REQUIRE(expected.histogram);
    REQUIRE(expected.histogram->series.size() == 3);
    auto h = *expected.histogram;
    h.series.clear();
    REQUIRE(add_series(h, expected.facets.front(), *dates, speakers, matched));
    CHECK(timeline(h) == timeline(*expected.histogram));
    CHECK(std::get<2>(timeline(h)).front() ==
          std::tuple{std::string{"Bo Chen"}, std::uint64_t{5}, std::vector<std::uint64_t>{1, 0, 1, 0, 0, 0, 0, 1}, std::uint64_t{2}});
    // (2021-06 to 2022-01: a, h and j dated, e and i not, whichever form of the name they write)
    // A value the columns do not hold: left to the filters, the histogram untouched.
    auto unknown_name = expected.facets.front();
    unknown_name.values.front().value = "Nobody Here";
    auto untouched = *expected.histogram;
    untouched.series.clear();
    CHECK_FALSE(add_series(untouched, unknown_name, *dates, speakers, matched));
    CHECK(untouched.series.empty());
}
