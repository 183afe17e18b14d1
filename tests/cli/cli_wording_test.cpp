// End-to-end: what the program says about itself and its work, as a new user reads it
// (issue: research workflows, "defects found by trying the CLI as a new user would").
#include <regex>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

TEST_CASE("newsdesk --version prints the version, and the help names only options the commands take", "[cli][wording]") {
    const auto version = run_newsdesk({"--version"});
    CHECK(version.exit_code == 0);
    CHECK(std::regex_match(version.out, std::regex("newsdesk [0-9]+\\.[0-9]+\\.[0-9]+\n")));

    const auto help = run_newsdesk({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(has(help.out, "--version"));
    // Every option the overview gives `serve` is one serve takes.
    std::smatch line;
    REQUIRE(std::regex_search(help.out, line, std::regex("serve +(.*)\n")));
    const auto serve_help = run_newsdesk({"serve", "--help"}).out;
    const std::string shown = line[1];
    const std::regex option_name("--[a-z-]+");
    for (std::sregex_iterator option(shown.begin(), shown.end(), option_name), end; option != end; ++option)
        CHECK(has(serve_help, option->str()));
}

TEST_CASE("index counts in words that agree with the numbers, and lists skip reasons apart", "[cli][index][wording]") {
    TempDir dir;
    const auto one = dir.write("one.jsonl", "{\"id\":\"1\",\"title\":\"First\",\"body\":\"Alpha story.\"}\n");
    const auto r = run_newsdesk({"index", "--db", (dir / "db").string(), one.string()});
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, "indexed 1 article (1 new, 0 replaced) from 1 file, "));
    CHECK(has(r.err, "; 1 article in "));

    const auto bad = dir.write("bad.jsonl", "{\"id\":\"2\",\"title\":\"Second\",\"body\":\"Beta story.\"\n"
                                            "{\"id\":\"3\",\"title\":\"Third\",\"body\":\"Gamma story.\",\"date\":5}\n"
                                            "{\"id\":\"4\",\"title\":\"Fourth\",\"body\":\"Delta story.\"}\n");
    const auto skipped = run_newsdesk({"index", "--db", (dir / "db").string(), bad.string()});
    CHECK(skipped.exit_code == 1);
    CHECK(has(skipped.err, "indexed 1 article "));
    // Two reasons, each a phrase with its count, parted by a semicolon.
    CHECK(std::regex_search(skipped.err, std::regex("skipped 2: [^;\n]+ \\(1\\); [^;\n]+ \\(1\\)\n")));
}

TEST_CASE("undated articles come last in both date orders, and info lists months", "[cli][search][wording]") {
    const auto& db = sample_db();
    for (const auto* order : {"oldest", "newest"}) {
        const auto r = newsdesk_json({"search", "--db", db, "--json", "--sort", order, "--limit", "1000", ""});
        std::vector<std::string> dates;
        for (const auto& hit : r["hits"]) dates.push_back(hit["date"]);
        INFO(order << ": " << json(dates).dump());
        const auto first_undated = std::find(dates.begin(), dates.end(), "");
        REQUIRE(first_undated != dates.begin());   // the sample has dated articles,
        REQUIRE(first_undated != dates.end());     // and undated ones
        CHECK(std::all_of(first_undated, dates.end(), [](const std::string& d) { return d.empty(); }));
        CHECK(std::is_sorted(dates.begin(), first_undated,
                             [&](const std::string& a, const std::string& b) { return std::string{order} == "oldest" ? a < b : a > b; }));
    }
    const auto info = newsdesk_json({"info", "--db", db, "--json"});
    REQUIRE(info["facets"].contains("month"));
    CHECK(info["facets"]["month"].size() > 1);
}

TEST_CASE("every field a query may name is documented in the README's query table", "[cli][wording]") {
    const auto readme = slurp(std::filesystem::path(NEWSDESK_SOURCE_DIR) / "README.md");
    const auto table = readme.substr(readme.find("### Query language"), readme.find("### Search options") - readme.find("### Query language"));
    // The parser's message for an unknown field lists the fields it knows.
    const auto r = run_newsdesk({"search", "--db", sample_db(), "nosuchfield:x"});
    CHECK(r.exit_code == 2);
    const auto list = r.err.substr(r.err.find("(fields: ") + 9);
    const std::regex field_name("([a-z_]+)[,)]");
    std::size_t fields = 0;
    for (std::sregex_iterator name(list.begin(), list.end(), field_name), end; name != end; ++name, ++fields) {
        INFO((*name)[1]);
        CHECK(has(table, "`" + (*name)[1].str() + ":"));
    }
    CHECK(fields > 15);
}

TEST_CASE("extract's text lists names parted by semicolons, with none left trailing", "[cli][extract][wording]") {
    TempDir dir;
    const auto none = dir.write("quiet.txt", "Harbour works\n\nThe harbour works went on through the winter.\n");
    for (const auto& file : {seed_article(), none}) {
        const auto r = run_newsdesk({"extract", file.string()});
        INFO(r.out);
        CHECK(r.exit_code == 0);
        std::smatch line;
        REQUIRE(std::regex_search(r.out, line, std::regex("\n  speakers: (.*)\n")));
        const std::string names = line[1];
        CHECK(!names.ends_with(";"));
        CHECK(!names.empty());
        if (file == none) CHECK(names == "(none)");
        else CHECK(std::regex_match(names, std::regex("[^;]+(; [^;]+)+")));   // the seed quotes several
    }
    CHECK(json::parse(run_newsdesk({"extract", "--json", seed_article().string()}).out)["speakers"].size() > 1);
}
