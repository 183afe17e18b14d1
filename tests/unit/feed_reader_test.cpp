#include <catch2/catch.hpp>

#include "indexer/readers/format_sniffing.hpp"
#include "indexer/readers/input_files.hpp"
#include "schema/date.hpp"
#include "support/xml_news.hpp"

using namespace newsdesk;

namespace {

testing::XmlNewsRead read(const std::string& xml, std::size_t max_bytes = MaxArticleBytes) {
    return testing::read_xml_news_document(xml, "world.rss", max_bytes);
}

std::string rss(const std::string& channel_extra, const std::string& items) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>World news | The Daily Courier</title><link>https://www.dailycourier.example/world</link>
<language>en-gb</language>)" + channel_extra + items + "</channel></rss>";
}

const std::string Atom = R"(xmlns="http://www.w3.org/2005/Atom")";

} // namespace

TEST_CASE("rss: an item's link, guid, date, authors and content:encoded make the article", "[readers][feeds]") {
    const auto r = read(rss("", R"(
<item>
  <title>Flood waters
    rise in the valley</title>
  <link>https://www.dailycourier.example/world/2026/dec/05/floods</link>
  <guid isPermaLink="false">courier-88412</guid>
  <pubDate>Sat, 05 Dec 2026 23:10:00 -0500</pubDate>
  <dc:creator>Ana Lima and Tom Reed</dc:creator>
  <description>A teaser &lt;b&gt;only&lt;/b&gt;.</description>
  <content:encoded><![CDATA[<p>The river broke its banks on Friday.</p><script>track()</script><p>"We lost everything," said Maria Ortiz.</p>]]></content:encoded>
</item>)"));
    REQUIRE(r.problems.empty());
    REQUIRE(r.articles.size() == 1);
    const auto& a = r.articles[0];
    CHECK(a.title == "Flood waters rise in the valley");
    CHECK(a.body == "The river broke its banks on Friday.\n\n\"We lost everything,\" said Maria Ortiz.");
    CHECK(a.url == "https://www.dailycourier.example/world/2026/dec/05/floods");
    CHECK(a.id == a.url);                    // the page's address, as its web page would have it
    CHECK(a.date == "2026-12-05");           // the day where it was written, not in UTC
    CHECK(a.authors == std::vector<std::string>{"Ana Lima", "Tom Reed"});
    CHECK(a.source == "The Daily Courier");  // the part of the feed's title its address names
    CHECK(a.language == "en");
    CHECK(a.origin == "world.rss:item 1");
}

TEST_CASE("rss: without content:encoded the description is the body, as HTML", "[readers][feeds]") {
    const auto r = read(rss("", R"(
<item><title>Short</title><description>&lt;p&gt;First paragraph.&lt;/p&gt;&lt;p&gt;Second &amp;amp; last.&lt;/p&gt;</description>
<guid>https://www.dailycourier.example/short</guid><author>desk@dailycourier.example (Sam Okafor)</author></item>
<item><title>Bare address</title><author>desk@dailycourier.example</author><guid isPermaLink="false">x-2</guid>
<pubDate>2026-12-04T08:00:00Z</pubDate></item>)"));
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].body == "First paragraph.\n\nSecond & last.");
    CHECK(r.articles[0].url == "https://www.dailycourier.example/short");   // a guid is a permalink by default
    CHECK(r.articles[0].authors == std::vector<std::string>{"Sam Okafor"});
    CHECK(r.articles[1].url.empty());
    CHECK(r.articles[1].id == "x-2");
    CHECK(r.articles[1].authors.empty());    // an e-mail address is no name
    CHECK(r.articles[1].date == "2026-12-04");   // an ISO date where RFC 822 belongs is read too
    CHECK(r.articles[1].body.empty());       // a headline alone is still an article
}

TEST_CASE("rss: items with no text are problems by number, the rest is read", "[readers][feeds]") {
    const auto r = read(rss("", "<item><link>https://x.example/a</link></item><item><title>Kept</title></item>"));
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Kept");
    CHECK(r.articles[0].id == "world:2");    // neither link nor guid: the file and the item's number
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].to_string() == "world.rss:item 1: no text: the item has neither a title nor a description");
}

