// The library as an embedding program sees it: public headers only.
#include <catch2/catch.hpp>

#include <newsdesk/newsdesk.hpp>

#include "support/temp_dir.hpp"

using newsdesk::testing::TempDir;

namespace {

newsdesk::Article article(std::string id, std::string title, std::string body) {
    newsdesk::Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    a.date = "2021-05-16";
    return a;
}

} // namespace

TEST_CASE("write, commit, search, read back and remove through the public API", "[api]") {
    TempDir dir;
    newsdesk::Writer writer(dir / "db");
    CHECK_FALSE(writer.add(article("a", "Talks in Ankara",
                                   "Turkish President Recep Tayyip Erdogan said trade with Iran would grow.")));
    CHECK_FALSE(writer.add(article("b", "Rain in Lima", "Heavy rain fell on the Peruvian capital.")));
    writer.commit();

    const auto index = newsdesk::Index::open(dir / "db");
    CHECK(index.article_count() == 2);
    newsdesk::SearchRequest request;
    request.query = "speaker:erdogan";
    request.facets = {"country"};
    const auto results = index.search(request);
    REQUIRE(results.total == 1);
    CHECK(results.hits[0].article.id == "a");
    CHECK(results.hits[0].article.speakers == std::vector<std::string>{"Recep Tayyip Erdogan"});   // extracted on add
    REQUIRE(!results.facets.empty());
    CHECK(results.facets[0].values.size() == 2);   // TR and IR

    const auto stored = index.article("b");
    REQUIRE(stored);
    CHECK(stored->body == "Heavy rain fell on the Peruvian capital.");
    CHECK(stored->countries == std::vector<std::string>{"PE"});
    CHECK_FALSE(index.article("zzz"));

    CHECK(writer.add(article("b", "Rain in Lima", "Floods closed roads in Lima.")));   // replaced
    CHECK(writer.remove("a"));
    CHECK_FALSE(writer.remove("a"));
    writer.commit();
    CHECK(index.article_count() == 1);   // the open Index sees the new revision
    request.query = "";
    CHECK(index.quotes(request).total == 0);   // removing "a" removed its quote records too
    CHECK(index.info().articles == 1);
}

TEST_CASE("errors are one hierarchy the caller can act on", "[api]") {
    TempDir dir;
    CHECK_THROWS_AS(newsdesk::Index::open(dir / "nothing"), newsdesk::DatabaseMissing);
    newsdesk::Writer first(dir / "db");
    first.commit();
    CHECK_THROWS_AS(newsdesk::Writer(dir / "db"), newsdesk::DatabaseLocked);
    const auto index = newsdesk::Index::open(dir / "db");
    newsdesk::SearchRequest bad;
    bad.query = "\"unclosed";
    try {
        index.search(bad);
        FAIL("a bad query was accepted");
    } catch (const newsdesk::QueryError& e) {
        CHECK(e.position == 0);
    }
    bad.query = "oil";
    bad.facets = {"colour"};
    CHECK_THROWS_AS(index.search(bad), newsdesk::InvalidRequest);
    CHECK_THROWS_AS(first.add(newsdesk::Article{}), newsdesk::InvalidRequest);   // no id
    try {
        newsdesk::Index::open(dir / "nothing");
        FAIL("opening a database that does not exist did not throw");
    } catch (const newsdesk::Error& e) {   // every one of them is a newsdesk::Error
        CHECK(std::string(e.what()).find("no database") != std::string::npos);
    }
}
