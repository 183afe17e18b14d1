// The WARC record layer and the HTTP responses inside records, on files written here: both
// versions, gzip members, lengths that lie, files cut short, and response encodings.
#include <catch2/catch.hpp>

#include <fstream>

#include "indexer/readers/http_response.hpp"
#include "indexer/readers/warc_reader.hpp"
#include "indexer/readers/warc_records.hpp"
#include "support/gzip.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::gzip_member;
using newsdesk::testing::TempDir;

namespace {

std::string record(const std::string& version, const std::string& type, const std::string& block,
                   const std::string& extra = {}) {
    return "WARC/" + version + "\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: <https://example.org/" + type +
           ">\r\n" + extra + "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
           std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::filesystem::path write(const TempDir& dir, const std::string& name, const std::string& content) {
    const auto p = dir / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

std::vector<WarcRecord> all_records(const std::filesystem::path& p, std::size_t max_block = 1 << 20) {
    CompressedFile file(p);
    WarcRecords records(file);
    std::vector<WarcRecord> out;
    for (WarcRecord r; records.next(r, max_block);) out.push_back(r);
    return out;
}

} // namespace

TEST_CASE("WARC records: both versions, every type, fields and blocks", "[warc]") {
    TempDir dir;
    const auto p = write(dir, "a.warc",
                         record("1.0", "warcinfo", "software: test\r\n") + record("1.1", "request", "GET / HTTP/1.1\r\n\r\n") +
                             record("1.1", "Response", "HTTP/1.1 200 OK\r\n\r\n<p>hi</p>") +
                             record("1.0", "metadata", "fetchTimeMs: 12\r\n"));
    const auto rs = all_records(p);
    REQUIRE(rs.size() == 4);
    CHECK(rs[0].version == "1.0");
    CHECK(rs[1].version == "1.1");
    CHECK(rs[2].type == "response");   // types compare in lower case
    CHECK(rs[2].target_uri == "https://example.org/Response");   // the <> of WARC 1.0 writers removed
    CHECK(rs[2].content_type == "application/http; msgtype=response");
    CHECK(rs[2].block == "HTTP/1.1 200 OK\r\n\r\n<p>hi</p>");
    CHECK(rs[3].number == 4);
}

TEST_CASE("WARC records: one gzip member per record, as Common Crawl writes them", "[warc]") {
    TempDir dir;
    const auto p = write(dir, "a.warc.gz",
                         gzip_member(record("1.0", "request", "GET /")) + gzip_member(record("1.0", "response", "HTTP/1.1 200 OK\r\n\r\nx")));
    const auto rs = all_records(p);
    REQUIRE(rs.size() == 2);
    CHECK(rs[1].block == "HTTP/1.1 200 OK\r\n\r\nx");
}

TEST_CASE("WARC records: a block over the limit is passed over, not held", "[warc]") {
    TempDir dir;
    const std::string big(5000, 'x');
    const auto p = write(dir, "a.warc", record("1.0", "response", big) + record("1.0", "request", "GET /"));
    const auto rs = all_records(p, 1000);
    REQUIRE(rs.size() == 2);
    CHECK_FALSE(rs[0].block_kept);
    CHECK(rs[0].block.empty());
    CHECK(rs[0].length == 5000);
    CHECK(rs[1].block == "GET /");
}

TEST_CASE("WARC records: a length that lies, a file cut short, a file that is no WARC", "[warc]") {
    TempDir dir;
    SECTION("a Content-Length shorter than the block: the rest is counted, the next record read") {
        auto first = record("1.0", "response", "HTTP/1.1 200 OK\r\n\r\nline one\r\nline two\r\n");
        first.replace(first.find("Content-Length: ") + 16, 2, "10");
        const auto rs = all_records(write(dir, "a.warc", first + record("1.0", "request", "GET /")));
        REQUIRE(rs.size() == 2);
        CHECK(rs[1].type == "request");
        CHECK(rs[1].lines_skipped > 0);
    }
    SECTION("a Content-Length longer than what is left") {
        auto first = record("1.0", "response", "HTTP/1.1 200 OK\r\n\r\nshort");
        first.replace(first.find("Content-Length: ") + 16, 2, "99999");
        CHECK_THROWS_WITH(all_records(write(dir, "b.warc", first)), Catch::Contains("record 1: cut short"));
    }
    SECTION("no Content-Length") {
        CHECK_THROWS_WITH(all_records(write(dir, "c.warc", "WARC/1.1\r\nWARC-Type: request\r\n\r\nGET /\r\n")),
                          Catch::Contains("record 1: no Content-Length"));
    }
    SECTION("a header without end") {
        CHECK_THROWS_WITH(all_records(write(dir, "d.warc", "WARC/1.0\r\nWARC-Type: request\r\n")),
                          Catch::Contains("ends inside the record's header"));
    }
    SECTION("not WARC at all") {
        CHECK_THROWS_WITH(all_records(write(dir, "e.warc", "<html><body>hello</body></html>\n")),
                          Catch::Contains("no WARC record"));
    }
    SECTION("a gzip member cut short") {
        const auto member = gzip_member(record("1.0", "request", std::string(20000, 'y')));
        CHECK_THROWS(all_records(write(dir, "f.warc.gz", member.substr(0, member.size() / 2))));
    }
}

TEST_CASE("WARC records: a target URI that is not UTF-8 is percent-encoded", "[warc]") {
    // found by fuzz_warc (fuzz/regressions/warc/target_uri_not_utf8.warc): a Latin-1 byte in
    // the URI reached the article's URL and id as invalid UTF-8
    TempDir dir;
    const auto rs = all_records(write(dir, "a.warc",
                                      "WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: <https://example.org/caf\xe9?a=1\x01>\r\n"
                                      "Content-Length: 0\r\n\r\n\r\n\r\n"
                                      "WARC/1.1\r\nWARC-Type: request\r\nWARC-Target-URI: https://example.org/caf\xc3\xa9\r\n"
                                      "Content-Length: 0\r\n\r\n\r\n\r\n"));
    REQUIRE(rs.size() == 2);
    CHECK(rs[0].target_uri == "https://example.org/caf%E9?a=1%01");
    CHECK(rs[1].target_uri == "https://example.org/caf\xc3\xa9");   // an IRI in UTF-8 stays as it is
}

TEST_CASE("WARC reader: every article has an id and a URL that are UTF-8", "[warc]") {
    TempDir dir;
    const std::string page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>The harbour "
                             "reopened on Thursday, three days after the storm, the port authority said.</p></article></body></html>";
    std::string no_uri = record("1.1", "response", page);
    no_uri.erase(no_uri.find("WARC-Target-URI"), no_uri.find("Content-Type") - no_uri.find("WARC-Target-URI"));
    std::string latin1 = record("1.1", "response", page);
    latin1.replace(latin1.find("example.org/response"), 20, "example.org/caf\xe9");
    const auto p = write(dir, "crawl.warc", no_uri + latin1);
    std::vector<Article> articles;
    ReadHandlers handlers;
    handlers.article = [&](Article&& a) {
        articles.push_back(std::move(a));
        return true;
    };
    handlers.problem = [](const InputProblem& problem) {
        FAIL(problem.to_string());
        return true;
    };
    read_warc({p, Format::Warc, std::filesystem::file_size(p)}, handlers);
    REQUIRE(articles.size() == 2);
    // no WARC-Target-URI (against the standard) and no canonical link: named by its place
    CHECK(articles[0].id == "crawl.warc:record 1");
    CHECK(articles[0].url.empty());
    CHECK(articles[1].id == "https://example.org/caf%E9");
    CHECK(articles[1].url == "https://example.org/caf%E9");
}

TEST_CASE("HTTP responses: status, media type, charset, chunks and compression", "[warc]") {
    std::string why;
    const auto plain = parse_http_response(
        "HTTP/1.1 200 OK\r\nContent-Type: text/HTML; Charset=\"ISO-8859-1\"\r\n\r\n<p>caf\xe9</p>", 1000, why);
    REQUIRE(plain);
    CHECK(plain->status == 200);
    CHECK(plain->media_type == "text/html");
    CHECK(plain->charset == "iso-8859-1");
    CHECK(plain->body == "<p>caf\xe9</p>");

    const auto chunked = parse_http_response(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>a\r\nA;ext=1\r\n b c d e f\r\n0\r\n\r\n", 1000, why);
    REQUIRE(chunked);
    CHECK(chunked->body == "<p>a b c d e f");

    std::string page = "<html><body><p>packed</p></body></html>";
    const auto gz = gzip_member(page);
    const auto packed = parse_http_response("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + gz, 1000, why);
    REQUIRE(packed);
    CHECK(packed->body == page);

    const auto redirect = parse_http_response("HTTP/1.1 301 Moved Permanently\r\nLocation: /x\r\n\r\n", 1000, why);
    REQUIRE(redirect);
    CHECK(redirect->status == 301);

    CHECK_FALSE(parse_http_response("GET / HTTP/1.1\r\n\r\n", 1000, why));
    CHECK(why == "not an HTTP response");
    CHECK_FALSE(parse_http_response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n", 1000, why));
    CHECK(why == "chunk size is not a number");
    // a compression bomb stops at the limit
    const auto bomb = gzip_member(std::string(1 << 20, 'a'));
    CHECK_FALSE(parse_http_response("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + bomb, 1000, why));
    CHECK(why == "body larger than the limit");
}
