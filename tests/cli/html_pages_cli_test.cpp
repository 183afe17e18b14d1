// End-to-end: web pages (.html, .htm, .html.gz) through the real program: indexed and found,
// extracted with their metadata, and hostile pages refused or survived.
#include <chrono>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/billion_laughs.hpp"
#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

// A news page: chrome around an article about `topic`, with a canonical URL when `url` is given.
std::string news_page(const std::string& topic, const std::string& url = {}) {
    std::string head = "<meta charset=\"utf-8\"><title>" + topic + " | Daily Example</title>"
                       "<meta property=\"og:site_name\" content=\"Daily Example\">"
                       "<meta property=\"article:published_time\" content=\"2024-05-06T07:00:00Z\">"
                       "<meta name=\"author\" content=\"Rita Cole\">";
    if (!url.empty()) head += "<link rel=\"canonical\" href=\"" + url + "\">";
    return "<!DOCTYPE html><html lang=\"en\"><head>" + head + "</head><body>"
           "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/zebrafeed\">Zebrafeed</a></nav>"
           "<article><h1>News about " + topic + "</h1>"
           "<p>Officials confirmed on Monday that the " + topic + " project, planned for years, will go ahead, "
           "and that work will start in the spring.</p>"
           "<p>Residents, who had campaigned against the " + topic + " plan, said they would appeal, and their "
           "lawyers asked the court for a delay.</p></article>"
           "<footer>Copyright Daily Example, all rights reserved, quokkafooter.</footer></body></html>";
}

void gzip(const std::filesystem::path& file) {
    REQUIRE(std::system(("gzip -9 " + shell_quote(file.string())).c_str()) == 0);
}

std::vector<json> json_lines(const std::string& out) {
    std::vector<json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(json::parse(line));
    return lines;
}

} // namespace

