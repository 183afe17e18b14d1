// A bulk load (several writers into side databases, merged at the end) answers every query of
// the benchmark's mix as a load by one writer does: the same totals, the same facet counts,
// the same articles and quotes with the same scores in the same order, ties aside (documents
// of equal score come in document id order, and the writers number theirs one after another).
#include <fstream>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

std::vector<std::string> benchmark_queries() {
    std::ifstream in(std::filesystem::path(NEWSDESK_SOURCE_DIR) / "bench" / "queries.txt");
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') queries.push_back(line);
    return queries;
}

// A result with its hits ordered by score, then by their whole text, and their ranks left out.
json comparable(json result, const char* hits_key) {
    auto& hits = result[hits_key];
    for (auto& hit : hits) hit.erase("rank");
    std::sort(hits.begin(), hits.end(), [](const json& a, const json& b) {
        if (a["score"] != b["score"]) return a["score"].get<double>() > b["score"].get<double>();
        return a.dump() < b.dump();
    });
    return result;
}

// The scores in rank order: the ranking, ties aside.
std::vector<double> scores(const json& result, const char* hits_key) {
    std::vector<double> out;
    for (const auto& hit : result[hits_key]) out.push_back(hit["score"].get<double>());
    return out;
}

json run_json(const std::vector<std::string>& args) {
    const auto r = run_newsdesk(args);
    INFO(r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));   // 1: nothing matched
    return json::parse(r.out);
}

} // namespace

TEST_CASE("bulk load: two writers answer the benchmark's queries, facets and quotes as one writer does",
          "[cli][bulk]") {
    const auto reuters = shared_data("data/corpora/reuters21578.jsonl");
    const auto bbc = shared_data("data/corpora/bbc.jsonl");
    if (!std::filesystem::exists(reuters) || !std::filesystem::exists(bbc)) return;
    TempDir dir;
    const auto part = dir.write("reuters-part.jsonl", first_lines(reuters, 3000));
    const auto one = (dir / "one").string(), two = (dir / "two").string();
    const auto a = run_json({"index", "--json", "--writers", "1", "--db", one, bbc.string(), part.string()});
    const auto b = run_json({"index", "--json", "--writers", "2", "--db", two, bbc.string(), part.string()});
    CHECK(b["articles_in_database"] == a["articles_in_database"]);
    CHECK(b["articles_in_database"] == 5225);

    const auto queries = benchmark_queries();
    REQUIRE(queries.size() >= 25);
    int matched = 0;
    for (const auto& query : queries) {
        INFO(query);
        for (const char* command : {"search", "quotes"}) {
            INFO(command);
            const char* hits = "hits";
            std::vector<std::string> args = {command, "--json", "--limit", "100000", "--facet-limit", "10000",
                                             "--facet", "speaker", "--facet", "country"};
            if (command == std::string("search")) args.insert(args.end(), {"--facet", "source", "--facet", "lang"});
            const auto with = [&](const std::string& db) {
                auto full = args;
                full.insert(full.end(), {"--db", db, query});
                return run_json(full);
            };
            const auto by_one = with(one), by_two = with(two);
            CHECK(scores(by_two, hits) == scores(by_one, hits));
            CHECK(comparable(by_two, hits) == comparable(by_one, hits));
            if (by_one["total"].get<int>() > 0) ++matched;
        }
    }
    CHECK(matched >= static_cast<int>(queries.size()));   // most queries find articles and quotes both
}
