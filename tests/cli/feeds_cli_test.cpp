// End-to-end: RSS and Atom feeds through the real program, hostile feeds beside good ones, and a
// directory holding every format at once, some recognised only by their content.
#include <fstream>

#include <nlohmann/json.hpp>

#include "support/billion_laughs.hpp"
#include "support/gzip.hpp"
#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& p, const std::string& content) { std::ofstream(p, std::ios::binary) << content; }

std::string rss_feed(const std::string& word) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>World | The Harbour Gazette</title><link>https://www.harbourgazette.example/world</link><language>en</language>
<item><title>Port strike ends in )" + word + R"(</title><link>https://www.harbourgazette.example/strike-)" + word + R"(</link>
<pubDate>Thu, 03 Dec 2026 18:30:00 +0000</pubDate><dc:creator>Nia Brooks</dc:creator>
<description>Teaser only.</description>
<content:encoded><![CDATA[<p>Dock workers in France returned to work on Thursday after a ten-day strike.</p>
<p>"We have a fair deal at last," said Jean Martin, the union's leader.</p>]]></content:encoded></item>
</channel></rss>
)";
}

std::string atom_feed(const std::string& word) {
    return R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Valley Times</title>
<entry><title>Council approves )" + word + R"( budget</title><link href="https://valleytimes.example/)" + word + R"("/>
<id>tag:valleytimes.example,2026:)" + word + R"(</id><published>2026-12-04T07:00:00Z</published><author><name>Omar Haddad</name></author>
<content type="html">&lt;p&gt;The council approved the budget on Friday.&lt;/p&gt;</content></entry>
</feed>
)";
}

std::string page(const std::string& word) {
    std::string paragraphs;
    for (int i = 0; i < 5; ++i)
        paragraphs += "<p>Residents gathered on Saturday to talk about the " + word +
                      " scheme, which the city has weighed for most of the year.</p>";
    return "<!DOCTYPE html><html lang=en><head><title>" + word + " scheme</title></head><body><nav><a href=/>Home</a>"
           "</nav><article><h1>The " + word + " scheme</h1>" + paragraphs + "</article></body></html>";
}

std::string warc_response(const std::string& uri, const std::string& html) {
    const auto block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
    return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
           "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + std::to_string(block.size()) +
           "\r\n\r\n" + block + "\r\n\r\n";
}

std::string nitf(const std::string& word) {
    return "<?xml version=\"1.0\"?>\n<nitf><head><docdata><doc-id id-string=\"" + word + "\"/></docdata></head><body>"
           "<body.head><hedline><hl1>Report on " + word + "</hl1></hedline></body.head><body.content><p>The " + word +
           " harbour reopened on Monday, officials said.</p></body.content></body></nitf>\n";
}

} // namespace

