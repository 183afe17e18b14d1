// End-to-end: work and memory bounded by the input, whatever the input: an article made to
// make extraction quadratic, an article larger than --memory-limit allows, JSON that smuggles
// a NUL or an impossible time, a language that is a path, option values that wrap around,
// and a disk that fills up while indexing or compacting. Each case is the issue's attack
// scaled down to run in a second or two.
#include <chrono>
#include <regex>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "support/articles.hpp"
#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The issue's reproduction: indirect quotes without a full stop, each of which used to carry
// the rest of the text.
std::string runaway_quotes(std::size_t bytes) {
    return repeated("according to Tony Blair, the Prime Minister said that ", bytes) + "\n";
}

json summary_of(const Run& r) { return json::parse(r.out, nullptr, false); }

int articles_in(const std::string& db) {
    return json::parse(run_newsdesk({"info", "--db", db, "--json"}).out)["articles"].get<int>();
}

// newsdesk ARGS... with files limited to `bytes` and SIGXFSZ ignored, so that a write past
// the limit fails with EFBIG as a full disk fails with ENOSPC.
Run run_with_file_size_limit(const TempDir& dir, rlim_t bytes, const std::vector<std::string>& args) {
    const auto out = dir / "limited.out", err = dir / "limited.err";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const rlimit limit{bytes, bytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        ::signal(SIGXFSZ, SIG_IGN);
        ::dup2(::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600), 1);
        ::dup2(::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600), 2);
        std::vector<char*> argv{const_cast<char*>(NEWSDESK_PROGRAM)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(NEWSDESK_PROGRAM, argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

// `count` small articles, one per line.
std::string small_articles(int count) {
    std::string lines;
    for (int i = 0; i < count; ++i) {
        std::string body;
        for (int w = 0; w < 120; ++w) body += "harbour" + std::to_string((i * 131 + w * 7919) % 5003) + " ";
        lines += json({{"id", "s" + std::to_string(i)}, {"title", "Story " + std::to_string(i)}, {"body", body}}).dump() + "\n";
    }
    return lines;
}

} // namespace

TEST_CASE("bounds: extract answers a 256 KB article of runaway quotes at once, in output no larger than it",
          "[cli][bounds]") {
    // It took 18 s and printed 636 MB: 4,854 quotes, each carrying the rest of the text.
    TempDir dir;
    const auto text = runaway_quotes(256 << 10);
    const auto file = dir.write("runaway.txt", text);
    const auto started = std::chrono::steady_clock::now();
    const auto r = run_newsdesk({"extract", "--json", file.string()});
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.size() < 2 * text.size());
    const auto a = json::parse(r.out);
    std::size_t quoted = 0;
    for (const auto& q : a["quotes"]) quoted += q["text"].get<std::string>().size();
    CHECK(a["quotes"].size() <= 1000);
    CHECK(quoted <= text.size());
}

TEST_CASE("bounds: indexing a 128 KB article of runaway quotes writes at most its text in quote records",
          "[cli][bounds]") {
    // It took 21.6 s and 840 MB, and wrote 2,427 quote records each holding the rest of the text.
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto text = runaway_quotes(128 << 10);
    const auto file = dir.write("runaway.txt", text);
    const auto started = std::chrono::steady_clock::now();
    const auto r = run_newsdesk({"index", "--db", db, "--json", file.string()});
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
#ifndef NEWSDESK_SANITIZED
    CHECK(summary_of(r)["peak_memory_bytes"].get<double>() < 256.0 * (1 << 20));
#endif
    const auto hit = json::parse(run_newsdesk({"search", "--db", db, "--json", "id:runaway"}).out)["hits"][0];
    std::size_t quoted = 0;
    for (const auto& q : hit["quotes"]) quoted += q["text"].get<std::string>().size();
    CHECK(quoted <= text.size());
    const auto records = json::parse(run_newsdesk({"quotes", "--db", db, "--json", "--limit", "1", ""}).out)["total"];
    CHECK(records == hit["quotes"].size());
    CHECK(records.get<int>() <= 1000);
    CHECK(records.get<int>() > 100);
}

