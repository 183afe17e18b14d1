// End-to-end: one person, one speaker value, chosen by the archive's evidence, whatever order the
// articles were indexed in, however often, into one database or shards (issue 11).
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

// A JSON Lines article that names its speakers itself, so that these tests weigh names the
// registry is given, whatever extraction makes of a text.
json given(const std::string& id, const std::vector<std::string>& speakers) {
    return {{"id", id}, {"title", "Talks"}, {"body", "Nothing new was announced."},
            {"date", "2021-05-16"}, {"language", "en"}, {"speakers", speakers}};
}

std::string write_jsonl(const TempDir& dir, const std::string& name, const std::vector<json>& articles) {
    std::string lines;
    for (const auto& a : articles) lines += a.dump() + "\n";
    return dir.write(name, lines).string();
}

void index(const std::string& db, const std::vector<std::string>& inputs, const std::vector<std::string>& options = {}) {
    std::vector<std::string> args{"index", "--db", db};
    args.insert(args.end(), options.begin(), options.end());
    args.insert(args.end(), inputs.begin(), inputs.end());
    const auto r = run_newsdesk(args);
    INFO("newsdesk index: " << r.err);
    REQUIRE(r.exit_code == 0);
}

// The speaker facet of every article, each value checked to mean what clicking it does: its
// filter finds exactly the articles it counted.
json speaker_facet(const std::string& db) {
    const auto all = newsdesk_json({"search", "--db", db, "--json", "--limit", "0", "--facet", "speaker", "--facet-limit", "100", ""});
    const auto& values = all["facets"]["speaker"];
    for (const auto& v : values) {
        INFO("value " << v["value"] << " counted " << v["count"] << ", filter " << v["filter"]);
        CHECK(newsdesk_json({"search", "--db", db, "--json", "--limit", "0", v["filter"].get<std::string>()})["total"] == v["count"]);
    }
    return values;
}

// value -> count of a facet's values.
std::map<std::string, int> counts(const json& values) {
    std::map<std::string, int> out;
    for (const auto& v : values) out[v["value"].get<std::string>()] = v["count"].get<int>();
    return out;
}

// Two batches naming the same people in several spellings: "Recep Tayyip Erdoğan" is the
// spelling most articles write in normal case, and his full name more written than "Tayyip
// Erdogan" (which batch A alone writes more); "Hassan Rouhani" is written in capitals more
// often, as headlines do, but a form in normal case is shown over capitals.
struct Batches {
    TempDir dir;
    std::string a = write_jsonl(dir, "a.jsonl", {given("a-bare", {"Erdogan"}), given("a-caps", {"RECEP TAYYIP ERDOGAN"}),
                                                 given("a-short-1", {"Tayyip Erdogan"}), given("a-short-2", {"Tayyip Erdogan"}),
                                                 given("a-rouhani", {"Hassan Rouhani"})});
    std::string b = write_jsonl(dir, "b.jsonl", {given("b-full-1", {"Recep Tayyip Erdoğan"}), given("b-full-2", {"Recep Tayyip Erdoğan"}),
                                                 given("b-plain", {"Recep Tayyip Erdogan"}), given("b-short", {"Tayyip Erdogan"}),
                                                 given("b-caps-1", {"HASSAN ROUHANI"}), given("b-caps-2", {"HASSAN ROUHANI"})});
    const std::map<std::string, int> expected{{"Recep Tayyip Erdoğan", 8}, {"Hassan Rouhani", 3}};
};

} // namespace

TEST_CASE("a surname alone resolves to the one person the archive knows by it", "[cli][registry]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    // The surname comes first, in a run of its own: a later run's fuller name settles it again.
    index(db, {write_jsonl(dir, "early.jsonl", {given("bare", {"Erdogan"})})});
    CHECK(counts(speaker_facet(db)) == std::map<std::string, int>{{"Erdogan", 1}});
    index(db, {write_jsonl(dir, "later.jsonl", {given("full", {"Recep Tayyip Erdogan"}), given("short", {"Tayyip Erdogan"})})});
    const auto values = speaker_facet(db);
    CHECK(counts(values) == std::map<std::string, int>{{"Recep Tayyip Erdogan", 3}});
    CHECK(newsdesk_json({"search", "--db", db, "--json", "speaker:\"Recep Tayyip Erdogan\""})["total"] == 3);
}

TEST_CASE("a surname alone stays as it is when two people are known by it", "[cli][registry]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    index(db, {write_jsonl(dir, "all.jsonl", {given("bare", {"Erdogan"}), given("full", {"Recep Tayyip Erdogan"}),
                                              given("emine", {"Emine Erdogan"})})});
    CHECK(counts(speaker_facet(db)) == std::map<std::string, int>{{"Erdogan", 1}, {"Recep Tayyip Erdogan", 1}, {"Emine Erdogan", 1}});
    // And when the second Erdogan comes in a later run, the surname is taken back from the first.
    TempDir later;
    const auto db2 = (later / "db").string();
    index(db2, {write_jsonl(later, "first.jsonl", {given("bare", {"Erdogan"}), given("full", {"Recep Tayyip Erdogan"})})});
    CHECK(counts(speaker_facet(db2)) == std::map<std::string, int>{{"Recep Tayyip Erdogan", 2}});
    index(db2, {write_jsonl(later, "second.jsonl", {given("emine", {"Emine Erdogan"})})});
    CHECK(counts(speaker_facet(db2)) == std::map<std::string, int>{{"Erdogan", 1}, {"Recep Tayyip Erdogan", 1}, {"Emine Erdogan", 1}});
}

