// End-to-end: hostile input to `newsdesk index`, each beside good articles (in the same file
// where that makes sense, and in neighbouring files). Whatever the input, the program must not
// crash, must name the file and line of each problem with its reason, must count it in the
// summary by reason, exit 1 when something was skipped, and keep the good articles searchable.
// Large and binary inputs are generated here, in a temp dir; small ones live in tests/hostile/.
#include <chrono>
#include <random>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"

using namespace newsdesk::testing;
using namespace std::string_literals;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path hostile_dir() { return fs::path(NEWSDESK_SOURCE_DIR) / "tests" / "hostile"; }

// A good article whose made-up word `word` finds it and nothing else.
std::string good_json(const std::string& word) {
    return R"({"id":")" + word + R"(","title":"Report on )" + word + R"(","body":"The )" + word +
           R"( harbour reopened on Monday, officials said.","date":"2021-05-03"})";
}
std::string good_text(const std::string& word) {
    return "Report on " + word + "\n\nLisbon (HT) \u2013 The " + word + " harbour reopened on Monday.\n\nMore text.\n";
}

struct Indexing {
    Run run;
    json summary;
};

Indexing index(const std::string& db, const std::vector<fs::path>& paths, const std::vector<std::string>& options = {}) {
    std::vector<std::string> args{"index", "--db", db, "--json"};
    args.insert(args.end(), options.begin(), options.end());
    for (const auto& p : paths) args.push_back(p.string());
    Indexing r{run_newsdesk(args), {}};
    r.summary = json::parse(r.run.out, nullptr, false);
    return r;
}

// The run ended normally (no signal, no uncaught error) with `code` and a JSON summary.
#define REQUIRE_FINISHED(r, code)                      \
    do {                                               \
        INFO("stderr: " << (r).run.err);               \
        REQUIRE((r).run.exit_code == (code));          \
        REQUIRE_FALSE((r).summary.is_discarded());     \
        CHECK_FALSE(has((r).run.err, "newsdesk: "));   \
    } while (0)

} // namespace

TEST_CASE("hostile: invalid UTF-8 and NUL bytes, in JSON Lines and in text files", "[cli][hostile]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto bad_utf8 = dir.write("utf8.jsonl", good_json("zyxalpha") + "\n" +
                                                      "{\"id\":\"u\",\"title\":\"Caf\xe9 \xff\",\"body\":\"x\"}\n" +
                                                      good_json("zyxbravo") + "\n");
    const auto nul_line = "{\"id\":\"n\",\"title\":\"N\0L\",\"body\":\"x\"}"s;
    const auto nul = dir.write("nul.jsonl", good_json("zyxcharlie") + "\n" + nul_line + "\n" + good_json("zyxdelta") + "\n");
    const auto bad_text = dir.write("latin1.txt", "Title\n\nParis (AFP) \u2013 Fine line.\nCaf\xe9 line.\n");
    const auto nul_text = dir.write("nul.txt", "Title\n\nA line\nwith \0 NUL.\n"s);
    const auto neighbour = dir.write("neighbour.txt", good_text("zyxecho"));

    const auto r = index(db, {bad_utf8, nul, bad_text, nul_text, neighbour});
    REQUIRE_FINISHED(r, 1);
    CHECK(has(r.run.err, bad_utf8.string() + ":2: not valid UTF-8\n"));
    CHECK(has(r.run.err, nul.string() + ":2: binary data (NUL byte at column " + std::to_string(nul_line.find('\0') + 1) +
                               "), not JSON\n"));
    CHECK(has(r.run.err, bad_text.string() + ":4: not valid UTF-8\n"));
    CHECK(has(r.run.err, nul_text.string() + ":4: binary data (NUL byte), not a text article\n"));
    CHECK(r.summary["indexed"] == 5);
    CHECK(r.summary["added"] == 5);
    CHECK(r.summary["skipped"] == 4);
    CHECK(r.summary["skipped_by_reason"] == json({{"not valid UTF-8", 2}, {"binary data", 2}}));
    for (const char* word : {"zyxalpha", "zyxbravo", "zyxcharlie", "zyxdelta", "zyxecho"}) {
        INFO(word);
        CHECK(search_total(db, word) == 1);
    }
}