TEST_CASE("bounds: --memory-limit refuses an article larger than it allows, and holds for the ones it takes",
          "[cli][bounds]") {
    // With --memory-limit 128M, one 16 MB article peaked at 832 MB. Indexing takes up to 128
    // times an article's size, so 128M takes articles up to 0.5 MB; a larger one is refused by
    // file and line, before it is parsed.
    TempDir dir;
    const auto db = (dir / "db").string();
    std::string news;
    for (int i = 0; news.size() < (4u << 20); ++i)
        news += "The harbour minister said that trade at the port rose by " + std::to_string(i) + " tonnes. ";
    const auto feed = dir.write("feed.jsonl", json({{"id", "zyxsmall"}, {"body", "The zyxsmall harbour reopened."}}).dump() +
                                                  "\n" + json({{"id", "huge"}, {"body", news}}).dump() + "\n");
    const auto huge_text = dir.write("huge.txt", "Title\n\n" + news);
    // The largest article 128M takes, written to cost the most: quotes without full stops.
    const auto worst = dir.write("worst.txt", runaway_quotes(500 << 10));

    const auto r = run_newsdesk({"index", "--db", db, "--json", "--memory-limit", "128M", feed.string(),
                                 huge_text.string(), worst.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 1);
    const std::string refused = ": article too large: more than 0.5 MB, the most a memory limit of 128 MB allows "
                                "(indexing takes up to 128 times an article's size: give a larger memory limit)\n";
    CHECK(has(r.err, feed.string() + ":2" + refused));
    CHECK(has(r.err, huge_text.string() + refused));
    const auto s = summary_of(r);
    CHECK(s["indexed"] == 2);
    CHECK(s["skipped_by_reason"] == json({{"article too large", 2}}));
#ifndef NEWSDESK_SANITIZED
    CHECK(s["peak_memory_bytes"].get<double>() < 128.0 * (1 << 20));
#endif
    CHECK(search_total(db, "zyxsmall") == 1);
    CHECK(search_total(db, "id:worst") == 1);

    SECTION("a larger limit takes the article") {
        const auto more = run_newsdesk({"index", "--db", db, "--json", "--memory-limit", "2G", feed.string()});
        INFO(more.err);
        CHECK(more.exit_code == 0);
        CHECK(search_total(db, "id:huge") == 1);
    }
}

TEST_CASE("hostile: a NUL escape, an impossible time of day and a language that is no language code",
          "[cli][hostile]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const std::string long_language(100000, 'x');
    const auto feed = dir.write(
        "feed.jsonl",
        R"({"id":"zyxone","title":"One","body":"zyxone harbour"})" "\n"                                       // 1
        R"({"id":"n1","title":"NUL","body":"before\u0000after"})" "\n"                                        // 2
        R"({"id":"n2","title":"NUL","body":"x","authors":["A\u0000B"]})" "\n"                                 // 3
        R"({"id":"t1","title":"T","body":"x","date":"2021-01-01T25:61:61Z"})" "\n"                            // 4
        R"({"id":"t2","title":"T","body":"x","date":"2021-01-01T12:00:00+24:00"})" "\n"                       // 5
        R"({"id":"zyxtwo","title":"Two","body":"zyxtwo harbour","date":"2016-12-31T23:59:60Z"})" "\n"         // 6
        R"({"id":"l1","title":"L","body":"x","language":"../../etc/passwd"})" "\n"                            // 7
        R"({"id":"l2","title":"L","body":"x","language":")" + long_language + "\"}\n" +                       // 8
        R"({"id":"zyxthree","title":"Three","body":"zyxthree harbour","language":"pt-BR"})" "\n");             // 9
    const auto r = run_newsdesk({"index", "--db", db, "--json", feed.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 1);
    const auto at = [&](int line) { return feed.string() + ":" + std::to_string(line) + ": "; };
    CHECK(has(r.err, at(2) + "field \"body\" holds a NUL character (\\u0000)\n"));
    CHECK(has(r.err, at(3) + "field \"authors\" holds a NUL character (\\u0000)\n"));
    CHECK(has(r.err, at(4) + "field \"date\" is not an ISO 8601 date: \"2021-01-01T25:61:61Z\"\n"));
    CHECK(has(r.err, at(5) + "field \"date\" is not an ISO 8601 date: \"2021-01-01T12:00:00+24:00\"\n"));
    CHECK(has(r.err, at(7) + "field \"language\" is not a language code such as en or pt-BR: \"../../etc/passwd\"\n"));
    CHECK(has(r.err, at(8) + "field \"language\" is not a language code such as en or pt-BR: \"" +
                         std::string(40, 'x') + "\u2026\"\n"));
    const auto s = summary_of(r);
    CHECK(s["indexed"] == 3);
    CHECK(s["skipped_by_reason"] == json({{"field \"body\" holds a NUL character", 1},
                                          {"field \"authors\" holds a NUL character", 1},
                                          {"field \"date\" is not an ISO 8601 date", 2},
                                          {"field \"language\" is not a language code such as en or pt-BR", 2}}));
    CHECK(search_total(db, "zyxone") == 1);
    CHECK(search_total(db, "date:2016-12-31") == 1);
    CHECK(search_total(db, "lang:pt") == 1);
    CHECK(run_newsdesk({"search", "--db", db, "--json", "zyxthree"}).out.find("\\u0000") == std::string::npos);
}

TEST_CASE("options: negative, zero and absurd numbers are refused, not wrapped around", "[cli][bounds]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"--batch-size", "-1"}, "--batch-size must be from 1 to 1000000, not -1"},
        {{"--batch-size", "0"}, "--batch-size must be from 1 to 1000000, not 0"},
        {{"--batch-size", "18446744073709551615"}, "--batch-size"},
        {{"--batch-size", "5000000"}, "--batch-size must be from 1 to 1000000, not 5000000"},
        {{"--threads", "-1"}, "--threads must be from 0 to 256, not -1"},
        {{"--threads", "100000"}, "--threads must be from 0 to 256, not 100000"},
        {{"--memory-limit", "-1"}, "--memory-limit must be a size such as 512M or 2G, not '-1'"},
        {{"--memory-limit", "-1G"}, "--memory-limit must be a size such as 512M or 2G, not '-1G'"},
        {{"--memory-limit", " 1G"}, "--memory-limit must be a size such as 512M or 2G, not ' 1G'"},
        {{"--memory-limit", "32M"}, "--memory-limit must be from 64M to 1024G, not '32M'"},
        {{"--memory-limit", "99999999G"}, "--memory-limit must be from 64M to 1024G, not '99999999G'"},
        {{"--lang", "../etc"}, "must be a language code such as en or pt-BR, not '../etc'"},
    };
    for (const auto& [options, message] : cases) {
        INFO(options[0] << " " << options[1]);
        std::vector<std::string> args{"index", "--db", db};
        args.insert(args.end(), options.begin(), options.end());
        args.push_back(sample_dir().string());
        const auto r = run_newsdesk(args);
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, message));
        CHECK_FALSE(fs::exists(db));
    }
}

