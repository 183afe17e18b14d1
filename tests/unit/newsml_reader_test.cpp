#include <catch2/catch.hpp>

#include "indexer/readers/input_files.hpp"
#include "support/billion_laughs.hpp"
#include "support/xml_news.hpp"

using namespace newsdesk;
using namespace std::string_literals;

namespace {

testing::XmlNewsRead read(const std::string& xml, std::size_t max_bytes = MaxArticleBytes) {
    return testing::read_xml_news_document(xml, "in.xml", max_bytes);
}

const std::string G2 = R"(xmlns="http://iptc.org/std/nar/2006-10-01/")";

std::string nitf_body(const std::string& paragraphs) {
    return R"(<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>NITF head</hl1></hedline>)"
           R"(<abstract><p>Not the body.</p></abstract></body.head><body.content>)" + paragraphs +
           "</body.content></body></nitf>";
}

std::string news_item(const std::string& guid, const std::string& item_class, const std::string& content) {
    return "<newsItem " + G2 + " guid=\"" + guid + "\" xml:lang=\"en-GB\"><itemMeta><itemClass qcode=\"" + item_class +
           "\"/></itemMeta><contentMeta><headline>Head " + guid + "</headline></contentMeta><contentSet>" + content +
           "</contentSet></newsItem>";
}

} // namespace

TEST_CASE("newsml: a plain NITF document", "[readers][newsml]") {
    const auto r = read(R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">
<nitf xml:lang="fr"><head><title>Page title</title>
  <docdata><doc-id id-string="AFP-123"/><date.issue norm="20190304T101500Z"/>
  <doc.copyright holder="Agence Example"/></docdata></head>
<body><body.head><hedline><hl1>Le   port
    rouvre</hl1></hedline><byline>By Jeanne Martin, <byttl>Correspondent</byttl></byline>
<dateline><location>MARSEILLE</location>, March 4</dateline></body.head>
<body.content><p>Le port a <em>rouvert</em> lundi.</p><block><p>Second
   paragraphe.</p></block><p>  </p></body.content></body></nitf>)");
    REQUIRE(r.problems.empty());
    REQUIRE(r.articles.size() == 1);
    const auto& a = r.articles[0];
    CHECK(a.id == "AFP-123");
    CHECK(a.title == "Le port rouvre");
    CHECK(a.body == "Le port a rouvert lundi.\n\nSecond paragraphe.");
    CHECK(a.date == "2019-03-04");
    CHECK(a.source == "Agence Example");
    CHECK(a.authors == std::vector<std::string>{"Jeanne Martin"});
    CHECK(a.dateline == "MARSEILLE");
    CHECK(a.language == "fr");
    CHECK(a.origin == "in.xml");
}

TEST_CASE("newsml: a G2 news item with inline NITF and its metadata", "[readers][newsml]") {
    const auto r = read("<newsItem " + G2 + R"( guid="urn:newsml:x:1" xml:lang="en-US">
  <rightsInfo><copyrightHolder><name>Holder Ltd</name></copyrightHolder></rightsInfo>
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:WIRE"><name>Wire Agency</name></provider>
    <versionCreated>2018-11-21T16:25:32-05:00</versionCreated><firstCreated>2017-01-02T10:00:00Z</firstCreated></itemMeta>
  <contentMeta><contentCreated>2016-11-21T15:21:06-05:00
    </contentCreated><located qcode="geo:1"><name>Lagos</name><broader><name>Nigeria</name></broader></located>
    <creator><name>Ada Writer</name><name xml:lang="fr">Ada Writer (fr)</name></creator><creator><name>Bo Second</name></creator>
    <subject><name>economy</name></subject><headline> G2 headline</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml">)" +
                        nitf_body("<p>First.</p><p>Second.</p>") + "</inlineXML></contentSet></newsItem>");
    REQUIRE(r.problems.empty());
    REQUIRE(r.articles.size() == 1);
    const auto& a = r.articles[0];
    CHECK(a.id == "urn:newsml:x:1");
    CHECK(a.title == "G2 headline");   // the item's headline before the NITF one
    CHECK(a.body == "First.\n\nSecond.");
    CHECK(a.date == "2016-11-21");     // contentCreated before firstCreated and versionCreated
    CHECK(a.authors == std::vector<std::string>{"Ada Writer", "Bo Second"});
    CHECK(a.source == "Wire Agency");
    CHECK(a.dateline == "Lagos");
    CHECK(a.language == "en-US");
}

