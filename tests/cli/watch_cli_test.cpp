// End-to-end: saved searches that alert (issue: research workflows). `newsdesk watch run` reports
// the articles that entered the archive since the watch last ran and match it, each once, by
// when they were indexed and not by their publication date; watches live in the database.
#include <algorithm>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include <newsdesk/database.hpp>

#include "support/run_program.hpp"
#include "support/shared_data.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

// Real Reuters articles, `from` to `to` (0-based lines), as a JSONL file, with their dates set
// to `date` when given.
std::filesystem::path reuters(const TempDir& dir, const std::string& name, int from, int to, const std::string& date = {}) {
    std::istringstream in(first_lines(shared_data("data/corpora/reuters21578.jsonl"), to));
    std::string lines, line;
    for (int n = 0; std::getline(in, line); ++n) {
        if (n < from) continue;
        auto a = json::parse(line);
        if (!date.empty()) a["date"] = date;
        lines += a.dump() + "\n";
    }
    return dir.write(name, lines);
}

std::set<std::string> ids_of(const json& hits) {
    std::set<std::string> out;
    for (const auto& h : hits) out.insert(h["id"].get<std::string>());
    return out;
}

// The ids of the articles `query` finds among those in `file`, by the search itself on a
// database of that file alone.
std::set<std::string> matching_in(const TempDir& dir, const std::filesystem::path& file, const std::string& query) {
    const auto db = (dir / ("only-" + file.stem().string())).string();
    REQUIRE(run_newsdesk({"index", "--db", db, file.string()}).exit_code == 0);
    return ids_of(newsdesk_json({"search", "--db", db, "--json", "--limit", "100000", query})["hits"]);
}

json run_json(const std::string& db, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"watch", "run", "--db", db, "--json", "--limit", "100000"};
    args.insert(args.end(), more.begin(), more.end());
    return newsdesk_json(args);
}

const json& watch_named(const json& runs, const std::string& name) {
    for (const auto& w : runs["watches"])
        if (w["name"] == name) return w;
    FAIL("no watch " << name << " in " << runs.dump());
    throw;
}

} // namespace

TEST_CASE("a watch reports the matching articles indexed since it last ran, each once", "[cli][watch]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto first = reuters(dir, "first", 0, 400);
    REQUIRE(run_newsdesk({"index", "--db", db, first.string()}).exit_code == 0);
    REQUIRE(run_newsdesk({"watch", "add", "--db", db, "--facet", "country", "oil", "oil OR crude"}).exit_code == 0);
    REQUIRE(run_newsdesk({"watch", "add", "--db", db, "everything", ""}).exit_code == 0);

    // Nothing has entered since: nothing to say, and exit 1.
    const auto quiet = run_newsdesk({"watch", "run", "--db", db});
    CHECK(quiet.exit_code == 1);
    CHECK(quiet.out.empty());

    // New articles, some about oil, dated in 1987 like the old ones: new by when they entered.
    const auto second = reuters(dir, "second", 400, 700);
    REQUIRE(run_newsdesk({"index", "--db", db, second.string()}).exit_code == 0);
    const auto expected = matching_in(dir, second, "oil OR crude");
    REQUIRE(expected.size() > 5);
    const auto peeked = run_json(db, {"--peek"});
    CHECK(ids_of(watch_named(peeked, "oil")["hits"]) == expected);
    const auto runs = run_json(db);   // --peek marked nothing seen
    const auto& oil = watch_named(runs, "oil");
    CHECK(oil["new"] == expected.size());
    CHECK(ids_of(oil["hits"]) == expected);
    // As it was before this run: the quiet run's time, which the look did not move.
    CHECK(oil["last_run"].is_string());
    CHECK(oil["last_run"] == watch_named(peeked, "oil")["last_run"]);
    CHECK(oil["facet_counts"]["country"].size() > 0);
    CHECK(watch_named(runs, "everything")["new"] == 300);

    // Once each: run again, nothing.
    const auto again = run_json(db);
    CHECK(watch_named(again, "oil")["new"] == 0);
    CHECK(watch_named(again, "oil")["last_run"].is_string());
    CHECK(run_newsdesk({"watch", "run", "--db", db}).exit_code == 1);

    // Indexed again, changed or not, an article has not entered anew; a new article dated in
    // 2030 or undated has.
    const auto replaced = reuters(dir, "replaced", 400, 450, "2031-01-01");
    REQUIRE(run_newsdesk({"index", "--db", db, replaced.string(), second.string()}).exit_code == 0);
    const auto fresh = dir.write("fresh.jsonl",
        R"({"id":"fresh-1","title":"Crude oil output rises","body":"Crude oil output rose in March, the ministry said.","date":"1987-03-02"})" "\n"
        R"({"id":"fresh-2","title":"Wheat harvest","body":"The wheat harvest was larger than expected."})" "\n");
    REQUIRE(run_newsdesk({"index", "--db", db, fresh.string()}).exit_code == 0);
    const auto later = run_json(db, {"oil"});   // this watch only
    REQUIRE(later["watches"].size() == 1);
    CHECK(ids_of(later["watches"][0]["hits"]) == std::set<std::string>{"fresh-1"});
    CHECK(watch_named(run_json(db), "everything")["new"] == 2);   // "oil" ran alone: both are new here

    // The text output names the watch and lists the new articles.
    const auto fresh3 = dir.write("fresh3.jsonl",
        R"({"id":"fresh-3","title":"Oil prices fall","body":"Oil prices fell on Friday.","source":"Wire","date":"1987-04-01"})" "\n");
    REQUIRE(run_newsdesk({"index", "--db", db, fresh3.string()}).exit_code == 0);
    const auto text = run_newsdesk({"watch", "run", "--db", db, "oil"});
    CHECK(text.exit_code == 0);
    CHECK(has(text.out, "oil: 1 new article since "));
    CHECK(has(text.out, "1987-04-01  Wire  Oil prices fall  [fresh-3]"));
}

