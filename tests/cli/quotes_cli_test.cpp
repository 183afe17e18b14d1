// End-to-end: `newsdesk quotes` and quote-aware article search through the real program.
#include <nlohmann/json.hpp>

#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

// COMMAND ARGS... on the sample archive, as JSON.
json run_json(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--db", sample_db(), "--json"});
    return newsdesk_json(args);
}

} // namespace

TEST_CASE("quotes answers who said a phrase, and how often", "[cli][quotes]") {
    const auto r = run_json({"quotes", "--facet", "speaker", "--limit", "50", "\"maximum pressure\""});
    REQUIRE(r["total"].get<int>() >= 3);
    for (const auto& h : r["hits"]) {
        const auto text = h["quote"]["text"].get<std::string>();
        std::string folded;
        for (char c : text) folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(folded.find("maximum pressure") != std::string::npos);
        CHECK(h["quote"]["marked"].get<std::string>().find("<mark>") != std::string::npos);
        CHECK(!h["article"]["id"].get<std::string>().empty());
    }
    // The sample's US sanctions official says it most often.
    const auto& speakers = r["facets"]["speaker"];
    REQUIRE(!speakers.empty());
    CHECK(speakers[0]["value"] == "Sarah Whitfield");
    CHECK(speakers[0]["count"].get<int>() >= 2);
    CHECK(speakers[0]["type"] == "person");
}

TEST_CASE("the seed article's quotes belong to its two speakers", "[cli][quotes]") {
    const auto r = run_json({"quotes", "--limit", "50", "article:000_b94c0258166ae0dd"});
    REQUIRE(r["total"].get<int>() >= 3);
    for (const auto& h : r["hits"]) {
        const auto who = h["quote"]["speaker"].get<std::string>();
        CHECK((who == "Hassan Rouhani" || who == "Recep Tayyip Erdogan"));
    }
    // "Zionist regime" is in Rouhani's words; it is not in Erdogan's.
    CHECK(run_json({"quotes", "article:000_b94c0258166ae0dd \"zionist regime\" speaker:rouhani"})["total"].get<int>() >= 1);
    CHECK(run_json({"quotes", "article:000_b94c0258166ae0dd \"zionist regime\" speaker:erdogan"})["total"] == 0);
    // The lead quote, introduced by a long sentence before its colon ("Hassan Rouhani said in a
    // telephone conversation with Turkish President Recep Tayyip Erdogan on Sunday: ..."), is his.
    const auto lead = run_json({"quotes", "article:000_b94c0258166ae0dd \"necessary to confront the crimes\""});
    REQUIRE(lead["total"] == 1);
    CHECK(lead["hits"][0]["quote"]["speaker"] == "Hassan Rouhani");
}

TEST_CASE("quote: limits article search to quoted words, and hits carry quotes", "[cli][quotes]") {
    const auto quoted = run_json({"search", "--limit", "50", "quote:sanctions"});
    const auto anywhere = run_json({"search", "--limit", "50", "sanctions"});
    REQUIRE(quoted["total"].get<int>() > 0);
    CHECK(quoted["total"] < anywhere["total"]);
    for (const auto& h : quoted["hits"]) CHECK(!h["quotes"].empty());
    const auto seed = run_json({"search", "id:000_b94c0258166ae0dd"});
    REQUIRE(seed["total"] == 1);
    const auto& hit = seed["hits"][0];
    CHECK(hit["quotes"].size() >= 3);
    bool ir_focus = false;
    for (const auto& m : hit["country_mentions"]) ir_focus |= m["code"] == "IR" && m["focus"] == true;
    CHECK(ir_focus);
}

TEST_CASE("speaker types and country roles filter and facet", "[cli][quotes]") {
    const auto people = run_json({"search", "--limit", "0", "speaker_type:person"})["total"].get<int>();
    const auto all = run_json({"search", "--limit", "0", ""})["total"].get<int>();
    CHECK(people > 0);
    CHECK(people <= all);
    const auto facets = run_json({"search", "--limit", "0", "--facet", "focus", "--facet", "dateline_country", ""});
    REQUIRE(!facets["facets"]["focus"].empty());
    CHECK(facets["facets"]["focus"][0].contains("name"));
    const auto tehran = run_json({"search", "--limit", "50", "dateline_country:iran"});
    CHECK(tehran["total"].get<int>() >= 1);
    for (const auto& h : tehran["hits"]) CHECK(h["countries"].dump().find("IR") != std::string::npos);
}

TEST_CASE("quotes --facet verb counts the reporting verbs, each filtering to its count, and articles have none", "[cli][quotes][facets]") {
    const auto& db = sample_db();
    const auto r = newsdesk_json({"quotes", "--db", db, "--json", "--limit", "0", "--facet", "verb", "--facet-limit", "100", ""});
    const auto& verbs = r["facets"]["verb"];
    REQUIRE(verbs.size() > 3);
    CHECK(verbs[0]["value"] == "said");   // the verb of news
    std::uint64_t sum = 0;
    for (const auto& v : verbs) {
        INFO(v.dump());
        sum += v["count"].get<std::uint64_t>();
        const auto filtered = newsdesk_json({"quotes", "--db", db, "--json", "--limit", "0", v["filter"].get<std::string>()});
        CHECK(filtered["total"] == v["count"]);
    }
    CHECK(sum == r["total"].get<std::uint64_t>());   // every quote once: those without a verb as "unknown"
    const auto refused = run_newsdesk({"search", "--db", db, "--facet", "verb", ""});
    CHECK(refused.exit_code == 2);
    CHECK(has(refused.err, "the verb facet counts quotes"));
}
