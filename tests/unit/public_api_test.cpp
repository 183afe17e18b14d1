// The library as an embedding program sees it: public headers only.
#include <algorithm>
#include <fstream>
#include <optional>
#include <string_view>
#include <vector>

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

TEST_CASE("the names a search request is written with come as lists", "[api]") {
    const auto& facets = newsdesk::facet_names();
    CHECK(facets.front() == "speaker");
    for (const char* name : {"person", "organisation", "country", "source", "year", "month"})
        CHECK(std::find(facets.begin(), facets.end(), name) != facets.end());
    CHECK(std::find(facets.begin(), facets.end(), "speaker, person") == facets.end());
    const auto& fields = newsdesk::query_field_names();
    for (const char* name : {"title", "speaker", "speaker_type", "country", "date", "quote", "id"})
        CHECK(std::find(fields.begin(), fields.end(), name) != fields.end());
    CHECK(newsdesk::sort_order_names() == std::vector<std::string>{"relevance", "newest", "oldest"});
}

TEST_CASE("sort orders by name: each listed name, nothing else", "[api]") {
    using newsdesk::SortOrder;
    CHECK(newsdesk::sort_order_named("relevance") == SortOrder::Relevance);
    CHECK(newsdesk::sort_order_named("newest") == SortOrder::Newest);
    CHECK(newsdesk::sort_order_named("oldest") == SortOrder::Oldest);
    for (const char* bad : {"", "Newest", "newest ", "date"}) CHECK_FALSE(newsdesk::sort_order_named(bad));
    for (const auto& name : newsdesk::sort_order_names()) CHECK(newsdesk::sort_order_named(name));
    CHECK(newsdesk::SearchRequest{}.sort == newsdesk::sort_order_named(newsdesk::sort_order_names().front()));
}

TEST_CASE("UTF-8 validation: well-formed text only", "[api]") {
    CHECK(newsdesk::valid_utf8(""));
    CHECK(newsdesk::valid_utf8("Erdo\xc4\x9f" "an \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x93\xb0"));
    CHECK(newsdesk::valid_utf8(std::string_view("nul \0 inside", 12)));
    for (const char* bad : {"bad \xff byte", "cut \xc4", "stray \x80", "overlong \xc0\xaf", "overlong \xe0\x80\xaf",
                            "surrogate \xed\xa0\x80", "beyond \xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80"}) {
        INFO(bad);
        CHECK_FALSE(newsdesk::valid_utf8(bad));
    }
}

TEST_CASE("speaker kinds have one spelling", "[api]") {
    CHECK(newsdesk::speaker_kind_name(newsdesk::SpeakerKind::Person) == "person");
    CHECK(newsdesk::speaker_kind_name(newsdesk::SpeakerKind::Organisation) == "organisation");
    CHECK(newsdesk::QuoteRecord{}.speaker_kind == newsdesk::SpeakerKind::Person);
}

TEST_CASE("extract_content reads a text or a page sent as extract_archive reads the file and says why it cannot",
          "[api]") {
    TempDir dir;
    const std::string text = "Talks in Ankara\n\nANKARA (Reuters) - Turkish President Recep Tayyip Erdogan said on "
                             "Monday that trade with Iran would grow. \"We will double it,\" Erdogan told reporters.\n";
    const std::string page = "<html><head><title>Rain in Lima</title><link rel=canonical href=\"https://example.org/lima\">"
                             "</head><body><article><h1>Rain in Lima</h1><p>Heavy rain fell on the Peruvian capital on "
                             "Sunday, and Mayor Rafael Lopez said the city would rebuild its roads.</p></article></body></html>";
    const auto from_file = [&](const std::string& name, const std::string& content) {
        {
            std::ofstream out(dir / name, std::ios::binary);
            out << content;
        }
        newsdesk::ReadOptions options;
        options.inputs = {dir / name};
        std::optional<newsdesk::Article> read;
        newsdesk::extract_archive(options, [&](const newsdesk::Article& a) { read = a; }, [](const newsdesk::InputProblem&) {});
        REQUIRE(read);
        return *read;
    };
    const auto same = [](const newsdesk::Article& a, const newsdesk::Article& b) {
        CHECK(a.title == b.title);
        CHECK(a.body == b.body);
        CHECK(a.dateline == b.dateline);
        CHECK(a.source == b.source);
        CHECK(a.language == b.language);
        CHECK(a.speakers == b.speakers);
        CHECK(a.countries == b.countries);
        CHECK(a.quotes.size() == b.quotes.size());
    };
    const auto ignore = [](const newsdesk::InputProblem&) {};
    const auto sent_text = newsdesk::extract_content(text, newsdesk::Format::Text, ignore);
    REQUIRE(sent_text);
    CHECK(sent_text->id.empty());
    const auto file_text = from_file("ankara.txt", text);
    same(*sent_text, file_text);
    CHECK(std::find(sent_text->speakers.begin(), sent_text->speakers.end(), "Recep Tayyip Erdogan") != sent_text->speakers.end());
    const auto sent_page = newsdesk::extract_content(page, newsdesk::Format::Html, ignore);
    REQUIRE(sent_page);
    CHECK(sent_page->id == "https://example.org/lima");   // the canonical URL, as for a file
    same(*sent_page, from_file("lima.html", page));

    std::vector<newsdesk::InputProblem> problems;
    const auto note = [&](const newsdesk::InputProblem& p) { problems.push_back(p); };
    CHECK_FALSE(newsdesk::extract_content("Title\n\nbad \xff byte\n", newsdesk::Format::Text, note));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location == "the content:3");
    CHECK(problems[0].message == "not valid UTF-8");
    CHECK_FALSE(newsdesk::extract_content("<html><body><nav>Home</nav></body></html>", newsdesk::Format::Html, note));
    REQUIRE(problems.size() == 2);
    CHECK(problems[1].message == "no article text found");
    CHECK_THROWS_AS(newsdesk::extract_content("{}", newsdesk::Format::JsonLines, note), newsdesk::InvalidRequest);
}