TEST_CASE("watches live in the database: listed, kept through compaction and sharding, removed", "[cli][watch]") {
    TempDir dir;
    for (const auto* shards : {"1", "3"}) {
        INFO(shards << " shards");
        const auto db = (dir / (std::string("db") + shards)).string();
        REQUIRE(run_newsdesk({"index", "--db", db, "--shards", shards, reuters(dir, "a", 0, 200).string()}).exit_code == 0);
        REQUIRE(run_newsdesk({"watch", "add", "--db", db, "--facet", "source", "trade", "trade"}).exit_code == 0);
        const auto listed = newsdesk_json({"watch", "list", "--db", db, "--json"})["watches"];
        REQUIRE(listed.size() == 1);
        CHECK(listed[0]["name"] == "trade");
        CHECK(listed[0]["query"] == "trade");
        CHECK(listed[0]["facets"] == json::array({"source"}));
        CHECK(listed[0]["last_run"].is_null());
        const auto more = reuters(dir, "b", 200, 500);
        REQUIRE(run_newsdesk({"index", "--db", db, "--compact", more.string()}).exit_code == 0);
        const auto runs = run_json(db);
        CHECK(ids_of(watch_named(runs, "trade")["hits"]) == matching_in(dir, more, "trade"));
        CHECK(run_newsdesk({"watch", "remove", "--db", db, "trade"}).exit_code == 0);
        CHECK(newsdesk_json({"watch", "list", "--db", db, "--json"}) == json{{"watches", json::array()}});
        CHECK(run_newsdesk({"watch", "remove", "--db", db, "trade"}).exit_code == 1);
    }
}

TEST_CASE("watch requests that cannot be kept are refused with a reason", "[cli][watch]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    REQUIRE(run_newsdesk({"index", "--db", db, reuters(dir, "a", 0, 50).string()}).exit_code == 0);
    REQUIRE(run_newsdesk({"watch", "add", "--db", db, "grain", "grain"}).exit_code == 0);
    check_refused({"watch", "add", "--db", db, "grain", "wheat"}, "there is a watch named 'grain' already", 2);
    check_refused({"watch", "add", "--db", db, "no/slash", "wheat"}, "a watch's name is 1 to 64 letters", 2);
    check_refused({"watch", "add", "--db", db, "bad", "speaker:"}, "bad query", 2);
    check_refused({"watch", "add", "--db", db, "--facet", "colour", "c", "wheat"}, "unknown facet 'colour'", 2);
    check_refused({"watch", "run", "--db", db, "nosuch"}, "no watch is named 'nosuch'", 2);
    check_refused({"watch", "frobnicate", "--db", db}, "unknown action 'frobnicate'", 2);
    check_refused({"watch", "list", "--db", (dir / "missing").string()}, "no database", 3);
    check_refused({"watch", "list", "--db", "tcp://127.0.0.1:9"}, "not a remote shard", 2);
}

TEST_CASE("a watch run waits for a writer, then reports what it added", "[cli][watch]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    REQUIRE(run_newsdesk({"index", "--db", db, reuters(dir, "a", 0, 50).string()}).exit_code == 0);
    REQUIRE(run_newsdesk({"watch", "add", "--db", db, "all", ""}).exit_code == 0);
    {
        // The library's writer, as an index run holds it.
        newsdesk::Writer writer(db);
        newsdesk::Article article;
        article.id = "written";
        article.title = "Written while a watch waited";
        article.body = "An article added by a writer that held the database.";
        writer.add(article);
        writer.commit();
        const auto locked = run_newsdesk({"watch", "run", "--db", db, "--wait", "0.5"});
        CHECK(locked.exit_code == 5);
        CHECK(has(locked.err, "is being written by another process"));
    }
    const auto runs = run_json(db);
    CHECK(ids_of(watch_named(runs, "all")["hits"]) == std::set<std::string>{"written"});
}