TEST_CASE("rss: a feed with no items is passed over, not a problem", "[readers][feeds]") {
    const auto r = read(rss("", ""));
    CHECK(r.articles.empty());
    CHECK(r.problems.empty());
    CHECK(r.passed_over == std::vector<std::string>{"feeds without items"});
}

TEST_CASE("rss: an item's own source and language win over the channel's", "[readers][feeds]") {
    const auto r = read(rss("", R"(<item xml:lang="fr"><title>T</title><source url="https://wire.example/rss">Wire Service</source></item>)"));
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].source == "Wire Service");
    CHECK(r.articles[0].language == "fr");
}

TEST_CASE("rss 1.0: items beside the channel, addresses from rdf:about, dates from dc:date", "[readers][feeds]") {
    const auto r = read(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://news.example/rss"><title>Example News</title><link>https://news.example/</link><dc:language>de</dc:language></channel>
<item rdf:about="https://news.example/a/1"><title>Eins</title><description>Der Text.</description><dc:date>2026-11-30T10:00:00+01:00</dc:date><dc:creator>Eva Braun</dc:creator></item>
</rdf:RDF>)");
    REQUIRE(r.articles.size() == 1);
    const auto& a = r.articles[0];
    CHECK(a.url == "https://news.example/a/1");
    CHECK(a.date == "2026-11-30");
    CHECK(a.language == "de");
    CHECK(a.source == "Example News");
    CHECK(a.authors == std::vector<std::string>{"Eva Braun"});
}

TEST_CASE("atom: entries with html, xhtml and text content, alternate links and authors", "[readers][feeds]") {
    const auto r = read(R"(<feed )" + Atom + R"( xml:lang="en-US">
<title type="text">Example Times - Politics</title><link rel="self" href="https://www.exampletimes.example/politics.atom"/>
<link href="https://www.exampletimes.example/politics"/>
<entry><title type="html">Budget &lt;em&gt;passes&lt;/em&gt;</title>
  <link rel="enclosure" href="https://cdn.example/photo.jpg"/><link rel="alternate" type="text/html" href="https://www.exampletimes.example/budget"/>
  <id>tag:exampletimes.example,2026:budget</id><updated>2026-12-02T09:00:00Z</updated><published>2026-12-01T21:00:00-08:00</published>
  <author><name>Lee Chan</name><email>lee@exampletimes.example</email></author><author><name>Rosa Diaz</name></author>
  <summary>Not the body.</summary>
  <content type="html">&lt;p&gt;The budget passed.&lt;/p&gt;&lt;p&gt;It was close.&lt;/p&gt;</content></entry>
<entry><title>Second</title><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id><updated>2026-12-03T09:00:00Z</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One &amp; <b>two</b>.</p><p>Three<br/>four.</p></div></content></entry>
<entry><title>Third</title><id>https://www.exampletimes.example/third</id><summary>Plain summary
over two lines.

A second paragraph.</summary><content src="https://www.exampletimes.example/third.pdf" type="application/pdf"/></entry>
</feed>)");
    REQUIRE(r.problems.empty());
    REQUIRE(r.articles.size() == 3);
    const auto& a = r.articles[0];
    CHECK(a.title == "Budget passes");
    CHECK(a.body == "The budget passed.\n\nIt was close.");
    CHECK(a.url == "https://www.exampletimes.example/budget");
    CHECK(a.date == "2026-12-01");           // published, not updated
    CHECK(a.authors == std::vector<std::string>{"Lee Chan", "Rosa Diaz"});
    CHECK(a.source == "Example Times");
    CHECK(a.language == "en");
    const auto& b = r.articles[1];
    CHECK(b.body == "One & two.\n\nThree\n\nfour.");   // a line break splits a block, as on web pages
    CHECK(b.id == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
    CHECK(b.url.empty());
    CHECK(b.date == "2026-12-03");           // no published: updated
    const auto& c = r.articles[2];
    CHECK(c.body == "Plain summary over two lines.\n\nA second paragraph.");   // content elsewhere: the summary
    CHECK(c.url == "https://www.exampletimes.example/third");                   // an id that is an address
}

TEST_CASE("feeds: a feed's title keeps its name when its address names no part of it", "[readers][feeds]") {
    const auto r = read(R"(<rss version="2.0"><channel><title>Reuters: World News</title><link>https://www.reuters.com/world</link>
<item><title>A</title></item></channel></rss><!-- -->)");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].source == "Reuters");
    const auto s = read(R"(<rss version="2.0"><channel><title>Morning - Evening</title><link>https://paper.example/</link>
<item><title>A</title></item></channel></rss>)");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].source == "Morning - Evening");
}

TEST_CASE("feeds: an item larger than the limit is refused, malformed XML after items keeps them", "[readers][feeds]") {
    auto r = read(rss("", "<item><title>T</title><description>" + std::string(2000, 'a') + "</description></item>"), 1000);
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].to_string() == "world.rss:item 1: " + std::string(ArticleTooLarge));

    r = read("<rss version=\"2.0\"><channel><item><title>Kept</title></item>\n<item><title>Cut</title><desc");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Kept");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].location == "world.rss:2");
    CHECK(r.problems[0].message.starts_with("malformed XML"));
}

