// End-to-end: exports (issue: research workflows). `newsdesk search --format csv|jsonl --all`
// gives every hit, in the order and with the ranks search gives them, as RFC 4180 CSV or JSON
// Lines, read back here by a parser of the test's own.
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"
#include "support/shared_data.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

// RFC 4180: records end in CRLF; a field in quotes may hold commas, CRLF and doubled quotes.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c != '"') field += c;
            else if (i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else quoted = false;
        } else if (c == '"') {
            REQUIRE(field.empty());   // a quote only opens a field
            quoted = was_quoted = true;
        } else if (c == ',') {
            record.push_back(std::exchange(field, {}));
            was_quoted = false;
        } else if (c == '\r') {
            REQUIRE(i + 1 < text.size());
            REQUIRE(text[i + 1] == '\n');
            record.push_back(std::exchange(field, {}));
            records.push_back(std::exchange(record, {}));
            was_quoted = false;
            ++i;
        } else {
            REQUIRE(c != '\n');   // a bare line feed outside quotes is not RFC 4180
            REQUIRE_FALSE(was_quoted);
            field += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(record.empty());   // the last record ended with CRLF too
    REQUIRE(field.empty());
    return records;
}

std::string joined(const json& list) {
    std::string out;
    for (const auto& v : list) (out += out.empty() ? "" : ";") += v.get<std::string>();
    return out;
}

// Real Reuters articles, and three of ours whose text a CSV writer must quote.
const std::string& export_db() {
    static TempDir dir;
    static const std::string db = [] {
        const auto path = (dir / "db").string();
        const auto reuters = dir.write("reuters.jsonl", first_lines(shared_data("data/corpora/reuters21578.jsonl"), 1200));
        const auto awkward = dir.write("awkward.jsonl",
            R"({"id":"q1","title":"Grain \"deal\", at last","body":"First line of the grain story.\r\nSecond line, with a comma.\n\nThird, \"quoted\" line.","date":"1987-03-01","source":"Desk, Inc."})" "\n"
            R"({"id":"q2","title":"Grain tariffs: a =SUM(A1) title","body":"Grain, said the ministry, is not taxed.","source":"Desk"})" "\n"
            R"({"id":"q3","title":"Ünïcödé grain — 穀物","body":"Grain prices in Zürich rose, the exchange said.","date":"1987-03-02"})" "\n");
        const auto r = run_newsdesk({"index", "--db", path, reuters.string(), awkward.string()});
        if (r.exit_code != 0) FAIL("indexing failed: " << r.err);
        return path;
    }();
    return db;
}

json search_all(const std::string& db, const std::string& query, const std::string& sort) {
    return newsdesk_json({"search", "--db", db, "--json", "--limit", "100000", "--sort", sort, query});
}

} // namespace

TEST_CASE("export: --format csv --all lists every hit in search's order and ranks, each field as search gives it", "[cli][export]") {
    const auto& db = export_db();
    for (const auto* sort : {"relevance", "newest", "oldest"}) {
        INFO(sort);
        const auto expected = search_all(db, "oil OR trade OR grain", sort);
        REQUIRE(expected["total"].get<std::size_t>() > 200);
        const auto r = run_newsdesk({"search", "--db", db, "--format", "csv", "--all", "--sort", sort, "oil OR trade OR grain"});
        REQUIRE(r.exit_code == 0);
        const auto rows = parse_csv(r.out);
        REQUIRE(rows.size() == expected["total"].get<std::size_t>() + 1);
        CHECK(rows[0] == std::vector<std::string>{"rank", "score", "id", "date", "source", "url", "title", "language", "authors",
                                                  "dateline", "speakers", "organisations", "countries", "story"});
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const auto& hit = expected["hits"][i - 1];
            INFO("row " << i << ": " << hit["id"]);
            REQUIRE(rows[i].size() == 14);
            CHECK(rows[i][0] == std::to_string(hit["rank"].get<int>()));
            CHECK(std::abs(std::stod(rows[i][1]) - hit["score"].get<double>()) < 1e-4);
            CHECK(rows[i][2] == hit["id"]);
            CHECK(rows[i][3] == hit["date"]);
            CHECK(rows[i][4] == hit["source"]);
            CHECK(rows[i][6] == hit["title"]);
            CHECK(rows[i][7] == hit["language"]);
            CHECK(rows[i][10] == joined(hit["speakers"]));
            CHECK(rows[i][12] == joined(hit["countries"]));
            CHECK(rows[i][13] == hit["story"]);
        }
    }
}