TEST_CASE("hostile: a 50 MB article is refused quickly, a 10 MB JSON line indexed", "[cli][hostile]") {
    // News articles are at most a few hundred KB; MaxArticleBytes (16 MB, indexer/readers/input.hpp)
    // refuses anything larger, text file or JSON line, with one message and in bounded memory
    // (the reader keeps at most the limit). Indexing takes up to 128 times an article's size,
    // so a 10 MB article needs a memory limit of 4G (the default, 1G, takes 4 MB articles).
    // Within the limit, long articles are indexed whole; words longer than Xapian's term limit
    // (245 bytes) are left out of the index but the article is not.
    TempDir dir;
    const auto db = (dir / "db").string();
    std::string paragraph;
    for (int i = 0; paragraph.size() < 1000; ++i) paragraph += "harbour ship minister economy port trade " + std::to_string(i) + ". ";
    const auto write_huge = [&](const std::string& name, const std::string& head, const std::string& tail,
                                std::size_t body_bytes) {
        const auto p = dir / name;
        std::ofstream out(p, std::ios::binary);
        out << head;
        for (std::size_t n = 0; n < body_bytes; n += paragraph.size()) out << paragraph;
        out << tail;
        return p;
    };
    const auto big_text = write_huge("huge.txt", "Huge title\n\nParis (AFP) \u2013 ", "\n", 50u << 20);
    const auto big_line = write_huge("huge.jsonl", good_json("zyxfoxtrot") + "\n" + R"({"id":"huge","title":"Huge","body":")",
                                     "\"}\n" + good_json("zyxgolf") + "\n", 50u << 20);
    // Within the limit; its first word is over Xapian's term limit.
    const auto long_line = write_huge("long.jsonl", R"({"id":"long","title":"Long","body":"zyxhotel )" + std::string(300, 'w') + " ",
                                      "\"}\n" + good_json("zyxindia") + "\n", 10u << 20);
    const auto neighbour = dir.write("neighbour.txt", good_text("zyxjuliet"));

    const auto started = std::chrono::steady_clock::now();
    const auto r = index(db, {big_text, big_line, long_line, neighbour}, {"--memory-limit", "4G"});
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    REQUIRE_FINISHED(r, 1);
    CHECK(seconds < 15);
    const std::string too_large = ": article too large: more than 16 MB (the limit per article)\n";
    CHECK(has(r.run.err, big_text.string() + too_large));
    CHECK(has(r.run.err, big_line.string() + ":2" + too_large));
    CHECK(r.summary["indexed"] == 5);   // zyxfoxtrot, zyxgolf, long, zyxindia, zyxjuliet
    CHECK(r.summary["skipped"] == 2);
    CHECK(r.summary["skipped_by_reason"] == json({{"article too large", 2}}));
    for (const char* word : {"zyxfoxtrot", "zyxgolf", "zyxhotel", "zyxindia", "zyxjuliet"}) {
        INFO(word);
        CHECK(search_total(db, word) == 1);
    }
}

