// End-to-end: web-archive crawls (WARC) indexed by the real program: the dev pages' crawl, a
// file with every record type and both versions, and broken files.
#include <fstream>

#include <nlohmann/json.hpp>

#include "support/gzip.hpp"
#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

std::string warc_record(const std::string& version, const std::string& type, const std::string& uri,
                        const std::string& content_type, const std::string& block) {
    return "WARC/" + version + "\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri + "\r\nContent-Type: " +
           content_type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string http_page(const std::string& status, const std::string& media_type, const std::string& body) {
    return "HTTP/1.1 " + status + "\r\nContent-Type: " + media_type + "\r\n\r\n" + body;
}

std::string article_page(const std::string& headline, const std::string& word) {
    std::string paragraphs;
    for (int i = 0; i < 6; ++i)
        paragraphs += "<p>The council met on Tuesday to discuss the " + word +
                      " plan, which residents have debated for months in long public meetings.</p>";
    return "<html><head><title>" + headline + "</title></head><body><nav><a href=/>Home</a></nav><article><h1>" +
           headline + "</h1>" + paragraphs + "</article></body></html>";
}

void write_file(const std::filesystem::path& p, const std::string& content) {
    std::ofstream(p, std::ios::binary) << content;
}

// Every record type a crawl holds, in both versions: two of them are articles.
std::vector<std::string> crawl_records() {
    const std::string http = "application/http; msgtype=response";
    return {
        warc_record("1.0", "warcinfo", "", "application/warc-fields", "software: test\r\n"),
        warc_record("1.1", "request", "https://news.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\n\r\n"),
        warc_record("1.1", "response", "https://news.example/a", http,
                    http_page("200 OK", "text/html; charset=utf-8", article_page("Bridge vote delayed", "bridge"))),
        warc_record("1.0", "response", "<https://news.example/b>", http,
                    http_page("200 OK", "text/html", article_page("Library to close", "library"))),
        warc_record("1.0", "metadata", "https://news.example/a", "application/warc-fields", "fetchTimeMs: 12\r\n"),
        warc_record("1.1", "revisit", "https://news.example/a", http, "HTTP/1.1 200 OK\r\n\r\n"),
        warc_record("1.1", "response", "https://news.example/old", http, "HTTP/1.1 301 Moved\r\nLocation: /a\r\n\r\n"),
        warc_record("1.1", "response", "https://news.example/gone", http, http_page("404 Not Found", "text/html", "<p>no</p>")),
        warc_record("1.1", "response", "https://news.example/logo.png", http, http_page("200 OK", "image/png", "\x89PNG")),
        warc_record("1.1", "response", "https://news.example/robots.txt", http, http_page("200 OK", "text/plain", "User-agent: *")),
    };
}

} // namespace

TEST_CASE("a crawl's HTML pages are articles and its other records are counted by kind", "[cli][warc]") {
    TempDir dir;
    std::string plain, gzipped;
    for (const auto& r : crawl_records()) {
        plain += r;
        gzipped += gzip_member(r);
    }
    write_file(dir / "crawl.warc", plain);
    write_file(dir / "crawl2.warc.gz", gzipped);
    for (const auto& input : {"crawl.warc", "crawl2.warc.gz"}) {
        INFO(input);
        const auto db = (dir / (std::string(input) + ".db")).string();
        const auto r = run_newsdesk({"index", "--db", db, "--json", (dir / input).string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const auto s = json::parse(r.out);
        CHECK(s["added"] == 2);
        CHECK(s["skipped"] == 0);
        CHECK(s["passed_over"]["WARC warcinfo records"] == 1);
        CHECK(s["passed_over"]["WARC request records"] == 1);
        CHECK(s["passed_over"]["WARC metadata records"] == 1);
        CHECK(s["passed_over"]["WARC revisit records"] == 1);
        CHECK(s["passed_over"]["WARC redirects"] == 1);
        CHECK(s["passed_over"]["WARC error responses"] == 1);
        CHECK(s["passed_over"]["WARC responses that are no HTML page"] == 2);
        const auto found = json::parse(run_newsdesk({"search", "--db", db, "--json", "url:\"https://news.example/b\""}).out);
        REQUIRE(found["total"] == 1);
        CHECK(found["hits"][0]["title"] == "Library to close");
    }
}

TEST_CASE("a broken crawl is reported by file and record, and the records before are indexed", "[cli][warc]") {
    TempDir dir;
    const auto records = crawl_records();
    SECTION("a Content-Length that lies short: the lines up to the next record are reported") {
        auto lying = records[2];
        const auto at = lying.find("Content-Length: ") + 16;
        const auto end = lying.find("\r\n", at);
        lying.replace(at, end - at, std::to_string(std::stoul(lying.substr(at, end - at)) - 100));
        write_file(dir / "lying.warc", lying + records[3]);
        const auto r = run_newsdesk({"index", "--db", (dir / "db1").string(), "--json", (dir / "lying.warc").string()});
        INFO(r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("lying.warc:record 2: ") != std::string::npos);
        CHECK(json::parse(r.out)["added"] == 2);   // the page cut short still has its text
    }
    SECTION("a file cut short inside a record") {
        const auto whole = records[2] + records[3];
        write_file(dir / "cut.warc", whole.substr(0, whole.size() - 500));
        const auto r = run_newsdesk({"index", "--db", (dir / "db2").string(), "--json", (dir / "cut.warc").string()});
        INFO(r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("cut.warc: record 2: cut short") != std::string::npos);
        CHECK(json::parse(r.out)["added"] == 1);
    }
    SECTION("a gzip stream cut short") {
        std::string gz;
        for (const auto& rec : records) gz += gzip_member(rec);
        write_file(dir / "cut.warc.gz", gz.substr(0, gz.size() - 100));
        const auto r = run_newsdesk({"index", "--db", (dir / "db3").string(), "--json", (dir / "cut.warc.gz").string()});
        INFO(r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("cut.warc.gz") != std::string::npos);
        CHECK(json::parse(r.out)["added"] == 2);
    }
}

TEST_CASE("the dev pages' crawl gives exactly its 91 articles, each found by its URL", "[cli][warc]") {
    const auto crawl = shared_data("data/html-articles/pages.warc.gz");
    const auto truth_file = shared_data("data/html-articles/ground-truth.json");
    if (!std::filesystem::exists(crawl) || !std::filesystem::exists(truth_file)) return;
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto r = run_newsdesk({"index", "--db", db, "--json", crawl.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(json::parse(r.out)["added"] == 91);
    const auto truth = json::parse(slurp(truth_file));
    REQUIRE(truth.size() == 91);
    for (const auto& [page, gold] : truth.items()) {
        const auto url = gold["url"].get<std::string>();
        INFO(url);
        CHECK(json::parse(run_newsdesk({"search", "--db", db, "--json", "--limit", "0", "url:\"" + url + "\""}).out)["total"] == 1);
    }
}
