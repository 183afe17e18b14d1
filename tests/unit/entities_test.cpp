#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <newsdesk/entities.hpp>

#include "support/articles.hpp"
#include "support/extraction.hpp"

using namespace newsdesk;
using newsdesk::testing::names_of;
using newsdesk::testing::speakers;
using newsdesk::testing::text_article;
using newsdesk::testing::turns;

namespace {

std::vector<std::string> codes_of(const Entities& e) {
    std::vector<std::string> out;
    for (const auto& c : e.countries) out.push_back(c.code);
    return out;
}

std::vector<std::string> countries(const std::string& body, const std::string& title = {}) {
    return codes_of(extract_entities(text_article(body, title)));
}

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

using Names = std::vector<std::string>;

} // namespace

TEST_CASE("country_code accepts codes, names in many languages, demonyms, capitals, aliases", "[entities]") {
    CHECK(country_code("tr") == "TR");
    CHECK(country_code("Tr") == "TR");
    CHECK(country_code("Turkey") == "TR");
    CHECK(country_code("Türkiye") == "TR");
    CHECK(country_code("Turkish") == "TR");
    CHECK(country_code("Turks") == "TR");
    CHECK(country_code("Ankara") == "TR");
    CHECK(country_code("Deutschland") == "DE");
    CHECK(country_code("Германия") == "DE");
    CHECK(country_code("ایران") == "IR");
    CHECK(country_code("the Kremlin") == "RU");
    CHECK(country_code("Zionist regime") == "IL");
    CHECK(country_code("U.S.") == "US");
    CHECK(country_code("united states") == "US");
    CHECK(country_code("Kosovo") == "XK");
    CHECK_FALSE(country_code("Atlantis").has_value());
    CHECK_FALSE(country_code("qq").has_value());
    CHECK_FALSE(country_code("Indian Ocean").has_value());
}

TEST_CASE("country_name gives the English name from ICU", "[entities]") {
    CHECK(country_name("TR") == "Turkey");
    CHECK(country_name("de") == "Germany");
    CHECK(country_name("IR") == "Iran");
    CHECK(country_name("QQ") == "QQ");
}

TEST_CASE("countries are found by name, demonym, capital and alias", "[entities]") {
    const auto found = countries(
        "Officials in Ankara met a Japanese delegation on Monday. The talks in Nairobi touched on "
        "trade with Brazil, and the Kremlin sent an observer. The United Arab Emirates stayed away.");
    CHECK(found == Names{"AE", "BR", "JP", "KE", "RU", "TR"});
    CHECK(countries("A minister criticised the Zionist regime.") == Names{"IL"});
    CHECK(countries("Il a quitté la Tunisie hier.") == Names{"TN"});   // ICU's French name
}

TEST_CASE("countries: title and dateline count too", "[entities]") {
    CHECK(codes_of(extract_entities(text_article("The minister arrived.", "Chile votes"))) == Names{"CL"});
    CHECK(codes_of(extract_entities(text_article("The minister arrived.", "", "Tehran"))) == Names{"IR"});
}

TEST_CASE("countries: abbreviations only as written", "[entities]") {
    CHECK(countries("The U.S. embassy said nothing.") == Names{"US"});
    CHECK(countries("Exports to the US rose.") == Names{"US"});
    CHECK(countries("They told us to leave.").empty());
    CHECK(countries("Give us the keys, Us Weekly wrote.").empty());
}

TEST_CASE("countries: lower-case common words are not countries", "[entities]") {
    CHECK(countries("We ate turkey from fine china.").empty());
    CHECK(countries("The plant sold out.", "Turkey Prices Rise Before Thanksgiving").empty());
}

TEST_CASE("countries: given names and lone ambiguous names need a locative context", "[entities]") {
    CHECK(countries("Michael Jordan scored 40 points.").empty());
    CHECK(countries("Chad Johnson caught the ball.").empty());
    CHECK(countries("Refugees arrived in Jordan last week.") == Names{"JO"});
    CHECK(countries("The convoy crossed into Chad at dawn.") == Names{"TD"});
}