TEST_CASE("hostile: deep nesting, wrong field types and impossible dates", "[cli][hostile]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto feed = dir.write("feed.jsonl",
                                good_json("zyxkilo") + "\n" +                                          // 1
                                deep + "\n" +                                                          // 2
                                R"({"id":"d","title":"x","body":"y","extra":)" + deep + "}\n" +        // 3
                                R"({"id":"t1","title":"x","body":"y","date":5})" "\n"                  // 4
                                R"({"id":"zyxlima","title":"x","body":"zyxlima","speakers":"Ann Lee"})" "\n"   // 5: one name is fine
                                R"({"id":"t2","title":"x","body":"y","speakers":5})" "\n"              // 6
                                R"({"id":"t3","title":{},"body":"y"})" "\n"                            // 7
                                R"({"id":"t4","title":"x","body":"y","date":"2021-02-30"})" "\n"       // 8
                                R"({"id":"t5","title":"x","body":"y","date":"2021-13-01"})" "\n"       // 9
                                R"({"id":"t6","title":"x","body":"y","date":"0000-00-00"})" "\n"       // 10
                                R"({"id":"t7","title":"x","body":"y","date":")" + std::string(5000, '9') + "\"}\n" +   // 11
                                R"([1,2,3])" "\n"                                                      // 12
                                R"({"id":"t8"})" "\n" +                                                // 13
                                good_json("zyxmike") + "\n");                                          // 14
    const auto names = [](int n) {
        std::string list;
        for (int i = 0; i < n; ++i) list += (i ? ",\"Name" : "\"Name") + std::to_string(i) + " Same\"";
        return "[" + list + "]";
    };
    // The most names an article may list is 1000 (indexer/readers/jsonl_reader.cpp): settling
    // 50,000 speakers against the index took 14 s.
    const auto neighbour = dir.write("neighbour.jsonl", good_json("zyxnovember") + "\n" +
                                                            R"({"id":"many","title":"x","body":"y","speakers":)" +
                                                            names(50000) + "}\n" +
                                                            R"({"id":"zyxoctet","title":"x","body":"zyxoctet","authors":)" +
                                                            names(1000) + "}\n");

    const auto started = std::chrono::steady_clock::now();
    const auto r = index(db, {feed, neighbour});
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    REQUIRE_FINISHED(r, 1);
    const auto at = [&](int line) { return feed.string() + ":" + std::to_string(line) + ": "; };
    CHECK(has(r.run.err, at(2) + "malformed JSON: The JSON document was too deep"));
    CHECK(has(r.run.err, at(3) + "malformed JSON: The JSON document was too deep"));
    CHECK(has(r.run.err, at(4) + "field \"date\" should be a string\n"));
    CHECK_FALSE(has(r.run.err, at(5)));
    CHECK(has(r.run.err, at(6) + "field \"speakers\" should be a list of strings\n"));
    CHECK(has(r.run.err, at(7) + "field \"title\" should be a string\n"));
    CHECK(has(r.run.err, at(8) + "field \"date\" is not an ISO 8601 date: \"2021-02-30\"\n"));
    CHECK(has(r.run.err, at(9) + "field \"date\" is not an ISO 8601 date: \"2021-13-01\"\n"));
    CHECK(has(r.run.err, at(10) + "field \"date\" is not an ISO 8601 date: \"0000-00-00\"\n"));
    CHECK(has(r.run.err, at(11) + "field \"date\" is not an ISO 8601 date: \"" + std::string(40, '9') + "\u2026\"\n"));
    CHECK(has(r.run.err, at(12) + "not a JSON object\n"));
    CHECK(has(r.run.err, at(13) + "no title and no body\n"));
    CHECK(has(r.run.err, neighbour.string() + ":2: field \"speakers\" has more than 1000 entries\n"));
    CHECK(r.summary["indexed"] == 5);
    CHECK(r.summary["skipped"] == 12);
    CHECK(r.summary["skipped_by_reason"] == json({{"malformed JSON", 2},
                                                  {"field \"date\" should be a string", 1},
                                                  {"field \"speakers\" should be a list of strings", 1},
                                                  {"field \"title\" should be a string", 1},
                                                  {"field \"date\" is not an ISO 8601 date", 4},
                                                  {"not a JSON object", 1},
                                                  {"no title and no body", 1},
                                                  {"field \"speakers\" has more than 1000 entries", 1}}));
    for (const char* word : {"zyxkilo", "zyxlima", "zyxmike", "zyxnovember", "zyxoctet"}) {
        INFO(word);
        CHECK(search_total(db, word) == 1);
    }
    CHECK(search_total(db, "speaker:\"Ann Lee\"") == 1);
}

