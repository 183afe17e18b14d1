// End-to-end: hostile queries to `newsdesk search` and `newsdesk quotes`. Each is either
// refused with exit code 2 and one line "newsdesk: bad query [at position N]: reason", or,
// where it is actually valid, answered (exit 0 or 1) -- never a crash, an uncaught error
// (exit 4) or a hang.
#include <chrono>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

// The sample archive and one article with 12,000 distinct words qzw0 ... qzw11999, for
// wildcards that expand to many words.
const std::string& hostile_db() {
    static TempDir dir;
    static const std::string db = [] {
        std::string body;
        for (int i = 0; i < 12000; ++i) body += "qzw" + std::to_string(i) + " ";
        const auto many = dir.write("many.jsonl", R"({"id":"many","title":"Many words","body":")" + body + "\"}\n");
        const auto path = (dir / "db").string();
        const auto r = run_newsdesk({"index", "--db", path, sample_dir().string(), many.string()});
        if (r.exit_code != 0) FAIL("indexing failed: " << r.err);
        return path;
    }();
    return db;
}

struct Asked {
    Run run;
    double seconds = 0;
};

// `command` (search or quotes) with --db and --json, then `args`.
Asked ask(const std::string& command, std::vector<std::string> args) {
    args.insert(args.begin(), {command, "--db", hostile_db(), "--json"});
    const auto started = std::chrono::steady_clock::now();
    Asked a{run_newsdesk(args), 0};
    a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return a;
}
Asked search(std::vector<std::string> args) { return ask("search", std::move(args)); }

// Refused: exit 2, one line naming the problem and, when `position` > 0, where it is.
void check_refused(const Asked& a, const std::string& reason, std::size_t position = 0) {
    INFO("stderr: " << a.run.err);
    CHECK(a.run.exit_code == 2);
    CHECK(a.run.out.empty());
    CHECK(a.run.err.find('\n') == a.run.err.size() - 1);   // one line
    CHECK(a.run.err.starts_with(position ? "newsdesk: bad query at position " + std::to_string(position) + ": "
                                         : std::string("newsdesk: bad query")));
    CHECK(has(a.run.err, reason));
    CHECK(a.seconds < 5);
}

// Answered: exit 0 (hits) or 1 (none), a JSON object; returns it.
json check_answered(const Asked& a) {
    INFO("stderr: " << a.run.err);
    CHECK((a.run.exit_code == 0 || a.run.exit_code == 1));
    CHECK(a.run.err.empty());
    CHECK(a.seconds < 5);
    auto j = json::parse(a.run.out, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    CHECK(a.run.exit_code == (j["total"].get<int>() > 0 ? 0 : 1));
    return j;
}

struct Refusal {
    std::string query;
    // 1-based; 0 when the parser cannot tell: the field processors' errors (dates, countries,
    // names) come through Xapian's parser without one, as tests/unit/query_parser_test.cpp wants.
    std::size_t position;
    std::string reason;
};

void check_all(const std::vector<Refusal>& cases, const std::string& command = "search") {
    for (const auto& c : cases) {
        INFO(command << " query: " << c.query);
        check_refused(ask(command, {c.query}), c.reason, c.position);
    }
}

} // namespace

TEST_CASE("hostile queries: unbalanced quotes and brackets", "[cli][hostile]") {
    check_all({{"\"oil", 1, "'\"' opens a phrase that is never closed"},
               {"oil \"gas", 5, "'\"' opens a phrase that is never closed"},
               {"\"", 1, "'\"' opens a phrase that is never closed"},
               {"(oil", 1, "'(' is never closed"},
               {"((oil) OR gas", 1, "'(' is never closed"},
               {"oil)", 4, "')' without a matching '('"},
               {"oil)(", 4, "')' without a matching '('"},
               {"(", 1, "'(' is never closed"},
               {")", 1, "')' without a matching '('"}});
    check_all({{"\"oil", 1, "never closed"}, {"(oil", 1, "never closed"}}, "quotes");
    // Valid: brackets inside a phrase are words' punctuation; an empty phrase matches nothing.
    check_answered(search({"\"a (b\" c"}));
    CHECK(check_answered(search({"\"\""}))["total"] == 0);
}