TEST_CASE("countries: longer names that only contain a country word", "[entities]") {
    CHECK(countries("Storms crossed the Indian Ocean.").empty());
    CHECK(countries("Prices in Latin America fell.").empty());
    CHECK(countries("He moved to New Mexico.") == Names{"US"});
    CHECK(countries("He flew to Papua New Guinea.") == Names{"PG"});
}

TEST_CASE("countries: a North American namesake town is not the foreign city", "[entities]") {
    CHECK(countries("The fair in Paris, Texas, drew crowds.") == Names{"US"});
    CHECK(countries("Police in Athens said the Clarke County jail was full.") == Names{"US"});
    CHECK(countries("Police in Athens said the strike was over.") == Names{"GR"});
    CHECK(countries("The novelist Jack London wrote about dogs.").empty());
}

TEST_CASE("countries: words a multi-word name capitalises must be capitalised", "[entities]") {
    CHECK(countries("The valley flooded after the storm.").empty());   // not The Valley, Anguilla
    CHECK(countries("Ships reached The Valley at dawn.") == Names{"AI"});
}

TEST_CASE("countries: a dollar amount in US$ is the currency, not the country", "[entities]") {
    CHECK(countries("The agency appealed for US$3 million to help flood victims in Kenya.") == Names{"KE"});
    CHECK(countries("US officials pledged help for Kenya.") == Names{"KE", "US"});
}

TEST_CASE("countries: newspapers and organisations named after a country or city", "[entities]") {
    CHECK(countries("Figures published in the China Daily showed heavy rain in Kenya.") == Names{"KE"});
    CHECK(countries("The Irish Times reported floods in Kenya.") == Names{"KE"});
    CHECK(countries("An aid worker told Agence France-Presse that Kenya needed tents.") == Names{"KE"});
    CHECK(countries("He played Russian roulette with the Canada geese.").empty());
}

TEST_CASE("countries: demonyms for cuisines, shops and languages", "[entities]") {
    CHECK(countries("We had lunch at a Mexican restaurant and bought Italian food.").empty());
    CHECK(countries("The closures included the Harbour Japanese Restaurant.").empty());
    CHECK(countries("The advert runs in English and Spanish.").empty());
    CHECK(countries("When she arrived she spoke only French.").empty());
    CHECK(countries("Mexican officials met Italian diplomats.") == Names{"IT", "MX"});
}

TEST_CASE("countries: a demonym before a reporting verb is a surname", "[entities]") {
    CHECK(countries("Press officer Dana French said the road was closed.").empty());
    CHECK(countries("The road was closed. French said the grant was spent.").empty());
    CHECK(countries("In the end the French said no to the plan.") == Names{"FR"});
}

TEST_CASE("countries: Indians after a people's or team's name are not India", "[entities]") {
    CHECK(countries("The valley was home to the Caddo and Atakapa Indians.").empty());
    CHECK(countries("Indians voted in record numbers.") == Names{"IN"});
}

TEST_CASE("countries: American counties and parishes, even when named like a country", "[entities]") {
    CHECK(countries("The Guernsey County sheriff opened an inquiry.") == Names{"US"});
    CHECK(countries("Deputies from Rapides Parish arrived after the storm.") == Names{"US"});
    CHECK(countries("The choir sang in Mayfield Parish Church.").empty());
}

TEST_CASE("countries: a country's name as a capitalised dateline is a town's", "[entities]") {
    CHECK(countries("MALTA \u2014 The college library in Malta opened a new wing.").empty());
    CHECK(countries("LEBANON (AP) \u2014 Jurors in Lebanon heard the pathologist.").empty());
    CHECK(countries("Lawmakers in Malta approved the budget.") == Names{"MT"});
}

TEST_CASE("speakers: subject before a reporting verb", "[entities]") {
    CHECK(speakers("Maria Gonzalez said the budget was balanced.") == Names{"Maria Gonzalez"});
    CHECK(speakers("Tom Archer also warned that rates would rise.") == Names{"Tom Archer"});
    CHECK(speakers("Obama and Joe Biden told reporters they were pleased. Barack Obama left.") ==
          Names{"Barack Obama", "Joe Biden"});
}

