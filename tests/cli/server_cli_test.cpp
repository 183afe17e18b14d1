// End-to-end: the real `newsdesk serve` on a free loopback port, against the sample archive
// indexed by the real program, asked through httplib's client.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <chrono>
#include <csignal>
#include <cstring>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/server_process.hpp"
#include "support/gzip.hpp"
#include "support/shared_data.hpp"

using namespace newsdesk::testing;
using nlohmann::json;

namespace {

std::string index_sample(const TempDir& dir) {
    const auto db = (dir / "db").string();
    const auto r = run_newsdesk({"index", "--db", db, sample_dir().string()});
    if (r.exit_code != 0) FAIL("indexing the sample failed: " << r.err);
    return db;
}

json get_json(httplib::Client& client, const std::string& path, const httplib::Params& params, int status = 200) {
    const auto res = client.Get(path, params, httplib::Headers{});
    REQUIRE(res);
    INFO(path << " -> " << res->body);
    CHECK(res->status == status);
    CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    return json::parse(res->body);
}

std::string percent_encoded(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

json cli_json(std::vector<std::string> args) {
    args.push_back("--json");
    return newsdesk_json(args);
}

} // namespace

TEST_CASE("server: /api/search, /api/quotes and /api/info answer the CLI's JSON", "[server]") {
    TempDir dir;
    const auto db = index_sample(dir);
    Server server(db);
    auto client = server.client();

    const auto same = [&](const std::string& api, const std::string& command, const httplib::Params& params,
                          std::vector<std::string> args) {
        args.insert(args.begin(), {command, "--db", db});
        const auto expected = cli_json(args);
        const auto actual = get_json(client, api, params);
        INFO(api << " " << actual.dump().substr(0, 300));
        CHECK(actual == expected);
        return actual;
    };
    const auto r = same("/api/search", "search", {{"q", "minister"}, {"facet", "speaker"}, {"facet", "country"}, {"facet", "year"}},
                        {"--facet", "speaker", "--facet", "country", "--facet", "year", "minister"});
    CHECK(r["total"].get<int>() > 10);
    CHECK(r["hits"].size() == 10);
    same("/api/search", "search",
         {{"q", "\"maximum pressure\" OR sanction*"}, {"sort", "newest"}, {"limit", "5"}, {"offset", "3"},
          {"facet", "source"}, {"facet_limit", "3"}},
         {"--sort", "newest", "--limit", "5", "--offset", "3", "--facet", "source", "--facet-limit", "3",
          "\"maximum pressure\" OR sanction*"});
    same("/api/search", "search", {}, {""});   // no query: every article
    const auto collapsed = same("/api/search", "search", {{"collapse", "story"}, {"facet", "source"}},
                                {"--collapse", "--facet", "source", ""});
    CHECK(collapsed.contains("stories"));
    get_json(client, "/api/search", {{"collapse", "source"}}, 400);
    const auto timeline = same("/api/search", "search",
                               {{"q", "minister"}, {"histogram", "month"}, {"histogram_by", "speaker"}, {"histogram_series", "3"}},
                               {"--histogram", "month", "--histogram-by", "speaker", "--histogram-series", "3", "minister"});
    CHECK(timeline["histogram_series"].size() == 3);
    const auto searched = same("/api/search", "search", {{"q", "minister"}, {"facet_search", "speaker=ka"}},
                               {"--facet-search", "speaker=ka", "minister"});
    CHECK(searched["facet_search"]["speaker"].size() > 0);
    get_json(client, "/api/search", {{"facet_search", "speakerka"}}, 400);
    get_json(client, "/api/search", {{"facet_search", "year=20"}}, 400);
    const auto misspelt = same("/api/search", "search", {{"q", "ministre"}}, {"ministre"});
    CHECK(misspelt["suggestion"] == "minister");
    get_json(client, "/api/search", {{"histogram", "decade"}}, 400);
    get_json(client, "/api/search", {{"histogram", "year"}, {"histogram_by", "colour"}}, 400);
    get_json(client, "/api/search", {{"histogram_by", "speaker"}}, 400);
    same("/api/search", "search", {{"q", "nothingmatchesthisword"}}, {"nothingmatchesthisword"});
    same("/api/quotes", "quotes", {{"q", "said"}, {"facet", "speaker"}}, {"--facet", "speaker", "said"});
    same("/api/info", "info", {}, {});
}

TEST_CASE("server: /api/export streams the CLI's rows in chunks, and refuses what does not apply", "[server][export]") {
    TempDir dir;
    const auto db = index_sample(dir);
    Server server(db);
    auto client = server.client();
    const auto same = [&](const httplib::Params& params, std::vector<std::string> args) {
        args.insert(args.begin(), {"search", "--db", db});
        const auto expected = run_newsdesk(args);
        const auto res = client.Get("/api/export", params, httplib::Headers{});
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Transfer-Encoding") == "chunked");
        CHECK(res->body == expected.out);
        return *res;
    };
    // Every article with its body: more than one piece of 64 KB.
    const auto all = same({{"q", ""}, {"format", "csv"}, {"with", "body"}}, {"--format", "csv", "--all", "--with", "body", ""});
    CHECK(all.body.size() > 64 * 1024);
    CHECK(all.get_header_value("Content-Type") == "text/csv; charset=utf-8; header=present");
    CHECK(has(all.get_header_value("Content-Disposition"), "attachment; filename=\"newsdesk-export.csv\""));
    const auto csv = same({{"q", "minister"}, {"sort", "oldest"}}, {"--format", "csv", "--all", "--sort", "oldest", "minister"});
    CHECK(std::count(csv.body.begin(), csv.body.end(), '\n') > 20);
    same({{"q", "minister"}, {"format", "jsonl"}, {"with", "snippet"}, {"offset", "3"}, {"limit", "4"}},
         {"--format", "jsonl", "--with", "snippet", "--offset", "3", "--limit", "4", "minister"});
    same({{"q", "nosuchwordanywhere"}}, {"--format", "csv", "--all", "nosuchwordanywhere"});   // the header alone
    get_json(client, "/api/export", {{"format", "xml"}}, 400);
    get_json(client, "/api/export", {{"facet", "speaker"}}, 400);
    get_json(client, "/api/export", {{"with", "quotes"}}, 400);
    const auto bad = get_json(client, "/api/export", {{"q", "speaker:"}}, 400);
    CHECK(has(bad["error"].get<std::string>(), "bad query"));
    // HTTP/1.0 has no chunks: the body is the rows, ended by the end of the connection.
    {
        RawConnection old(server.port());
        old.send_text("GET /api/export?q=minister HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
        REQUIRE(old.closed_by_server(std::chrono::seconds(10)));
        const auto& answer = old.answer();
        const auto body = answer.find("\r\n\r\n");
        REQUIRE(body != std::string::npos);
        CHECK(answer.substr(body + 4) == run_newsdesk({"search", "--db", db, "--format", "csv", "--all", "minister"}).out);
    }
    // Clients that leave in the middle of an export hold up nothing.
    for (int i = 0; i < 20; ++i) {
        RawConnection leaving(server.port());
        leaving.send_text("GET /api/export?q=&with=body HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        leaving.receive(std::chrono::milliseconds(20));
    }
    // The server goes on answering after an export.
    CHECK(get_json(client, "/api/search", {{"q", "minister"}})["total"].get<int>() > 10);
}

TEST_CASE("server: /api/watches saves, runs and removes watches, as the CLI sees them", "[server][watch]") {
    TempDir dir;
    const auto db = index_sample(dir);
    Server server(db);
    auto client = server.client();
    const auto post = [&](const std::string& path, const std::string& body, int status) {
        const auto res = client.Post(path, body, "application/json");
        REQUIRE(res);
        INFO(path << " -> " << res->body);
        CHECK(res->status == status);
        return json::parse(res->body);
    };
    const auto added = post("/api/watches", R"({"name": "ministers", "query": "minister", "facets": ["speaker"]})", 201);
    CHECK(added["name"] == "ministers");
    CHECK(added["facets"] == json::array({"speaker"}));
    post("/api/watches", R"({"name": "ministers", "query": "x"})", 400);   // taken
    post("/api/watches", R"({"query": "x"})", 400);
    post("/api/watches", R"({"name": "bad", "query": "speaker:"})", 400);
    CHECK(get_json(client, "/api/watches", {}) == newsdesk_json({"watch", "list", "--db", db, "--json"}));
    CHECK(post("/api/watches/ministers/run", "", 200)["watches"][0]["new"] == 0);

    // Articles indexed while the server runs are new to the watch.
    const auto more = dir.write("more.jsonl",
        R"({"id":"m1","title":"Minister resigns","body":"The finance minister resigned on Monday, officials said."})" "\n"
        R"({"id":"m2","title":"Harbour reopens","body":"The harbour reopened after repairs."})" "\n");
    REQUIRE(run_newsdesk({"index", "--db", db, more.string()}).exit_code == 0);
    const auto peeked = post("/api/watches/run?peek=1", "", 200);
    REQUIRE(peeked["watches"].size() == 1);
    CHECK(peeked["watches"][0]["new"] == 1);
    CHECK(peeked["watches"][0]["hits"][0]["id"] == "m1");
    const auto ran = newsdesk_json({"watch", "run", "--db", db, "--json"});   // the look marked nothing
    CHECK(ran["watches"][0]["new"] == 1);
    CHECK(post("/api/watches/ministers/run", "", 200)["watches"][0]["new"] == 0);
    post("/api/watches/nosuch/run", "", 404);
    get_json(client, "/api/watches/ministers/run", {}, 405);

    const auto removed = client.Delete("/api/watches/ministers");
    REQUIRE(removed);
    CHECK(removed->status == 200);
    const auto again = client.Delete("/api/watches/ministers");
    REQUIRE(again);
    CHECK(again->status == 404);
    CHECK(get_json(client, "/api/watches", {}) == json{{"watches", json::array()}});
}

TEST_CASE("server: articles, extraction, the page and errors", "[server]") {
    TempDir dir;
    const auto db = index_sample(dir);
    Server server(db);
    auto client = server.client();

    SECTION("an article by id, with its body; 404 when there is none") {
        const auto hit = get_json(client, "/api/search", {{"q", "minister"}, {"limit", "1"}})["hits"][0];
        const auto id = hit["id"].get<std::string>();
        const auto a = get_json(client, "/api/articles/" + percent_encoded(id), {});
        CHECK(a["id"] == id);
        CHECK(a["title"] == hit["title"]);
        CHECK(a["speakers"] == hit["speakers"]);
        CHECK(a["quotes"] == hit["quotes"]);
        const auto story = get_json(client, "/api/articles/" + percent_encoded(id) + "/story", {});
        CHECK(story == cli_json({"story", "--db", db, id}));
        CHECK(story["story"] == hit["story"]);
        get_json(client, "/api/articles/no-such-article/story", {}, 404);
        CHECK(a["country_mentions"] == hit["country_mentions"]);
        CHECK(a["body"].get<std::string>().size() > 100);
        for (const auto& code : a["countries"]) CHECK(a["country_names"].contains(code.get<std::string>()));
        const auto missing = get_json(client, "/api/articles/no-such-article", {}, 404);
        CHECK(missing["status"] == 404);
        CHECK(missing["error"].get<std::string>().find("no-such-article") != std::string::npos);
    }
    SECTION("extraction from a text and from a JSON object") {
        const std::string text = "Ankara (NP) \u2013 Turkish Foreign Minister Ayla Demir said on Monday that talks with "
                                 "Iraq would resume. \"We will not give up on the railway,\" Demir told reporters.";
        auto res = client.Post("/api/extract", text, "text/plain");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        const auto j = json::parse(res->body);
        CHECK(j["speakers"] == json::array({"Ayla Demir"}));
        CHECK(std::find(j["countries"].begin(), j["countries"].end(), "TR") != j["countries"].end());
        CHECK(j["country_names"]["TR"] == "Turkey");
        CHECK(j["quotes"].size() >= 1);
        CHECK(j["language"] == "en");
        res = client.Post("/api/extract", json{{"title", "Talks in Ankara"}, {"body", text}}.dump(), "application/json");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(json::parse(res->body)["title"] == "Talks in Ankara");
        res = client.Post("/api/extract", "[1, 2]", "application/json");
        REQUIRE(res);
        CHECK(res->status == 400);
        res = client.Post("/api/extract", std::string(2 << 20, 'a'), "text/plain");
        REQUIRE(res);
        CHECK(res->status == 413);
        CHECK(json::parse(res->body)["status"] == 413);
        res = client.Post("/api/extract", " \n ", "text/plain");
        REQUIRE(res);
        CHECK(res->status == 400);
    }
    SECTION("extraction from a text or a page answers what newsdesk extract says of the file") {
        const auto page = [] {
            for (const auto& entry : std::filesystem::directory_iterator(shared_data("data/html-articles/html")))
                if (entry.path().extension() == ".gz") return entry.path();
            return std::filesystem::path{};
        }();
        for (const auto& [file, type] : {std::pair{seed_article(), "text/plain"}, {page, "text/html"}}) {
            INFO(file);
            REQUIRE(!file.empty());
            auto expected = newsdesk_json({"extract", "--json", file.string()});
            expected.erase("id");   // the file's name: a posted text has none
            const auto content = file.extension() == ".gz" ? gunzip(slurp(file)) : slurp(file);
            const auto res = client.Post("/api/extract", content, type);
            REQUIRE(res);
            REQUIRE(res->status == 200);
            CHECK(json::parse(res->body) == expected);
            CHECK(!expected["title"].get<std::string>().empty());
        }
    }
    SECTION("400 with a message for bad queries and parameters") {
        auto e = get_json(client, "/api/search", {{"q", "\"unclosed"}}, 400);
        CHECK(e["status"] == 400);
        CHECK(e["error"].get<std::string>().find("position 1") != std::string::npos);
        CHECK(e["position"] == 1);
        for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
                 {"limit", "-1"}, {"limit", "1001"}, {"limit", "ten"}, {"offset", "-5"}, {"facet", "nope"},
                 {"sort", "sideways"}, {"facet_limit", "1e3"}, {"q", std::string(5000, 'a')}}) {
            INFO(key << "=" << value.substr(0, 20));
            e = get_json(client, "/api/search", {{key, value}}, 400);
            CHECK(e["error"].get<std::string>().find(key == "q" ? "too long" : key) != std::string::npos);
        }
        get_json(client, "/api/quotes", {{"q", "(unclosed"}}, 400);
    }
    SECTION("404 for unknown paths, 405 for wrong methods") {
        for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/nope", "/api/nope", "/api/articles/",
                                 "/index.html/..", "/server/web/app.js"}) {
            INFO(path);
            const auto res = client.Get(path);
            REQUIRE(res);
            CHECK(res->status == 404);
            CHECK(json::parse(res->body)["status"] == 404);
        }
        auto res = client.Post("/api/search", "q=x", "application/x-www-form-urlencoded");
        REQUIRE(res);
        CHECK(res->status == 405);
        CHECK(res->get_header_value("Allow") == "GET, HEAD");
        res = client.Get("/api/extract");
        REQUIRE(res);
        CHECK(res->status == 405);
        res = client.Delete("/api/info");
        REQUIRE(res);
        CHECK(res->status == 405);
    }
    SECTION("the search page and its files, compiled in") {
        auto res = client.Get("/");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
        CHECK(res->body.find("<script src=\"/app.js\"") != std::string::npos);
        CHECK(res->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
        res = client.Get("/app.js");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
        res = client.Get("/style.css");
        REQUIRE(res);
        CHECK(res->status == 200);
    }
}

