// Speaker kinds, quotes, alias merging and country roles of extract_entities. Sentences are
// written for these tests.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include <newsdesk/entities.hpp>

#include "support/articles.hpp"
#include "support/extraction.hpp"

using namespace newsdesk;
using newsdesk::testing::names_of;
using newsdesk::testing::speakers;
using newsdesk::testing::text_article;
using newsdesk::testing::turns;

namespace {

const CountryMention* mention(const Entities& e, const std::string& code) {
    for (const auto& c : e.countries)
        if (c.code == code) return &c;
    return nullptr;
}

// Every quote's offset points at its text in the body (first paragraph for joined quotes).
void check_offsets(const Article& a, const Entities& e) {
    for (const auto& q : e.quotes) {
        INFO(q.text);
        const auto first_part = q.text.substr(0, q.text.find("\n\n"));
        CHECK(a.body.compare(q.offset, first_part.size(), first_part) == 0);
    }
}

} // namespace

TEST_CASE("speakers: a lone word's kind comes from the text, and 'he' means no word it leaves untold",
          "[entities]") {
    const auto fed = extract_entities(text_article(
        "The Fed lifted borrowing costs five times last year, citing evidence the economy was strong."));
    REQUIRE(fed.speakers.size() == 1);
    CHECK(fed.speakers[0] == Speaker{"Fed", SpeakerKind::Organisation});
    CHECK(speakers("Dealers expect a cut. But Bundesbank statistics showed net borrowing rose. \"It is "
                            "a surprise,\" he added.").empty());
}

TEST_CASE("speakers: organisations that speak are Organisation speakers", "[entities]") {
    const auto e = extract_entities(text_article("The White House said the visit would go ahead. Reuters reported "
                                         "that talks had stalled. The company said nothing."));
    REQUIRE(e.speakers.size() == 2);
    CHECK(e.speakers[0] == Speaker{"White House", SpeakerKind::Organisation});
    CHECK(e.speakers[1] == Speaker{"Reuters", SpeakerKind::Organisation});
}

TEST_CASE("speakers: organisations speak through tickers, abbreviations, spokespeople and descriptions",
          "[entities]") {
    const auto organisations = [](const std::string& body) {
        std::vector<std::string> out;
        for (const auto& s : extract_entities(text_article(body)).speakers)
            out.push_back(std::string{speaker_kind_name(s.kind)} + ":" + s.name);
        return out;
    };
    using Names = std::vector<std::string>;
    CHECK(organisations("Nippon Steel Corp <NSTC.TOK> said it will cut spending.") ==
          Names{"organisation:Nippon Steel Corp"});
    CHECK(organisations("Output fell.\n    <Nisshin Steel Co Ltd> said it will spend more.") ==
          Names{"organisation:Nisshin Steel Co Ltd"});   // an unlisted company, bracketed whole
    CHECK(organisations("North Wales Police reopened the case, saying new evidence had emerged.") ==
          Names{"organisation:North Wales Police"});
    CHECK(organisations("The Pensions Policy Institute (PPI) recently said life expectancy rose. "
                        "But the PPI said the gap would stay.") ==
          Names{"organisation:Pensions Policy Institute"});
    CHECK(organisations("The National Disaster Risk Reduction and Management Council (NDRRMC) said roads "
                        "were closed. NDRRMC said later that two had reopened.") ==
          Names{"organisation:National Disaster Risk Reduction and Management Council"});
    CHECK(organisations("A spokeswoman for Chelsea said the club would wait.") == Names{"organisation:Chelsea"});
    // a name that starts with an abbreviation is whole; a programme is no kind of body
    CHECK(organisations("USAir Group Inc said its load factor rose.") == Names{"organisation:USAir Group Inc"});
    CHECK(organisations("The purchases complete the Export Enhancement Program initiative announced in April, "
                        "it said.").empty());
    CHECK(organisations("An official at the London International Financial Futures Exchange said there "
                        "were no plans.") == Names{"organisation:London International Financial Futures Exchange"});
    CHECK(organisations("A spokesman for Daniel Ortiz said the trip was off.").empty());
    CHECK(organisations("GE Information Services Co, a unit of General Electric Co, said it would sell a "
                        "database.") == Names{"organisation:GE Information Services Co"});
    CHECK(organisations("L.M. Ericsson Telephone Co of Stockholm said it had signed a contract.") ==
          Names{"organisation:L.M. Ericsson Telephone Co"});
    CHECK(organisations("Scotland Yard said there had been 11 arrests.") == Names{"organisation:Scotland Yard"});
    CHECK(organisations("BET Plc said it would list its shares. BET said the offer was priced.") ==
          Names{"organisation:BET Plc"});
    // "according to" a source named in full, or through what it publishes
    CHECK(organisations("He died in the morning, according to the Ministry of Foreign Affairs.") ==
          Names{"organisation:Ministry of Foreign Affairs"});
    CHECK(organisations("The rating rose, according to Standard & Poor's, which upgraded the debt.") ==
          Names{"organisation:Standard & Poor's"});
    CHECK(organisations("Sales rose, according to recent research by the Pew Internet and American Life "
                        "Project.") == Names{"organisation:Pew Internet and American Life Project"});
    CHECK(organisations("The show drew six million viewers, according to the Nielsen ratings system.") ==
          Names{"organisation:Nielsen"});
    CHECK(organisations("The film was cancelled, according to the Hollywood Reporter.") ==
          Names{"organisation:Hollywood Reporter"});
    CHECK(organisations("The talks failed, according to Amara Diallo.") == Names{"person:Amara Diallo"});
    // a head noun is a short form of the article's longer name, or no value at all
    CHECK(organisations("The Bank of England held rates. The Bank said inflation would fall.") ==
          Names{"organisation:Bank of England"});
    CHECK(organisations("The Central Bank of Kuwait met. The Central Bank said rates would stay.") ==
          Names{"organisation:Central Bank of Kuwait"});
    CHECK(organisations("The Commission said the rules would change.").empty());
    CHECK(organisations("CNN said the rules would change.") == Names{"organisation:CNN"});
    // an organisation's name ends where a title and a person begin
    CHECK(organisations("Securities and Exchange Commission Chairman John Shad said the rules would stay.") ==
          Names{"person:John Shad"});
    CHECK(organisations("The Yugoslav news agency Tanjug said the talks had ended.") ==
          Names{"organisation:Tanjug"});
    CHECK(organisations("The IFPI industry body said that players drove the growth.") == Names{"organisation:IFPI"});
    CHECK(organisations("Supporters' group Shareholders United - which has rallied opposition - said it would "
                        "fight any move.") == Names{"organisation:Shareholders United"});
}

