#include <catch2/catch.hpp>

#include <chrono>
#include <limits>
#include <thread>
#include <type_traits>

#include "indexer/index_writer.hpp"
#include "storage/database.hpp"
#include "searcher/info.hpp"
#include "searcher/search.hpp"
#include "searcher/snippet.hpp"
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

TEST_CASE("a snippet costs the body's length plus the query's, not their product", "[search]") {
    // A body past MaxSnippetScan (an article may hold 16 MB): the passage is looked for in its
    // first part only, so a match beyond it is not shown.
    std::string body = "Opening words of the article. ";
    while (body.size() < MaxSnippetScan) body += "Filler text without the word wanted. ";
    body += "The needle is here.";
    ParsedQuery needle;
    needle.words = {"needle"};
    const auto far = make_snippet(body, needle, "en", "en");
    CHECK(far.matches.empty());
    CHECK(far.text.starts_with("Opening words"));
    CHECK(make_snippet(body.substr(MaxSnippetScan - 100), needle, "en", "en").matches.size() == 1);

    // A query of 1,000 words and 1,000 wildcards: each body word is looked up, not compared
    // with each of them.
    ParsedQuery many;
    for (int i = 0; i < 1000; ++i) many.words.push_back("word" + std::to_string(i));
    for (int i = 0; i < 1000; ++i) many.wildcards.push_back("wild" + std::to_string(i));
    many.wildcards.push_back("zebr");
    const std::string text = "a zebras b word999 c wild5x d wild50 e wil f";
    const auto s = make_snippet(text, many, "en", "en");
    std::vector<std::string> marked;
    for (const auto& m : s.matches) marked.push_back(s.text.substr(m.offset, m.length));
    CHECK(marked == std::vector<std::string>{"zebras", "word999", "wild5x", "wild50"});

    // A whole quote is shown (a window of every word): one pass over it, however many matches
    // (each possible start was scanned to the end: 40,000 matches took seconds).
    std::string quote;
    for (int i = 0; i < 40000; ++i) quote += "oil ";
    ParsedQuery oil;
    oil.words = {"oil"};
    const auto started = std::chrono::steady_clock::now();
    const auto whole = make_snippet(quote, oil, "en", "en", std::numeric_limits<std::size_t>::max() / 2);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    CHECK(whole.matches.size() == 40000);
    CHECK(whole.text.size() == quote.size());
}

TEST_CASE("a search past its deadline, or cancelled, stops with an error", "[search]") {
    static_assert(std::is_base_of_v<Error, Timeout> && std::is_base_of_v<Error, Cancelled>);
    using namespace std::chrono_literals;
    TempDir dir;
    {
        IndexWriter w(dir / "db");
        for (int i = 0; i < 600; ++i)
            w.add(article("n" + std::to_string(i), "Oil report " + std::to_string(i), "Oil prices moved.", "2021-01-01",
                          {}, {}));
        w.commit();
    }
    const auto db = open_database(dir / "db");
    SearchRequest r;
    r.query = "oil";
    r.facets = {"year"};
    const auto unlimited = search(db, r);
    REQUIRE(unlimited.total == 600);

    // Within its deadline: the same answer.
    r.deadline = 60s;
    const auto within = search(db, r);
    CHECK(within.total == 600);
    REQUIRE(within.facets.at(0).values.size() == 1);
    CHECK(within.facets[0].values[0].count == 600);

    // Asked after parsing, then every 256 matching documents: the second time is while
    // matching, and the search stops there.
    auto stopped = [&](auto run) -> std::string {
        try {
            run();
        } catch (const Cancelled& e) {
            return std::string("Cancelled: ") + e.what();
        } catch (const Timeout& e) {
            return std::string("Timeout: ") + e.what();
        }
        return "not stopped";
    };
    int asked = 0;
    r.cancelled = [&] { return ++asked == 2; };
    CHECK(stopped([&] { search(db, r); }) == "Cancelled: search for 'oil' cancelled while matching");
    CHECK(asked == 2);
    asked = 0;
    CHECK(stopped([&] { search_quotes(db, r); }).starts_with("Cancelled: "));

    // Past the deadline: each check takes 30 ms here, so the 50 ms pass before the end.
    r.cancelled = [] {
        std::this_thread::sleep_for(30ms);
        return false;
    };
    r.deadline = 50ms;
    const auto message = stopped([&] { search(db, r); });
    CHECK(message.starts_with("Timeout: search for 'oil' took longer than its deadline of 50 ms (stopped while "));
    r.query = std::string(200, 'x');   // the message shows the start of a long query
    CHECK(stopped([&] { search(db, r); }).starts_with("Timeout: search for '" + std::string(80, 'x') + "\u2026' took"));
}

