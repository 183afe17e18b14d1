// Crash safety: `newsdesk index` killed with SIGKILL at random moments loses nothing it
// committed, leaves a database that opens and checks clean, and a rerun completes exactly.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "schema/schema.hpp"
#include "storage/database.hpp"
#include "searcher/search.hpp"
#include "support/run_program.hpp"

using namespace newsdesk::testing;

namespace {

constexpr std::size_t BatchSize = 100;

pid_t spawn_indexer(const std::string& db, const std::string& input, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"index", "--db", db, "--batch-size", std::to_string(BatchSize), input};
    args.insert(args.end(), extra.begin(), extra.end());
    return spawn_newsdesk(args);
}

std::vector<std::string> ids_in_file_order(const std::filesystem::path& jsonl) {
    std::vector<std::string> ids;
    std::ifstream in(jsonl);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) ids.push_back(nlohmann::json::parse(line)["id"]);
    return ids;
}

// The ids of the articles in the database (quote records, "ID#qN", left out).
std::set<std::string> ids_in_database(const std::string& db) {
    const auto database = newsdesk::open_database(db);
    std::set<std::string> ids;
    const std::string prefix{newsdesk::schema::Id.prefix};
    for (auto t = database.allterms_begin(prefix); t != database.allterms_end(prefix); ++t) {
        const auto id = (*t).substr(prefix.size());
        if (id.find("#q") == std::string::npos) ids.insert(id);
    }
    CHECK(newsdesk::article_count(database) == ids.size());   // one document per id: no duplicates
    return ids;
}

void check_database(const std::string& db, const std::vector<std::string>& order) {
    CHECK(std::system(("xapian-check " + shell_quote(db) + " >/dev/null").c_str()) == 0);
    const auto present = ids_in_database(db);
    // Articles are committed in input order, a batch at a time, and reruns start from the top:
    // what is there must be exactly the first K articles, K a whole number of batches.
    const auto k = present.size();
    CHECK((k % BatchSize == 0 || k == order.size()));
    const std::set<std::string> expected(order.begin(), order.begin() + static_cast<long>(std::min(k, order.size())));
    CHECK(present == expected);
}

} // namespace

