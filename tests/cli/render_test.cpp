// render/: the JSON and text the CLI and the server print, on values built by hand.
#include <catch2/catch.hpp>

#include "render/json.hpp"
#include "render/lists.hpp"
#include "render/marked.hpp"

using namespace newsdesk;

TEST_CASE("lists of names as messages print them", "[render]") {
    CHECK(render::joined({"a", "b", "c"}) == "a, b, c");
    CHECK(render::joined({"a", "b"}, " ") == "a b");
    CHECK(render::joined({}).empty());
    CHECK(render::alternatives({"relevance", "newest", "oldest"}) == "relevance, newest or oldest");
    CHECK(render::alternatives({"a", "b"}) == "a or b");
    CHECK(render::alternatives({"a"}) == "a");
}

TEST_CASE("snippets: matches marked, HTML escaped only for HTML", "[render]") {
    const Snippet s{"a <b> & c", {{3, 1}, {8, 1}}};
    CHECK(render::marked(s, "<mark>", "</mark>", render::Escape::Html) == "a &lt;<mark>b</mark>&gt; &amp; <mark>c</mark>");
    CHECK(render::marked(s, "[", "]", render::Escape::None) == "a <[b]> & [c]");
    CHECK(render::to_json(s) == "a &lt;<mark>b</mark>&gt; &amp; <mark>c</mark>");
}

TEST_CASE("facet values say a speaker's kind, their filter, and a label only when it differs", "[render]") {
    const std::vector<FacetResult> facets{
        {"speaker",
         {{"Ann Lee", "Ann Lee", 2, SpeakerKind::Person, "speaker:\"Ann Lee\""},
          {"UN", "UN", 1, SpeakerKind::Organisation, "speaker:\"UN\""}}},
        {"country", {{"TR", "Turkey", 3, std::nullopt, "country:TR"}}}};
    CHECK(render::dump(render::to_json(facets)) ==
          R"({"country":[{"count":3,"filter":"country:TR","name":"Turkey","value":"TR"}],)"
          R"("speaker":[{"count":2,"filter":"speaker:\"Ann Lee\"","type":"person","value":"Ann Lee"},)"
          R"({"count":1,"filter":"speaker:\"UN\"","type":"organisation","value":"UN"}]})");
}

TEST_CASE("an article: hits without the body, the stored one with it, extraction with an id when it has one", "[render]") {
    Article a;
    a.id = "x1";
    a.title = "T";
    a.body = "B";
    a.countries = {"TR"};
    const auto hit = render::to_json(a);
    CHECK_FALSE(hit.contains("body"));
    CHECK(hit["id"] == "x1");
    const auto stored = render::article_with_body(a);
    CHECK(stored["body"] == "B");
    CHECK(stored["country_names"]["TR"] == "Turkey");
    CHECK(render::extraction(a)["id"] == "x1");
    a.id.clear();
    CHECK_FALSE(render::extraction(a).contains("id"));
}

TEST_CASE("quote hits spell the speaker's kind", "[render]") {
    QuoteResults r;
    QuoteHit h;
    h.record.quote.speaker = "UN";
    h.record.speaker_kind = SpeakerKind::Organisation;
    r.hits.push_back(h);
    CHECK(render::to_json(r)["hits"][0]["quote"]["speaker_type"] == "organisation");
}
