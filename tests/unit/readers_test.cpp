#include <catch2/catch.hpp>

#include "schema/date.hpp"
#include "text/unicode.hpp"
#include "indexer/readers/input_files.hpp"
#include "indexer/readers/jsonl_reader.hpp"
#include "indexer/readers/text_article_reader.hpp"
#include "support/gzip.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::TempDir;

namespace {

struct Collected {
    std::vector<Article> articles;
    std::vector<InputProblem> problems;
};

Collected read_all(const std::vector<std::filesystem::path>& paths, std::optional<Format> format = std::nullopt) {
    Collected c;
    const auto scan = scan_inputs(paths, format);
    c.problems = scan.problems;
    ReadHandlers h;
    h.article = [&](Article&& a) { c.articles.push_back(std::move(a)); return true; };
    h.problem = [&](const InputProblem& p) { c.problems.push_back(p); return true; };
    for (const auto& f : scan.files) read_file(f, h);
    return c;
}

void write_gzip(const std::filesystem::path& p, const std::string& content, std::size_t keep = std::string::npos) {
    auto packed = newsdesk::testing::gzip_member(content);
    if (keep != std::string::npos) packed.resize(keep);
    std::ofstream(p, std::ios::binary) << packed;
}

} // namespace

TEST_CASE("JSON lines give articles with every known field", "[readers]") {
    const auto r = parse_json_line(
        R"({"id":"a1","title":"T","text":"B","date":"2021-05-16T09:30:00Z","source":"S","url":"u",)"
        R"("language":"en-GB","authors":"One Writer","speakers":["X Y"],"countries":["TR"],"extra":{"x":1}})");
    REQUIRE(r.article);
    CHECK(r.article->id == "a1");
    CHECK(r.article->body == "B");
    CHECK(r.article->date == "2021-05-16");
    CHECK(r.article->authors == std::vector<std::string>{"One Writer"});
    CHECK(r.article->speakers == std::vector<std::string>{"X Y"});
    CHECK(r.article->countries == std::vector<std::string>{"TR"});
    CHECK(r.article->language == "en-GB");
    CHECK(parse_json_line(R"({"id": 42, "body": "x"})").article->id == "42");
}

TEST_CASE("bad JSON lines are refused with the reason", "[readers]") {
    CHECK(parse_json_line(R"({"title": "x")").problem.starts_with("malformed JSON"));
    CHECK(parse_json_line(R"([1,2])").problem == "not a JSON object");
    CHECK(parse_json_line(R"({"date": 5, "body": "x"})").problem == "field \"date\" should be a string");
    CHECK(parse_json_line(R"({"speakers": "x", "body": "x"})").article);   // one name is a fine shorthand
    CHECK(parse_json_line(R"({"speakers": [1], "body": "x"})").problem == "field \"speakers\" should be a list of strings");
    CHECK(parse_json_line(R"({"date": "2021-02-30", "body": "x"})").problem.find("not an ISO 8601 date") != std::string::npos);
    CHECK(parse_json_line(R"({"id": "x"})").problem == "no title and no body");
    CHECK(parse_json_line("{\"body\": \"bad \xff\"}").problem == "not valid UTF-8");
}

TEST_CASE("a JSON Lines file reports bad lines by number and keeps the rest", "[readers]") {
    TempDir dir;
    const auto file = dir.write("feed.jsonl", "{\"id\":\"a\",\"body\":\"one\"}\n\n{broken\n{\"body\":\"three\"}\r\n");
    const auto c = read_all({file});
    REQUIRE(c.articles.size() == 2);
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].location == file.string() + ":3");
    CHECK(c.articles[1].id == "feed.jsonl:4");   // no id: derived from file name and line
    CHECK(c.articles[1].body == "three");
}

TEST_CASE("gzip input is read, and a truncated one reported", "[readers]") {
    TempDir dir;
    std::string lines;
    for (int i = 0; i < 2000; ++i) lines += R"({"id":")" + std::to_string(i) + R"(","body":"article text number )" + std::to_string(i) + "\"}\n";
    write_gzip(dir / "whole.jsonl.gz", lines);
    CHECK(read_all({dir / "whole.jsonl.gz"}).articles.size() == 2000);
    write_gzip(dir / "cut.jsonl.gz", lines, 3000);
    const auto cut = read_all({dir / "cut.jsonl.gz"});
    CHECK(cut.articles.size() < 2000);
    REQUIRE(cut.problems.size() == 1);
    CHECK(cut.problems[0].message.find("truncated") != std::string::npos);
}