TEST_CASE("speakers: a surname that is also an organisation word stays a person", "[entities]") {
    const auto e = extract_entities(text_article("Shadow Chancellor of the Exchequer Oliver Fox said the budget "
                                         "was late. Fox News said it had asked for comment. "
                                         "The Lib Dems said they would vote against it."));
    REQUIRE(e.speakers.size() == 3);
    CHECK(e.speakers[0] == Speaker{"Oliver Fox", SpeakerKind::Person});
    CHECK(e.speakers[1] == Speaker{"Fox News", SpeakerKind::Organisation});
    CHECK(e.speakers[2] == Speaker{"Lib Dems", SpeakerKind::Organisation});   // a party speaks
}

TEST_CASE("speakers: appositives before the name and after it", "[entities]") {
    const auto e = extract_entities(text_article(
        "\"We will appeal,\" the union's chief negotiator, Marta Kowalczyk, said on Friday. "
        "Lars Eklund, Sweden's trade envoy, said the deal was fair. "
        "\"It is late,\" said longtime party organiser Helen Brandt."));
    std::vector<std::string> names;
    for (const auto& s : e.speakers) names.push_back(s.name);
    CHECK(names == std::vector<std::string>{"Marta Kowalczyk", "Lars Eklund", "Helen Brandt"});
}

TEST_CASE("quotes: direct quotes in both orders with offsets, verb and speaker", "[entities]") {
    const auto a = text_article("\"The border will stay open,\" said Omar Haddad, the interior minister.\n\n"
                        "Nadia Ferrante told reporters: \"We expect a decision within weeks.\"");
    const auto e = extract_entities(a);
    REQUIRE(e.quotes.size() == 2);
    CHECK(e.quotes[0].speaker == "Omar Haddad");
    CHECK(e.quotes[0].text == "The border will stay open,");
    CHECK(e.quotes[0].verb == "said");
    CHECK(e.quotes[0].direct);
    CHECK(e.quotes[1].speaker == "Nadia Ferrante");
    CHECK(e.quotes[1].verb == "told");
    CHECK(e.quotes[1].text == "We expect a decision within weeks.");
    check_offsets(a, e);
}

TEST_CASE("quotes: pronoun continuation goes to the last named speaker, never to a new one", "[entities]") {
    const auto a = text_article("Foreign Minister Pavel Novak said the talks were useful. “We made progress "
                        "on three points,” he added. “The fourth one will take longer.”");
    const auto e = extract_entities(a);
    REQUIRE(e.speakers.size() == 1);
    REQUIRE(e.quotes.size() == 3);
    CHECK_FALSE(e.quotes[0].direct);   // "said the talks were useful"
    CHECK(e.quotes[0].text == "the talks were useful");
    CHECK(e.quotes[1].speaker == "Pavel Novak");
    CHECK(e.quotes[1].verb == "added");
    CHECK(e.quotes[2].speaker == "Pavel Novak");   // same paragraph, no new cue
    check_offsets(a, e);
    CHECK(extract_entities(text_article("“We made progress,” he added.")).quotes.empty());
}

