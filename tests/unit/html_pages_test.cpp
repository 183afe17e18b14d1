// The pages part: metadata, main text and character sets of web pages, and HTML fragments.
#include <string>

#include <catch2/catch.hpp>

#include "pages/charset.hpp"
#include "pages/html_article.hpp"

using newsdesk::pages::article_from_html;
using newsdesk::pages::PageOrigin;
using newsdesk::pages::text_of_html;

namespace {

// The paragraphs of a plausible article: long enough, with commas, as news prose is.
const std::string Story =
    "<p>The city council voted on Tuesday to close the old harbour bridge, after engineers found "
    "cracks in two of its piers, and traffic will be sent through the tunnel instead.</p>"
    "<p>Repairs could take a year, the mayor said, and will cost about four million euros, most of it "
    "paid by the regional government, which owns the bridge.</p>"
    "<p>Shop owners near the harbour, who depend on passing trade, said they feared for their business "
    "while the bridge stays closed, and asked for help.</p>";

std::string page(const std::string& head, const std::string& body) {
    return "<!DOCTYPE html><html lang=\"en-GB\"><head>" + head + "</head><body>" + body + "</body></html>";
}

std::string chrome() {
    return "<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>"
           "<div class=\"cookie-banner\"><p>We use cookies to improve your experience, to show ads and to count "
           "visits, as described in our policy.</p></div>";
}

std::string related() {
    return "<div class=\"related-stories\"><h3>Related</h3><ul>"
           "<li><a href=\"/a\">Council approves new budget for schools and roads</a></li>"
           "<li><a href=\"/b\">Harbour festival returns this summer with more boats</a></li></ul></div>"
           "<div id=\"comments\"><p>Great article, thanks for covering this, our street is affected too!</p></div>"
           "<footer><p>Copyright 2024 The Harbour Times, all rights reserved, reproduction forbidden.</p></footer>";
}

} // namespace

TEST_CASE("pages: metadata from JSON-LD comes first", "[pages]") {
    const std::string head =
        "<title>Bridge closes | The Harbour Times</title>"
        "<meta property=\"og:title\" content=\"OG title\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\"},"
        "{\"@type\":\"NewsArticle\",\"headline\":\"Harbour bridge to close for a year\","
        "\"datePublished\":\"2024-03-05T09:30:00+01:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Lima\"},"
        "{\"@type\":\"Person\",\"name\":\"Tom Weir\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Harbour Times\"}}]}"
        "</script><link rel=\"canonical\" href=\"https://harbourtimes.example/2024/03/bridge\">";
    const auto a = article_from_html(page(head, "<article><h1>Harbour bridge to close for a year</h1>" + Story + "</article>"),
                                     PageOrigin{"https://harbourtimes.example/x?utm=1", ""});
    CHECK(a.title == "Harbour bridge to close for a year");
    CHECK(a.date == "2024-03-05");
    CHECK(a.authors == std::vector<std::string>{"Ana Lima", "Tom Weir"});
    CHECK(a.source == "The Harbour Times");
    CHECK(a.url == "https://harbourtimes.example/2024/03/bridge");
    CHECK(a.language == "en");
    CHECK(a.id.empty());
    // The headline is the title, not the body's first paragraph.
    CHECK(a.body.rfind("The city council voted", 0) == 0);
}

TEST_CASE("pages: Open Graph, meta tags and <time> without JSON-LD", "[pages]") {
    const std::string head =
        "<meta property=\"og:title\" content=\"Harbour bridge to close\">"
        "<meta property=\"og:site_name\" content=\"Harbour Times\">"
        "<meta property=\"og:url\" content=\"/2024/03/bridge\">"
        "<meta name=\"author\" content=\"Ana Lima and Tom Weir\">"
        "<meta http-equiv=\"content-language\" content=\"fr\">";
    const auto a = article_from_html(
        "<html><head>" + head + "</head><body><div class=\"story\"><time datetime=\"2023-12-01T08:00\">1 Dec</time>" +
            Story + "</div></body></html>",
        PageOrigin{"https://harbourtimes.example/print/123", ""});
    CHECK(a.title == "Harbour bridge to close");
    CHECK(a.source == "Harbour Times");
    CHECK(a.url == "https://harbourtimes.example/2024/03/bridge");   // relative og:url resolved
    CHECK(a.authors == std::vector<std::string>{"Ana Lima", "Tom Weir"});
    CHECK(a.date == "2023-12-01");
    CHECK(a.language == "fr");
}