TEST_CASE("speakers: inverted order after a quote", "[entities]") {
    CHECK(speakers("\"We will not wait,\" said Laura Chen, a council member.") == Names{"Laura Chen"});
    CHECK(speakers("“It is over,” added Sen. Ben Sasse.") == Names{"Ben Sasse"});
}

TEST_CASE("speakers: according to", "[entities]") {
    CHECK(speakers("The plan failed, according to Peter Novak.") == Names{"Peter Novak"});
}

TEST_CASE("speakers: appositives and parentheses between subject and verb", "[entities]") {
    CHECK(speakers("Anna Berg, the finance minister, told reporters the deficit had shrunk.") ==
          Names{"Anna Berg"});
    CHECK(speakers("Dana Pike, 41, of Mobile, Ala., says she will vote.") == Names{"Dana Pike"});
    CHECK(speakers("Sen. Mark Ellis (R-Ohio) argued against it.") == Names{"Mark Ellis"});
}

TEST_CASE("speakers: titles, honorifics and demonyms are stripped", "[entities]") {
    CHECK(speakers("Iranian President Hassan Rouhani said talks would go on.") == Names{"Hassan Rouhani"});
    CHECK(speakers("Nebraska Sen. Ben Sasse said no.") == Names{"Ben Sasse"});
    CHECK(speakers("Judicial Watch President Tom Fitton said the emails mattered.") == Names{"Tom Fitton"});
}

TEST_CASE("speakers: surnames resolve to the longest full name", "[entities]") {
    CHECK(speakers("Paul D. Ryan spoke first. Mr. Ryan said he was hopeful.") == Names{"Paul D. Ryan"});
    CHECK(speakers("Rouhani said the deal held. Hassan Rouhani is president.") == Names{"Hassan Rouhani"});
}

TEST_CASE("speakers: a lone name is kept only where the text treats it as one", "[entities]") {
    // A capitalised first word alone may be any word ("Campaigners said"): it needs a
    // title, a mention of its own inside a sentence, or a pronoun that says what it is.
    CHECK(speakers("Morales said the vote was fair.").empty());
    CHECK(speakers("Mr. Morales said the vote was fair.") == Names{"Morales"});
    CHECK(speakers("Speaking in Ankara, Erdogan told reporters that the talks would go on.") == Names{"Erdogan"});
    CHECK(speakers("Parry said the club would not sell. Asked again, Parry said no.") == Names{"Parry"});
    // a word the article also writes in lower case, a contraction, a letter: no names
    CHECK(speakers("Campaigners said the plan was cruel. The campaigners, who met in Leeds, said so.").empty());
    CHECK(speakers("Officials said the road would open. Later, Officials said it would not.").empty());
    CHECK(speakers("We've said it before, and as S said, we will say it again.").empty());
    // a link's hash or a hashtag is no name; one capital inside a name is ("McDonald")
    CHECK(speakers("Read it here pic.twitter.com/SkKglwQycb said the post. #GirlIGuessImWithHer said it too.")
              .empty());
    CHECK(speakers("Ronald McDonald said the fries were hot.") == Names{"Ronald McDonald"});
    // ... and nor are a few long parts, or an abbreviation the name starts with
    CHECK(speakers("GlaxoSmithKline said it would cut prices. JPMorgan said it would too.") ==
          Names{"GlaxoSmithKline", "JPMorgan"});
    CHECK(speakers("\"We will win,\" said Sen. Ted Cruz, R-Texas, Jeb Bush and Sen. Marco Rubio.") ==
          Names{"Ted Cruz"});   // a party and a state are no name, nor start a list
    // an organisation by what the article says of it
    const auto microsoft = extract_entities(text_article(
        "Microsoft says it is clamping down on piracy. Users of Microsoft software will be checked."));
    REQUIRE(microsoft.speakers.size() == 1);
    CHECK(microsoft.speakers[0].name == "Microsoft");
    CHECK(microsoft.speakers[0].kind == SpeakerKind::Organisation);
    const auto bank = extract_entities(text_article("The Bundesbank urged the government to cut spending."));
    REQUIRE(bank.speakers.size() == 1);
    CHECK(bank.speakers[0].kind == SpeakerKind::Organisation);
    // a pronoun that takes the word up makes a singular word a name, not a plural one
    const auto deng = extract_entities(text_article("Deng said he would stay, and that the troubles were over."));
    REQUIRE(deng.speakers.size() == 1);
    CHECK(deng.speakers[0] == Speaker{"Deng", SpeakerKind::Person});
    CHECK(speakers("Prosecutors said he fled. Neighbours said he was quiet.").empty());
    CHECK(speakers("Seeing his rival fall, he said nothing. Somehow she said it all.").empty());
    // the company a lone word starts, and a family name written first
    CHECK(speakers("LyphoMed Inc said it would form a new division. LyphoMed said sales rose.") ==
          Names{"LyphoMed Inc"});
    CHECK(speakers("Chinese leader Deng Xiaoping met George Shultz. Deng said: \"The troubles are over.\"") ==
          Names{"Deng Xiaoping"});
    // what a speaker reports others said is not a cue of the article's
    CHECK(speakers("Rick Parry said: \"Steven knows my views and Gerrard said he wants to stay.\"") ==
          Names{"Rick Parry"});
}

