// End-to-end: `newsdesk index` on real files, through the real program.
#include <random>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

TEST_CASE("index the sample archive and the seed, then again without duplicates", "[cli][index]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto first = run_newsdesk({"index", "--db", db, "--json", sample_dir().string(), seed_article().string()});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    const auto s1 = json::parse(first.out);
    CHECK(s1["added"].get<int>() >= 45);
    CHECK(s1["replaced"] == 0);
    CHECK(s1["skipped"] == 0);

    const auto again = run_newsdesk({"index", "--db", db, "--json", sample_dir().string(), seed_article().string()});
    REQUIRE(again.exit_code == 0);
    const auto s2 = json::parse(again.out);
    CHECK(s2["added"] == 0);
    CHECK(s2["replaced"] == 0);
    CHECK(s2["unchanged"] == s1["added"]);   // passed over, not indexed again
    const auto info = json::parse(run_newsdesk({"info", "--db", db, "--json"}).out);
    CHECK(info["articles"] == s1["added"]);
}

TEST_CASE("a rerun passes over articles met again unchanged, indexes those that changed, and all when the settings do",
          "[cli][index]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto line = [](const std::string& id, const std::string& word) {
        return json({{"id", id}, {"title", "Harbour " + word}, {"body", "The harbour master said the " + word + " berth would open."},
                     {"language", "en"}})
                   .dump() +
               "\n";
    };
    const auto index = [&](const std::string& name, const std::string& lines, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"index", "--db", db, "--json", dir.write(name, lines).string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run_newsdesk(args);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return json::parse(r.out);
    };
    const auto counts = [](const json& s) {
        return std::vector<int>{s["added"].get<int>(), s["replaced"].get<int>(), s["unchanged"].get<int>()};
    };
    const auto first = line("a", "zyxalpha") + line("b", "zyxbravo") + line("c", "zyxcharlie");
    CHECK(counts(index("first.jsonl", first)) == std::vector{3, 0, 0});
    // The same articles from another file: where they were read from is not part of them.
    CHECK(counts(index("copy.jsonl", first)) == std::vector{0, 0, 3});
    CHECK(counts(index("grown.jsonl", line("a", "zyxalpha") + line("b", "zyxdelta") + line("c", "zyxcharlie") +
                                          line("d", "zyxecho"))) == std::vector{1, 1, 2});
    CHECK(search_total(db, "zyxbravo") == 0);
    CHECK(search_total(db, "zyxdelta") == 1);

    SECTION("an article met twice in one run: the later version stands, though it is the one committed") {
        for (const auto* batch : {"500", "1"}) {
            INFO("batch size " << batch);
            CHECK(counts(index("twice.jsonl", line("a", "zyxfoxtrot") + line("a", "zyxalpha"), {"--batch-size", batch})) ==
                  std::vector{0, 2, 0});
            CHECK(search_total(db, "zyxalpha") == 1);
            CHECK(search_total(db, "zyxfoxtrot") == 0);
        }
    }
    SECTION("another default language indexes every article again") {
        CHECK(counts(index("again.jsonl", line("a", "zyxalpha"), {"--lang", "de"})) == std::vector{0, 1, 0});
    }
    SECTION("the text summary says how many were passed over") {
        const auto r = run_newsdesk({"index", "--db", db, (dir / "first.jsonl").string()});
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK(r.err.find("(0 new, 1 replaced; 2 unchanged, passed over)") != std::string::npos);
    }
}

