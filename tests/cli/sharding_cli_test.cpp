// End-to-end: `newsdesk index --shards`, and `newsdesk search` over a sharded database, over
// several --db, and over shards served by xapian-tcpsrv, against one database holding everything.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "support/canary.hpp"
#include "support/run_program.hpp"
#include "support/tcp_shard_server.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

// COMMAND --db DB... ARGS...
std::vector<std::string> with_dbs(std::vector<std::string> args, const std::vector<std::string>& dbs) {
    std::vector<std::string> out{args.front()};
    for (const auto& db : dbs) out.insert(out.end(), {"--db", db});
    out.insert(out.end(), args.begin() + 1, args.end());
    return out;
}

// Same total and facets; the same hits in order with the same scores, except that hits of
// equal score (and date, when sorted by date) compare as sets: Xapian orders those by
// document number, which sharding interleaves. A tie run cut by the page end is not compared.
void same_results(const json& a, const json& b, bool by_date) {
    CHECK(a["total"] == b["total"]);
    CHECK(a["facets"] == b["facets"]);
    const auto& ha = a["hits"];
    const auto& hb = b["hits"];
    REQUIRE(ha.size() == hb.size());
    // Article hits, or quote hits: {"quote": {...}, "article": {"id", "date"...}}.
    auto id = [](const json& h) { return h.contains("quote") ? h["article"]["id"].dump() + h["quote"].dump() : h["id"].dump(); };
    auto date = [](const json& h) { return h.contains("quote") ? h["article"]["date"].dump() : h["date"].dump(); };
    auto key = [&](const json& h) { return h["score"].dump() + (by_date ? date(h) : ""); };
    std::size_t start = 0;
    for (std::size_t i = 0; i < ha.size(); ++i) {
        CHECK(ha[i]["score"].get<double>() == Approx(hb[i]["score"].get<double>()).epsilon(1e-12));
        if (i + 1 < ha.size() && key(ha[i + 1]) == key(ha[i])) continue;
        if (i + 1 == ha.size() && a["total"].get<std::size_t>() > ha.size()) break;
        std::multiset<std::string> left, right;
        for (std::size_t j = start; j <= i; ++j) left.insert(id(ha[j])), right.insert(id(hb[j]));
        CHECK(left == right);
        start = i + 1;
    }
}

// The queries of the mix (the first `queries` of them), as articles and as quotes, and info,
// through `dbs` and through `one`.
void same_answers(const std::string& one, const std::vector<std::string>& dbs, std::size_t queries = 5) {
    const std::vector<std::vector<std::string>> mix{
        {"--facet", "speaker", "--facet", "country", "--facet", "year", "--limit", "30", "government"},
        {"--facet", "source", "--facet", "person", "--facet", "month", "--limit", "30", "election OR minister"},
        {"--facet", "organisation", "--facet", "focus", "--sort", "newest", "--limit", "20", "bank*"},
        {"--facet", "speaker", "--facet", "country", "--limit", "50", "\"prime minister\""},
        {"--facet", "lang", "--facet", "dateline", "--sort", "oldest", "--limit", "40", ""},
    };
    for (std::size_t q = 0; q < std::min(queries, mix.size()); ++q) {
        const auto& options = mix[q];
        INFO("query options: " << json(options).dump());
        const bool by_date = std::find(options.begin(), options.end(), "--sort") != options.end();
        std::vector<std::string> args{"search", "--json"};
        args.insert(args.end(), options.begin(), options.end());
        same_results(newsdesk_json(with_dbs(args, {one})), newsdesk_json(with_dbs(args, dbs)), by_date);
        // One hit per story: the same stories, counts and facets. (Which of two versions of
        // equal score stands for its story follows document numbers, which sharding interleaves.)
        auto collapsed = args;
        collapsed.insert(collapsed.begin() + 2, "--collapse");
        const auto a = newsdesk_json(with_dbs(collapsed, {one})), b = newsdesk_json(with_dbs(collapsed, dbs));
        CHECK(a["total"] == b["total"]);
        CHECK(a["stories"] == b["stories"]);
        CHECK(a["facets"] == b["facets"]);
        const auto stories = [](const json& r) {
            std::multiset<std::string> out;
            for (const auto& hit : r["hits"]) out.insert(hit["story"].get<std::string>() + " " + hit["other_versions"].dump());
            return out;
        };
        if (!by_date && a["hits"].size() == a["stories"]) CHECK(stories(a) == stories(b));
        args[0] = "quotes";
        same_results(newsdesk_json(with_dbs(args, {one})), newsdesk_json(with_dbs(args, dbs)), by_date);
    }
    CHECK(newsdesk_json(with_dbs({"info", "--json", "--facet-limit", "1000"}, {one})) ==
          newsdesk_json(with_dbs({"info", "--json", "--facet-limit", "1000"}, dbs)));
}