TEST_CASE("quotes: a quote over two paragraphs is joined", "[entities]") {
    const auto a = text_article("Ingrid Solberg said: “The first year was hard for every family here.\n\n"
                        "“The second year will be better, because the new school opens.”");
    const auto e = extract_entities(a);
    REQUIRE(e.quotes.size() == 1);
    CHECK(e.quotes[0].text == "The first year was hard for every family here.\n\n"
                              "The second year will be better, because the new school opens.");
    check_offsets(a, e);
}

TEST_CASE("quotes: attribution follows the article's turns", "[entities]") {
    using Turns = std::vector<std::string>;
    // the shape of bbc-politics-007: one speaker's cue in the next sentence is not the
    // quote's, a titled surname is the full name, "he" in a subordinate clause after a
    // speaker's turn stays with the speaker of that paragraph
    CHECK(turns("Tory co-chairman Liam Fox was speaking after Mr Blair told members the Tories offered a "
                "\"hard right agenda\". Dr Fox told BBC Radio: \"If you are willing to lie about war, you "
                "will lie about anything.\"\n\nMr Blair said the result would be \"a Tory government and "
                "a country that goes back\". Dr Fox accused Mr Blair of telling lies.") ==
          Turns{"Liam Fox: If", "Blair: a"});
    // a quote opening the sentence after a cue is that cue's speaker's; a lost paragraph
    // break inside a quote does not cut it
    CHECK(turns("Mr Herren says there are pros and cons. \"It's very simple to set up. \"But it is a "
                "one-way connection.\" Maciej Sundra disagrees.") == Turns{"Herren: It's"});
    // "she said" after a sentence whose subject is named without a cue
    CHECK(turns("Venus Williams lost in Doha. Williams blamed her stomach for the defeat. \"Blisters were "
                "a factor,\" she said.") == Turns{"Venus Williams: Blisters"});
    // ... and after "ex-wife", one word of a description
    CHECK(turns("Sylvester Stallone's ex-wife Brigitte Nielsen nominated both John and Bez. She said: \"Bez "
                "is a difficult human being.\"") == Turns{"Brigitte Nielsen: Bez"});
    // a quote without a cue that opens the sentence after one whose subject is named, or that a
    // colon introduces in it, is the subject's; the subject then speaks
    CHECK(turns("Roger Federer, who lost here in 2003, was happy with his form. \"I think I played better "
                "today.\"") == Turns{"Roger Federer: I"});
    CHECK(turns("President Donald Trump quickly took a parting shot on Twitter: \"Oh no, really big news "
                "today!\"") == Turns{"Donald Trump: Oh"});
    CHECK(speakers("Roger Federer, who lost here in 2003, was happy with his form. \"I think I "
                            "played better today.\"") == std::vector<std::string>{"Roger Federer"});
    // a named subject without a quote does not speak, and a cue in the sentence comes first
    CHECK(speakers("Roger Federer, who lost here in 2003, was happy with his form.").empty());
    CHECK(turns("Anna Berg met Tom Keller on Monday, and Keller said after the talks: \"We agreed on the "
                "plan.\"") == Turns{"Tom Keller: We"});
    // a cue later in the quote's own sentence comes before the sentence before; a time may open
    // the sentence whose subject "he" means; a description may stand before the subject
    CHECK(turns("Nina Park leads the union. \"We are extremely happy\" about the decision, said RoseAnn "
                "DeMoro, its director.") == Turns{"RoseAnn DeMoro: We"});
    CHECK(turns("Hillary Clinton said the plan would work. On Thursday, Bernie Sanders unloaded on the Post. "
                "\"Check out where the geniuses were,\" he said.") ==
          Turns{"Bernie Sanders: Check"});   // (turns lists direct quotes only)
    CHECK(turns("Sanford police officer Timothy Smith holds up the gun. \"It was used in 2012,\" he added.") ==
          Turns{"Timothy Smith: It"});
    // a description or a possessor between the quote and the name
    CHECK(turns("\"This is certification of incompetence,\" private political analyst Stephen Hess told "
                "Reuters.") == Turns{"Stephen Hess: This"});
    CHECK(turns("Shareholders United said it would fight. \"We don't want debt,\" Shareholders United's Sean "
                "Bones told the BBC.") == Turns{"Sean Bones: We"});
    // "it said" is the organisation named as speaking just before, not a person
    const auto bank = extract_entities(text_article(
        "The Bundesbank said spending must fall. \"There will be consequences for the state,\" it said."));
    REQUIRE(bank.quotes.size() == 2);
    CHECK(bank.quotes[1].speaker == "Bundesbank");
    REQUIRE(bank.speakers.size() == 1);
    CHECK(bank.speakers[0] == Speaker{"Bundesbank", SpeakerKind::Organisation});
}