TEST_CASE("the speaker values do not depend on the order the articles were indexed in", "[cli][registry]") {
    const Batches batches;
    const TempDir dir;
    const auto ab = (dir / "ab").string(), ba = (dir / "ba").string();
    index(ab, {batches.a});
    CHECK(counts(speaker_facet(ab)) == std::map<std::string, int>{{"Tayyip Erdogan", 4}, {"Hassan Rouhani", 1}});
    index(ab, {batches.b});
    index(ba, {batches.b});
    index(ba, {batches.a});
    const auto facet = speaker_facet(ab);
    CHECK(counts(facet) == batches.expected);   // the most written spelling, in normal case
    CHECK(speaker_facet(ba) == facet);
    // One run, one article per commit: each commit settles what it changed.
    const auto one_by_one = (dir / "one-by-one").string();
    index(one_by_one, {batches.b, batches.a}, {"--batch-size", "1"});
    CHECK(speaker_facet(one_by_one) == facet);
}

TEST_CASE("indexing the same articles again converges on the same speaker values", "[cli][registry]") {
    const Batches batches;
    const TempDir dir;
    const auto db = (dir / "db").string();
    index(db, {batches.a, batches.b});
    const auto facet = speaker_facet(db);
    CHECK(counts(facet) == batches.expected);
    index(db, {batches.a});
    CHECK(speaker_facet(db) == facet);
    index(db, {batches.b, batches.a});
    CHECK(speaker_facet(db) == facet);
    CHECK(newsdesk_json({"info", "--db", db, "--json"})["articles"] == 11);
}

TEST_CASE("a sharded index settles speaker values as one database does", "[cli][registry][shards]") {
    const Batches batches;
    const TempDir dir;
    const auto one = (dir / "one").string(), sharded = (dir / "sharded").string();
    index(one, {batches.a, batches.b});
    index(sharded, {batches.b}, {"--shards", "2"});
    index(sharded, {batches.a});
    const auto facet = speaker_facet(one);
    CHECK(counts(facet) == batches.expected);
    CHECK(speaker_facet(sharded) == facet);
}

TEST_CASE("extract settles names against the whole run, whatever its order", "[cli][registry]") {
    const Batches batches;
    const auto speakers_by_id = [](const std::vector<std::string>& inputs) {
        std::vector<std::string> args{"extract", "--json"};
        args.insert(args.end(), inputs.begin(), inputs.end());
        const auto r = run_newsdesk(args);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        std::map<std::string, json> out;
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);) {
            const auto j = json::parse(line);
            out[j["id"].get<std::string>()] = j["speakers"];
        }
        return out;
    };
    const auto ab = speakers_by_id({batches.a, batches.b});
    CHECK(ab == speakers_by_id({batches.b, batches.a}));
    CHECK(ab.at("a-bare") == json{"Recep Tayyip Erdoğan"});
    CHECK(ab.at("b-caps-1") == json{"Hassan Rouhani"});
}

// Extraction gives the lone surname as the speaker of "Erdogan told reporters" (named inside a
// sentence, as a name); the archive settles it.
TEST_CASE("'Erdogan told reporters' is Recep Tayyip Erdogan's when the archive knows only him", "[cli][registry]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const json told{{"id", "told"}, {"title", "Talks in Ankara"},
                    {"body", "Speaking in Ankara, Erdogan told reporters that the talks would go on."},
                    {"date", "2021-05-16"}, {"language", "en"}};
    index(db, {write_jsonl(dir, "told.jsonl", {told})});
    index(db, {write_jsonl(dir, "known.jsonl", {given("full", {"Recep Tayyip Erdogan"})})});
    CHECK(counts(speaker_facet(db)) == std::map<std::string, int>{{"Recep Tayyip Erdogan", 2}});
    const auto quotes = newsdesk_json({"quotes", "--db", db, "--json", "--facet", "speaker", "article:told"});
    CHECK(counts(quotes["facets"]["speaker"]) == std::map<std::string, int>{{"Recep Tayyip Erdogan", 1}});

    // With a second Erdogan known, the article's speaker stays "Erdogan".
    index(db, {write_jsonl(dir, "emine.jsonl", {given("emine", {"Emine Erdogan"})})});
    CHECK(counts(speaker_facet(db)) == std::map<std::string, int>{{"Erdogan", 1}, {"Recep Tayyip Erdogan", 1}, {"Emine Erdogan", 1}});
}