TEST_CASE("hostile queries: unknown fields and empty field values", "[cli][hostile]") {
    check_all({{"foo:bar", 1, "unknown field 'foo:' (fields: id, title, "},
               {"oil Title:x", 5, "unknown field 'Title:'"},
               {"speaker:", 1, "'speaker:' needs a value right after the colon"},
               {"oil speaker:", 5, "'speaker:' needs a value"},
               {"(oil OR speaker:)", 9, "'speaker:' needs a value"},
               {"title: election", 1, "'title:' needs a value"},
               {"date:", 1, "'date:' needs a value"},
               {"speaker:\"\"", 0, "speaker: needs a name"},
               {"country:\"\"", 0, "country: needs a country (a name or ISO code)"},
               {"oil country:zz", 0, "country:zz: unknown country"}});
    check_all({{"verb:", 1, "'verb:' needs a value"}}, "quotes");
    // Valid: a colon after a word that is no field, and a URL, are text.
    check_answered(search({"oil:"}));
    check_answered(search({"http://example.com/x"}));
    check_answered(search({"source:\"\""}));   // an exact empty value: no article has it
}

TEST_CASE("hostile queries: invalid dates and ranges", "[cli][hostile]") {
    check_all({{"date:2021-05-40..", 0, "date:2021-05-40: not a date (use YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD, or unknown)"},
               {"oil date:b..a", 0, "date:b: not a date"},
               {"date:2021..2020", 0, "date:2021..2020: the range ends before it begins"},
               {"date:2021-05-31..2021-05-01", 0, "the range ends before it begins"},
               {"date:..", 0, "date:..: give at least one end of the range"},
               {"date:2021-13", 0, "date:2021-13: not a date"},
               {"date:2021-02-29", 0, "date:2021-02-29: not a date"},
               {"date:0000-00-00", 0, "not a date"},
               {"date:20210101", 0, "not a date"}});
    check_answered(search({"date:2020-02-29"}));   // a leap day
    check_answered(search({"date:2021-05-01..2021-05-01"}));
    check_answered(search({"date:..1900"}));
}

TEST_CASE("hostile queries: lone operators", "[cli][hostile]") {
    check_all({{"AND", 0, "AND"}, {"OR", 0, "OR"}, {"NOT", 0, "NOT"}, {"oil AND", 0, "AND"}, {"AND oil", 0, "AND"},
               {"oil XOR", 0, "XOR"}});
    check_all({{"OR", 0, "OR"}}, "quotes");
    // Valid: a pure NOT, and operators' characters that are no operators.
    CHECK(check_answered(search({"NOT", "oil"}))["total"].get<int>() > 0);
    for (const char* q : {"+", "-", "*", "+oil", ":", "::", "\\", "#", "%s%n", "NEAR", "oil NEAR/3", "oil ADJ/0 gas"}) {
        INFO(q);
        check_answered(search({"--", q}));
    }
}

TEST_CASE("hostile queries: control characters and invalid UTF-8", "[cli][hostile]") {
    check_all({{"oil\x01gas", 4, "control character U+0001 in the query"},
               {"\x07", 1, "control character U+0007"},
               {"oil \x1b[31m", 5, "control character U+001B"},
               {"\x7f", 1, "control character U+007F"},
               {"\xff\xfe", 1, "not valid UTF-8"},
               {"oil \xc3", 5, "not valid UTF-8"},
               {"speaker:\xff", 9, "not valid UTF-8"},
               {"\"caf\xe9\"", 5, "not valid UTF-8"}});
    check_all({{"\xff", 1, "not valid UTF-8"}}, "quotes");
    // Tabs and line breaks, as pasted text brings them, separate words.
    const auto spaced = check_answered(search({"oil gas"}));
    CHECK(check_answered(search({"oil\tgas"}))["total"] == spaced["total"]);
    CHECK(check_answered(search({"oil\r\ngas"}))["total"] == spaced["total"]);
}