TEST_CASE("SIGKILL at random moments loses no committed article", "[cli][crash]") {
    const auto corpus = shared_data("data/corpora/reuters21578.jsonl");
    if (!std::filesystem::exists(corpus)) return;
    const auto order = ids_in_file_order(corpus);
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto seed = std::random_device{}();
    INFO("random seed " << seed);
    std::mt19937 random(seed);
    // Kills land up to `longest_ms` after the start. A slow build (sanitizers, a loaded machine)
    // makes its first commit later, so the range grows while no commit has landed yet.
    int longest_ms = 3000;
    int killed_after_commit = 0;
    for (int round = 0; round < 10; ++round) {
        const auto pid = spawn_indexer(db, corpus.string(), {"--writers", "1"});
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(150, longest_ms)(random)));
        REQUIRE(kill(pid, SIGKILL) == 0);
        int status = 0;
        REQUIRE(waitpid(pid, &status, 0) == pid);
        INFO("round " << round);
        const bool created = std::filesystem::exists(dir / "db" / "iamglass");
        if (created) check_database(db, order);
        if (created && !ids_in_database(db).empty()) ++killed_after_commit;
        else longest_ms = longest_ms * 3 / 2;   // killed before the first commit
    }
    CHECK(killed_after_commit >= 5);   // the kills did land while work was being committed

    // The same command again completes, with every article once.
    const auto r = run_newsdesk({"index", "--db", db, "--writers", "1", "--json", corpus.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    check_database(db, order);
    CHECK(ids_in_database(db).size() == order.size());
}

TEST_CASE("SIGKILL during a bulk load leaves its new database empty, and the next load takes up its work",
          "[cli][crash]") {
    const auto reuters = shared_data("data/corpora/reuters21578.jsonl");
    if (!std::filesystem::exists(reuters)) return;
    TempDir dir;
    // 5,000 articles: a load takes a few seconds, long enough to be killed half-way.
    const auto corpus = dir.write("reuters-part.jsonl", first_lines(reuters, 5000));
    const auto order = ids_in_file_order(corpus);
    const auto db = (dir / "db").string();
    const auto sides = db + ".loading";
    const auto seed = std::random_device{}();
    INFO("random seed " << seed);
    std::mt19937 random(seed);
    const auto side_articles = [&] {
        Xapian::doccount n = 0;
        for (const auto* side : {"/articles-0", "/articles-1"})
            if (std::filesystem::exists(sides + side + "/iamglass")) n += Xapian::Database(sides + side).get_doccount();
        return n;
    };
    const auto kill_and_check = [&](pid_t pid) {
        REQUIRE(kill(pid, SIGKILL) == 0);
        int status = 0;
        REQUIRE(waitpid(pid, &status, 0) == pid);
        // The database is empty, or whole if the load had finished: never part of the input.
        if (std::filesystem::exists(dir / "db" / "iamglass")) {
            CHECK(std::system(("xapian-check " + shell_quote(db) + " >/dev/null").c_str()) == 0);
            const auto present = ids_in_database(db).size();
            CHECK((present == 0 || present == order.size()));
        }
    };
    for (int round = 0; round < 5; ++round) {
        INFO("round " << round);
        const auto pid = spawn_indexer(db, corpus.string(), {"--writers", "2"});
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(150, 2000)(random)));
        kill_and_check(pid);
    }
    // Once more, killed when the side databases hold committed batches.
    const auto pid = spawn_indexer(db, corpus.string(), {"--writers", "2"});
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (side_articles() < 2 * BatchSize && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    kill_and_check(pid);
    const auto left = side_articles();
    REQUIRE(left >= 2 * BatchSize);
    REQUIRE(ids_in_database(db).empty());

    // The next load takes those up, and ends with every article once, as a load that was never
    // killed. It passes over what the killed one committed, but for its last commit's articles
    // when the kill fell after a side database's commit and before the quote records' (as it
    // often does here: the side databases are watched for their articles' commit): those are
    // taken out and written again, with any that commit rewrote in place (a story joined).
    const auto r = run_newsdesk({"index", "--db", db, "--writers", "2", "--json", corpus.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto summary = nlohmann::json::parse(r.out);
    INFO("left " << left << ", " << summary.dump());
    const auto unchanged = summary["unchanged"].get<Xapian::doccount>();
    CHECK(summary["replaced"] == 0);
    CHECK(unchanged <= left);
    CHECK(unchanged + BatchSize >= left);
    CHECK_FALSE(std::filesystem::exists(sides));
    CHECK(std::system(("xapian-check " + shell_quote(db) + " >/dev/null").c_str()) == 0);
    CHECK(ids_in_database(db).size() == order.size());
    const auto clean = (dir / "clean").string();
    REQUIRE(run_newsdesk({"index", "--db", clean, "--writers", "2", corpus.string()}).exit_code == 0);
    // No quote record twice: the documents are those of the load that was never killed.
    CHECK(Xapian::Database(db).get_doccount() == Xapian::Database(clean).get_doccount());
}

TEST_CASE("SIGINT and SIGTERM commit what is done and say how far indexing got", "[cli][crash]") {
    const auto corpus = shared_data("data/corpora/reuters21578.jsonl");
    if (!std::filesystem::exists(corpus)) return;
    const auto order = ids_in_file_order(corpus);
    for (const int signal_number : {SIGINT, SIGTERM}) {
        TempDir dir;
        const auto db = (dir / "db").string();
        const std::string err = (dir / "stderr").string();
        const std::vector<std::string> args = {NEWSDESK_PROGRAM, "index", "--db", db, corpus.string()};
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT, 0644);
        pid_t pid = 0;
        REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&actions);
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        REQUIRE(kill(pid, signal_number) == 0);
        int status = 0;
        REQUIRE(waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 130);
        const auto message = slurp(err);
        CHECK(message.find("interrupted") != std::string::npos);
        // Everything it read was committed: the count it reports is what the database holds.
        const auto present = ids_in_database(db);
        CHECK(!present.empty());
        CHECK(present.size() < order.size());
        CHECK(message.find("(" + std::to_string(present.size()) + " in the database)") != std::string::npos);
        const std::set<std::string> expected(order.begin(), order.begin() + static_cast<long>(present.size()));
        CHECK(present == expected);
    }
}