TEST_CASE("empty, missing and unknown files are problems, and directories are walked", "[readers]") {
    TempDir dir;
    dir.write("a/empty.jsonl", "");
    dir.write("a/b/one.txt", "Nairobi (MW) \u2013 The council met on Monday. It agreed.\n\nMore text.");
    dir.write("a/notes.md", "not an article");
    const auto scan = scan_inputs({dir / "a"}, std::nullopt);
    CHECK(scan.files.size() == 2);
    CHECK(scan.ignored == 1);
    const auto c = read_all({dir / "a", dir / "missing.jsonl", dir / "a/notes.md"});
    CHECK(c.articles.size() == 1);
    REQUIRE(c.problems.size() == 3);
    CHECK(c.problems[0].message == "no such file or directory");
    CHECK(c.problems[1].message.starts_with("unknown file type"));
    CHECK(c.problems[2].message == "empty file");
}

TEST_CASE("text articles: dateline, agency, title from the first sentence, link lists cut", "[readers]") {
    const auto a = parse_text_article(
        "Ankara (KN) \u2013 Turkey's trade minister said on Monday that exports rose. Officials agreed.\n\n"
        "Second paragraph with Mr. Smith.\n\n\nRead more: \n\nMinister visits Moldova\n\nOther headline\n");
    CHECK(a.dateline == "Ankara");
    CHECK(a.source == "KN");
    CHECK(a.title == "Turkey's trade minister said on Monday that exports rose.");
    CHECK(a.body.find("Moldova") == std::string::npos);
    CHECK(a.body.find("Second paragraph") != std::string::npos);

    const auto titled = parse_text_article("Council approves budget\n\nWASHINGTON, May 16 (Reuters) - The council voted.");
    CHECK(titled.title == "Council approves budget");
    CHECK(titled.dateline == "WASHINGTON");
    CHECK(titled.source == "Reuters");

    std::string chinese;
    for (int i = 0; i < 120; ++i) chinese += "中";   // 360 bytes, no space
    const auto unspaced = parse_text_article(chinese + "\u3002\n\nMore.");
    CHECK(text::valid_utf8(unspaced.title));
    CHECK(unspaced.title.size() <= 200 + 3);

    const auto plain = parse_text_article("Mr. J. Smith arrived in the capital today. He spoke.");
    CHECK(plain.title == "Mr. J. Smith arrived in the capital today.");
    CHECK(plain.dateline.empty());
}

TEST_CASE("text files: id from the name, bad bytes reported with their line", "[readers]") {
    TempDir dir;
    dir.write("001_abc.txt", "Lima (HT) \u2013 Something happened.");
    dir.write("bad.txt", "line one\nline two \xff\n");
    dir.write("binary.txt", std::string("ab\0cd", 5));
    const auto c = read_all({dir / "001_abc.txt", dir / "bad.txt", dir / "binary.txt"});
    REQUIRE(c.articles.size() == 1);
    CHECK(c.articles[0].id == "001_abc");
    REQUIRE(c.problems.size() == 2);
    CHECK(c.problems[0].to_string() == (dir / "bad.txt").string() + ":2: not valid UTF-8");
    CHECK(c.problems[1].message.find("binary") != std::string::npos);
}

TEST_CASE("ISO dates", "[readers]") {
    CHECK(iso_date("2021-05-16") == "2021-05-16");
    CHECK(iso_date("2020-02-29T23:59:59+03:00") == "2020-02-29");
    CHECK(iso_date("2021-05-16 08:00") == "2021-05-16");
    CHECK_FALSE(iso_date("2021-02-29"));
    CHECK_FALSE(iso_date("2021-13-01"));
    CHECK_FALSE(iso_date("16/05/2021"));
    CHECK_FALSE(iso_date("2021-05-16x"));
}

TEST_CASE("the date slot's encoding, to and from calendar dates and periods", "[readers][dates]") {
    CHECK(date_value("2021-05-16") == "20210516");
    CHECK(date_value("2021-05") == "202105");
    CHECK(date_value("").empty());
    CHECK(period_of("20210516", Period::Day) == "2021-05-16");
    CHECK(period_of("20210516", Period::Month) == "2021-05");
    CHECK(period_of("20210516", Period::Year) == "2021");
    CHECK(period_of(date_value("1999-12-31"), Period::Day) == "1999-12-31");
    CHECK(period_of("2021", Period::Month).empty());
    CHECK(period_of("", Period::Year).empty());
}