TEST_CASE("speakers: title references resolve to the named person with that title", "[entities]") {
    const auto found = speakers(
        "Turkish President Recep Tayyip Erdogan met Iranian President Hassan Rouhani. "
        "\"Trade must grow,\" the Turkish president said. The Iranian President stressed the "
        "same point.");
    CHECK(found == Names{"Recep Tayyip Erdogan", "Hassan Rouhani"});
    CHECK(speakers("Greek Prime Minister Eleni Markou visited. The prime minister said little.") ==
          Names{"Eleni Markou"});
}

TEST_CASE("speakers: nobody is invented from pronouns or bare titles", "[entities]") {
    CHECK(speakers("He said the vote was fair. She told reporters it was not.").empty());
    CHECK(speakers("The president said the economy was strong.").empty());
    CHECK(speakers("A spokesman for Daniel Ortiz said the trip was off.").empty());
}

TEST_CASE("speakers: a person between places, phrases, times and the passive", "[entities]") {
    CHECK(speakers("A fire killed five in Poland. Mayor of Koszalin Piotr Jedlinski has declared a day of "
                   "mourning.") == Names{"Piotr Jedlinski"});
    CHECK(speakers("Dr. Alison Kock of the University of Cape Town has reported a correlation.") ==
          Names{"Alison Kock"});
    CHECK(speakers("The BBC's David Willey in Rome says one reason is the euro.") == Names{"David Willey"});
    CHECK(speakers("Tanya Okafor from the pro-Beijing camp said in a press conference that it was wrong.") ==
          Names{"Tanya Okafor"});
    CHECK(speakers("The chairman of the party, Liam Fox, on Saturday called him a disappointment.") ==
          Names{"Liam Fox"});
    CHECK(speakers("Mr Parton said he had been told by Children's Minister Margaret Hodge there was no time.") ==
          Names{"Parton", "Margaret Hodge"});
    CHECK(speakers("\"Let's keep fighting,\" wrote Elizabeth Warren on Twitter.") == Names{"Elizabeth Warren"});
    CHECK(speakers("His death was announced by his son Abhijit Mukherjee via Twitter.") == Names{"Abhijit Mukherjee"});
    CHECK(speakers("Attorney General Loretta Lynch is reaffirming that the inquiry will go on.") ==
          Names{"Loretta Lynch"});
    CHECK(speakers("Theresa May, shadow secretary for the family, told BBC Radio 4's Today programme that "
                   "the plans were inadequate.") == Names{"Theresa May"});
    CHECK(speakers("\"Walter was brilliant,\" said University of California, San Diego's chancellor, Pradeep "
                   "Khosla.") == Names{"Pradeep Khosla"});
    CHECK(speakers("Californian Thomas Slattery filed the suit. Mr Slattery said he was forced to buy it.") ==
          Names{"Thomas Slattery"});
    // hyphenated words are one word of a name: four of them fit
    CHECK(speakers("Governor Sheikh Hamad Abdul-Aziz bin-Khalid al-Thani said rates would hold.") ==
          Names{"Hamad Abdul-Aziz bin-Khalid al-Thani"});
}