TEST_CASE("hostile: empty, blank-only, unreadable and non-regular files", "[cli][hostile]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto empty_jsonl = dir.write("empty.jsonl", "");
    const auto empty_text = dir.write("empty.txt", "");
    const auto blank = hostile_dir() / "blank-lines.jsonl";
    const auto blank_text = dir.write("blank.txt", "\n \n\t\r\n\n");
    const auto fifo = dir / "fifo.jsonl";   // reading it would block forever
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto neighbour = dir.write("neighbour.jsonl", good_json("zyxoscar") + "\n");

    const auto r = index(db, {empty_jsonl, empty_text, blank, blank_text, fifo, neighbour});
    REQUIRE_FINISHED(r, 1);
    CHECK(has(r.run.err, empty_jsonl.string() + ": empty file\n"));
    CHECK(has(r.run.err, empty_text.string() + ": empty file\n"));
    CHECK(has(r.run.err, blank.string() + ": empty file\n"));
    CHECK(has(r.run.err, blank_text.string() + ": empty file\n"));
    CHECK(has(r.run.err, fifo.string() + ": not a regular file\n"));
    CHECK(r.summary["indexed"] == 1);
    CHECK(r.summary["skipped_by_reason"] == json({{"empty file", 4}, {"not a regular file", 1}}));
    CHECK(search_total(db, "zyxoscar") == 1);

    SECTION("a file that cannot be read") {
        const auto text_neighbour = dir.write("neighbour.txt", good_text("zyxpapa"));
        if (::geteuid() != 0) {
            const auto locked = dir.write("locked.jsonl", good_json("zyxquebec") + "\n");
            fs::permissions(locked, fs::perms::none);
            const auto u = index(db, {locked, text_neighbour});
            REQUIRE_FINISHED(u, 1);
            CHECK(has(u.run.err, locked.string() + ": cannot open: Permission denied\n"));
            CHECK(u.summary["skipped_by_reason"] == json({{"cannot open", 1}}));
        } else {
            // Root reads a chmod 000 file, so take one that fails for root too: reading
            // address 0 of a process's memory is an I/O error.
            const auto u = index(db, {"/proc/self/mem", text_neighbour}, {"--format", "text"});
            REQUIRE_FINISHED(u, 1);
            CHECK(has(u.run.err, "/proc/self/mem: read error: Input/output error\n"));
            CHECK(u.summary["skipped_by_reason"] == json({{"read error", 1}}));
        }
        CHECK(search_total(db, "zyxpapa") == 1);
        CHECK(search_total(db, "zyxoscar") == 1);   // indexed by the first run, still there
    }
}

TEST_CASE("hostile: truncated gzip keeps the articles before the cut", "[cli][hostile]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    std::string lines;
    for (int i = 0; i < 3000; ++i)
        lines += R"({"id":"g)" + std::to_string(i) + R"(","title":"Item )" + std::to_string(i) +
                 R"(","body":"zyxromeo harbour story number )" + std::to_string(i) + "\"}\n";
    const auto plain = dir.write("feed.jsonl", lines);
    std::string story = good_text("zyxsierra");
    for (int i = 0; i < 2000; ++i) story += "Paragraph " + std::to_string(i * 7919 % 10007) + " of the story.\n\n";
    const auto text = dir.write("story.txt", story);
    REQUIRE(std::system(("gzip -9 " + shell_quote(plain.string()) + " " + shell_quote(text.string())).c_str()) == 0);
    const auto cut = [&](const fs::path& from, const std::string& name) {
        const auto packed = slurp(fs::path(from.string() + ".gz"));
        return dir.write(name, packed.substr(0, packed.size() / 2));
    };
    const auto cut_feed = cut(plain, "cut.jsonl.gz");
    const auto cut_text = cut(text, "cut.txt.gz");
    const auto neighbour = dir.write("neighbour.jsonl", good_json("zyxtango") + "\n");

    const auto r = index(db, {cut_feed, cut_text, neighbour});
    REQUIRE_FINISHED(r, 1);
    const auto line_at = r.run.err.find(cut_feed.string() + ":");
    REQUIRE(line_at != std::string::npos);
    const auto line = std::stoi(r.run.err.substr(line_at + cut_feed.string().size() + 1));
    CHECK(line > 1);
    CHECK(line <= 3000);
    CHECK(has(r.run.err, cut_feed.string() + ":" + std::to_string(line) +
                             ": truncated or corrupt compressed data: unexpected end of file\n"));
    CHECK(has(r.run.err, cut_text.string() + ": truncated or corrupt compressed data: unexpected end of file\n"));
    CHECK(r.summary["indexed"] == line - 1 + 1);   // every complete line before the cut, and zyxtango
    CHECK(r.summary["skipped_by_reason"] == json({{"truncated or corrupt compressed data", 2}}));
    CHECK(search_total(db, "zyxromeo") == line - 1);
    CHECK(search_total(db, "zyxtango") == 1);
}

