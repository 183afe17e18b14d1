// End-to-end: `newsdesk extract` on the user's example article.
#include <nlohmann/json.hpp>

#include "support/run_program.hpp"

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