TEST_CASE("speakers: possessors, listeners, places and organisations are not speakers", "[entities]") {
    CHECK(speakers("Karen Wu's campaign said the ads would run.").empty());
    CHECK(names_of(extract_entities(text_article("The Foreign Ministry said the talks had failed."))) ==
          Names{"Foreign Ministry"});   // an organisation, not a person: see entities_quotes_test
    CHECK(speakers("Iran said the talks had failed. Washington said nothing.").empty());
    // a party named by its members speaks as an organisation; a group of people does not
    const auto party = extract_entities(text_article("Republicans said the bill was dead."));
    REQUIRE(party.speakers.size() == 1);
    CHECK(party.speakers[0] == Speaker{"Republicans", SpeakerKind::Organisation});
    CHECK(speakers("Officials said the bill was dead. Analysts said so too.").empty());
    CHECK(speakers("Susan Hale told John Reyes the vote was close.") == Names{"Susan Hale"});
}

TEST_CASE("speakers: acts that are not speech, and speech told by a participle", "[entities]") {
    CHECK(speakers("Maria Lopez wants to make the state a model. Ed Hart continues to lead the polls.").empty());
    CHECK(speakers("Tom Reyes spoke for 77 minutes. Ann Cole spoke to the network on Friday.").empty());
    CHECK(speakers("Ruth Oakes won the primary on Tuesday, adding to her lead over Sam Pell.").empty());
    CHECK(speakers("The post was deleted. Dan Ives posted a photo of the state of the stage.").empty());
    // with what was said, the same verbs report speech
    CHECK(speakers("Carrie Lam also spoke on the economy.") == Names{"Carrie Lam"});
    CHECK(speakers("\"It is over,\" Joe Baird continued.") == Names{"Joe Baird"});
    CHECK(speakers("Nominee Donald Trump also joined the debate, announcing on Wednesday he would meet the "
                   "group.") == Names{"Donald Trump"});
    // a sentence's first word, capitalised for it, before the description of a name
    CHECK(speakers("Retired teacher Brian T. Carroll, the nominee of the Solidarity Party, answered some "
                   "questions.") == Names{"Brian T. Carroll"});
}