TEST_CASE("pages: without a canonical address the page's own is the url", "[pages]") {
    const auto a = article_from_html(page("", "<div>" + Story + "</div>"), PageOrigin{"https://example.org/p/1", ""});
    CHECK(a.url == "https://example.org/p/1");
    CHECK(a.title.empty() == false);
}

TEST_CASE("pages: navigation, cookie banners, related links, comments and footers are not the article", "[pages]") {
    const auto a = article_from_html(
        page("<title>Bridge</title>", chrome() + "<main><h1>Harbour bridge to close</h1><div class=\"article-body\">" + Story +
                                          "<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a></div></div>" +
                                          related() + "</main>"),
        PageOrigin{});
    INFO(a.body);
    CHECK(a.body.find("The city council voted") != std::string::npos);
    CHECK(a.body.find("Repairs could take a year") != std::string::npos);
    CHECK(a.body.find("asked for help.") != std::string::npos);
    for (const char* boilerplate : {"Home", "cookies", "Related", "budget for schools", "Great article", "Copyright",
                                    "Share on Facebook", "Harbour bridge to close"}) {
        INFO(boilerplate);
        CHECK(a.body.find(boilerplate) == std::string::npos);
    }
    // Paragraphs in order, separated by blank lines.
    CHECK(a.body.find("instead.\n\nRepairs") != std::string::npos);
}

TEST_CASE("pages: a page without article text has an empty body", "[pages]") {
    const auto a = article_from_html(page("<title>Index</title>", chrome() + "<ul><li><a href=\"/1\">One story</a></li>"
                                                                            "<li><a href=\"/2\">Another story</a></li></ul>"),
                                     PageOrigin{});
    CHECK(a.body.empty());
}

TEST_CASE("pages: legacy character sets are converted to UTF-8", "[pages][charset]") {
    // "Café société – « déjà »" in windows-1252 bytes: é = E9, – = 96, « » = AB BB.
    const std::string latin = "Le caf\xE9 de la soci\xE9t\xE9 \x96 \xAB d\xE9j\xE0 \xBB ferme, apr\xE8s cent ans, "
                              "a dit le propri\xE9taire, qui part \xE0 la retraite.";
    const std::string text = "<p>" + latin + "</p><p>" + latin + "</p>";

    SECTION("declared by <meta charset>") {
        const auto a = article_from_html("<html><head><meta charset=\"windows-1252\"></head><body><div>" + text +
                                             "</div></body></html>",
                                         PageOrigin{});
        CHECK(a.body.find("Le caf\u00e9 de la soci\u00e9t\u00e9 \u2013 \u00ab d\u00e9j\u00e0 \u00bb") != std::string::npos);
    }
    SECTION("declared by http-equiv as ISO-8859-1, read as browsers do (windows-1252)") {
        const auto a = article_from_html("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                                         "charset=ISO-8859-1\"></head><body><div>" + text + "</div></body></html>",
                                         PageOrigin{});
        CHECK(a.body.find("soci\u00e9t\u00e9 \u2013 \u00ab") != std::string::npos);
    }
    SECTION("given by the HTTP header, over a wrong declaration in the page") {
        const auto a = article_from_html("<html><head><meta charset=\"utf-8\"></head><body><div>" + text +
                                             "</div></body></html>",
                                         PageOrigin{"", "iso-8859-1"});
        CHECK(a.body.find("propri\u00e9taire") != std::string::npos);
    }
    SECTION("undeclared and not UTF-8") {
        CHECK(newsdesk::pages::to_utf8(latin, "").find("caf\u00e9") != std::string::npos);
    }
    SECTION("UTF-8 stays as it is") {
        CHECK(newsdesk::pages::to_utf8("caf\u00e9 \u2013 \u4e2d\u6587", "") == "caf\u00e9 \u2013 \u4e2d\u6587");
    }
}

TEST_CASE("pages: text_of_html keeps every paragraph of a fragment", "[pages]") {
    const auto text = text_of_html("<p>First <b>bold</b> paragraph &amp; more.</p><script>var x = 1;</script>"
                                   "<div>Second<br>line</div><ul><li>Item one</li><li>Item two</li></ul>"
                                   "<p>Read more: <a href=\"/x\">elsewhere</a></p>");
    CHECK(text == "First bold paragraph & more.\n\nSecond\n\nline\n\nItem one\n\nItem two\n\nRead more: elsewhere");
    CHECK(text_of_html("").empty());
    CHECK(text_of_html("plain words") == "plain words");
}