TEST_CASE("a malformed line is reported with its line number, and the other lines are indexed", "[cli][index]") {
    TempDir dir;
    const auto feed = dir.write("feed.jsonl", "{\"id\":\"1\",\"title\":\"First\",\"body\":\"Alpha story.\"}\n"
                                              "{\"id\":\"2\",\"title\":\"Second\",\"body\":\"Beta story.\"\n"
                                              "{\"id\":\"3\",\"title\":\"Third\",\"body\":\"Gamma story.\",\"date\":5}\n"
                                              "{\"id\":\"4\",\"title\":\"Fourth\",\"body\":\"Delta story.\"}\n");
    const auto db = (dir / "db").string();
    const auto r = run_newsdesk({"index", "--db", db, feed.string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(feed.string() + ":2: malformed JSON") != std::string::npos);
    CHECK(r.err.find(feed.string() + ":3: field \"date\" should be a string") != std::string::npos);
    CHECK(r.err.find("skipped 2") != std::string::npos);
    const auto found = json::parse(run_newsdesk({"search", "--db", db, "--json", "story"}).out);
    CHECK(found["total"] == 2);

    SECTION("--strict stops at the first problem, keeping what came before") {
        const auto strict_db = (dir / "strict").string();
        const auto s = run_newsdesk({"index", "--db", strict_db, "--strict", feed.string()});
        CHECK(s.exit_code == 1);
        CHECK(s.err.find(":3:") == std::string::npos);   // never got that far
        CHECK(json::parse(run_newsdesk({"info", "--db", strict_db, "--json"}).out)["articles"] == 1);
    }
}

TEST_CASE("wrong usage, a missing database and a locked one get distinct exit codes", "[cli][index]") {
    TempDir dir;
    CHECK(run_newsdesk({"index", "--db", (dir / "db").string()}).exit_code == 2);                  // no PATH
    CHECK(run_newsdesk({"index", "--db", (dir / "db").string(), "--format", "pdf", "x"}).exit_code == 2);
    CHECK(run_newsdesk({"frobnicate"}).exit_code == 2);
    const auto missing = run_newsdesk({"search", "--db", (dir / "none").string(), "oil"});
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("no database") != std::string::npos);
}