// Real news (the first articles of the BBC corpus) indexed into one database and into three
// shards. Empty paths when the shared data is missing.
struct Archive {
    TempDir dir;
    std::string one, sharded;
    Archive() {
        const auto bbc = shared_data("data/corpora/bbc.jsonl");
        if (!std::filesystem::exists(bbc)) return;
        std::ifstream in(bbc);
        std::ofstream part(dir / "part.jsonl");
        std::string line;
        for (int n = 0; n < 400 && std::getline(in, line); ++n) part << line << '\n';
        part.close();
        one = (dir / "one").string();
        sharded = (dir / "sharded").string();
        REQUIRE(run_newsdesk({"index", "--db", one, (dir / "part.jsonl").string()}).exit_code == 0);
        const auto r = run_newsdesk({"index", "--db", sharded, "--shards", "3", (dir / "part.jsonl").string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }
    std::string shard(int i) const { return sharded + "/shard-" + std::to_string(i); }
};

// newsdesk ARGS..., stopped after `seconds` (exit code 124 then): for `serve`, which runs until
// stopped once it has started.
Run run_newsdesk_within(const std::vector<std::string>& args, int seconds) {
    const TempDir scratch;
    std::string cmd = "timeout " + std::to_string(seconds) + " " + shell_quote(NEWSDESK_PROGRAM);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    cmd += " </dev/null >" + shell_quote((scratch / "stdout").string()) + " 2>" + shell_quote((scratch / "stderr").string());
    const int status = std::system(cmd.c_str());
    Run r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(scratch / "stdout");
    r.err = slurp(scratch / "stderr");
    return r;
}

} // namespace

TEST_CASE("index --shards writes shards and a stub, which search, info and later runs use", "[cli][shards]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const std::vector<std::string> inputs{sample_dir().string(), seed_article().string()};
    auto index = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"index", "--json", "--db", db};
        args.insert(args.end(), extra.begin(), extra.end());
        args.insert(args.end(), inputs.begin(), inputs.end());
        return run_newsdesk(args);
    };
    const auto first = index({"--shards", "3"});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(json::parse(first.out)["articles_in_database"] == 45);
    CHECK(slurp(dir / "db" / "XAPIANDB").find("auto shard-0\nauto shard-1\nauto shard-2\n") != std::string::npos);
    for (int i = 0; i < 3; ++i) CHECK(std::filesystem::exists(dir / "db" / ("shard-" + std::to_string(i)) / "iamglass"));

    const auto one = sample_db();   // the same articles in one database
    same_results(newsdesk_json({"search", "--db", one, "--json", "--facet", "speaker", "--facet", "country", "--limit", "50", "iran OR turkey"}),
                 newsdesk_json({"search", "--db", db, "--json", "--facet", "speaker", "--facet", "country", "--limit", "50", "iran OR turkey"}),
                 false);
    CHECK(newsdesk_json({"info", "--db", one, "--json"}) == newsdesk_json({"info", "--db", db, "--json"}));

    // Again without --shards: the same shards, where every article is found unchanged.
    const auto again = index({});
    REQUIRE(again.exit_code == 0);
    CHECK(json::parse(again.out)["unchanged"] == 45);
    CHECK(json::parse(again.out)["articles_in_database"] == 45);
    CHECK(index({"--shards", "3"}).exit_code == 0);

    const auto other_count = index({"--shards", "4"});
    CHECK(other_count.exit_code == 2);
    CHECK(other_count.err.find("has 3 shards") != std::string::npos);
    const auto plain = run_newsdesk({"index", "--db", one, "--shards", "2", sample_dir().string()});
    CHECK(plain.exit_code == 2);
    CHECK(plain.err.find("not sharded") != std::string::npos);
    CHECK(run_newsdesk({"index", "--db", db, "--shards", "-1", sample_dir().string()}).exit_code == 2);
}

