// The server's handling of a request apart from sockets: the target and Host header it reads,
// and the budget each request's work runs under.
#include <catch2/catch.hpp>

#include <chrono>

#include <nlohmann/json.hpp>

#include "server/api.hpp"
#include "server/http_request.hpp"
#include "server/router.hpp"
#include "support/run_program.hpp"

using namespace newsdesk::server;
using namespace std::chrono_literals;

TEST_CASE("request target: path and parameters, percent-decoded, and broken escapes refused") {
    const auto t = parse_target("/api/search?q=%22maximum+pressure%22&facet=speaker&facet=country&empty=&flag");
    REQUIRE(t);
    CHECK(t->path == "/api/search");
    CHECK(t->params.find("q")->second == "\"maximum pressure\"");
    CHECK(t->params.count("facet") == 2);
    CHECK(t->params.find("empty")->second.empty());
    CHECK(t->params.count("flag") == 1);
    CHECK(parse_target("/api/articles/a%2Fb")->path == "/api/articles/a/b");
    CHECK(parse_target("/a+b")->path == "/a+b");   // '+' is a space only in the query
    CHECK_FALSE(parse_target("/api/search?q=%"));
    CHECK_FALSE(parse_target("/api/search?q=%4"));
    CHECK_FALSE(parse_target("/api/search?q=%zz"));
    CHECK_FALSE(parse_target("/api/search?q=a%00b"));
    CHECK_FALSE(parse_target("http://example.org/"));
    CHECK_FALSE(parse_target(""));
}

TEST_CASE("Host check: localhost, IP addresses and the names given, and nothing else") {
    const HostCheck hosts({"news.example.org"});
    for (const char* ok : {"localhost", "localhost:8080", "LocalHost.", "127.0.0.1", "127.0.0.1:80", "[::1]:8080",
                           "10.1.2.3:8080", "news.example.org", "News.Example.Org:443", ""})
        CHECK(hosts.allows(ok));
    for (const char* refused : {"attacker.example", "localhost.attacker.example", "127.0.0.1.nip.io", "news.example.org.evil",
                                "localhost:80x", "[::1", "::1", "example.org:8080"}) {
        INFO(refused);
        CHECK_FALSE(hosts.allows(refused));
    }
}

TEST_CASE("API budget: a request past its deadline is refused as busy, one whose client left is dropped") {
    Api api(newsdesk::testing::sample_db());
    const Params params{{"q", "minister"}, {"facet", "speaker"}};
    CHECK(api.search(params).status == 200);

    Budget late;
    late.deadline = std::chrono::steady_clock::now() - 1ms;
    const auto r = api.search(params, late);
    CHECK(r.status == 503);
    CHECK(r.body["error"].get<std::string>().find("time") != std::string::npos);
    CHECK(api.extract("The minister said so.", "text/plain", late).status == 503);

    Budget gone;
    gone.cancelled = [] { return true; };
    CHECK_THROWS_AS(api.search(params, gone), ClientGone);
    CHECK_THROWS_AS(api.quotes(params, gone), ClientGone);
    CHECK_THROWS_AS(api.extract("The minister said so.", "text/plain", gone), ClientGone);

    // The cancellation reaches the search itself: asked while it runs, not only before.
    int asked = 0;
    Budget later;
    later.cancelled = [&] { return ++asked > 1; };
    CHECK_THROWS_AS(api.search(params, later), ClientGone);
    CHECK(asked >= 2);
}

TEST_CASE("router: which requests go to which workers") {
    Api api(newsdesk::testing::sample_db());
    const Router router(api);
    const auto work = [&](const char* method, const char* target) {
        return router.work(Incoming{method, *parse_target(target), {}, {}});
    };
    CHECK(work("GET", "/api/search?q=x") == Work::Database);
    CHECK(work("HEAD", "/api/articles/x") == Work::Database);
    CHECK(work("POST", "/api/extract") == Work::Extraction);
    CHECK(work("GET", "/api/extract") == Work::Immediate);   // 405 at once
    CHECK(work("POST", "/api/search") == Work::Immediate);
    CHECK(work("GET", "/") == Work::Immediate);
    CHECK(work("GET", "/nope") == Work::Immediate);
    CHECK(router.answer(Incoming{"GET", *parse_target("/api/extract"), {}, {}}, {}).status == 405);
}
