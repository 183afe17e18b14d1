#include <catch2/catch.hpp>

#include <set>

#include "indexer/index_writer.hpp"
#include "storage/database.hpp"
#include "searcher/info.hpp"
#include "searcher/search.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::TempDir;

namespace {

// Two articles with quotes, an organisation speaker and country roles, as extraction gives them.
void fill(const std::filesystem::path& db) {
    IndexWriter w(db);
    Article a;
    a.id = "tehran-1";
    a.title = "Rouhani rejects pressure";
    a.body = "Rouhani said maximum pressure had failed. The Foreign Ministry said talks would go on.";
    a.date = "2021-05-16";
    a.language = "en";
    a.dateline = "Tehran";
    a.speakers = {"Hassan Rouhani"};
    a.organisations = {"Foreign Ministry"};
    a.countries = {"IR", "US"};
    a.country_mentions = {{"IR", 4, true, true}, {"US", 1, false, false}};
    a.quotes = {{"Hassan Rouhani", "maximum pressure had failed", "said", 13, false},
                {"Foreign Ministry", "talks would go on", "said", 72, false}};
    w.add(a);
    Article b;
    b.id = "ankara-1";
    b.title = "Erdogan on trade";
    b.body = "\"Maximum pressure is a mistake,\" Erdogan said. He added that trade would grow.";
    b.date = "2021-06-01";
    b.language = "en";
    b.speakers = {"Recep Tayyip Erdogan"};
    b.countries = {"TR"};
    b.country_mentions = {{"TR", 2, false, true}};
    b.quotes = {{"Recep Tayyip Erdogan", "Maximum pressure is a mistake,", "said", 1, true},
                {"Recep Tayyip Erdogan", "trade would grow", "added", 58, false}};
    w.add(b);
    w.commit();
}

std::vector<std::string> speakers_of(const QuoteResults& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.record.quote.speaker);
    return out;
}

} // namespace

TEST_CASE("quotes are searchable on their own, with who said them and how often", "[search][quotes]") {
    TempDir dir;
    fill(dir / "db");
    const auto db = open_database(dir / "db");
    SearchRequest r;
    r.query = "\"maximum pressure\"";
    r.facets = {"speaker"};
    const auto res = search_quotes(db, r);
    CHECK(res.total == 2);
    auto who = speakers_of(res);
    std::sort(who.begin(), who.end());
    CHECK(who == std::vector<std::string>{"Hassan Rouhani", "Recep Tayyip Erdogan"});
    REQUIRE(res.facets.size() == 1);
    CHECK(res.facets[0].values.size() == 2);
    for (const auto& h : res.hits) {
        CHECK(!h.text.matches.empty());
        // The quote's article, as its own hit shows it (without its text).
        const bool tehran = h.record.article.id == "tehran-1";
        CHECK(h.record.article.id == (tehran ? "tehran-1" : "ankara-1"));
        CHECK(h.record.article.title == (tehran ? "Rouhani rejects pressure" : "Erdogan on trade"));
        CHECK(h.record.article.date == (tehran ? "2021-05-16" : "2021-06-01"));
        CHECK(h.record.article.dateline == (tehran ? "Tehran" : ""));
        CHECK(h.record.article.countries == (tehran ? std::vector<std::string>{"IR", "US"} : std::vector<std::string>{"TR"}));
        CHECK(h.record.article.body.empty());
        CHECK(h.record.article.quotes.empty());
    }
    r.query = "verb:added";
    CHECK(speakers_of(search_quotes(db, r)) == std::vector<std::string>{"Recep Tayyip Erdogan"});
    r.query = "speaker_type:organisation";
    CHECK(speakers_of(search_quotes(db, r)) == std::vector<std::string>{"Foreign Ministry"});
    // Quote records are not articles: article counts and searches do not see them.
    CHECK(article_count(db) == 2);
    CHECK(index_info(db).articles == 2);
    SearchRequest all;
    all.query = "";
    CHECK(search(db, all).total == 2);
}

TEST_CASE("quote: restricts article search to quoted words", "[search][quotes]") {
    TempDir dir;
    fill(dir / "db");
    const auto db = open_database(dir / "db");
    SearchRequest r;
    r.query = "quote:trade";
    CHECK(search(db, r).total == 1);
    r.query = "quote:rejects";   // in a title, not in anything said
    CHECK(search(db, r).total == 0);
    r.query = "rejects";
    CHECK(search(db, r).total == 1);
    r.query = "quote:pressure speaker:rouhani";
    const auto res = search(db, r);
    REQUIRE(res.total == 1);
    CHECK(res.hits[0].article.quotes.size() == 2);   // hits carry their quotes
}