TEST_CASE("a sharded database searches as one database: by directory, stub file or each shard", "[cli][shards]") {
    const Archive archive;
    if (archive.one.empty()) return;
    same_answers(archive.one, {archive.sharded});
    same_answers(archive.one, {archive.sharded + "/XAPIANDB"}, 1);
    same_answers(archive.one, {archive.shard(0), archive.shard(1), archive.shard(2)}, 1);
}

TEST_CASE("three xapian-tcpsrv over three shards answer as one database", "[cli][shards][remote]") {
    const auto program = tcpsrv_program();
    const Archive archive;
    if (program.empty() || archive.one.empty()) return;
    std::vector<std::unique_ptr<TcpShardServer>> servers;
    std::vector<std::string> remote;
    for (int i = 0; i < 3; ++i) {
        servers.push_back(std::make_unique<TcpShardServer>(program, archive.shard(i)));
        remote.push_back(servers.back()->location());
    }
    same_answers(archive.one, remote);
    // Counting stories needs newsdesk's own spy, which xapian-tcpsrv does not know: refused.
    const auto by_story = run_newsdesk(with_dbs({"search", "--count", "stories", "--facet", "source", "government"}, remote));
    CHECK(by_story.exit_code == 2);
    CHECK(has(by_story.err, "remote shards"));

    SECTION("a shard that does not answer fails the search with exit 3, naming it, after --timeout") {
        servers[1]->freeze();
        const auto started = std::chrono::steady_clock::now();
        const auto r = run_newsdesk(with_dbs({"search", "--timeout", "1", "government"}, remote));
        CHECK(r.exit_code == 3);
        CHECK(r.err.find(remote[1]) != std::string::npos);
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(6));
    }
    SECTION("a stopped shard fails the search with exit 3, naming it") {
        servers[2]->stop();
        const auto r = run_newsdesk(with_dbs({"search", "government"}, remote));
        CHECK(r.exit_code == 3);
        CHECK(r.err.find(remote[2]) != std::string::npos);
        CHECK(run_newsdesk(with_dbs({"info"}, remote)).exit_code == 3);
    }
}

TEST_CASE("a stub naming a program is refused by search, info, serve and index, and nothing runs", "[cli][shards]") {
    TempDir dir;
    const Canary canary(dir);
    const auto& ran = canary.ran;
    const auto program_line = canary.stub_line();
    const auto db = (dir / "db").string();
    const auto indexed = run_newsdesk({"index", "--db", db, "--shards", "2", sample_dir().string()});
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);

    auto refused = [&](const Run& r, const std::string& where) {
        INFO(r.err);
        CHECK(r.exit_code == 3);
        CHECK(r.err.find(where) != std::string::npos);
    };
    const auto stub = dir.write("db/XAPIANDB", "auto shard-0\nauto shard-1\n" + program_line);
    const auto line_3 = stub.string() + ":3: 'remote :PROGRAM' runs a program";
    refused(run_newsdesk({"search", "--db", db, "iran"}), line_3);
    refused(run_newsdesk({"quotes", "--db", db, "iran"}), line_3);
    refused(run_newsdesk({"info", "--db", db}), line_3);
    refused(run_newsdesk({"search", "--db", stub.string(), "iran"}), line_3);
    refused(run_newsdesk({"index", "--db", db, sample_dir().string()}), line_3);
    refused(run_newsdesk_within({"serve", "--db", db, "--listen", "127.0.0.1:0"}, 30), line_3);

    // A remote shard listed by a database directory's own stub is refused too, before any
    // connection; the user asks for remote shards with --db tcp://... or a stub file they name.
    dir.write("db/XAPIANDB", "auto shard-0\nauto shard-1\nremote 127.0.0.1:1\n");
    refused(run_newsdesk({"search", "--db", db, "iran"}), stub.string() + ":3: remote shard 127.0.0.1:1 refused");
    refused(run_newsdesk_within({"serve", "--db", db, "--listen", "127.0.0.1:0"}, 30), ":3: remote shard 127.0.0.1:1 refused");
    const auto named = dir.write("remote.stub", "remote 127.0.0.1:1\n");
    refused(run_newsdesk({"search", "--db", named.string(), "iran"}), "remote shard tcp://127.0.0.1:1 cannot be opened");

    dir.write("db/XAPIANDB", "auto shard-0\nauto shard-1\n");
    CHECK(run_newsdesk({"search", "--db", db, "iran"}).exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(ran));
}