TEST_CASE("the real Wikinews corpus indexes as it is", "[cli][index]") {
    const auto corpus = shared_data("data/corpora/wikinews-2019-2020.jsonl");
    if (!std::filesystem::exists(corpus)) return;
    TempDir dir;
    const auto r = run_newsdesk({"index", "--db", (dir / "db").string(), "--json", corpus.string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(json::parse(r.out)["added"] == 293);
}

TEST_CASE("a binary file read as JSON Lines reports a screenful, and counts everything", "[cli][index]") {
    TempDir dir;
    std::string noise;
    std::mt19937 random(7);
    for (int i = 0; i < 200000; ++i) noise += static_cast<char>(random() % 256);
    const auto file = dir.write("noise.jsonl", noise);
    const auto r = run_newsdesk({"index", "--db", (dir / "db").string(), "--json", file.string()});
    CHECK(r.exit_code == 1);
    const auto lines = std::count(r.err.begin(), r.err.end(), '\n');
    CHECK(lines <= 21);
    CHECK(r.err.find("more problems in this file are counted but not shown") != std::string::npos);
    CHECK(json::parse(r.out)["skipped"].get<int>() > 21);
}

TEST_CASE("index: a memory limit commits batches early to stay under it, and threads change nothing found", "[cli][index]") {
    const auto corpus = shared_data("data/corpora/bbc.jsonl");
    if (!std::filesystem::exists(corpus)) return;
    TempDir dir;
    // One batch for the whole corpus unless memory says otherwise.
    const auto run = [&](const std::string& db, std::vector<std::string> extra) {
        std::vector<std::string> args = {"index", "--json", "--batch-size", "100000", "--db", (dir / db).string()};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(corpus.string());
        const auto r = run_newsdesk(args);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return nlohmann::json::parse(r.out);
    };
    const auto roomy = run("roomy", {"--memory-limit", "2G", "--threads", "1"});
    const auto tight = run("tight", {"--memory-limit", "100M", "--threads", "2"});
    CHECK(roomy["indexed"] == 2225);
    CHECK(tight["indexed"] == 2225);
    CHECK(roomy["commits"] == 1);
#ifndef NEWSDESK_SANITIZED   // the sanitizer's allocator keeps its own books, and a larger heap
    CHECK(tight["commits"] > 1);
    CHECK(tight["peak_memory_bytes"].get<std::uint64_t>() < (std::uint64_t{100} << 20));
    CHECK(tight["peak_memory_bytes"] < roomy["peak_memory_bytes"]);
#endif
    // Batching and threads change nothing in what is found.
    for (const auto* query : {"minister", "\"interest rates\"", "country:fr", "speaker:blair"}) {
        const auto a = run_newsdesk({"search", "--json", "--limit", "20", "--facet", "speaker", "--facet", "country",
                                     "--db", (dir / "roomy").string(), query});
        const auto b = run_newsdesk({"search", "--json", "--limit", "20", "--facet", "speaker", "--facet", "country",
                                     "--db", (dir / "tight").string(), query});
        INFO(query);
        CHECK(a.out == b.out);
    }
    CHECK(run_newsdesk({"index", "--memory-limit", "lots", "--db", (dir / "x").string(), corpus.string()}).exit_code == 2);
}

namespace {
std::uintmax_t directory_bytes(const std::filesystem::path& dir) {
    std::uintmax_t total = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.is_regular_file()) total += e.file_size();
    return total;
}
} // namespace

TEST_CASE("index --compact rewrites the database smaller, finding the same, and it stays writable", "[cli][index]") {
    TempDir dir;
    const auto plain = (dir / "plain").string(), compact = (dir / "compact").string();
    // One writer: a bulk load into a new database is compacted as it is merged (below).
    REQUIRE(run_newsdesk({"index", "--writers", "1", "--db", plain, sample_dir().string()}).exit_code == 0);
    // A leftover of a compaction killed half-way is cleared, not mistaken for anything.
    std::filesystem::create_directories(compact + ".compacting");
    dir.write("compact.compacting/junk", "left by a crash");
    const auto r = run_newsdesk({"index", "--writers", "1", "--compact", "--json", "--db", compact, sample_dir().string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(json::parse(r.out)["compaction_seconds"].get<double>() > 0);
    CHECK_FALSE(std::filesystem::exists(compact + ".compacting"));
    CHECK(directory_bytes(compact) < directory_bytes(plain) * 3 / 4);
    CHECK(std::system(("xapian-check " + compact + " >/dev/null").c_str()) == 0);
    for (const auto* query : {"minister", "\"said on\"", "country:fr", "speaker:obama"}) {
        INFO(query);
        const auto a = run_newsdesk({"search", "--json", "--facet", "speaker", "--facet", "country", "--db", plain, query});
        const auto b = run_newsdesk({"search", "--json", "--facet", "speaker", "--facet", "country", "--db", compact, query});
        CHECK(a.out == b.out);
    }
    // More articles go into the compacted database as into any other, and --compact alone
    // compacts without reading anything.
    REQUIRE(run_newsdesk({"index", "--db", compact, seed_article().string()}).exit_code == 0);
    const auto again = run_newsdesk({"index", "--compact", "--json", "--db", compact});
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(json::parse(again.out)["articles_in_database"] == json::parse(r.out)["articles_in_database"].get<int>() + 1);

    SECTION("a bulk load into a new database comes out as compact as --compact makes one") {
        const auto bulk = (dir / "bulk").string();
        const auto b = run_newsdesk({"index", "--writers", "2", "--json", "--db", bulk, sample_dir().string()});
        INFO(b.err);
        REQUIRE(b.exit_code == 0);
        CHECK(json::parse(b.out)["compaction_seconds"].get<double>() > 0);   // the merge
        CHECK(directory_bytes(bulk) < directory_bytes(plain) * 3 / 4);
        CHECK(std::system(("xapian-check " + bulk + " >/dev/null").c_str()) == 0);
    }
}

TEST_CASE("index leaves facet columns for one-off searches, and says so when it cannot", "[cli][index]") {
    TempDir dir;
    // As a user types it: a database named relative to the working directory.
    const auto was = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    struct Back {
        std::filesystem::path to;
        ~Back() { std::filesystem::current_path(to); }
    } back{was};
    const std::string db = "db";
    const auto file = dir / "db" / "newsdesk-facet-columns";
    auto r = run_newsdesk({"index", "--db", db, "--json", sample_dir().string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto s = json::parse(r.out);
    CHECK(s["columns_not_saved"] == "");
    CHECK(s["columns_seconds"].get<double>() > 0);
    CHECK(std::filesystem::is_regular_file(file));
    const auto facets = [&] {
        const auto found = run_newsdesk({"search", "--db", db, "--json", "--facet", "speaker", "--facet", "country", "minister"});
        REQUIRE(found.exit_code == 0);
        return json::parse(found.out)["facets"];
    };
    const auto from_file = facets();
    CHECK_FALSE(from_file["speaker"].empty());
    // Where the file cannot be written (a directory in its place), the run still succeeds and
    // says why, and searches count from the lists what they counted from the file.
    std::filesystem::remove(file);
    std::filesystem::create_directory(file);
    r = run_newsdesk({"index", "--db", db, sample_dir().string()});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Catch::Contains("facet columns not saved (searches count from the lists)"));
    CHECK(facets() == from_file);
    CHECK(std::filesystem::is_directory(file));
    for (const auto& entry : std::filesystem::directory_iterator(dir / "db"))   // no half-written file left
        CHECK(entry.path().filename() != "newsdesk-facet-columns.new");
}
