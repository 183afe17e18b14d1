#include <catch2/catch.hpp>

#include <newsdesk/entities.hpp>
#include "text/language.hpp"

using namespace newsdesk;

TEST_CASE("language detection picks the language of most of the text", "[enrich]") {
    CHECK(detect_language("The mayor of Paris, Anne Hidalgo, said the Cité station near the Préfecture de "
                          "Police would stay closed on Friday while officers searched the building.") == "en");
    CHECK(detect_language("وزیر امور خارجه ایران روز دوشنبه گفت که گفت‌وگوها با کشورهای همسایه ادامه خواهد یافت.") == "fa");
    CHECK(detect_language("Министр иностранных дел России заявил в понедельник, что переговоры будут продолжены.") == "ru");
    CHECK(detect_language("").empty());
}

TEST_CASE("enrich settles the language and merges given entities with extracted ones", "[enrich]") {
    Article a;
    a.title = "Talks in Ankara";
    a.body = "Turkish President Recep Tayyip Erdogan said on Monday that trade with Iran would grow.";
    a.language = "EN-gb";
    a.speakers = {"recep tayyip erdogan", "Jane Doe"};
    a.countries = {"fr", "Turkey"};
    enrich(a, "de", SpeakerAliases{});
    CHECK(a.language == "en");
    CHECK(a.speakers == std::vector<std::string>{"recep tayyip erdogan", "Jane Doe"});   // same person once
    CHECK(a.countries == std::vector<std::string>{"FR", "IR", "TR"});
    Article b;
    b.body = "Kein Sprachfeld.";
    enrich(b, "de", SpeakerAliases{});
    CHECK(b.language == "de");   // --lang for articles that do not say
}