TEST_CASE("quotes: 'quoted X as saying' is X's, not the quoting paper's", "[entities]") {
    const auto e = extract_entities(text_article(
        "Politico quoted Tim Manning, formerly a deputy administrator at FEMA, as saying: \"FEMA has an "
        "important role in coordinating the response.\""));
    REQUIRE(e.speakers.size() == 1);
    CHECK(e.speakers[0] == Speaker{"Tim Manning", SpeakerKind::Person});
    REQUIRE(e.quotes.size() == 1);
    CHECK(e.quotes[0].speaker == "Tim Manning");
    CHECK(speakers("The statement cited chairman Simon Keswick as saying the issue would wait.") ==
          std::vector<std::string>{"Simon Keswick"});
}

TEST_CASE("quotes: indirect speech with that-clauses and according to", "[entities]") {
    const auto a = text_article("Carlos Mendes said that the harvest would be late. The price of grain rose, "
                        "according to Amara Diallo.");
    const auto e = extract_entities(a);
    REQUIRE(e.quotes.size() == 2);
    CHECK(e.quotes[0].text == "the harvest would be late");
    CHECK_FALSE(e.quotes[0].direct);
    CHECK(e.quotes[1].speaker == "Amara Diallo");
    CHECK(e.quotes[1].verb == "according to");
    CHECK(e.quotes[1].text == "The price of grain rose");
    check_offsets(a, e);
}

TEST_CASE("aliases: shipped defaults and a user file merge name variants", "[entities]") {
    const SpeakerAliases defaults;
    CHECK(defaults.canonical("Tayyip Erdoğan") == "Recep Tayyip Erdogan");
    CHECK(defaults.canonical("Zelenskyy") == "Volodymyr Zelensky");
    CHECK(defaults.canonical("Muammar Qaddafi") == "Muammar Gaddafi");
    const auto e = extract_entities(text_article("Tayyip Erdogan said the bridge would open.", "", ""), defaults);
    REQUIRE(e.speakers.size() == 1);
    CHECK(e.speakers[0].name == "Recep Tayyip Erdogan");

    const auto path = std::string{"/tmp/newsdesk_alias_test.tsv"};
    {
        std::ofstream out(path);
        out << "# test\nIngrid Solberg\tInga Solberg\n";
    }
    SpeakerAliases mine;
    mine.load(path);
    std::remove(path.c_str());
    const auto f = extract_entities(text_article("Inga Solberg said the vote was close."), mine);
    REQUIRE(f.speakers.size() == 1);
    CHECK(f.speakers[0].name == "Ingrid Solberg");
}

TEST_CASE("countries: states, provinces and GeoNames cities", "[entities]") {
    auto codes = [](const std::string& body) {
        std::vector<std::string> out;
        for (const auto& c : extract_entities(text_article(body)).countries) out.push_back(c.code);
        return out;
    };
    CHECK(codes("Floods hit Bavaria and Saxony on Monday.") == std::vector<std::string>{"DE"});
    // a city of over a million stands alone
    CHECK(codes("Traffic in Surabaya came to a halt.") == std::vector<std::string>{"ID"});
    // a smaller city needs its country confirmed; common words and given names are not places
    CHECK(codes("The ferry reached Rijeka at noon.").empty());
    CHECK(codes("The ferry reached Rijeka at noon. Croatia welcomed it.") == std::vector<std::string>{"HR"});
    CHECK(codes("Split votes are rare.").empty());
    CHECK(codes("Sister Mary Agnes said the fund was empty.").empty());
}

TEST_CASE("countries: mention counts, dateline and focus", "[entities]") {
    const auto e = extract_entities(text_article("Ghana and Togo signed a border deal. Ghana will build a road; "
                                         "Ghanaian engineers start in May. Togo's minister thanked Japan.",
                                         "Ghana and Togo sign border deal", "Accra"));
    const auto* gh = mention(e, "GH");
    const auto* tg = mention(e, "TG");
    const auto* jp = mention(e, "JP");
    REQUIRE(gh != nullptr);
    REQUIRE(tg != nullptr);
    REQUIRE(jp != nullptr);
    CHECK(gh->count == 5);   // title, 3 in the body, dateline
    CHECK(gh->dateline);
    CHECK_FALSE(tg->dateline);
    CHECK(gh->focus);
    CHECK(tg->focus);
    CHECK_FALSE(jp->focus);
    CHECK(jp->count == 1);
    CHECK(extract_entities(text_article("Nothing happened.")).countries.empty());
}