TEST_CASE("hostile: a symlink loop in a directory, binary files with article names", "[cli][hostile]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    dir.write("archive/a/one.jsonl", good_json("zyxuniform") + "\n");
    dir.write("archive/b/two.txt", good_text("zyxvictor"));
    fs::create_directory_symlink("..", dir / "archive/a/loop");             // a/loop -> ..
    fs::create_symlink("self.jsonl", dir / "archive/a/self.jsonl");         // a link to itself
    const auto png = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"s;
    std::mt19937 random(6);
    std::string noise, high;
    for (int i = 0; i < 4096; ++i) noise += static_cast<char>(random() % 256);
    noise[100] = '\0';
    for (int i = 0; i < 4096; ++i) high += static_cast<char>(0x80 + random() % 128);   // never UTF-8
    const auto image = dir.write("archive/image.txt", png);
    const auto random_text = dir.write("archive/random.txt", noise);
    const auto high_text = dir.write("archive/high.txt", high);
    const auto random_json = dir.write("archive/random.jsonl", noise);

    const auto started = std::chrono::steady_clock::now();
    const auto r = index(db, {dir / "archive"});
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    REQUIRE_FINISHED(r, 1);
    CHECK(has(r.run.err, image.string() + ":3: binary data (NUL byte), not a text article\n"));
    CHECK(has(r.run.err, random_text.string() + ":"));
    CHECK(has(r.run.err, high_text.string() + ":1: not valid UTF-8\n"));
    CHECK(has(r.run.err, random_json.string() + ":1: "));
    CHECK(r.summary["indexed"] == 2);
    CHECK(r.summary["files"] == 6);   // the loop is not followed, the dangling link not a file
    CHECK(r.summary["skipped"].get<int>() >= 4);
    CHECK(r.summary["skipped_by_reason"]["binary data"].get<int>() >= 2);
    CHECK(search_total(db, "zyxuniform") == 1);
    CHECK(search_total(db, "zyxvictor") == 1);

    SECTION("the loop named directly, and a link loop named directly") {
        const auto again = index(db, {dir / "archive/a/loop", dir / "archive/a/self.jsonl"});
        REQUIRE_FINISHED(again, 1);
        CHECK(has(again.run.err, (dir / "archive/a/self.jsonl").string() + ": cannot read: Too many levels of symbolic links\n"));
        CHECK(again.summary["unchanged"] == 2);   // the archive again, through the loop
    }
}

TEST_CASE("hostile: byte order marks and CRLF line endings are read as plain text", "[cli][hostile]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto bom_json = hostile_dir() / "bom-crlf.jsonl";   // a BOM, then CRLF lines
    const auto bom_text = dir.write("bom.txt", "\xEF\xBB\xBFZyxwhiskey report\r\n\r\nLisbon (HT) \u2013 The zyxwhiskey "
                                               "harbour reopened.\r\n\r\nMore text.\r\n");
    const auto r = index(db, {bom_json, bom_text});
    REQUIRE_FINISHED(r, 0);
    CHECK(r.run.err.empty());
    CHECK(r.summary["indexed"] == 3);
    CHECK(r.summary["skipped"] == 0);
    const auto first = run_newsdesk({"search", "--db", db, "--json", "id:zyxxray"});
    REQUIRE(first.exit_code == 0);
    CHECK(json::parse(first.out)["hits"][0]["title"] == "Report on zyxxray");
    CHECK(search_total(db, "zyxyankee") == 1);
    const auto text = run_newsdesk({"search", "--db", db, "--json", "zyxwhiskey"});
    REQUIRE(text.exit_code == 0);
    const auto hit = json::parse(text.out)["hits"][0];
    CHECK(hit["title"] == "Zyxwhiskey report");   // no BOM, no '\r'
    CHECK(hit["dateline"] == "Lisbon");
}

TEST_CASE("hostile: input problems never lose what an index already holds", "[cli][hostile]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto first = index(db, {sample_dir()});
    REQUIRE_FINISHED(first, 0);
    const auto before = first.summary["articles_in_database"].get<int>();
    const auto bad = dir.write("bad.jsonl", "{broken\n" + good_json("zyxzulu") + "\n\xff\n");
    const auto r = index(db, {bad, dir / "missing.jsonl"});
    REQUIRE_FINISHED(r, 1);
    CHECK(has(r.run.err, (dir / "missing.jsonl").string() + ": no such file or directory\n"));
    CHECK(r.summary["articles_in_database"] == before + 1);
    CHECK(json::parse(run_newsdesk({"info", "--db", db, "--json"}).out)["articles"] == before + 1);
    CHECK(search_total(db, "zyxzulu") == 1);
}
