#include <catch2/catch.hpp>

#include "indexer/index_writer.hpp"
#include "indexer/speaker_registry.hpp"
#include "storage/database.hpp"
#include "searcher/search.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::TempDir;

TEST_CASE("name forms of one person settle to one name across the archive", "[registry]") {
    TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    SpeakerRegistry registry(db);
    CHECK(registry.canonical("Recep Tayyip Erdoğan") == "Recep Tayyip Erdoğan");
    CHECK(registry.canonical("Recep Tayyip Erdogan") == "Recep Tayyip Erdoğan");   // accents folded
    CHECK(registry.canonical("Tayyip Erdogan") == "Recep Tayyip Erdoğan");         // a shorter form
    CHECK(registry.canonical("Emine Erdogan") == "Emine Erdogan");                 // another person
    CHECK(registry.canonical("Erdogan") == "Erdogan");                             // which one? keep it
    db.commit();
    SpeakerRegistry reopened(db);   // known names persist in the database
    CHECK(reopened.canonical("RECEP TAYYIP ERDOGAN") == "Recep Tayyip Erdoğan");
}

TEST_CASE("the writer counts one person under one facet value", "[registry]") {
    TempDir dir;
    {
        IndexWriter w(dir / "db");
        Article a;
        a.id = "1";
        a.body = "x";
        a.speakers = {"Recep Tayyip Erdogan"};
        w.add(a);
        a.id = "2";
        a.speakers = {"Tayyip Erdoğan"};
        a.quotes = {{"Tayyip Erdoğan", "trade will grow", "said", 0, false}};
        w.add(a);
        w.commit();
    }
    SearchRequest r;
    r.query = "";
    r.facets = {"speaker"};
    const auto res = search(open_database(dir / "db"), r);
    REQUIRE(res.facets[0].values.size() == 1);
    CHECK(res.facets[0].values[0].value == "Recep Tayyip Erdogan");
    CHECK(res.facets[0].values[0].count == 2);
    r.query = "speaker:\"recep tayyip erdogan\"";
    CHECK(search_quotes(open_database(dir / "db"), r).total == 1);
}
