// End-to-end: `newsdesk search` and `newsdesk info` on indexes built by the real program.
#include <map>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

json search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--db", sample_db(), "--json"});
    const auto r = run_newsdesk(args);
    INFO(r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    return json::parse(r.out);
}

std::vector<std::string> ids(const json& results) {
    std::vector<std::string> out;
    for (const auto& h : results["hits"]) out.push_back(h["id"]);
    return out;
}

} // namespace

TEST_CASE("speaker:rouhani country:TR finds the seed article", "[cli][search]") {
    const auto r = search({"--limit", "50", "speaker:rouhani country:TR"});
    const auto found = ids(r);
    CHECK(std::find(found.begin(), found.end(), "000_b94c0258166ae0dd") != found.end());
    for (const auto& h : r["hits"]) {
        CHECK(std::find(h["countries"].begin(), h["countries"].end(), "TR") != h["countries"].end());
        CHECK(std::find(h["speakers"].begin(), h["speakers"].end(), "Hassan Rouhani") != h["speakers"].end());
    }
    // The same country by name, in English and in Turkish.
    CHECK(search({"--limit", "50", "speaker:rouhani country:Turkey"})["total"] == r["total"]);
    CHECK(search({"--limit", "50", "speaker:rouhani country:Türkiye"})["total"] == r["total"]);
}

TEST_CASE("hits carry the documented fields and a marked snippet", "[cli][search]") {
    const auto r = search({"--facet", "speaker", "--facet", "country", "\"maximum pressure\""});
    REQUIRE(r["total"].get<int>() >= 3);
    CHECK(r["offset"] == 0);
    CHECK(r["limit"] == 10);
    for (const auto& h : r["hits"]) {
        for (const char* key : {"rank", "score", "id", "title", "date", "source", "url", "speakers", "countries", "snippet"})
            CHECK(h.contains(key));
        CHECK(h["snippet"].get<std::string>().find("<mark>") != std::string::npos);
    }
    REQUIRE(!r["facets"]["country"].empty());
    CHECK(r["facets"]["country"][0].contains("name"));
}

TEST_CASE("phrases, wildcards, booleans and dates", "[cli][search]") {
    const auto phrase = search({"--limit", "100", "\"maximum pressure\""});
    const auto words = search({"--limit", "100", "maximum pressure"});
    CHECK(phrase["total"].get<int>() > 0);
    CHECK(phrase["total"] <= words["total"]);
    CHECK(search({"\"pressure maximum\""})["total"] == 0);

    const auto wildcard = search({"--limit", "100", "sanction*"});
    CHECK(wildcard["total"] > search({"\"sanctioned\""})["total"]);   // a quoted word is not stemmed

    const auto both = search({"--limit", "100", "oil AND sanctions"})["total"].get<int>();
    const auto either = search({"--limit", "100", "oil OR sanctions"})["total"].get<int>();
    const auto without = search({"--limit", "100", "oil NOT sanctions"})["total"].get<int>();
    CHECK(both < either);
    CHECK(both + without == search({"oil"})["total"].get<int>());

    const auto in_2021 = search({"--limit", "100", "date:2021"});
    REQUIRE(in_2021["total"].get<int>() > 0);
    for (const auto& h : in_2021["hits"]) CHECK(h["date"].get<std::string>().starts_with("2021"));
    const auto range = search({"--limit", "100", "date:2021-01-01..2021-12-31"});
    CHECK(range["total"] == in_2021["total"]);
    const auto open = search({"--limit", "100", "--sort", "oldest", "date:2023.."});
    REQUIRE(open["total"].get<int>() > 0);
    CHECK(open["hits"][0]["date"].get<std::string>() >= "2023-01-01");
    for (std::size_t i = 1; i < open["hits"].size(); ++i)
        CHECK(open["hits"][i - 1]["date"].get<std::string>() <= open["hits"][i]["date"].get<std::string>());
}

