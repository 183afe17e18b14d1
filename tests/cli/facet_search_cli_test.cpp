// End-to-end: searching within a facet and "did you mean" (issue: research workflows), on real
// wire and Wikinews articles (the speaker and country development sets and Wikinews 2019-2020).
#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"
#include "support/shared_data.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

const std::string& wire_db() {
    static TempDir dir;
    static const std::string db = [] {
        const auto path = (dir / "db").string();
        std::vector<std::string> args{"index", "--db", path};
        for (const auto* file : {"data/corpora/wikinews-2019-2020.jsonl", "data/eval/speakers-wire-dev.jsonl",
                                 "data/eval/speakers-dev.jsonl", "data/eval/countries-dev.jsonl"})
            args.push_back(shared_data(file).string());
        const auto r = run_newsdesk(args);
        if (r.exit_code != 0) FAIL("indexing failed: " << r.err);
        return path;
    }();
    return db;
}

json search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--db", wire_db(), "--json", "--limit", "0"});
    return newsdesk_json(args);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The test's own reading of "a word starts with": ASCII letters only, parted by anything else.
bool ascii_word_starts(const std::string& value, const std::string& prefix) {
    const auto v = lower(value);
    for (std::size_t at = 0; at < v.size(); ++at)
        if ((at == 0 || !std::isalnum(static_cast<unsigned char>(v[at - 1]))) && v.compare(at, prefix.size(), prefix) == 0)
            return true;
    return false;
}

bool ascii(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace

TEST_CASE("a facet search lists the facet's values with a word so begun, counted over the query, best first", "[cli][facet-search]") {
    for (const std::string query : {"", "iran OR president"}) {
        INFO("query: " << query);
        const auto all = search({"--facet", "speaker", "--facet-limit", "10000", query})["facets"]["speaker"];
        const auto found = search({"--facet-search", "speaker=rou", query});
        const auto& values = found["facet_search"]["speaker"];
        // What the whole list holds with a word starting "rou", in its order: the first ten.
        std::vector<json> expected;
        for (const auto& v : all)
            if (ascii_word_starts(v["value"], "rou")) expected.push_back(v);
        REQUIRE(!expected.empty());
        REQUIRE(values.size() == std::min<std::size_t>(expected.size(), 10));
        for (std::size_t i = 0; i < values.size(); ++i) {
            INFO(values[i].dump());
            CHECK(values[i] == expected[i]);
        }
        // Every value found has such a word, and its filter finds its count within the query.
        for (const auto& v : values) {
            CHECK((ascii_word_starts(v["value"], "rou") || !ascii(v["value"])));
            const auto narrowed = query.empty() ? v["filter"].get<std::string>() : "(" + query + ") " + v["filter"].get<std::string>();
            CHECK(search({narrowed})["total"] == v["count"]);
        }
    }
    // Case and accents aside, and a prefix of two words.
    const auto plain = search({"--facet-search", "speaker=rou", ""})["facet_search"];
    CHECK(search({"--facet-search", "speaker=ROU", ""})["facet_search"] == plain);
    CHECK(search({"--facet-search", "speaker=Róu", ""})["facet_search"] == plain);
    const auto hassan = search({"--facet-search", "speaker=hassan rou", ""})["facet_search"]["speaker"];
    REQUIRE(!hassan.empty());
    CHECK(hassan[0]["value"] == "Hassan Rouhani");
    // Countries by their names as well as their codes.
    const auto turk = search({"--facet-search", "country=turk", ""})["facet_search"]["country"];
    REQUIRE(!turk.empty());
    CHECK(turk[0]["value"] == "TR");
    // The text output lists them as facets are listed.
    const auto text = run_newsdesk({"search", "--db", wire_db(), "--limit", "0", "--facet-search", "speaker=hassan rou", ""});
    CHECK(has(text.out, "Hassan Rouhani  -> speaker:\"Hassan Rouhani\""));
}

TEST_CASE("a facet search of a period facet, or without a prefix's facet, is refused", "[cli][facet-search]") {
    const auto refused = [&](std::vector<std::string> args, const std::string& reason) {
        args.insert(args.begin(), {"search", "--db", wire_db()});
        check_refused(args, reason);
    };
    refused({"--facet-search", "year=20", ""}, "is a facet of periods");
    refused({"--facet-search", "speakerrou", ""}, "--facet-search takes FACET=PREFIX");
    refused({"--facet-search", "colour=r", ""}, "unknown facet 'colour'");
}

TEST_CASE("did you mean: rare words and names are offered as the archive spells them, common ones are not", "[cli][suggestion]") {
    const auto suggestion = [](const std::string& query) -> std::string {
        const auto r = search({"--", query});
        return r.contains("suggestion") ? r["suggestion"].get<std::string>() : "";
    };
    CHECK(suggestion("speaker:rouhan") == "speaker:\"hassan rouhani\"");
    // Quoted by no one here, but mentioned: the word.
    CHECK(search({"speaker:ahmadinejad"})["total"] == 0);
    CHECK(suggestion("speaker:ahmadinejab") == "ahmadinejad");
    CHECK(suggestion("rouhan") == "rouhani");
    CHECK(suggestion("iran AND (rouhan OR sanctoins)") == "iran AND (rouhani OR sanctions)");
    CHECK(suggestion("-rouhan iran") == "-rouhani iran");
    // Good words, phrases, other fields and operators are left alone.
    CHECK(suggestion("iran sanctions").empty());
    CHECK(suggestion("president").empty());
    CHECK(suggestion("\"rouhan said\"").empty());
    CHECK(suggestion("title:rouhan").empty());
    CHECK(suggestion("").empty());
    // What the suggestion finds: more than the misspelling did.
    CHECK(search({"speaker:\"hassan rouhani\""})["total"].get<int>() > search({"speaker:rouhan"})["total"].get<int>());
    // The text output offers it under the count.
    const auto text = run_newsdesk({"search", "--db", wire_db(), "rouhan"});
    CHECK(has(text.out, "Did you mean: rouhani ?"));
}
