// A facet value means what clicking it does: on a real archive, each value every facet shows,
// added to the query as its "filter", finds exactly the count the facet showed.
#include <filesystem>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

TEST_CASE("every facet value's filter finds exactly the articles it counted", "[cli][facets]") {
    const auto bbc = shared_data("data/corpora/bbc.jsonl");
    const auto wikinews = shared_data("data/corpora/wikinews-2019-2020.jsonl");
    if (!std::filesystem::exists(bbc) || !std::filesystem::exists(wikinews)) return;
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto indexed = run_newsdesk({"index", "--db", db, bbc.string(), wikinews.string()});
    REQUIRE(indexed.exit_code == 0);

    std::vector<std::string> facet_args;
    for (const auto& facet : {"speaker", "person", "organisation", "country", "focus", "dateline_country",
                              "source", "lang", "dateline", "year", "month"})
        facet_args.insert(facet_args.end(), {"--facet", facet});
    std::size_t checked = 0;
    for (const std::string query : {"", "government"}) {
        auto args = std::vector<std::string>{"search", "--db", db, "--json", "--limit", "0", "--facet-limit", "12"};
        args.insert(args.end(), facet_args.begin(), facet_args.end());
        args.push_back(query);
        const auto all = newsdesk_json(args);
        for (const auto& [facet, values] : all["facets"].items()) {
            for (const auto& v : values) {
                const auto filter = v["filter"].get<std::string>();
                const auto filtered = query.empty() ? filter : query + " " + filter;
                INFO(facet << " value " << v["value"] << " shown with count " << v["count"] << ", filter " << filtered);
                CHECK(newsdesk_json({"search", "--db", db, "--json", "--limit", "0", filtered})["total"] == v["count"]);
                ++checked;
            }
        }
    }
    CHECK(checked > 100);   // the archive gives every facet values to check
}