TEST_CASE("values a filter does not tell apart are one facet value, and its filter finds its count", "[search][facets]") {
    TempDir dir;
    {
        IndexWriter w(dir / "db");
        w.add(article("a", "Talks", "Reagan spoke.", "2021-01-01", {"Reagan"}, {}));
        w.add(article("b", "Talks", "Reagan spoke.", "2021-01-02", {"Reagan"}, {}));
        w.add(article("c", "TALKS", "REAGAN SPOKE.", "2021-01-03", {"REAGAN"}, {}));
        w.add(article("c2", "TALKS", "REAGAN SPOKE.", "2021-01-03", {"REAGAN"}, {}));
        w.add(article("c3", "TALKS", "REAGAN SPOKE.", "2021-01-03", {"REAGAN"}, {}));
        // Two Reagans known: "Reagan" alone could be either, and stays (speaker_registry.hpp).
        w.add(article("d", "Talks", "Ronald Reagan spoke.", "2021-01-04", {"Ronald Reagan"}, {}));
        w.add(article("d2", "Talks", "Nancy Reagan spoke.", "2021-01-04", {"Nancy Reagan"}, {}));
        auto both = article("e", "Acme", "Acme said so.", "2021-01-05", {"Acme"}, {});
        both.organisations = {"Acme"};   // a name listed as both is the organisation
        w.add(both);
        w.add(article("f", "Acme", "Acme Jones said so.", "2021-01-06", {"Acme"}, {}));
        // Organisations' names are stored as each article writes them (the registry settles
        // people's): the facet makes one value of them.
        for (const auto& [id, name] : {std::pair{"g", "UNICEF"}, {"g2", "UNICEF"}, {"g3", "Unicef"}}) {
            auto a = article(id, "Aid", "Aid came.", "2021-01-07", {}, {});
            a.organisations = {name};
            w.add(a);
        }
        w.commit();
    }
    const auto db = open_database(dir / "db");
    const auto request = [](std::string query, std::vector<std::string> facet_names = {}) {
        SearchRequest r;
        r.query = std::move(query);
        r.facets = std::move(facet_names);
        return r;
    };
    const auto facets = search(db, request("", {"speaker", "person", "organisation"})).facets;
    const auto find = [&](std::size_t facet, const std::string& value) -> const FacetValue* {
        for (const auto& v : facets.at(facet).values)
            if (v.value == value) return &v;
        return nullptr;
    };
    const auto* reagan = find(0, "Reagan");
    REQUIRE(reagan);   // in normal case, though more articles write it in capitals
    CHECK(reagan->count == 5);
    CHECK(find(0, "REAGAN") == nullptr);
    CHECK(reagan->filter == "speaker:\"Reagan\"");
    const auto* person_acme = find(1, "Acme");
    REQUIRE(person_acme);
    CHECK(person_acme->count == 1);   // article f; in e it is the organisation
    CHECK(person_acme->filter == "speaker:\"Acme\" -organisation:\"Acme\"");
    const auto* org_acme = find(2, "Acme");
    REQUIRE(org_acme);
    CHECK(org_acme->count == 1);
    const auto* unicef = find(2, "Unicef");
    REQUIRE(unicef);   // in normal case, though more articles write it in capitals
    CHECK(unicef->count == 3);
    CHECK(find(2, "UNICEF") == nullptr);
    for (std::size_t f = 0; f < facets.size(); ++f)
        for (const auto& v : facets[f].values) {
            INFO(facets[f].name << " " << v.value << ": " << v.filter);
            CHECK(search(db, request(v.filter)).total == v.count);
        }
    CHECK(search(db, request("speaker:reagan")).total == 7);   // a bare word: any name with it
}
