// End-to-end: stories (issue: stories). Syndicated versions of real articles, indexed by the real
// program among real articles on the same subjects, share a story and nothing else does; the
// pair precision and recall of `newsdesk index` on that set are held to the targets.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"
#include "support/syndication.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

std::filesystem::path write_jsonl(const TempDir& dir, const std::string& name, const std::vector<json>& articles) {
    std::string lines;
    for (const auto& a : articles) lines += a.dump() + "\n";
    return dir.write(name, lines);
}

// Every article's story, by id, as `newsdesk search` shows it.
std::map<std::string, std::string> stories_in(const std::string& db) {
    const auto all = newsdesk_json({"search", "--db", db, "--json", "--limit", "1000000", ""});
    std::map<std::string, std::string> out;
    for (const auto& hit : all["hits"]) out[hit["id"]] = hit["story"].is_null() ? "" : hit["story"].get<std::string>();
    return out;
}

struct PairScores {
    double precision, recall;
    std::size_t true_pairs, found_pairs, right_pairs;
};

// Over every pair of articles: same story or not, against the truth.
PairScores pair_scores(const std::vector<SyndicatedArticle>& set, const std::map<std::string, std::string>& found) {
    std::map<std::string, std::vector<std::string>> truth_groups, found_groups;
    std::map<std::string, std::string> truth;
    for (const auto& a : set) {
        const auto id = a.article["id"].get<std::string>();
        truth[id] = a.story;
        truth_groups[a.story].push_back(id);
        found_groups[found.at(id)].push_back(id);
    }
    PairScores s{0, 0, 0, 0, 0};
    for (const auto& [story, ids] : truth_groups) {
        s.true_pairs += ids.size() * (ids.size() - 1) / 2;
        for (std::size_t i = 0; i < ids.size(); ++i)
            for (std::size_t j = i + 1; j < ids.size(); ++j)
                if (found.at(ids[i]) != found.at(ids[j])) WARN("one story, found apart: " << ids[i] << " and " << ids[j]);
    }
    for (const auto& [story, ids] : found_groups)
        for (std::size_t i = 0; i < ids.size(); ++i)
            for (std::size_t j = i + 1; j < ids.size(); ++j) {
                ++s.found_pairs;
                if (truth[ids[i]] == truth[ids[j]]) ++s.right_pairs;
                else WARN("not one story, found as one: " << ids[i] << " and " << ids[j]);
            }
    s.precision = s.found_pairs ? static_cast<double>(s.right_pairs) / s.found_pairs : 1.0;
    s.recall = s.true_pairs ? static_cast<double>(s.right_pairs) / s.true_pairs : 1.0;
    return s;
}

} // namespace