TEST_CASE("disk full: indexing stops saying how many articles are committed", "[cli][bounds]") {
    // Files limited to 1 MiB: the first batches fit, a later commit fails as on a full disk.
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto feed = dir.write("feed.jsonl", small_articles(400));
    // One writer, into the database itself: each batch is committed there as it is written.
    const auto r = run_with_file_size_limit(dir, 1 << 20, {"index", "--db", db, "--writers", "1", "--batch-size", "50", feed.string()});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    std::smatch m;
    REQUIRE(std::regex_search(r.err, m, std::regex("\\(File too large\\); ([0-9]+) articles are committed in " + db + "\n")));
    const int committed = std::stoi(m[1]);
    CHECK(committed > 0);
    CHECK(committed < 400);
    CHECK(committed % 50 == 0);
    CHECK(articles_in(db) == committed);
}

// The summary of `newsdesk index --json`: its counts of articles added, replaced and unchanged.
std::vector<int> index_counts(const Run& r) {
    const auto s = json::parse(r.out);
    return {s["added"].get<int>(), s["replaced"].get<int>(), s["unchanged"].get<int>()};
}

TEST_CASE("disk full: a bulk load that fails as it writes keeps what it committed, and the same command takes it up",
          "[cli][bounds]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto feed = dir.write("feed.jsonl", small_articles(400));
    const std::vector<std::string> command{"index", "--db", db, "--writers", "2", "--batch-size", "50", "--json", feed.string()};
    const auto r = run_with_file_size_limit(dir, 1 << 20, command);
    INFO(r.err);
    CHECK(r.exit_code == 3);
    std::smatch m;
    REQUIRE(std::regex_search(r.err, m, std::regex("\\(File too large\\); 0 articles are committed in " + db + "; the ([0-9]+) articles it wrote are kept in " +
                                                   (dir / "db.loading").string() + ": the same command with --writers 2 takes them up, "
                                                   "passing over those unchanged \\(or remove that directory to start over\\)\n")));
    const int kept = std::stoi(m[1]);
    CHECK(kept > 0);
    CHECK(kept < 400);
    CHECK(articles_in(db) == 0);
    CHECK(fs::exists(db + ".loading"));
    CHECK_FALSE(fs::exists(db + ".merging"));
    // With room, the same command loads it all, passing over what was kept. The failure came
    // as a batch was written or committed: a side database that committed that batch when
    // another could not has the batch's articles taken out and written again (their quote
    // records were not committed), with any it rewrote in place (a story joined): these
    // articles' bodies share no story, so at most the batch of 50.
    const auto again = run_newsdesk(command);
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    const auto counts = index_counts(again);
    CHECK(counts[0] + counts[2] == 400);
    CHECK(counts[1] == 0);
    CHECK(counts[2] <= kept);
    CHECK(counts[2] >= kept - 50);
    CHECK(articles_in(db) == 400);
    CHECK_FALSE(fs::exists(db + ".loading"));
    const auto clean = (dir / "clean").string();
    REQUIRE(run_newsdesk({"index", "--db", clean, "--writers", "2", feed.string()}).exit_code == 0);
    CHECK(Xapian::Database(db).get_doccount() == Xapian::Database(clean).get_doccount());
}

