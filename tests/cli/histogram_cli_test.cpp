// End-to-end: timelines (issue: research workflows). `--histogram` counts the matches of every
// period between the first and the last, the undated apart; `--histogram-by` adds a series per
// top value of a facet; facets of languages and dates count the articles without one as
// "unknown". Checked against what the real articles' input says, and against the filters each
// count offers.
#include <chrono>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/run_program.hpp"
#include "support/shared_data.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

// Real articles: Reuters from 1987, Wikinews from 2019 and 2020 (both dated) and BBC (undated).
struct Timeline {
    std::string db;
    std::vector<json> articles;   // as given to the indexer
};

const Timeline& timeline() {
    static TempDir dir;
    static const Timeline built = [] {
        Timeline t;
        std::string lines;
        for (const auto& [corpus, n] : {std::pair{"reuters21578.jsonl", 1500}, {"bbc.jsonl", 300}, {"wikinews-2019-2020.jsonl", 293}}) {
            const auto part = first_lines(shared_data(std::string("data/corpora/") + corpus), n);
            std::istringstream in(part);
            for (std::string line; std::getline(in, line);) t.articles.push_back(json::parse(line));
            lines += part;
        }
        t.db = (dir / "db").string();
        const auto r = run_newsdesk({"index", "--db", t.db, dir.write("mixed.jsonl", lines).string()});
        if (r.exit_code != 0) FAIL("indexing failed: " << r.err);
        return t;
    }();
    return built;
}

json search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--db", timeline().db, "--json", "--limit", "0"});
    return newsdesk_json(args);
}

std::uint64_t total(const std::string& query) { return search({query})["total"].get<std::uint64_t>(); }

std::chrono::sys_days day_of(const std::string& iso) {
    int y = 0;
    unsigned m = 0, d = 0;
    char dash;
    std::istringstream(iso) >> y >> dash >> m >> dash >> d;
    return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// The periods a histogram lists, in order, and their counts.
std::vector<std::pair<std::string, std::uint64_t>> periods(const json& results) {
    std::vector<std::pair<std::string, std::uint64_t>> out;
    for (const auto& p : results["histogram"]) out.emplace_back(p["period"], p["count"]);
    return out;
}

} // namespace

TEST_CASE("a month histogram counts every article in its month, empty months included, the undated apart", "[cli][histogram]") {
    const auto& t = timeline();
    std::map<std::string, std::uint64_t> expected;   // from the input's own dates
    std::uint64_t undated = 0;
    for (const auto& a : t.articles) {
        if (a.contains("date")) ++expected[a["date"].get<std::string>().substr(0, 7)];
        else ++undated;
    }
    REQUIRE(undated == 300);
    const auto r = search({"--histogram", "month", ""});
    CHECK(r["histogram_interval"] == "month");
    CHECK(r["histogram_undated"]["count"] == undated);
    CHECK(r["histogram_undated"]["filter"] == "date:unknown");
    const auto months = periods(r);
    REQUIRE(!months.empty());
    CHECK(months.front().first == expected.begin()->first);
    CHECK(months.back().first == expected.rbegin()->first);
    // 1987-02 to 2020-12, every month once and in order: the years without articles are zeros.
    const auto month_number = [](const std::string& p) { return std::stoi(p.substr(0, 4)) * 12 + std::stoi(p.substr(5)) - 1; };
    CHECK(months.size() == static_cast<std::size_t>(month_number(months.back().first) - month_number(months.front().first) + 1));
    for (std::size_t i = 1; i < months.size(); ++i) CHECK(month_number(months[i].first) == month_number(months[i - 1].first) + 1);
    std::uint64_t sum = 0;
    for (const auto& [period, count] : months) {
        INFO(period);
        CHECK(count == (expected.count(period) ? expected[period] : 0));
        sum += count;
    }
    CHECK(sum + undated == r["total"].get<std::uint64_t>());
    // The undated filter selects exactly the undated.
    CHECK(total("date:unknown") == undated);
}