TEST_CASE("feeds: RSS and Atom items are articles, with their links, dates, authors and speakers", "[cli][feeds]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    write_file(dir / "world.rss", rss_feed("zyxalpha"));
    write_file(dir / "valley.atom.gz", gzip_member(atom_feed("zyxbravo")));
    const auto r = run_newsdesk({"index", "--db", db, "--json", (dir / "world.rss").string(), (dir / "valley.atom.gz").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(json::parse(r.out)["added"] == 2);

    CHECK(search_total(db, "zyxalpha") == 1);
    CHECK(search_total(db, "url:\"https://www.harbourgazette.example/strike-zyxalpha\"") == 1);
    CHECK(search_total(db, "\"fair deal\"") == 1);            // the body is content:encoded
    CHECK(search_total(db, "teaser") == 0);                     // not the description beside it
    CHECK(search_total(db, "speaker:\"Jean Martin\"") == 1);    // extraction runs on feeds too
    CHECK(search_total(db, "country:FR") == 1);
    CHECK(search_total(db, "source:\"The Harbour Gazette\"") == 1);
    CHECK(search_total(db, "zyxbravo date:2026-12-04") == 1);
    CHECK(search_total(db, "source:\"Valley Times\"") == 1);

    const auto found = run_newsdesk({"search", "--db", db, "--json", "zyxbravo"});
    REQUIRE(found.exit_code == 0);
    const auto hit = json::parse(found.out)["hits"][0];
    CHECK(hit["url"] == "https://valleytimes.example/zyxbravo");
    CHECK(hit["authors"] == json::array({"Omar Haddad"}));
}

TEST_CASE("feeds: hostile feeds are reported, the good items beside them indexed", "[cli][feeds]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto in = dir / "in";
    fs::create_directories(in);
    write_file(in / "good.rss", rss_feed("zyxalpha"));
    write_file(in / "laughs.rss", "<?xml version=\"1.0\"?>" + billion_laughs_doctype("rss") +
                                      "<rss version=\"2.0\"><channel><item><title>&lol9;</title></item></channel></rss>");
    const auto whole = rss_feed("zyxcharlie");
    write_file(in / "truncated.rss", whole.substr(0, whole.find("returned")));
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<d>";
    write_file(in / "deep.atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>T</title><content type=\"xhtml\">" + deep);
    write_file(in / "empty.rss", "<rss version=\"2.0\"><channel><title>Nothing yet</title></channel></rss>");
    write_file(in / "blank.rss", "<rss version=\"2.0\"><channel><item><link>https://x.example/a</link></item></channel></rss>");

    const auto r = run_newsdesk({"index", "--db", db, "--json", in.string()});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 1);   // something was skipped
    const auto summary = json::parse(r.out);
    CHECK(summary["added"] == 1);
    CHECK(summary["skipped_by_reason"] == json({{"malformed XML", 1}, {"entity refused", 1}, {"too deeply nested", 1}, {"no text", 1}}));
    CHECK(summary["passed_over"]["feeds without items"] == 1);
    CHECK(has(r.err, (in / "laughs.rss").string() + ":1: entity refused"));
    CHECK(has(r.err, (in / "truncated.rss").string() + ":"));
    CHECK(has(r.err, (in / "blank.rss").string() + ":item 1: no text: the item has neither a title nor a description"));
    CHECK_FALSE(has(r.err, "newsdesk: "));
    CHECK(search_total(db, "zyxalpha") == 1);
    CHECK(search_total(db, "zyxcharlie") == 0);
}

TEST_CASE("a directory of every format, some known only by content, is indexed in one run", "[cli][feeds][sniffing]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto in = dir / "archive";
    fs::create_directories(in / "2026" / "12");
    write_file(in / "wire.jsonl", R"({"id":"j1","title":"zyxjson","body":"Markets were calm."})" "\n");
    write_file(in / "story.txt", "zyxtext story\n\nLONDON (Reuters) - Markets were calm on Monday.\n");
    write_file(in / "page.html", page("zyxhtml"));
    write_file(in / "2026" / "crawl.warc.gz", gzip_member(warc_response("https://news.example/w", page("zyxwarc"))));
    write_file(in / "2026" / "agency.nitf", nitf("zyxnitf"));
    write_file(in / "2026" / "12" / "world.rss", rss_feed("zyxrss"));
    write_file(in / "2026" / "12" / "valley.xml", atom_feed("zyxatom"));
    // Named for nothing: recognised by what they hold.
    write_file(in / "CC-NEWS-20261205.gz", gzip_member(warc_response("https://news.example/cc", page("zyxccnews"))));
    write_file(in / "export.dat", R"({"id":"d1","title":"zyxdat","body":"A line of JSON."})" "\n");
    write_file(in / "saved-page", "\n<!-- saved from url=(0031)https://news.example/saved -->\n" + page("zyxsaved"));
    write_file(in / "latest", rss_feed("zyxlatest"));
    // Not articles: counted as ignored, not read.
    write_file(in / "logo.png", "\x89PNG\r\n\x1a\nrest");
    write_file(in / "NOTES", "Remember to index the December crawl.\n");
    write_file(in / "icon.svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    write_file(in / "crawl-settings.json", "{\n  \"seeds\": [\"https://news.example/\"],\n  \"depth\": 2\n}\n");

    const auto r = run_newsdesk({"index", "--db", db, "--json", in.string()});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto summary = json::parse(r.out);
    CHECK(summary["added"] == 11);
    CHECK(summary["ignored_files"] == 4);
    for (const char* word : {"zyxjson", "zyxtext", "zyxhtml", "zyxwarc", "zyxnitf", "zyxrss", "zyxatom", "zyxccnews",
                             "zyxdat", "zyxsaved", "zyxlatest"}) {
        INFO(word);
        CHECK(search_total(db, word) == 1);
    }
    CHECK(search_total(db, "url:\"https://news.example/cc\"") == 1);

    // Named on the command line, a file neither its name nor its content explains is a problem.
    const auto named = run_newsdesk({"index", "--db", db, (in / "NOTES").string()});
    CHECK(named.exit_code != 0);
    CHECK(has(named.err, (in / "NOTES").string() + ": unknown file type: neither its name"));
}
