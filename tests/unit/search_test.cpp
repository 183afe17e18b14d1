#include <catch2/catch.hpp>

#include "indexer/index_writer.hpp"
#include "searcher/database.hpp"
#include "searcher/info.hpp"
#include "searcher/search.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::TempDir;

namespace {

Article article(std::string id, std::string title, std::string body, std::string date,
                std::vector<std::string> speakers, std::vector<std::string> countries,
                std::string source = "Harbour Times", std::string language = "en") {
    Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    a.date = std::move(date);
    a.speakers = std::move(speakers);
    a.countries = std::move(countries);
    a.source = std::move(source);
    a.language = std::move(language);
    return a;
}

// Four articles with known facets, written to a real on-disk database.
void fill(const std::filesystem::path& db) {
    IndexWriter w(db);
    w.add(article("a", "Oil sanctions tighten", "Officials sanctioned two tankers. Rouhani said the sanctions would fail.",
                  "2021-05-16", {"Hassan Rouhani"}, {"IR", "US"}));
    w.add(article("b", "Talks in Ankara", "Erdogan said Turkey and Iran would trade more. Rouhani agreed.",
                  "2021-06-01", {"Recep Tayyip Erdogan", "Hassan Rouhani"}, {"IR", "TR"}, "Meridian Wire"));
    w.add(article("c", "Football final", "The final ended in a draw after extra time.", "2019-03-02", {}, {"GB"}));
    w.add(article("d", "Yaptırımlar", "Türkiye yaptırımları eleştirdi.", "", {}, {"TR"}, "Kestrel News", "tr"));
    w.commit();
}

} // namespace

TEST_CASE("ranked hits with exact facet counts over the whole match set", "[search]") {
    TempDir dir;
    fill(dir / "db");
    const auto db = open_database(dir / "db");
    SearchRequest r;
    r.query = "rouhani";
    r.facets = {"speaker", "country", "source", "year"};
    r.limit = 1;   // counts must not depend on the page
    const auto res = search(db, r);
    CHECK(res.total == 2);
    REQUIRE(res.hits.size() == 1);
    REQUIRE(res.facets.size() == 4);
    const auto& speakers = res.facets[0].values;
    REQUIRE(speakers.size() == 2);
    CHECK(speakers[0].value == "Hassan Rouhani");
    CHECK(speakers[0].count == 2);
    CHECK(speakers[1].count == 1);
    const auto& countries = res.facets[1].values;
    REQUIRE(countries.size() == 3);
    CHECK(countries[0].value == "IR");
    CHECK(countries[0].count == 2);
    CHECK(res.facets[3].values.size() == 1);
    CHECK(res.facets[3].values[0].value == "2021");
    CHECK(res.facets[3].values[0].count == 2);
}

TEST_CASE("a facet limit keeps the most frequent values, ties in value order", "[search]") {
    TempDir dir;
    fill(dir / "db");
    const auto db = open_database(dir / "db");
    SearchRequest r;
    r.query = "";   // every article: IR 2, TR 2, US 1, GB 1
    r.facets = {"country"};
    const auto all = search(db, r).facets.at(0).values;
    REQUIRE(all.size() == 4);
    CHECK(all[0].value == "IR");
    CHECK(all[1].value == "TR");
    CHECK(all[2].value == "GB");
    CHECK(all[2].label == "United Kingdom");
    CHECK(all[3].value == "US");
    for (const std::size_t limit : {0, 1, 3}) {
        r.facet_limit = limit;
        const auto top = search(db, r).facets.at(0).values;
        REQUIRE(top.size() == limit);
        for (std::size_t i = 0; i < limit; ++i) CHECK(top[i].value == all[i].value);
    }
}

TEST_CASE("stemming, filters, sorting and paging", "[search]") {
    TempDir dir;
    fill(dir / "db");
    const auto db = open_database(dir / "db");
    auto ids = [&](const std::string& q, SortOrder sort = SortOrder::Relevance) {
        SearchRequest r;
        r.query = q;
        r.sort = sort;
        std::vector<std::string> out;
        for (const auto& h : search(db, r).hits) out.push_back(h.article.id);
        return out;
    };
    CHECK(ids("sanction") == std::vector<std::string>{"a"});                 // stem of sanctions, sanctioned
    CHECK(ids("yaptırımları") == std::vector<std::string>{"d"});              // exact word, Turkish article
    CHECK(ids("speaker:erdogan") == std::vector<std::string>{"b"});
    CHECK(ids("speaker:\"recep tayyip erdogan\"") == std::vector<std::string>{"b"});
    CHECK(ids("speaker:tayyip speaker:rouhani") == std::vector<std::string>{"b"});
    CHECK(ids("country:ir", SortOrder::Newest) == std::vector<std::string>{"b", "a"});
    CHECK(ids("country:ir", SortOrder::Oldest) == std::vector<std::string>{"a", "b"});
    CHECK(ids("source:\"meridian WIRE\"") == std::vector<std::string>{"b"});
    CHECK(ids("date:2019") == std::vector<std::string>{"c"});
    CHECK(ids("\"extra time\"") == std::vector<std::string>{"c"});
    CHECK(ids("\"time extra\"").empty());
    CHECK(ids("tank*") == std::vector<std::string>{"a"});
    CHECK(ids("title:ankara") == std::vector<std::string>{"b"});
    CHECK(ids("title:tankers").empty());
    SearchRequest page;
    page.query = "";
    page.offset = 3;
    page.limit = 10;
    const auto last = search(db, page);
    CHECK(last.total == 4);
    REQUIRE(last.hits.size() == 1);
    CHECK(last.hits[0].rank == 4);
}

TEST_CASE("snippets mark the matched words", "[search]") {
    TempDir dir;
    fill(dir / "db");
    SearchRequest r;
    r.query = "sanction";
    const auto res = search(open_database(dir / "db"), r);
    REQUIRE(res.hits.size() == 1);
    const auto& s = res.hits[0].snippet;
    std::vector<std::string> marked;
    for (const auto& m : s.matches) marked.push_back(s.text.substr(m.offset, m.length));
    CHECK(marked == std::vector<std::string>{"sanctioned", "sanctions"});
}

TEST_CASE("re-adding an id replaces the article", "[search]") {
    TempDir dir;
    fill(dir / "db");
    {
        IndexWriter w(dir / "db");
        CHECK(w.add(article("a", "Replaced", "New text entirely.", "2022-01-01", {}, {})));
        CHECK_FALSE(w.add(article("e", "New", "Another.", "", {}, {})));
        w.commit();
        CHECK(w.article_count() == 5);
    }
    const auto db = open_database(dir / "db");
    SearchRequest r;
    r.query = "id:a";
    const auto res = search(db, r);
    REQUIRE(res.total == 1);
    CHECK(res.hits[0].article.title == "Replaced");
    r.query = "tankers";
    CHECK(search(db, r).total == 0);
}

TEST_CASE("index info: count, date span and top facet values", "[search]") {
    TempDir dir;
    fill(dir / "db");
    const auto info = index_info(open_database(dir / "db"));
    CHECK(info.articles == 4);
    CHECK(info.first_date == "2019-03-02");
    CHECK(info.last_date == "2021-06-01");
    CHECK_THROWS_AS(open_database(dir / "nothing-here"), DatabaseMissing);
}

TEST_CASE("a second writer is refused clearly", "[search]") {
    TempDir dir;
    IndexWriter first(dir / "db");
    CHECK_THROWS_AS(IndexWriter(dir / "db"), DatabaseLocked);
}
