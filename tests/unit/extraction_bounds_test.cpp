// Extraction does work linear in the article, however it is written: quotes end at their
// sentence and never cover the same text twice, and the lookups that tie quotes, names and
// titles together do not grow with the square of the article. The adversarial articles are
// generated here; each case names the input that used to be quadratic.
#include <catch2/catch.hpp>

#include <chrono>

#include <newsdesk/entities.hpp>

#include "support/articles.hpp"

using namespace newsdesk;
using newsdesk::testing::repeated;
using newsdesk::testing::text_article;

namespace {

// A made-up capitalised word for each n: "Bakedi", "Cafobu"...
std::string made_up_name(std::size_t n) {
    static constexpr std::string_view consonants = "bcdfghklmnprstvz", vowels = "aeiou";
    std::string out;
    for (int i = 0; i < 3; ++i, n /= 80) {
        out += consonants[n % 16];
        out += vowels[n / 16 % 5];
    }
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The quotes' text all comes from the body, none of it twice: ranges in body order never
// overlap (a direct quote's text may be joined from paragraphs, so count its length only).
void check_disjoint(const Article& a, const std::vector<Quote>& quotes) {
    std::size_t covered = 0, total = 0;
    for (const auto& q : quotes) {
        INFO(q.offset << ": " << q.text.substr(0, 80));
        CHECK(q.offset >= covered);
        covered = q.offset + q.text.size();
        total += q.text.size();
    }
    CHECK(total <= a.body.size());
}

} // namespace

TEST_CASE("bounds: indirect quotes without a full stop hold the text once, not once per quote", "[entities][bounds]") {
    // The reproduction, 256 KB: 4,854 quotes each carried the rest of the text (636 MB,
    // 15 s). Each clause now ends where the next cue begins.
    const auto a = text_article(repeated("according to Tony Blair, the Prime Minister said that ", 256 << 10));
    const auto start = std::chrono::steady_clock::now();
    const auto e = extract_entities(a);
    CHECK(seconds_since(start) < 5);
    REQUIRE(e.quotes.size() == 1000);   // at most 1,000 quotes per article
    check_disjoint(a, e.quotes);
    for (std::size_t i = 0; i + 1 < e.quotes.size(); ++i) {
        INFO(i);
        CHECK(e.quotes[i].text == "the Prime Minister said that");
        CHECK(e.quotes[i].speaker == "Tony Blair");
        CHECK_FALSE(e.quotes[i].direct);
    }
}

TEST_CASE("bounds: a quote ends at its sentence or paragraph, and at 4 KB", "[entities][bounds]") {
    auto e = extract_entities(text_article("Ann Lee said that the plan failed badly. Nobody else spoke of it at all."));
    REQUIRE(e.quotes.size() == 1);
    CHECK(e.quotes[0].text == "the plan failed badly");
    e = extract_entities(text_article("Ann Lee said that the plan failed badly\n\nthen the river rose over the bridge"));
    REQUIRE(e.quotes.size() == 1);
    CHECK(e.quotes[0].text == "the plan failed badly");

    const auto words = repeated("harbour ", 20000);
    for (const auto& body : {"Ann Lee said that the " + words, "Ann Lee said: \u201cThe " + words + "\u201d"}) {
        e = extract_entities(text_article(body));
        REQUIRE(e.quotes.size() == 1);
        CHECK(e.quotes[0].text.size() <= 4096);
        CHECK(e.quotes[0].text.size() > 4000);
        CHECK(e.quotes[0].text.ends_with("harbour"));   // cut after a word
    }
}

TEST_CASE("bounds: clauses that meet are split, a shared one is each speaker's", "[entities][bounds]") {
    // "according to A, X said that B": A's clause stops where "X said" begins.
    const Article a = text_article("According to Ann Lee, the port was closed, Tom Hart said that ships waited offshore.");
    auto e = extract_entities(a);
    check_disjoint(a, e.quotes);
    REQUIRE(e.quotes.size() == 2);
    CHECK(e.quotes[0].speaker == "Ann Lee");
    CHECK(e.quotes[0].text == "the port was closed");
    CHECK(e.quotes[1].speaker == "Tom Hart");
    CHECK(e.quotes[1].text == "ships waited offshore");

    // One cue naming two speakers: the same clause for each.
    e = extract_entities(text_article("Barack Obama and Joe Biden said that the talks went well."));
    REQUIRE(e.quotes.size() == 2);
    CHECK(e.quotes[0].text == "the talks went well");
    CHECK(e.quotes[1].text == "the talks went well");
    CHECK(e.quotes[0].speaker != e.quotes[1].speaker);

    // A direct quote inside a reported clause is that speaker's, and the clause stops before it.
    const Article d = text_article("Ann Lee said the new plan was \u201ca total failure from the start\u201d and left early.");
    e = extract_entities(d);
    check_disjoint(d, e.quotes);
    REQUIRE(e.quotes.size() == 2);
    CHECK(e.quotes[0].text == "the new plan was");
    CHECK(e.quotes[1].text == "a total failure from the start");
    CHECK(e.quotes[1].speaker == "Ann Lee");
    CHECK(e.quotes[1].direct);
}

TEST_CASE("bounds: thousands of people, titles and organisations cost linear time", "[entities][bounds]") {
    // Every mention used to be compared with every name of the article: 1 MB of people sharing
    // one surname took 97 s (this article, mostly such people, about 75 s); titled people,
    // organisations and direct quotes grew the same way, more slowly.
    std::string body;
    for (std::size_t i = 0; body.size() < (1u << 20); ++i) {
        const auto name = made_up_name(i), other = made_up_name(i + 7919);
        switch (i % 8) {
        case 5: body += "President " + name + " " + other + " said that talks went well. The president said it was good. "; break;
        case 6: body += "\u201cThe port is closed for now,\u201d " + name + " Ministry said. "; break;
        case 7: body += "\u201cThe harbour will reopen soon,\u201d said " + name + " " + other + ". "; break;
        default: body += name + " Smith said that the harbour will reopen soon. Smith said the port is closed. "; break;
        }
    }
    const auto a = text_article(body);
    const auto start = std::chrono::steady_clock::now();
    const auto e = extract_entities(a);
    CHECK(seconds_since(start) < 20);
    CHECK(e.speakers.size() == 1000);   // at most 1,000 per article
    CHECK(e.quotes.size() == 1000);
    check_disjoint(a, e.quotes);
}