TEST_CASE("a phrase under quote: in an article search matches within one quote", "[search][quotes]") {
    TempDir dir;
    fill(dir / "db");
    {
        // Two quotes side by side: "act now" runs across them, in the body as in the quotes.
        IndexWriter w(dir / "db");
        Article c;
        c.id = "kyiv-1";
        c.title = "A call to act";
        c.body = "\"We will act.\" \"Now is the time,\" the minister said.";
        c.language = "en";
        c.speakers = {"Olena Kovalenko"};
        c.quotes = {{"Olena Kovalenko", "We will act.", "said", 1, true}, {"Olena Kovalenko", "Now is the time,", "said", 16, true}};
        w.add(c);
        w.commit();
    }
    const auto db = open_database(dir / "db");
    const auto ids = [&](const std::string& query) {
        SearchRequest r;
        r.query = query;
        std::set<std::string> out;
        for (const auto& h : search(db, r).hits) out.insert(h.article.id);
        return out;
    };
    using Ids = std::set<std::string>;
    CHECK(ids("quote:\"maximum pressure\"") == Ids{"tehran-1", "ankara-1"});
    CHECK(ids("quote:\"pressure had failed\"") == Ids{"tehran-1"});
    CHECK(ids("quote:\"foreign ministry\"").empty());   // said of the speaker, not by them
    CHECK(ids("\"foreign ministry\"") == Ids{"tehran-1"});
    CHECK(ids("quote:\"will act\"") == Ids{"kyiv-1"});
    CHECK(ids("\"act now\"") == Ids{"kyiv-1"});
    CHECK(ids("quote:\"act now\"").empty());              // no quote says it
    CHECK(ids("quote:act NEAR quote:time").empty());
    CHECK(ids("quote:maximum NEAR quote:mistake") == Ids{"ankara-1"});
    CHECK(ids("quote:\"maximum pressure\" speaker:rouhani") == Ids{"tehran-1"});
    CHECK(ids("quote:(trade OR \"had failed\")") == Ids{"tehran-1", "ankara-1"});
    CHECK(ids("pressure -quote:\"had failed\"") == Ids{"ankara-1"});
    CHECK(ids("NOT quote:\"maximum pressure\"") == Ids{"kyiv-1"});
    CHECK(ids("quote:\"no one said this\"").empty());
}

TEST_CASE("organisations are speakers of their own type, and countries have roles", "[search][quotes]") {
    TempDir dir;
    fill(dir / "db");
    const auto db = open_database(dir / "db");
    SearchRequest r;
    r.query = "";
    r.facets = {"speaker", "focus", "dateline_country"};
    const auto res = search(db, r);
    REQUIRE(res.facets.size() == 3);
    std::map<std::string, std::optional<SpeakerKind>> kinds;
    for (const auto& v : res.facets[0].values) kinds[v.value] = v.speaker_kind;
    CHECK(kinds["Foreign Ministry"] == SpeakerKind::Organisation);
    CHECK(kinds["Hassan Rouhani"] == SpeakerKind::Person);
    CHECK(res.facets[1].values.size() == 2);                 // IR and TR are focus countries, US is not
    REQUIRE(res.facets[2].values.size() == 1);
    CHECK(res.facets[2].values[0].value == "IR");
    CHECK(res.facets[2].values[0].label == "Iran");
    auto total = [&](const std::string& q) {
        SearchRequest s;
        s.query = q;
        return search(db, s).total;
    };
    CHECK(total("speaker:\"foreign ministry\"") == 1);
    CHECK(total("organisation:ministry") == 1);
    CHECK(total("speaker_type:person") == 2);
    CHECK(total("focus:us") == 0);
    CHECK(total("country:us") == 1);
    CHECK(total("focus:Turkey") == 1);
    CHECK(total("dateline_country:iran") == 1);
}

TEST_CASE("re-indexing an article replaces its quote records", "[search][quotes]") {
    TempDir dir;
    fill(dir / "db");
    {
        IndexWriter w(dir / "db");
        Article b;
        b.id = "ankara-1";
        b.title = "Erdogan on trade";
        b.body = "Erdogan said trade would grow.";
        b.speakers = {"Recep Tayyip Erdogan"};
        b.quotes = {{"Recep Tayyip Erdogan", "trade would grow", "said", 15, false}};
        w.add(b);
        w.commit();
    }
    const auto db = open_database(dir / "db");
    SearchRequest r;
    r.query = "speaker:erdogan";
    CHECK(search_quotes(db, r).total == 1);
    CHECK(article_count(db) == 2);
}