TEST_CASE("hostile queries: huge queries are refused or answered in bounded time", "[cli][hostile]") {
    // More than 1000 words is refused (Xapian's parser takes time growing with the square of
    // an OR chain: 10,000 terms took 3 s, 40,000 over 2 minutes).
    std::string words, ors;
    for (int i = 0; i < 10000; ++i) words += (i ? " harbour" : "harbour") + std::to_string(i);
    REQUIRE(words.size() > 100000);
    for (int i = 0; i < 10000; ++i) ors += (i ? " OR w" : "w") + std::to_string(i);
    check_refused(search({words}), "too long: more than 1000 words");
    check_refused(search({ors}), "too long: more than 1000 words");
    check_refused(ask("quotes", {words}), "too long: more than 1000 words");
    std::vector<std::string> args;   // the same over many arguments, which the command joins
    for (int i = 0; i < 2000; ++i) args.push_back("w" + std::to_string(i));
    check_refused(search(args), "too long: more than 1000 words", 3*10 + 4*90 + 5*900 + 1);

    // Every separator the parser reads counts: commas (5,000 words took minutes through the
    // server), a no-break space, an ideographic space.
    for (const std::string separator : {",", "\u00A0", "\u3000", ")("}) {
        INFO("separator: " << separator);
        std::string said = separator == ")(" ? "(" : "";
        for (int i = 0; i < 5000; ++i) said += (i ? separator : "") + "said";
        if (separator == ")(") said += ")";
        check_refused(search({said}), "too long: more than 1000 words", said.find("said") + 1000 * (4 + separator.size()) + 1);
    }

    std::string ors_500;   // 999 words: answered
    for (int i = 0; i < 500; ++i) ors_500 += (i ? " OR qzw" : "qzw") + std::to_string(i);
    CHECK(check_answered(search({ors_500}))["total"] == 1);
    CHECK(check_answered(search({std::string(100000, 'x')}))["total"] == 0);   // one word over the term limit
    const auto oil = check_answered(search({"oil"}))["total"];
    CHECK(check_answered(search({std::string(50000, '(') + "oil" + std::string(50000, ')')}))["total"] == oil);
    std::string phrase = "\"";
    for (int i = 0; i < 999; ++i) phrase += "oil ";
    check_answered(search({phrase + "\""}));
}

TEST_CASE("hostile queries: wildcards that expand to too many words are refused", "[cli][hostile]") {
    // qzw* expands to 12,000 words; the wildcards of one query may expand to 10,000 in all
    // (Xapian took 2.5 minutes for 200,000).
    check_refused(search({"qzw*"}), "'qzw*' matches too many words (the wildcards of a query may expand to 10000 in all): "
                                    "give more letters", 1);
    check_refused(search({"oil OR (QZW*)"}), "matches too many words", 9);
    check_refused(ask("quotes", {"qzw*"}), "matches too many words", 1);
    std::string together;   // qzw1* is 3111 words, qzw2* to qzw9* 1111 each: qzw8* goes over
    for (int d = 1; d <= 9; ++d) together += (d > 1 ? " OR qzw" : "qzw") + std::to_string(d) + "*";
    check_refused(search({together}), "'qzw8*' matches too many words", 1 + 7 * 9);
    // However the wildcards are separated (two 450-byte queries took 107 s each).
    for (const std::string separator : {",", ")(", "\u00A0", "\u3000", ";"}) {
        INFO("separator: " << separator);
        std::string q = separator == ")(" ? "(" : "";
        for (int d = 1; d <= 9; ++d) q += (d > 1 ? separator : "") + "qzw" + std::to_string(d) + "*";
        if (separator == ")(") q += ")";
        check_refused(search({q}), "'qzw8*' matches too many words", q.find("qzw8*") + 1);
        check_refused(ask("quotes", {q}), "'qzw8*' matches too many words", q.find("qzw8*") + 1);
    }
    CHECK(check_answered(search({"qzw1*"}))["total"] == 1);
    CHECK(check_answered(search({"title:many*"}))["total"] == 1);
    CHECK(check_answered(search({"\"qzw* many\""}))["total"] == 0);   // no wildcard inside a phrase
    CHECK(check_answered(search({"a*"}))["total"].get<int>() > 1);     // the sample's a-words are few
    check_answered(ask("quotes", {"a*"}));
}