TEST_CASE("periods: ISO weeks, each period's days and the period after it", "[readers][dates]") {
    // A week belongs to the year of its Thursday.
    CHECK(period_of("20210101", Period::Week) == "2020-W53");
    CHECK(period_of("20210103", Period::Week) == "2020-W53");
    CHECK(period_of("20210104", Period::Week) == "2021-W01");
    CHECK(period_of("20181231", Period::Week) == "2019-W01");
    CHECK(period_of("19870226", Period::Week) == "1987-W09");
    CHECK(period_of("202105", Period::Week).empty());
    CHECK(period_days("2021-W19") == std::pair<std::string, std::string>{"20210510", "20210516"});
    CHECK(period_days("2020-W53") == std::pair<std::string, std::string>{"20201228", "20210103"});
    CHECK_FALSE(period_days("2021-W53"));   // 2021 has 52 weeks
    CHECK_FALSE(period_days("2021-W00"));
    CHECK(period_days("2024-02") == std::pair<std::string, std::string>{"20240201", "20240229"});
    CHECK(period_days("2023-02") == std::pair<std::string, std::string>{"20230201", "20230228"});
    CHECK(period_days("1999") == std::pair<std::string, std::string>{"19990101", "19991231"});
    CHECK(period_days("2021-05-16") == std::pair<std::string, std::string>{"20210516", "20210516"});
    CHECK_FALSE(period_days("2021-13"));
    CHECK_FALSE(period_days("2021-02-30"));
    CHECK_FALSE(period_days("unknown"));
    CHECK(next_period("2021-12", Period::Month) == "2022-01");
    CHECK(next_period("2020-W53", Period::Week) == "2021-W01");
    CHECK(next_period("2020-02-28", Period::Day) == "2020-02-29");
    CHECK(next_period("1999", Period::Year) == "2000");
    CHECK(next_period("nonsense", Period::Day).empty());
}

TEST_CASE("ISO dates: the time of day and the zone offset are checked too", "[readers]") {
    for (const char* good : {"2021-01-01T00:00", "2021-01-01T23:59:59Z", "2016-12-31T23:59:60Z",
                             "2021-01-01T12:00:00.123456", "2021-01-01T12:00:00,5-03:30", "2021-01-01t12:00z",
                             "2021-01-01T12:00+0530", "2021-01-01T12:00:00-08", "2021-01-01 08:00:00+23:59"}) {
        INFO(good);
        CHECK(iso_date(good) == std::string_view{good}.substr(0, 10));
    }
    for (const char* bad : {"2021-01-01T25:61:61Z", "2021-01-01T24:00", "2021-01-01T12:60", "2021-01-01T12:00:61",
                            "2021-01-01T", "2021-01-01T9:00", "2021-01-01T12", "2021-01-01T12:00:00.",
                            "2021-01-01T12:00+24:00", "2021-01-01T12:00+05:60", "2021-01-01T12:00+05:", "2021-01-01T12:00 UTC",
                            "2021-01-01T12:00:00Zjunk"}) {
        INFO(bad);
        CHECK_FALSE(iso_date(bad));
    }
}

TEST_CASE("JSON lines: an escaped NUL (u+0000) and a language that is no language code are refused", "[readers]") {
    CHECK(parse_json_line(R"({"title": "x", "body": "a\u0000b"})").problem ==
          "field \"body\" holds a NUL character (\\u0000)");
    CHECK(parse_json_line(R"({"body": "x", "authors": ["A\u0000"]})").problem ==
          "field \"authors\" holds a NUL character (\\u0000)");
    CHECK(parse_json_line(R"({"body": "x", "speakers": "\u0000"})").problem ==
          "field \"speakers\" holds a NUL character (\\u0000)");
    CHECK(parse_json_line(R"({"body": "a\u0001b"})").article);   // other control characters are text
    for (const char* good : {"en", "EN", "fas", "pt-BR", "en_GB", "zh-Hant-TW", "sl-rozaj-biske", "de-CH-1901"}) {
        INFO(good);
        CHECK(parse_json_line(std::string(R"({"body": "x", "language": ")") + good + "\"}").article);
    }
    const std::string long_tag(100000, 'a');
    for (const std::string& bad : {std::string("/etc/passwd"), std::string("e"), std::string("engl"), std::string("en-"),
                                   std::string("en--GB"), std::string("en-abcdefghi"), std::string("en GB"), long_tag,
                                   std::string("en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd")}) {
        INFO(bad.substr(0, 40));
        const auto r = parse_json_line(R"({"body": "x", "language": ")" + bad + "\"}");
        CHECK_FALSE(r.article);
        CHECK(r.problem.starts_with("field \"language\" is not a language code such as en or pt-BR: \""));
        CHECK(r.problem.size() < 200);   // the value is cut short in the message
    }
}