TEST_CASE("an export quotes what CSV must, keeps text byte for byte, and gives bodies and snippets on request", "[cli][export]") {
    const auto& db = export_db();
    const auto r = run_newsdesk({"search", "--db", db, "--format", "csv", "--all", "--with", "body", "--with", "snippet", "id:q1 OR id:q2 OR id:q3"});
    REQUIRE(r.exit_code == 0);
    const auto rows = parse_csv(r.out);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].back() == "body");
    CHECK(rows[0][14] == "snippet");
    std::map<std::string, std::vector<std::string>> by_id;
    for (std::size_t i = 1; i < rows.size(); ++i) by_id[rows[i][2]] = rows[i];
    CHECK(by_id["q1"][6] == "Grain \"deal\", at last");
    CHECK(by_id["q1"][4] == "Desk, Inc.");
    // The body as the JSON Lines export gives it, byte for byte.
    const auto line = run_newsdesk({"search", "--db", db, "--format", "jsonl", "--with", "body", "id:q1"});
    CHECK(by_id["q1"][15] == json::parse(line.out)["body"].get<std::string>());
    CHECK(has(by_id["q1"][15], "Second line, with a comma."));
    CHECK(has(by_id["q1"][15], "Third, \"quoted\" line."));
    CHECK(by_id["q2"][6] == "Grain tariffs: a =SUM(A1) title");
    CHECK(by_id["q3"][6] == "Ünïcödé grain — 穀物");
    CHECK(has(by_id["q3"][15], "Zürich"));
    CHECK(!by_id["q2"][14].empty());   // the snippet, plain text
    CHECK(!has(by_id["q2"][14], "<mark>"));
    // The raw text: a quoted field's quotes doubled, records ended by CRLF.
    CHECK(has(r.out, "\"Grain \"\"deal\"\", at last\""));
    CHECK(r.out.ends_with("\r\n"));
}

TEST_CASE("export: --format jsonl gives a JSON object per line, the hit as search gives it, for the window --offset and --limit give", "[cli][export]") {
    const auto& db = export_db();
    const auto expected = newsdesk_json({"search", "--db", db, "--json", "--offset", "5", "--limit", "7", "--sort", "newest", "grain"});
    const auto r = run_newsdesk({"search", "--db", db, "--format", "jsonl", "--offset", "5", "--limit", "7", "--sort", "newest", "grain"});
    REQUIRE(r.exit_code == 0);
    std::istringstream lines(r.out);
    std::size_t n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
        const auto row = json::parse(line);
        REQUIRE(n < expected["hits"].size());
        auto hit = expected["hits"][n];
        hit.erase("snippet");   // on request only
        CHECK(row == hit);
    }
    CHECK(n == 7);
}

TEST_CASE("an export from shards lists what one database lists, in the order search gives there", "[cli][export][sharding]") {
    TempDir dir;
    const auto sharded = (dir / "sharded").string();
    const auto input = dir.write("reuters.jsonl", first_lines(shared_data("data/corpora/reuters21578.jsonl"), 600));
    REQUIRE(run_newsdesk({"index", "--db", sharded, "--shards", "3", input.string()}).exit_code == 0);
    const auto single = (dir / "single").string();
    REQUIRE(run_newsdesk({"index", "--db", single, input.string()}).exit_code == 0);
    const auto ids = [](const std::vector<std::vector<std::string>>& rows) {
        std::vector<std::string> out;
        for (std::size_t i = 1; i < rows.size(); ++i) out.push_back(rows[i][2]);
        return out;
    };
    for (const auto* sort : {"relevance", "oldest"}) {
        INFO(sort);
        const auto one = run_newsdesk({"search", "--db", single, "--format", "csv", "--all", "--sort", sort, "oil OR trade"});
        const auto three = run_newsdesk({"search", "--db", sharded, "--format", "csv", "--all", "--sort", sort, "oil OR trade"});
        REQUIRE(one.exit_code == 0);
        REQUIRE(three.exit_code == 0);
        const auto in_one = ids(parse_csv(one.out)), in_three = ids(parse_csv(three.out));
        REQUIRE(in_one.size() > 20);
        // The shards number articles otherwise, and equal scores are ordered by number: the
        // order is search's over the shards, the articles the same.
        std::vector<std::string> searched;
        const auto results = search_all(sharded, "oil OR trade", sort);
        for (const auto& hit : results["hits"]) searched.push_back(hit["id"]);
        CHECK(in_three == searched);
        CHECK(std::is_permutation(in_one.begin(), in_one.end(), in_three.begin(), in_three.end()));
    }
}

TEST_CASE("an export with no hits prints the header and exits 1, and options that do not apply are refused", "[cli][export]") {
    const auto& db = export_db();
    const auto none = run_newsdesk({"search", "--db", db, "--format", "csv", "--all", "nosuchwordanywhere"});
    CHECK(none.exit_code == 1);
    CHECK(none.out.starts_with("rank,score,id,"));
    CHECK(parse_csv(none.out).size() == 1);
    const auto empty = run_newsdesk({"search", "--db", db, "--format", "jsonl", "--all", "nosuchwordanywhere"});
    CHECK(empty.exit_code == 1);
    CHECK(empty.out.empty());
    const auto refused = [&](std::vector<std::string> args, const std::string& reason) {
        args.insert(args.begin(), {"search", "--db", db});
        check_refused(args, reason);
    };
    refused({"--format", "xml", "grain"}, "--format must be text, json, csv or jsonl, not 'xml'");
    refused({"--all", "grain"}, "--all and --with need --format csv or jsonl");
    refused({"--format", "csv", "--with", "quotes", "grain"}, "--with must be snippet or body, not 'quotes'");
    refused({"--format", "csv", "--facet", "speaker", "grain"}, "--collapse, --facet and --histogram do not apply");
    refused({"--format", "jsonl", "--json", "grain"}, "two formats");
}