TEST_CASE("a histogram of a query counts what each period's filter finds, by day, week and year", "[cli][histogram]") {
    const std::string query = "oil OR election";
    const auto all = total(query);
    REQUIRE(all > 100);
    for (const auto* interval : {"day", "week", "year"}) {
        INFO(interval);
        const auto r = search({"--histogram", interval, query});
        const auto listed = periods(r);
        REQUIRE(listed.size() > 1);
        std::uint64_t sum = r["histogram_undated"]["count"].get<std::uint64_t>();
        for (const auto& [period, count] : listed) sum += count;
        CHECK(sum == all);
        CHECK(listed.front().second > 0);
        CHECK(listed.back().second > 0);
        // Each filter finds the period's count: the busiest periods, and an empty one.
        std::vector<std::pair<std::string, std::uint64_t>> checked(listed);
        std::stable_sort(checked.begin(), checked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        checked.resize(std::min<std::size_t>(checked.size(), 4));
        for (const auto& p : listed)
            if (p.second == 0) {
                checked.push_back(p);
                break;
            }
        for (const auto& [period, count] : checked) {
            INFO(period);
            CHECK(total("(" + query + ") date:" + period) == count);
        }
        if (std::string{interval} == "day") {   // every day from the first to the last
            const auto span = (day_of(listed.back().first) - day_of(listed.front().first)).count() + 1;
            CHECK(listed.size() == static_cast<std::size_t>(span));
        }
    }
    // ISO weeks: 26 February 1987 was a Thursday of week 9; the year 2020 had 53 weeks.
    const auto weeks = periods(search({"--histogram", "week", ""}));
    const auto has_week = [&](const std::string& w) {
        return std::any_of(weeks.begin(), weeks.end(), [&](const auto& p) { return p.first == w; });
    };
    CHECK(has_week("1987-W09"));
    CHECK(has_week("2020-W53"));
    CHECK(has_week("2021-W01") == (total("date:2021-01-04..") > 0));
    CHECK(total("date:1987-W09") == total("date:1987-02-23..1987-03-01"));
}

TEST_CASE("histogram series: one per top value of a facet, each counting what its filter finds", "[cli][histogram]") {
    const auto& t = timeline();
    // By source: the input says how many each has in each year.
    std::map<std::string, std::map<std::string, std::uint64_t>> per_source;
    std::map<std::string, std::uint64_t> undated_of;
    for (const auto& a : t.articles) {
        const std::string source = a["source"];
        if (a.contains("date")) ++per_source[source][a["date"].get<std::string>().substr(0, 4)];
        else ++undated_of[source];
    }
    const auto r = search({"--histogram", "year", "--histogram-by", "source", "--facet", "source", ""});
    CHECK(r["histogram_by"] == "source");
    const auto years = periods(r);
    REQUIRE(r["histogram_series"].size() == 3);
    for (const auto& series : r["histogram_series"]) {
        const std::string source = series["value"];
        INFO(source);
        REQUIRE(series["counts"].size() == years.size());
        for (std::size_t i = 0; i < years.size(); ++i) {
            INFO(years[i].first);
            const auto& counts = per_source[source];
            const auto found = counts.find(years[i].first);
            CHECK(series["counts"][i].get<std::uint64_t>() == (found == counts.end() ? 0 : found->second));
        }
        CHECK(series["undated"] == undated_of[source]);
        const auto facet = std::find_if(r["facets"]["source"].begin(), r["facets"]["source"].end(),
                                        [&](const json& v) { return v["value"] == source; });
        REQUIRE(facet != r["facets"]["source"].end());
        CHECK(series["count"] == (*facet)["count"]);
        CHECK(series["filter"] == (*facet)["filter"]);
    }

    // By speaker, on a query: the top five, best first, each summing to its facet count, and a
    // period's count is what the value's and the period's filters find together.
    const std::string query = "oil";
    const auto s = search({"--histogram", "month", "--histogram-by", "speaker", "--facet", "speaker", "--facet-limit", "5", query});
    const auto months = periods(s);
    REQUIRE(s["histogram_series"].size() == 5);
    for (std::size_t v = 0; v < 5; ++v) {
        const auto& series = s["histogram_series"][v];
        INFO(series["value"]);
        CHECK(series["value"] == s["facets"]["speaker"][v]["value"]);
        CHECK(series["count"] == s["facets"]["speaker"][v]["count"]);
        std::uint64_t sum = series["undated"].get<std::uint64_t>();
        std::size_t busiest = 0;
        for (std::size_t i = 0; i < months.size(); ++i) {
            sum += series["counts"][i].get<std::uint64_t>();
            CHECK(series["counts"][i] <= months[i].second);
            if (series["counts"][i] > series["counts"][busiest]) busiest = i;
        }
        CHECK(sum == series["count"].get<std::uint64_t>());
        CHECK(total(query + " " + series["filter"].get<std::string>() + " " + s["histogram"][busiest]["filter"].get<std::string>()) ==
              series["counts"][busiest].get<std::uint64_t>());
    }

    // The text output: a row per period, a column per series.
    const auto text = run_newsdesk({"search", "--db", t.db, "--limit", "0", "--histogram", "year", "--histogram-by", "source", ""});
    CHECK(text.exit_code == 0);
    CHECK(std::regex_search(text.out, std::regex("\nyear +matches +[A-Za-z]+ +[A-Za-z]+ +[A-Za-z]+\n")));
    CHECK(std::regex_search(text.out, std::regex("\nundated +300 ")));
}

TEST_CASE("facets count articles without a language or a date as unknown, which filters to them", "[cli][histogram][facets]") {
    const auto r = search({"--facet", "lang", "--facet", "year", "--facet", "month", "--facet-limit", "1000", ""});
    const auto all = r["total"].get<std::uint64_t>();
    for (const auto* facet : {"lang", "year", "month"}) {
        INFO(facet);
        std::uint64_t sum = 0;
        std::optional<json> unknown;
        for (const auto& v : r["facets"][facet]) {
            sum += v["count"].get<std::uint64_t>();
            if (v["value"] == "unknown") unknown = v;
        }
        CHECK(sum == all);   // every article is counted once
        REQUIRE(unknown);
        CHECK(total((*unknown)["filter"].get<std::string>()) == (*unknown)["count"].get<std::uint64_t>());
    }
    CHECK(r["facets"]["year"].back()["value"] == "unknown");   // after the periods
    CHECK(r["facets"]["year"].back()["count"] == 300);
    // Multi-valued facets have no such bucket: an article may name no country and still be about one.
    const auto c = search({"--facet", "country", "--facet-limit", "1000", ""});
    for (const auto& v : c["facets"]["country"]) CHECK(v["value"] != "unknown");
}

TEST_CASE("histogram requests the search cannot answer are refused with a reason", "[cli][histogram]") {
    const auto& db = timeline().db;
    const auto refused = [&](std::vector<std::string> args, const std::string& reason) {
        args.insert(args.begin(), {"search", "--db", db});
        check_refused(args, reason);
    };
    refused({"--histogram", "fortnight", "oil"}, "--histogram must be day, week, month or year, not 'fortnight'");
    refused({"--histogram-by", "speaker", "oil"}, "histogram_by needs a histogram");
    refused({"--histogram", "month", "--histogram-by", "year", "oil"}, "not of the period facet 'year'");
    refused({"--histogram", "month", "--histogram-by", "colour", "oil"}, "unknown facet 'colour'");
    refused({"date:2021-W53"}, "date:2021-W53: not a date");
}

TEST_CASE("a histogram over a span too long for its periods is refused, and the last year of the calendar ends it", "[cli][histogram]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    const auto input = dir.write("far.jsonl",
        R"({"id":"a","title":"Old","body":"An old report.","date":"1800-01-01"})" "\n"
        R"({"id":"b","title":"New","body":"A new report.","date":"2020-01-01"})" "\n"
        R"({"id":"c","title":"Last","body":"The last report.","date":"9999-12-31"})" "\n");
    REQUIRE(run_newsdesk({"index", "--db", db, input.string()}).exit_code == 0);
    const auto days = run_newsdesk({"search", "--db", db, "--histogram", "day", "report"});
    CHECK(days.exit_code == 2);
    CHECK(has(days.err, "the matches run from 1800-01-01 to 9999-12-31, more than 20000 days"));
    const auto years = newsdesk_json({"search", "--db", db, "--json", "--histogram", "year", "report"});
    REQUIRE(years["histogram"].size() == 9999 - 1800 + 1);
    CHECK(years["histogram"].back()["period"] == "9999");
    CHECK(years["histogram"].back()["count"] == 1);
}