TEST_CASE("html: a directory of .html, .htm and .html.gz pages is indexed and searchable", "[cli][index][html]") {
    TempDir dir;
    dir.write("pages/tramway.html", news_page("tramway", "https://daily.example/2024/tramway"));
    dir.write("pages/old/seawall.htm", news_page("seawall"));
    gzip(dir.write("pages/windfarm.html", news_page("windfarm", "https://daily.example/2024/windfarm")));   // .html.gz
    const auto db = (dir / "db").string();
    const auto r = run_newsdesk({"index", "--db", db, "--json", (dir / "pages").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(json::parse(r.out)["added"] == 3);
    CHECK(search_total(db, "windfarm") == 1);
    CHECK(search_total(db, "seawall") == 1);
    CHECK(search_total(db, "residents campaigned") == 3);
    // Only the article is indexed: not the navigation, not the footer.
    CHECK(search_total(db, "zebrafeed") == 0);
    CHECK(search_total(db, "quokkafooter") == 0);
    // The id is the canonical URL when the page gives one, else the file name.
    const auto hits = newsdesk_json({"search", "--db", db, "--json", "tramway"})["hits"];
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["id"] == "https://daily.example/2024/tramway");
    const auto seawall = newsdesk_json({"search", "--db", db, "--json", "seawall"})["hits"];
    REQUIRE(seawall.size() == 1);
    CHECK(seawall[0]["id"] == "seawall");
}

TEST_CASE("html: extract --json prints the body and the page's metadata", "[cli][extract][html]") {
    TempDir dir;
    const auto page = dir.write("tramway.html", news_page("tramway", "https://daily.example/2024/tramway"));
    const auto r = run_newsdesk({"extract", "--json", page.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto a = json::parse(r.out);
    CHECK(a["id"] == "https://daily.example/2024/tramway");
    CHECK(a["url"] == "https://daily.example/2024/tramway");
    CHECK(a["title"] == "News about tramway");   // the headline, without the site's name <title> adds
    CHECK(a["date"] == "2024-05-06");
    CHECK(a["authors"] == json::array({"Rita Cole"}));
    CHECK(a["source"] == "Daily Example");
    CHECK(a["language"] == "en");
    const auto body = a["body"].get<std::string>();
    CHECK(body.rfind("Officials confirmed on Monday", 0) == 0);
    CHECK(body.find("\n\nResidents, who had campaigned") != std::string::npos);
    CHECK(body.find("Home") == std::string::npos);
    CHECK(body.find("News about") == std::string::npos);
    // The fields extraction had before are still there.
    for (const char* key : {"speakers", "organisations", "countries", "quotes", "country_mentions"}) CHECK(a.contains(key));
}

TEST_CASE("html: a page in windows-1252 is read as its <meta> says", "[cli][extract][html]") {
    TempDir dir;
    const std::string para = "<p>Le conseil a vot\xE9 mardi la fermeture du pont, apr\xE8s des fissures, \x96 "
                             "a d\xE9" "clar\xE9 le maire, et les travaux dureront un an.</p>";
    const auto page = dir.write("pont.html", "<html lang=\"fr\"><head><meta http-equiv=\"Content-Type\" "
                                             "content=\"text/html; charset=windows-1252\"></head><body><div>" +
                                                 para + para + "</div></body></html>");
    const auto r = run_newsdesk({"extract", "--json", page.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto a = json::parse(r.out);
    CHECK(a["language"] == "fr");
    CHECK(a["body"].get<std::string>().find("vot\u00e9 mardi la fermeture du pont, apr\u00e8s des fissures, \u2013") !=
          std::string::npos);
}

TEST_CASE("html: a page with no article is reported and skipped, the rest indexed", "[cli][index][html]") {
    TempDir dir;
    dir.write("pages/good.html", news_page("tramway"));
    const auto empty = dir.write("pages/index.html", "<html><body><nav><a href=\"/a\">A</a></nav>"
                                                     "<ul><li><a href=\"/1\">Story one</a></li></ul></body></html>");
    const auto db = (dir / "db").string();
    const auto r = run_newsdesk({"index", "--db", db, "--json", (dir / "pages").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(empty.string() + ": no article text found") != std::string::npos);
    const auto summary = json::parse(r.out);
    CHECK(summary["added"] == 1);
    CHECK(summary["skipped"] == 1);
    CHECK(search_total(db, "tramway") == 1);
}

TEST_CASE("html: --format html reads any file as a page, and unknown types name .html", "[cli][extract][html]") {
    TempDir dir;
    // Text before the markup: neither its name nor its first bytes say it is a page.
    const auto page = dir.write("story.page", "Saved from the web\n" + news_page("seawall"));
    const auto unknown = run_newsdesk({"extract", "--json", page.string()});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err.find(".html, .htm") != std::string::npos);
    const auto r = run_newsdesk({"extract", "--json", "--format", "html", page.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(json::parse(r.out)["body"].get<std::string>().find("seawall project") != std::string::npos);
}

TEST_CASE("hostile html: 100,000 nested elements, entity bombs and huge pages", "[cli][hostile][html]") {
    TempDir dir;
    dir.write("pages/good.html", news_page("tramway"));

    std::string nested = "<html><body>";
    for (int i = 0; i < 100000; ++i) nested += "<div><span>";
    nested += "<p>Deep text, buried far down, where no reader will look, and no stack should go.</p>";
    dir.write("pages/nested.html", nested + "</body></html>");

    // Billion laughs: an internal subset defining entities of entities. The HTML parser must
    // not expand them a billion times.
    auto bomb = billion_laughs_doctype("html");
    bomb += "<html><body><div><p>&lol9; &lol9; &lol9; and a sentence, long enough to be a paragraph, of words.</p>"
            "<p>Another sentence follows, with commas, as prose has, so it may be an article.</p></div></body></html>";
    dir.write("pages/bomb.html", bomb);

    std::string huge = "<html><body><div>";
    const std::string para = "<p>A paragraph of filler text, repeated until the page is larger than the limit.</p>";
    while (huge.size() <= (16u << 20)) huge += para;
    const auto big = dir.write("pages/huge.html", huge + "</div></body></html>");

    const auto start = std::chrono::steady_clock::now();
    const auto r = run_newsdesk({"extract", "--json", (dir / "pages").string()});
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(r.err);
    CHECK(seconds < 60);
    CHECK(r.exit_code == 1);   // the huge page is skipped and reported
    CHECK(r.err.find(big.string() + ": article too large") != std::string::npos);
    std::set<std::string> ids;
    for (const auto& a : json_lines(r.out)) {
        ids.insert(a["id"].get<std::string>());
        // No expansion: each of the three references stays at most what it is (a few bytes).
        CHECK(a["body"].get<std::string>().size() < 4096);
    }
    CHECK(ids.count("good") == 1);
    CHECK(ids.count("bomb") == 1);
    // The nested page is read (what lies too deep is not) and either yields text or is reported.
    CHECK((ids.count("nested") == 1 || r.err.find("nested.html: no article text found") != std::string::npos));
    CHECK(ids.count("huge") == 0);
}