TEST_CASE("newsml: fallbacks for source, date and language", "[readers][newsml]") {
    const auto r = read("<newsItem " + G2 + R"( guid="g"><rightsInfo><copyrightHolder><name>Holder Ltd</name></copyrightHolder></rightsInfo>
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:WIRE"/><firstCreated>2017-01-02T10:00:00Z</firstCreated></itemMeta>
  <contentMeta><language tag="de"/><headline>H</headline><dateline>BERLIN, Monday (Wire)</dateline></contentMeta></newsItem>)");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].source == "Holder Ltd");
    CHECK(r.articles[0].date == "2017-01-02");
    CHECK(r.articles[0].language == "de");
    CHECK(r.articles[0].dateline == "BERLIN");
    CHECK(r.articles[0].body.empty());
    const auto bare = read("<newsItem " + G2 + R"(><itemMeta><provider qcode="nprov:WIRE"/></itemMeta>
  <contentMeta><headline>H</headline></contentMeta></newsItem>)");
    REQUIRE(bare.articles.size() == 1);
    CHECK(bare.articles[0].source == "WIRE");
    CHECK(bare.articles[0].id == "in");   // the file's name when the item has no guid
}

TEST_CASE("newsml: an XHTML body", "[readers][newsml]") {
    const auto r = read(news_item("x1", "ninat:text", R"(<inlineXML contenttype="application/xhtml+xml">
  <html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>
  <body><h1>Big</h1><div><p>One <a href="#">link</a> here.</p><p>Two<br/>lines.</p></div></body></html></inlineXML>)"));
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "Head x1");
    CHECK(r.articles[0].body == "One link here.\n\nTwo lines.");
}

TEST_CASE("newsml: a message's text items are articles, the others problems", "[readers][newsml]") {
    const auto r = read("<newsMessage " + G2 + "><header><sent>2018-10-19T11:17:00Z</sent></header><itemSet>" +
                        "<packageItem guid=\"p\"><groupSet/></packageItem>" +
                        news_item("a", "ninat:text", "<inlineXML>" + nitf_body("<p>Story A.</p>") + "</inlineXML>") +
                        news_item("pic", "ninat:picture", "<remoteContent href=\"x.jpg\"/>") +
                        news_item("b", "ninat:text", "<inlineData contenttype=\"text/plain\">Line one\nsame para.\n\nPara two.</inlineData>") +
                        "</itemSet></newsMessage>");
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].id == "a");
    CHECK(r.articles[0].body == "Story A.");
    CHECK(r.articles[0].origin == "in.xml:item 2");
    CHECK(r.articles[1].id == "b");
    CHECK(r.articles[1].body == "Line one same para.\n\nPara two.");
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].to_string() == "in.xml:item 1: not a text item (packageItem), skipped");
    CHECK(r.problems[1].to_string() == "in.xml:item 3: not a text item (ninat:picture), skipped");
}

TEST_CASE("newsml: documents of other kinds and broken ones are problems", "[readers][newsml]") {
    auto r = read("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url/></urlset>");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].to_string() ==
          "in.xml: not a news document: neither NewsML-G2, NITF, RSS nor Atom (root <urlset>)");
    r = read("<newsItem><contentMeta><headline>H</headline></contentMeta></newsItem>");   // no G2 namespace
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.starts_with("not a news document"));
    r = read("<newsItem " + G2 + "><contentMeta/></newsItem>");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message == "empty item (no headline, no body text), skipped");
    r = read(nitf_body("<p>Cut off in the mid"));
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.starts_with("malformed XML: "));
    r = read("<nitf><body><body.content><p>x</p></body.content></body></nitf><nitf/>");
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems.back().message.starts_with("malformed XML: "));
    r = read("");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].to_string() == "in.xml: empty file");
    r = read("\x89PNG\r\n\x1a\n\0\0binary"s);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.articles.empty());
}

TEST_CASE("newsml: entity expansion and deep nesting are refused", "[readers][newsml]") {
    auto r = read("<?xml version=\"1.0\"?>" + testing::billion_laughs_doctype("nitf") +
                  "<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>");
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.starts_with("entity refused: "));
    r = read("<!DOCTYPE nitf [<!ENTITY e \"x\">]><nitf><body><body.content><p>&e;</p></body.content></body></nitf>");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].to_string().starts_with("in.xml:1: entity refused: &e; is declared by the document itself"));

    std::string open;
    for (int i = 0; i < 100000; ++i) open += "<d>";
    std::string deep = nitf_body("<p>x</p>");
    deep.insert(deep.find("<p>"), open);
    r = read(deep);
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.starts_with("too deeply nested"));
}

TEST_CASE("newsml: an item larger than the limit is refused", "[readers][newsml]") {
    const auto r = read(nitf_body("<p>" + std::string(2000, 'a') + "</p>"), 1000);
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message == ArticleTooLarge);
}

TEST_CASE("newsml: .xml, .nitf and their .gz are NewsML files", "[readers][newsml]") {
    CHECK(format_of("a/story.XML") == Format::Xml);
    CHECK(format_of("story.xml.gz") == Format::Xml);
    CHECK(format_of("story.nitf") == Format::Xml);
    CHECK_FALSE(format_of("story.xsd"));
}
