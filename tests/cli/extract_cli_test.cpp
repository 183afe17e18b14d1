// End-to-end: `newsdesk extract` on the user's example article and on wire copy.
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

TEST_CASE("the seed article's speakers and countries", "[cli][extract]") {
    const auto r = run_newsdesk({"extract", "--json", seed_article().string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto a = json::parse(r.out);
    CHECK(a["id"] == "000_b94c0258166ae0dd");
    CHECK(a["speakers"] == json::array({"Hassan Rouhani", "Recep Tayyip Erdogan"}));
    const auto countries = a["countries"].get<std::vector<std::string>>();
    for (const char* code : {"IR", "TR", "IL", "PS", "SY", "YE", "US"}) {
        INFO(code);
        CHECK(std::find(countries.begin(), countries.end(), code) != countries.end());
    }
}

// Issue 11: wire copy names companies, tickers and people after places; through the real
// program, none of them is a country, and the country the sentence names still is.
TEST_CASE("extract: no country from company names, tickers or person names", "[cli][extract]") {
    TempDir dir;
    const json articles[] = {
        {{"id", "ticker"}, {"title", "ROCKWELL <ROK> GETS AIR FORCE CONTRACT"},
         {"body", "Rockwell International Corp <ROK> said it won a 28 mln dlr contract."}},
        {{"id", "company"}, {"title", "RHODES INC SAYS SALES RISE"},
         {"body", "Rhodes Inc said sales rose, and Credit Suisse First Boston Ltd led its bond issue."}},
        {{"id", "particle"}, {"title", "Kuwait sees no quota breach"},
         {"body", "Kuwait's Oil Minister Sheikh Ali al-Khalifa al-Sabah said no member was cheating."}},
        {{"id", "title"}, {"title", "Ecuador to pay its debt"},
         {"body", "President Leon Febres Cordero said Ecuador would pay."}},
    };
    std::string lines;
    for (const auto& a : articles) lines += a.dump() + "\n";
    const auto r = run_newsdesk({"extract", "--json", dir.write("wire.jsonl", lines).string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::map<std::string, json> by_id;
    std::istringstream out(r.out);
    for (std::string line; std::getline(out, line);) {
        const auto a = json::parse(line);
        by_id[a["id"].get<std::string>()] = a["countries"];
    }
    CHECK(by_id["ticker"] == json::array());
    CHECK(by_id["company"] == json::array());
    CHECK(by_id["particle"] == json::array({"KW"}));
    CHECK(by_id["title"] == json::array({"EC"}));
}