TEST_CASE("hostile queries: --deadline bounds a search's time", "[cli][hostile]") {
    const auto plain = check_answered(search({"oil"}));
    CHECK(check_answered(search({"--deadline", "30", "oil"}))["total"] == plain["total"]);
    CHECK(check_answered(ask("quotes", {"--deadline", "30", "oil"}))["total"].is_number());
    for (const char* bad : {"0", "-1", "3601", "soon"}) {
        INFO(bad);
        const auto r = search({"--deadline", bad, "oil"});
        CHECK(r.run.exit_code == 2);
        CHECK(r.run.err.starts_with("newsdesk: "));
    }
}

TEST_CASE("hostile queries: paging and facet options", "[cli][hostile]") {
    const auto all = check_answered(search({"--limit", "1000000000", "oil"}));
    const auto total = all["total"].get<int>();
    REQUIRE(total > 1);
    CHECK(all["hits"].size() == static_cast<std::size_t>(total));
    const auto beyond = check_answered(search({"--offset", "1000000000", "oil"}));
    CHECK(beyond["total"] == total);
    CHECK(beyond["hits"].empty());
    const auto none = check_answered(search({"--limit", "0", "oil"}));
    CHECK(none["total"] == total);
    CHECK(none["hits"].empty());
    CHECK(check_answered(search({"--facet", "speaker", "--facet-limit", "0", "oil"}))["facets"]["speaker"].empty());

    const auto facet = search({"--facet", "nope", "oil"});
    CHECK(facet.run.exit_code == 2);
    CHECK(facet.run.err == "newsdesk: unknown facet 'nope' (facets: speaker, person, organisation, country, focus, "
                           "dateline_country, source, lang, dateline, year, month, verb)\n");
    CHECK(ask("quotes", {"--facet", "", "oil"}).run.exit_code == 2);
    for (const auto& bad : std::vector<std::vector<std::string>>{{"--limit", "99999999999999999999999", "oil"},
                                                                 {"--limit", "ten", "oil"},
                                                                 {"--offset", "", "oil"},
                                                                 {"--sort", "sideways", "oil"},
                                                                 {"-oil"}}) {   // an option to the parser: `-- -oil` searches
        INFO(bad.front());
        const auto r = search(bad);
        CHECK(r.run.exit_code == 2);
        CHECK(r.run.err.starts_with("newsdesk: "));
    }
    check_answered(search({"--", "-oil"}));
}

// Known gap, kept visible: Boost.Program_options reads "-1" into the unsigned --limit and
// --offset as 2^64-1, so `--limit -1` shows every hit and `--offset -1` an empty page. They
// should be refused (exit 2) in cli/search_command.cpp, which this test's author does not own.
TEST_CASE("hostile queries: negative or huge --limit and --offset are refused", "[cli][hostile]") {
    CHECK(search({"--limit", "-1", "oil"}).run.exit_code == 2);
    CHECK(search({"--limit", "99999999999", "oil"}).run.exit_code == 2);
    CHECK(search({"--offset", "5000000000", "oil"}).run.exit_code == 2);
    CHECK(search({"--offset", "-1", "oil"}).run.exit_code == 2);
    CHECK(ask("quotes", {"--limit", "-5", "oil"}).run.exit_code == 2);
}