TEST_CASE("Persian, Arabic and Turkish words are found", "[cli][search]") {
    const auto persian = search({"ایران"});
    REQUIRE(persian["total"].get<int>() > 0);
    CHECK(persian["hits"][0]["language"] == "fa");
    // Arabic kaf and yeh in the query still find text written with Persian letters.
    CHECK(search({"ايران"})["total"] == persian["total"]);
    CHECK(search({"ISTANBUL"})["total"].get<int>() > 0);
    CHECK(search({"ISTANBUL"})["total"] == search({"İstanbul"})["total"]);
    CHECK(search({"РОССИЯ"})["total"].get<int>() > 0);                     // Cyrillic, case-folded
    const auto chinese = search({"中国"});                                   // ICU splits unspaced text
    REQUIRE(chinese["total"].get<int>() > 0);
    CHECK(chinese["hits"][0]["language"] == "zh");
    CHECK(chinese["hits"][0]["snippet"].get<std::string>().find("<mark>中国</mark>") != std::string::npos);
}

TEST_CASE("the trailing link list of a text article is not indexed", "[cli][search]") {
    CHECK(search({"Quispe"})["total"] == 0);
    CHECK(search({"Zarif"})["total"] == 0);   // only in the seed's "Read more:" list
}

TEST_CASE("facet counts equal counts made independently from extract output", "[cli][search]") {
    const auto corpus = shared_data("data/corpora/wikinews-2019-2020.jsonl");
    if (!std::filesystem::exists(corpus)) return;
    TempDir dir;
    const auto db = (dir / "db").string();
    REQUIRE(run_newsdesk({"index", "--db", db, corpus.string()}).exit_code == 0);
    const auto extracted = run_newsdesk({"extract", "--json", corpus.string()});
    REQUIRE(extracted.exit_code == 0);
    std::map<std::string, int> speakers, countries, countries_with_us;
    std::istringstream lines(extracted.out);
    for (std::string line; std::getline(lines, line);) {
        const auto a = json::parse(line);
        bool us = false;
        for (const auto& c : a["countries"]) us |= c == "US";
        for (const auto& s : a["speakers"]) ++speakers[s];
        for (const auto& s : a["organisations"]) ++speakers[s];   // the speaker facet counts both
        for (const auto& c : a["countries"]) {
            ++countries[c];
            if (us) ++countries_with_us[c];
        }
    }
    auto check = [](const json& facet, const std::map<std::string, int>& expected) {
        REQUIRE(!facet.empty());
        for (const auto& v : facet) {
            INFO(v["value"]);
            CHECK(v["count"].get<int>() == expected.at(v["value"]));
        }
    };
    const auto all = json::parse(run_newsdesk({"search", "--db", db, "--json", "--facet", "speaker", "--facet", "country",
                                           "--facet-limit", "30", ""}).out);
    CHECK(all["total"] == 293);
    check(all["facets"]["speaker"], speakers);
    check(all["facets"]["country"], countries);
    const auto us = json::parse(run_newsdesk({"search", "--db", db, "--json", "--facet", "country", "--facet-limit", "30",
                                          "country:us"}).out);
    CHECK(us["total"] == countries.at("US"));
    check(us["facets"]["country"], countries_with_us);
}

TEST_CASE("bad queries exit with code 2 and say what is wrong", "[cli][search]") {
    for (const std::string q : {"\"unclosed phrase", "(oil OR gas", "nosuch:field", "date:2021-13", "country:atlantis"}) {
        INFO(q);
        const auto r = run_newsdesk({"search", "--db", sample_db(), q});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("bad query") != std::string::npos);
    }
    CHECK(run_newsdesk({"search", "--db", sample_db(), "--facet", "colour", "oil"}).exit_code == 2);
    CHECK(run_newsdesk({"search", "--db", sample_db(), "zzzzunfindable"}).exit_code == 1);
}

TEST_CASE("text output lists hits, snippets and facets", "[cli][search]") {
    const auto r = run_newsdesk({"search", "--db", sample_db(), "--facet", "source", "sanctions"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("articles match") != std::string::npos);
    CHECK(r.out.find("[sanctions]") != std::string::npos);   // marked match, no terminal
    CHECK(r.out.find("source:") != std::string::npos);
    const auto info = json::parse(run_newsdesk({"info", "--db", sample_db(), "--json"}).out);
    CHECK(info["articles"].get<int>() >= 45);
    CHECK(info["facets"].contains("speaker"));
}