TEST_CASE("server: concurrent requests from several threads", "[server]") {
    TempDir dir;
    const auto db = index_sample(dir);
    Server server(db);
    auto client = server.client();
    const httplib::Params search = {{"q", "minister"}, {"facet", "speaker"}, {"facet", "year"}};
    const auto expected_search = client.Get("/api/search", search, {})->body;
    const auto expected_quotes = client.Get("/api/quotes", search, {})->body;
    const auto expected_info = client.Get("/api/info")->body;
    std::atomic<int> good{0}, bad{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            auto c = server.client();
            for (int i = 0; i < 15; ++i) {
                httplib::Result res = (i + t) % 3 == 0   ? c.Get("/api/search", search, {})
                                      : (i + t) % 3 == 1 ? c.Get("/api/quotes", search, {})
                                                         : c.Get("/api/info");
                const auto& expected = (i + t) % 3 == 0 ? expected_search : (i + t) % 3 == 1 ? expected_quotes : expected_info;
                (res && res->status == 200 && res->body == expected ? good : bad)++;
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK(bad == 0);
    CHECK(good == 8 * 15);
}

TEST_CASE("server: an article indexed while it runs is found without a restart, and SIGTERM stops it", "[server]") {
    TempDir dir;
    const auto db = index_sample(dir);
    Server server(db);
    auto client = server.client();
    CHECK(get_json(client, "/api/search", {{"q", "zanzibarite"}})["total"] == 0);
    const auto articles = get_json(client, "/api/info", {})["articles"].get<int>();

    const auto file = dir.write("new/quarry_zanzibarite.txt",
                                "Quarry approved on the coast\n\n"
                                "Dar es Salaam (NP) \u2013 The port authority approved a zanzibarite quarry on Monday, "
                                "officials said.\n");
    const auto r = run_newsdesk({"index", "--db", db, file.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    const auto found = get_json(client, "/api/search", {{"q", "zanzibarite"}});
    CHECK(found["total"] == 1);
    CHECK(found["hits"][0]["id"] == "quarry_zanzibarite");
    CHECK(get_json(client, "/api/info", {})["articles"] == articles + 1);
    CHECK(get_json(client, "/api/articles/quarry_zanzibarite", {})["title"] == "Quarry approved on the coast");

    CHECK(server.stop() == 0);
    // One line per request: time, method, path and query, status, milliseconds.
    const auto log = server.log();
    CHECK(std::regex_search(log, std::regex(R"(\n\d{4}-\d\d-\d\dT[\d:.]+Z GET /api/search\?q=zanzibarite 200 [\d.]+ ms\n)")));
    CHECK(std::regex_search(log, std::regex(R"(GET /api/articles/quarry_zanzibarite 200 [\d.]+ ms)")));
    CHECK(log.find("SIGTERM") != std::string::npos);
}


TEST_CASE("server: silent and slow clients are dropped after the client timeout and hold up no one", "[server]") {
    TempDir dir;
    const auto db = index_sample(dir);
    Server server(db, {"--client-timeout", "1"});
    auto client = server.client();
    const auto search = "/api/search?q=minister&facet=country";
    REQUIRE(client.Get(search));   // warm: readers opened, country names loaded
    // Six misbehaving clients, fewer than the 16 connections: three send nothing, three stop
    // in the middle of their request line.
    std::vector<std::unique_ptr<RawConnection>> silent, stalled;
    for (int i = 0; i < 3; ++i) {
        silent.push_back(std::make_unique<RawConnection>(server.port()));
        stalled.push_back(std::make_unique<RawConnection>(server.port()));
        stalled.back()->send_text("GET /api/sea");
    }
    // Meanwhile well-behaved clients are answered at once, not after the misbehaving ones.
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const auto res = client.Get(search);
        REQUIRE(res);
        CHECK(res->status == 200);
        INFO("request " << i);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(900));
    }
    // Each misbehaving connection is closed once it has been silent for the timeout (1 s).
    for (auto& c : silent) CHECK(c->closed_by_server(std::chrono::seconds(4)));
    for (auto& c : stalled) CHECK(c->closed_by_server(std::chrono::seconds(4)));
    CHECK(client.Get("/api/info")->status == 200);
}

TEST_CASE("server: memory stays bounded under a stream of hostile requests", "[server]") {
    TempDir dir;
    const auto db = index_sample(dir);
    Server server(db);
    auto client = server.client();
    const std::string huge_query(4000, 'a');
    const std::vector<std::string> hostile = {
        "/api/search?q=" + huge_query,
        "/api/search?q=" + std::string(5000, 'b'),                   // over the 4 KB limit: 400
        "/api/search?q=minister&limit=-1",
        "/api/search?q=minister&limit=99999999999999999999",
        "/api/search?q=%22unbalanced&facet=speaker",
        "/api/search?q=*&facet=nope",
        "/api/search?q=minister&facet=speaker&facet=country&facet=year&facet_limit=1000&limit=1000",
        "/../../../etc/passwd",
        "/api/articles/" + std::string(2000, 'x'),
    };
    // Warm up (readers opened, caches filled, every connection thread's allocator arena in
    // use), then the same again many times: the resident size must level off, not keep
    // growing with the number of requests.
    const auto rounds = [&](int n) {
        for (int round = 0; round < n; ++round)
            for (const auto& path : hostile) {
                const auto res = client.Get(path);
                REQUIRE(res);
                CHECK(res->status < 500);
            }
    };
    rounds(30);
    const auto warm = server.memory_kib();
    rounds(100);
    const auto after = server.memory_kib();
    INFO("resident " << warm << " KiB after 30 rounds of " << hostile.size() << " requests, " << after
                     << " KiB after 100 more");
    REQUIRE(warm > 0);
#ifndef NEWSDESK_SANITIZED
    CHECK(after - warm < 8 * 1024);
    CHECK(server.memory_kib("VmHWM:") < 256 * 1024);
#endif
}