TEST_CASE("disk full: a bulk load whose merge fails keeps its work, and the next run merges it in without indexing it again",
          "[cli][bounds]") {
    TempDir dir;
    // Articles with quotes, so that the merge's second pass (the articles merged in its first,
    // and the quote records) makes larger files than the first or the side databases. One
    // commit: the side databases hold no space a batch left behind.
    const std::vector<std::string> names{"Ann Master", "Paul Keel", "Maria Lund", "Omar Haddad", "Lena Ruiz"};
    std::string lines;
    for (int i = 0; i < 400; ++i) {
        std::string body;
        for (int q = 0; q < 6; ++q) {
            std::string words;
            for (int w = 0; w < 14; ++w) words += " harbour" + std::to_string((i * 131 + q * 37 + w * 7919) % 5003);
            body += std::string(q ? "\n\n" : "") + "\"The" + words + " talks will go on at berth " + std::to_string((i + q) % 37) +
                    ",\" " + names[(i + q) % 5] + " said on Monday.";
        }
        lines += json({{"id", "q" + std::to_string(i)}, {"title", "Harbour story " + std::to_string(i)}, {"body", body},
                       {"language", "en"}}).dump() + "\n";
    }
    const auto feed = dir.write("quoted.jsonl", lines).string();
    const auto clean = (dir / "clean").string();
    const auto command = [&](const std::string& db) {
        return std::vector<std::string>{"index", "--db", db, "--writers", "2", "--batch-size", "1000000", "--json", feed};
    };
    REQUIRE(run_newsdesk(command(clean)).exit_code == 0);
    std::uintmax_t largest = 0;   // the largest file the merge makes
    for (const auto& f : fs::directory_iterator(clean)) largest = std::max(largest, f.file_size());
    const auto same_as_clean = [&](const std::string& db) {
        CHECK(Xapian::Database(db).get_doccount() == Xapian::Database(clean).get_doccount());
        for (const auto* query : {"harbour", "speaker:keel", "berth"})
            CHECK(run_newsdesk({"search", "--db", db, "--json", "--facet", "speaker", query}).out ==
                  run_newsdesk({"search", "--db", clean, "--json", "--facet", "speaker", query}).out);
        CHECK(run_newsdesk({"quotes", "--db", db, "--json", "harbour"}).out ==
              run_newsdesk({"quotes", "--db", clean, "--json", "harbour"}).out);
    };

    SECTION("in its second pass: the articles it merged are kept, and merged in first by the next run") {
        const auto db = (dir / "db").string();
        const auto r = run_with_file_size_limit(dir, largest * 17 / 20, command(db));
        INFO(r.err);
        CHECK(r.exit_code == 3);
        CHECK(has(r.err, "(File too large); 0 articles are committed in " + db + "; the 400 articles it merged are kept in " +
                             (dir / "db.loading").string() + ": the next run into " + db +
                             " merges them in first (it needs free space about the size of that directory)\n"));
        CHECK(articles_in(db) == 0);
        CHECK(fs::exists(dir / "db.loading" / "articles"));
        CHECK_FALSE(fs::exists(dir / "db.loading" / "articles-0"));   // gone once merged: room for the second pass
        CHECK_FALSE(fs::exists(db + ".merging"));
        const auto again = run_newsdesk(command(db));
        INFO(again.err);
        REQUIRE(again.exit_code == 0);
        CHECK(index_counts(again) == std::vector{0, 0, 400});
        CHECK_FALSE(fs::exists(db + ".loading"));
        same_as_clean(db);
    }
    SECTION("in its first pass: the side databases are kept, every article in them passed over") {
        const auto db = (dir / "db").string();
        const auto r = run_with_file_size_limit(dir, largest * 3 / 5, command(db));
        INFO(r.err);
        CHECK(r.exit_code == 3);
        CHECK(has(r.err, "(File too large); 0 articles are committed in " + db + "; the 400 articles it wrote are kept in "));
        CHECK_FALSE(fs::exists(dir / "db.loading" / "articles.partial"));
        const auto again = run_newsdesk(command(db));
        INFO(again.err);
        REQUIRE(again.exit_code == 0);
        CHECK(index_counts(again) == std::vector{0, 0, 400});
        same_as_clean(db);
    }
}

TEST_CASE("disk full: a failed --compact removes its partial copy and leaves the database as it was", "[cli][bounds]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto feed = dir.write("feed.jsonl", small_articles(300));
    REQUIRE(run_newsdesk({"index", "--db", db, feed.string()}).exit_code == 0);

    const auto r = run_with_file_size_limit(dir, 256 << 10, {"index", "--compact", "--db", db});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(has(r.err, "newsdesk: compacting failed: "));
    CHECK(has(r.err, "(File too large); the partial copy is removed and the database is as it was: 300 articles are "
                     "committed in " + db + "\n"));
    CHECK_FALSE(fs::exists(db + ".compacting"));
    CHECK(articles_in(db) == 300);
    CHECK(search_total(db, "id:s7") == 1);

    const auto again = run_newsdesk({"index", "--compact", "--db", db});
    INFO(again.err);
    CHECK(again.exit_code == 0);
    CHECK(articles_in(db) == 300);
}