TEST_CASE("stories: syndicated versions of real articles are found as one story, other articles are not", "[cli][stories]") {
    // The set the rules were tuned on, and one of other articles and other edits.
    const int part = GENERATE(0, 1);
    const auto set = syndication_set(part);
    REQUIRE(set.size() > 800);
    TempDir dir;
    std::vector<json> articles;
    for (const auto& a : set) articles.push_back(a.article);
    const auto input = write_jsonl(dir, "set.jsonl", articles);
    const auto db = (dir / "db").string();
    const auto r = run_newsdesk({"index", "--db", db, input.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto found = stories_in(db);
    REQUIRE(found.size() == set.size());
    const auto s = pair_scores(set, found);
    WARN("story pairs, part " << part << ": precision " << s.precision << " recall " << s.recall << " (" << s.right_pairs << " of "
         << s.found_pairs << " found right, " << s.true_pairs << " true)");
    CHECK(s.true_pairs > 400);
    CHECK(s.precision >= 0.98);
    CHECK(s.recall >= 0.95);
}

TEST_CASE("stories: search --collapse gives one hit per story with its other versions, and story lists them all", "[cli][stories]") {
    // A real BBC story, run by three sites, beside two other stories of its category.
    std::vector<json> originals;
    {
        std::ifstream in(shared_data("data/corpora/bbc.jsonl"));
        for (std::string line; std::getline(in, line) && originals.size() < 3;) {
            auto j = json::parse(line);
            if (j.value("category", "") == "business")
                originals.push_back({{"id", j["id"]}, {"title", j["title"]}, {"body", j["body"]}, {"source", "BBC"},
                                     {"date", "2005-01-1" + std::to_string(originals.size())}});
        }
    }
    REQUIRE(originals.size() == 3);
    std::vector<json> articles = originals;
    Draws draw(11);
    for (int v = 0; v < 3; ++v) {
        auto copy = syndicated(originals[0], sites()[static_cast<std::size_t>(v)], draw, v + 1);
        copy["date"] = "2005-01-1" + std::to_string(v + 1);
        articles.push_back(copy);
    }
    TempDir dir;
    const auto db = (dir / "db").string();
    REQUIRE(run_newsdesk({"index", "--db", db, write_jsonl(dir, "in.jsonl", articles).string()}).exit_code == 0);
    const auto story = originals[0]["id"].get<std::string>();   // dated the 10th: the earliest

    const auto plain = newsdesk_json({"search", "--db", db, "--json", "--facet", "source", ""});
    CHECK(plain["total"] == 6);
    CHECK_FALSE(plain.contains("stories"));
    std::size_t in_story = 0;
    for (const auto& hit : plain["hits"]) {
        in_story += hit["story"] == story;
        CHECK_FALSE(hit.contains("versions"));
    }
    CHECK(in_story == 4);

    const auto collapsed = newsdesk_json({"search", "--db", db, "--json", "--collapse", "--facet", "source", ""});
    CHECK(collapsed["total"] == 6);     // articles
    CHECK(collapsed["stories"] == 3);   // stories
    REQUIRE(collapsed["hits"].size() == 3);
    CHECK(collapsed["facets"] == plain["facets"]);   // facets count articles
    for (const auto& hit : collapsed["hits"]) {
        if (hit["story"] != story) {
            CHECK(hit["other_versions"] == 0);
            CHECK(hit["versions"].empty());
            continue;
        }
        CHECK(hit["other_versions"] == 3);
        REQUIRE(hit["versions"].size() == 3);
        std::set<std::string> sources;
        for (const auto& v : hit["versions"]) {
            CHECK(v["id"] != hit["id"]);
            CHECK(v["same"].get<double>() > 0.5);
            sources.insert(v["source"]);
        }
        CHECK(sources.size() == 3);
    }
    // A ranked query: the totals are exact (Xapian's own collapsed counts are estimates).
    const auto ranked = newsdesk_json({"search", "--db", db, "--json", "--collapse", "said OR says"});
    CHECK(ranked["total"] == newsdesk_json({"search", "--db", db, "--json", "said OR says"})["total"]);
    CHECK(ranked["stories"] == ranked["hits"].size());
    // A query the copies answer in their boilerplate only: the versions listed are those that match.
    const auto herald = newsdesk_json({"search", "--db", db, "--json", "--collapse", "\"morning newsletter\""});
    CHECK(herald["total"] == 1);
    CHECK(herald["hits"][0]["other_versions"] == 0);

    // Facets counting stories: the four versions count once, and a value's filter, collapsed,
    // finds as many stories as it counted.
    const auto by_story = newsdesk_json({"search", "--db", db, "--json", "--count", "stories", "--facet", "year",
                                         "--facet", "lang", ""});
    REQUIRE(by_story["facets"]["year"].size() == 1);
    CHECK(by_story["facets"]["year"][0]["count"] == 3);
    REQUIRE(by_story["facets"]["lang"].size() == 1);
    CHECK(by_story["facets"]["lang"][0]["count"] == 3);
    const auto filtered = newsdesk_json({"search", "--db", db, "--json", "--collapse",
                                         by_story["facets"]["year"][0]["filter"].get<std::string>()});
    CHECK(filtered["stories"] == 3);
    CHECK(run_newsdesk({"search", "--db", db, "--count", "words", ""}).exit_code == 2);

    const auto text = run_newsdesk({"search", "--db", db, "--collapse", ""});
    CHECK(text.exit_code == 0);
    CHECK(has(text.out, "6 articles match, 3 stories"));
    CHECK(has(text.out, "+ 3 other versions:"));

    const auto listed = newsdesk_json({"story", "--db", db, "--json", articles[4]["id"].get<std::string>()});
    CHECK(listed["story"] == story);
    REQUIRE(listed["versions"].size() == 4);
    CHECK(listed["versions"][0]["id"] == story);   // oldest first
    const auto missing = run_newsdesk({"story", "--db", db, "no-such-article"});
    CHECK(missing.exit_code == 1);
    CHECK(has(missing.err, "no-such-article"));
    const auto quotes = run_newsdesk({"quotes", "--db", db, "--collapse", "said"});
    CHECK(quotes.exit_code == 2);   // quote records are not collapsed
}