TEST_CASE("speakers: titles with 'of', affiliations, lists and given names that are places", "[entities]") {
    CHECK(speakers("Secretary of State John Kerry said the deal was good.") == Names{"John Kerry"});
    CHECK(speakers("Later, Secretary of Homeland Security Jeh Johnson said so.") == Names{"Jeh Johnson"});
    CHECK(speakers("Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote that it was "
                   "a stretch.") == Names{"Jeffrey Lewis"});
    const auto institute = extract_entities(text_article(
        "The idea is wrong, James Pethokoukis of the American Enterprise Institute wrote recently."));
    CHECK(names_of(institute) == Names{"James Pethokoukis"});
    CHECK(institute.speakers[0].kind == SpeakerKind::Person);
    // a clause after "after" has its own subject
    CHECK(names_of(extract_entities(text_article("The move came two days after the World Health Organization "
                                                 "declared the outbreak a pandemic."))) ==
          Names{"World Health Organization"});
    // a town's name as a given name; a month, a page's "Read" as a surname
    CHECK(speakers("The pollster, Douglas Schoen, says the man has the money.") == Names{"Douglas Schoen"});
    CHECK(speakers("Regina Ip said the law was needed. Rio Ferdinand said he was fit.") ==
          Names{"Regina Ip", "Rio Ferdinand"});
    CHECK(speakers("London Mayor Sadiq Khan said it was bad.") == Names{"Sadiq Khan"});
    CHECK(speakers("Pfizer chief executive Ian Read said leaders had paid. Li Jun wrote that it was bad.") ==
          Names{"Ian Read", "Li Jun"});
    // lists of full names, by commas and "and", before an appositive or the verb
    CHECK(speakers("Lindsey Graham and David Perdue, who are both on the committee, said it would not "
                   "happen.") == Names{"Lindsey Graham", "David Perdue"});
    CHECK(speakers("Democratic contenders Hillary Clinton and Bernie Sanders, and Democratic Gov. Jay Nixon, "
                   "tweeted their approval.") == Names{"Hillary Clinton", "Bernie Sanders", "Jay Nixon"});
    CHECK(speakers("Jason Dana, Robyn Dawes and Nathanial Peterson said it was so.") ==
          Names{"Jason Dana", "Robyn Dawes", "Nathanial Peterson"});
    // a title with "of" and "and" ends where the name begins
    CHECK(speakers("Indonesia's Minister of Energy and Mines Subroto said OPEC faced a challenge. Mr Subroto "
                   "told reporters prices would rise.") == Names{"Subroto"});
    CHECK(speakers("Minister of Mines and Energy Subroto said OPEC faced a challenge. Mr Subroto told "
                   "reporters prices would rise.") == Names{"Subroto"});
    // a legal form alone names no company
    CHECK(names_of(extract_entities(text_article("Northern Telecom Ltd split its stock. Company also said it "
                                                 "will increase the dividend."))).empty());
    // an album is no pair of people
    CHECK(speakers("Keane's album, Hopes and Fears, said little.").empty());
}

TEST_CASE("speakers: the passive, nouns, compounds and words that only look like names", "[entities]") {
    // spoken of, not speaking
    CHECK(speakers("Hillary Clinton was officially declared the winner. Iron Mike Tyson was not asked to "
                   "speak.").empty());
    CHECK(speakers("In London, Robey Warshaw, a firm founded in 2014, is advising SABMiller on the deal.").empty());
    // a verb's base form after "the" or "a" and a name is a noun
    CHECK(speakers("Voters warmed to the Sanders challenge among the young, said Amy Walter. A senior Trump "
                   "advise spent the weekend there.") == Names{"Amy Walter"});
    // a name that qualifies an organisation, a compound adjective, a contraction
    CHECK(speakers("Obama administration officials said the plan would work. The Obama administration is "
                   "preparing a plan, believing it will work.").empty());
    CHECK(speakers("Illinois-based AbbVie called the deal unfair.") == Names{"AbbVie"});
    CHECK(speakers("\"It worked,\" said Jim Eastland I\u2019ve heard.") == Names{"Jim Eastland"});
    CHECK(speakers("His Catholic faith is important to him, and he said so often.").empty());
    // the person after a description that follows a place or a name
    CHECK(speakers("Rubio press secretary Brooke Sammon gave it a try, tweeting the following.") ==
          Names{"Brooke Sammon"});
}

TEST_CASE("seed article: speakers and countries", "[entities]") {
    std::ifstream in(NEWSDESK_SOURCE_DIR "/../shared/seed/000_b94c0258166ae0dd.txt");
    REQUIRE(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    const auto cut = text.find("Read more:");
    REQUIRE(cut != std::string::npos);
    const auto found = extract_entities(text_article(text.substr(0, cut), "", "Tehran"));
    CHECK(names_of(found) == Names{"Hassan Rouhani", "Recep Tayyip Erdogan"});
    for (const char* code : {"IR", "TR", "IL", "PS", "SY", "YE", "US"}) {
        INFO(code);
        CHECK(has(codes_of(found), code));
    }
    const auto found_codes = codes_of(found);
    CHECK(std::is_sorted(found_codes.begin(), found_codes.end()));
}

TEST_CASE("seed article: the Zionist regime alone names Israel", "[entities]") {
    CHECK(countries("It is necessary to confront the crimes of the Zionist regime.") == Names{"IL"});
}
