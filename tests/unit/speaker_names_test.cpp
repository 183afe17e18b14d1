// Speaker values are names and nothing else (issue 11, "Names are names"): no title,
// occupation, misspelt title or description glued to a person's name, no headline capitals, and
// organisations kept whole and typed as organisations. Sentences written for these tests.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <newsdesk/entities.hpp>

#include "support/articles.hpp"

using namespace newsdesk;
using newsdesk::testing::text_article;

namespace {

struct Found {
    std::vector<std::string> people, organisations;
};

Found speakers_of(const std::string& body, const std::string& title = {}) {
    Found out;
    for (const auto& s : extract_entities(text_article(body, title)).speakers)
        (s.kind == SpeakerKind::Organisation ? out.organisations : out.people).push_back(s.name);
    return out;
}

using Names = std::vector<std::string>;

} // namespace

TEST_CASE("speaker names: an occupation before a full name is no part of it", "[entities][speaker-names]") {
    CHECK(speakers_of("Novelist Harriet Quill said the prize mattered.").people == Names{"Harriet Quill"});
    CHECK(speakers_of("Broadcaster Owen Tarrant told listeners he would retire.").people == Names{"Owen Tarrant"});
    CHECK(speakers_of("Developer Lena Voss said the tower would open in May.").people == Names{"Lena Voss"});
    CHECK(speakers_of("Co-developer Ravi Menon said the coating held.").people == Names{"Ravi Menon"});
}

TEST_CASE("speaker names: a misspelt title before a full name is a title", "[entities][speaker-names]") {
    CHECK(speakers_of("Secertary Alan Porter said the talks would resume.").people == Names{"Alan Porter"});
    CHECK(speakers_of("Represenative Nora Quint said the bill would pass.").people == Names{"Nora Quint"});
    CHECK(speakers_of("Minster Karl Odenwald said prices would hold.").people == Names{"Karl Odenwald"});
    // a given name one letter from a title is still a given name
    CHECK(speakers_of("Justine Farrow said the vote was close.").people == Names{"Justine Farrow"});
}

TEST_CASE("speaker names: storms and bare descriptions are nobody", "[entities][speaker-names]") {
    const auto storm = speakers_of("Category Three Hurricane Wilma said to strengthen, forecasters noted.");
    CHECK(storm.people.empty());
    CHECK(storm.organisations.empty());
    CHECK(speakers_of("The Current Director said the budget was tight.").people.empty());
}

TEST_CASE("speaker names: headline text in capitals gives no speaker", "[entities][speaker-names]") {
    const auto found = speakers_of("Trade talks went on in Geneva on Monday without any result.",
                                   "PORTER SAYS TRADE TALKS WILL GO ON");
    CHECK(found.people.empty());
    CHECK(found.organisations.empty());
    CHECK(speakers_of("TALKING POINT/STEEL MAKERS SAID TO MERGE\nThe two firms met on Monday.").organisations.empty());
    // an acronym in a sentence written in normal case is still a name
    CHECK(speakers_of("NATO said the exercise would go ahead.").organisations == Names{"NATO"});
}

TEST_CASE("speaker names: organisations are whole across and, &, 's, brackets and legal forms",
          "[entities][speaker-names]") {
    CHECK(speakers_of("Standard and Poor's Corp said it lowered the rating.").organisations ==
          Names{"Standard and Poor's Corp"});
    CHECK(speakers_of("Fitch's Ratings Service Inc said the outlook was stable.").organisations ==
          Names{"Fitch's Ratings Service Inc"});
    CHECK(speakers_of("The Securities and Exchange Commission said it would review the filing.").organisations ==
          Names{"Securities and Exchange Commission"});
    CHECK(speakers_of("Casio (U.K.) Ltd said sales had risen.").organisations == Names{"Casio (U.K.) Ltd"});
    CHECK(speakers_of("Hobart & Lyle said the merger was off.").organisations == Names{"Hobart & Lyle"});
    CHECK(speakers_of("The Department of Energy and Water Services said supplies were safe.").organisations ==
          Names{"Department of Energy and Water Services"});
    // two people joined by "and" stay two
    CHECK(speakers_of("Maria Lind and Tom Berg said they would appeal.").people == Names{"Maria Lind", "Tom Berg"});
}

TEST_CASE("speaker names: companies are typed as organisations", "[entities][speaker-names]") {
    const auto legal = speakers_of("Osaka Electric Power Co said rates would fall.");
    CHECK(legal.organisations == Names{"Osaka Electric Power Co"});
    CHECK(legal.people.empty());
    const auto evidence = speakers_of("Shares of Hallam Fisk and Co Inc rose. Hallam Fisk said it was pleased.");
    CHECK(evidence.organisations == Names{"Hallam Fisk"});
    CHECK(evidence.people.empty());
}

TEST_CASE("speaker names: a party named by its word and \"party\" is the party, never an empty name",
          "[entities][speaker-names]") {
    // "Labour" is also a title ("Labour MP"): read alone before "party" it once left a
    // description without a name, and the facet showed an empty organisation
    const auto labour = speakers_of("The Labour party said the opposition needed to explain the sums.");
    CHECK(labour.organisations == Names{"Labour Party"});
    CHECK(labour.people.empty());
    const auto article = extract_entities(text_article(
        "The Liberal Democrats promised a tax cut. The Labour party said the Liberal Democrats needed to explain it."));
    for (const auto& q : article.quotes) CHECK_FALSE(q.speaker.empty());
    for (const auto& s : article.speakers) CHECK_FALSE(s.name.empty());
    // a description of anyone else before the noun names nobody
    const auto body = speakers_of("The Turkish industry body said exports fell in March.");
    CHECK(body.organisations.empty());
    CHECK(body.people.empty());
}

TEST_CASE("speaker names: a hyphenated name whose first word the article writes in lower case",
          "[entities][speaker-names]") {
    // "Food-N-Fuel" is three words without a space; the rule that drops a lower-case first
    // word from a three-word name once called itself on the same name until the stack ran out
    const auto found = speakers_of(
        "Food-N-Fuel Partners L.P. said it filed a registration statement with the Securities and Exchange\n"
        "Commission covering a planned initial offering.\n"
        "    The partnership said the units are expected to be offered at 13 to 15 dlrs each next month.\n"
        "Food-N-Fuel said the food stores would grow.");
    REQUIRE(found.organisations.size() == 1);
    CHECK(found.organisations.front().starts_with("Food-N-Fuel Partners"));
}