TEST_CASE("feeds: .rss and .atom are XML news files", "[readers][feeds]") {
    CHECK(format_of("world.rss") == Format::Xml);
    CHECK(format_of("politics.ATOM.gz") == Format::Xml);
}

TEST_CASE("Internet message dates (RSS pubDate, HTTP)", "[readers][dates]") {
    CHECK(internet_date("Sun, 06 Dec 2026 07:03:46 GMT") == "2026-12-06");
    CHECK(internet_date("6 Dec 2026 07:03 +0100") == "2026-12-06");
    CHECK(internet_date("Tuesday, 1 September 2026 10:00:00 EST") == "2026-09-01");
    CHECK(internet_date("Mon, 02 Jan 06 15:04:05 -0700") == "2006-01-02");   // RFC 822's two-digit year
    CHECK(internet_date("01 Feb 2026") == "2026-02-01");
    CHECK_FALSE(internet_date("Fri, 29 Feb 2026 10:00 GMT"));   // no such day
    CHECK_FALSE(internet_date("Sun, 06 Foo 2026 07:03 GMT"));
    CHECK_FALSE(internet_date("2026-12-06"));
    CHECK_FALSE(internet_date("6 Dec 2026 yesterday"));
    CHECK_FALSE(internet_date(""));
}

TEST_CASE("formats by content: WARC, JSON Lines, HTML and news XML, never plain text", "[readers][sniffing]") {
    CHECK(format_of_content("WARC/1.1\r\nWARC-Type: warcinfo\r\n") == Format::Warc);
    CHECK(format_of_content("\xEF\xBB\xBF  {\"id\":\"a\"}\n") == Format::JsonLines);
    CHECK(format_of_content("{\"id\":\"a\",\"body\":\"" + std::string(9000, 'x')) == Format::JsonLines);   // one long line
    CHECK_FALSE(format_of_content("{\n  \"name\": \"newsdesk\",\n  \"version\": 1\n}\n"));           // pretty-printed JSON
    CHECK(format_of_content("<!DOCTYPE html><html lang=en>") == Format::Html);
    CHECK(format_of_content("<!-- saved from url=(0042)https://x.example/ -->\n<HTML><HEAD>") == Format::Html);
    CHECK(format_of_content("<?xml version=\"1.0\"?>\n<!-- feed -->\n<rss version=\"2.0\">") == Format::Xml);
    CHECK(format_of_content("<?xml version=\"1.0\"?><!DOCTYPE nitf SYSTEM \"nitf.dtd\" [<!ENTITY a \"b\">]><nitf>") == Format::Xml);
    CHECK(format_of_content("<rdf:RDF xmlns:rdf=\"x\">") == Format::Xml);
    CHECK(format_of_content("<feed xmlns=\"http://www.w3.org/2005/Atom\">") == Format::Xml);
    CHECK(format_of_content("<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">") == Format::Xml);
    CHECK_FALSE(format_of_content("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">"));
    CHECK_FALSE(format_of_content("<?xml version=\"1.0\"?><!-- never closed"));
    CHECK_FALSE(format_of_content("LONDON (Reuters) - Prices rose."));
    CHECK_FALSE(format_of_content("\x89PNG\r\n"));
    CHECK_FALSE(format_of_content(""));
}
