// Attacks on the real `newsdesk serve`, each scaled down to run in seconds: after (and where it
// matters, during) each one the server is alive, answers a normal search within a second, and
// its resident memory has stayed within a bound over its idle size.
#include <atomic>
#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/server_process.hpp"

using namespace newsdesk::testing;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

// The memory an attack may add to the server's idle size, at its peak.
[[maybe_unused]] constexpr long MemoryBoundKib = 256 * 1024;   // unused where sanitizers hold memory

const char* const NormalSearch = "/api/search?q=minister&facet=speaker&facet=country";

// A started server, warmed up (readers open, country names and the gazetteer loaded), with its
// idle size noted.
struct Target {
    explicit Target(std::vector<std::string> extra = {}) : server(sample_db(), std::move(extra)) {
        auto c = server.client();
        for (int i = 0; i < 3; ++i) REQUIRE(c.Get(NormalSearch));
        // Extraction loads its gazetteer (tens of MB, once): part of the idle size, not of an attack.
        REQUIRE(c.Post("/api/extract", "The Turkish minister said talks in Ankara would resume.", "text/plain"));
        idle_kib = server.memory_kib();
        REQUIRE(idle_kib > 0);
    }

    // A normal search, answered correctly within a second.
    void answers_promptly(const char* when) const {
        auto c = server.client();
        const auto start = Clock::now();
        const auto res = c.Get(NormalSearch);
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
        INFO(when << ": a normal search took " << took.count() << " ms");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(took < 1000ms);
    }

    // Alive, answering, and the peak resident size within the bound.
    void unharmed() const {
        REQUIRE(server.alive());
        answers_promptly("after the attack");
        const auto peak = server.memory_kib("VmHWM:");
        INFO("idle " << idle_kib << " KiB, peak " << peak << " KiB");
#ifndef NEWSDESK_SANITIZED
        CHECK(peak - idle_kib < MemoryBoundKib);
#endif
    }

    // Runs `attack` on other threads while normal searches are made, then checks the server.
    template <typename Attack>
    void during(Attack attack, std::chrono::milliseconds settle = 200ms) {
        std::atomic<bool> done{false};
        std::thread attacker([&] {
            attack();
            done = true;
        });
        std::this_thread::sleep_for(settle);
        for (int i = 0; i < 3 && !done; ++i) {
            answers_promptly("during the attack");
            std::this_thread::sleep_for(100ms);
        }
        attacker.join();
        unharmed();
    }

    Server server;
    long idle_kib = 0;
};

std::string request(const std::string& method, const std::string& target, const std::string& headers = "",
                    const std::string& body = "") {
    return method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers +
           (body.empty() ? "" : "Content-Length: " + std::to_string(body.size()) + "\r\n") + "\r\n" + body;
}

int status_of(const std::string& answer) {
    return answer.size() > 12 && answer.starts_with("HTTP/1.1 ") ? std::stoi(answer.substr(9, 3)) : -1;
}

// A request's start whose header never ends.
constexpr const char* UnfinishedHeader = "GET /api/info HTTP/1.1\r\nHost: localhost\r\n";

// `n` connections, the i-th having sent first(i).
template <typename First>
std::vector<std::unique_ptr<RawConnection>> connections(int port, int n, First first) {
    std::vector<std::unique_ptr<RawConnection>> out;
    for (int i = 0; i < n; ++i) {
        out.push_back(std::make_unique<RawConnection>(port));
        out.back()->send_text(first(i));
    }
    return out;
}

std::string repeated(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

} // namespace

TEST_CASE("attack: indirect quotes without a full stop cost what the text costs, not its square", "[server][attack]") {
    Target t;
    // Each cue opens an indirect quote that no full stop closes: 1,200 of them in 64 KB.
    const auto body = repeated("according to Tony Blair, the Prime Minister said that ", 1200);
    int status = -1;
    std::size_t answer_bytes = 0;
    t.during([&] {
        auto c = t.server.client();
        if (const auto res = c.Post("/api/extract", body, "text/plain")) {
            status = res->status;
            answer_bytes = res->body.size();
        }
    });
    CHECK(status == 200);
    // The quotes of an article together never exceed its length, so the answer is linear in it
    // (with every quote carrying the rest of the text it was 40 MB).
    INFO("answer " << answer_bytes << " bytes for " << body.size());
    CHECK(answer_bytes < 16 * body.size());
}

TEST_CASE("attack: a word repeated through the whole query costs each time once", "[server][attack]") {
    Target t;
    // 4 KB of queries each (the server's limit), four at once to hold every search slot.
    const std::vector<std::string> queries = {repeated("the ", 1000), repeated("said,", 800), repeated("the\t", 1000),
                                              repeated("(said)", 600)};
    std::vector<int> statuses(queries.size(), 0);
    t.during([&] {
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < queries.size(); ++i)
            threads.emplace_back([&, i] {
                auto c = t.server.client();
                const auto res = c.Get("/api/search", httplib::Params{{"q", queries[i]}, {"facet", "speaker"}}, {});
                statuses[i] = res ? res->status : -1;
            });
        for (auto& th : threads) th.join();
    }, 50ms);
    for (std::size_t i = 0; i < queries.size(); ++i) {
        INFO("query " << i);
        CHECK((statuses[i] == 200 || statuses[i] == 400));
    }
}

TEST_CASE("attack: wildcards however separated count toward one limit", "[server][attack]") {
    Target t;
    std::vector<int> statuses;
    t.during([&] {
        auto c = t.server.client();
        for (const std::string& q : std::vector<std::string>{repeated("s*,c*,a*,", 100), repeated("(s*)(c*)", 100),
                                    repeated("s*\u00a0c*\u00a0", 100), repeated("s*\u3000c*\u3000", 100)}) {
            const auto res = c.Get("/api/search", httplib::Params{{"q", q}}, {});
            statuses.push_back(res ? res->status : -1);
        }
    }, 50ms);
    for (const auto s : statuses) CHECK((s == 200 || s == 400));
}

TEST_CASE("attack: a Range header with many ranges gets the whole answer once", "[server][attack]") {
    Target t;
    auto c = t.server.client();
    const auto whole = c.Get("/app.js");
    REQUIRE(whole);
    std::string ranges = "Range: bytes=0-0";
    for (int i = 1; i < 1000; ++i) ranges += "," + std::to_string(i) + "-" + std::to_string(i);
    RawConnection raw(t.server.port());
    raw.send_text(request("GET", "/app.js", ranges + "\r\nConnection: close\r\n"));
    const auto& answer = raw.receive(5s);
    CHECK(status_of(answer) == 200);
    CHECK(answer.size() < whole->body.size() + 1024);
    t.unharmed();
}

TEST_CASE("attack: a chunked body is held to the body limit like any other", "[server][attack]") {
    Target t;
    RawConnection raw(t.server.port());
    raw.send_text("POST /api/extract HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n");
    // 64 KB chunks until the server stops taking them: 1 MB is the limit, 8 MB are offered.
    const std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
    std::size_t sent = 0;
    for (int i = 0; i < 128 && raw.try_send(chunk); ++i) sent += 0x10000;
    raw.receive(5s);
    INFO("sent " << sent << " bytes of body");
    CHECK(status_of(raw.answer()) == 413);
    CHECK(raw.closed_by_server(5s));
    t.unharmed();
}

TEST_CASE("attack: header lines are limited in number and size", "[server][attack]") {
    Target t;
    {
        RawConnection raw(t.server.port());
        raw.try_send(request("GET", "/api/info", repeated("X-A: b\r\n", 5000)));
        raw.receive(5s);
        CHECK(status_of(raw.answer()) == 431);
    }
    {
        RawConnection raw(t.server.port());
        raw.try_send(request("GET", "/api/info", "X-Big: " + std::string(64 * 1024, 'b') + "\r\n"));
        raw.receive(5s);
        CHECK(status_of(raw.answer()) == 431);
    }
    {   // Many short lines under the size limit: still too many.
        RawConnection raw(t.server.port());
        raw.try_send(request("GET", "/api/info", repeated("A: b\r\n", 500)));
        raw.receive(5s);
        CHECK(status_of(raw.answer()) == 431);
    }
    t.unharmed();
}

TEST_CASE("attack: slow clients trickling headers hold no one up and are cut off at the request deadline",
          "[server][attack]") {
    Target t({"--client-timeout", "2"});
    auto slow = connections(t.server.port(), 70, [](int) { return std::string(UnfinishedHeader); });
    std::atomic<int> still_open{0};
    const auto start = Clock::now();
    t.during([&] {
        // A header line from each every 300 ms: a timeout per read would never fire.
        for (int round = 0; round < 12; ++round) {
            int open = 0;
            for (auto& c : slow) open += c->try_send("X-Slow: " + std::to_string(round) + "\r\n") ? 1 : 0;
            still_open = open;
            std::this_thread::sleep_for(300ms);
        }
    });
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    INFO("after " << took.count() << " ms, " << still_open << " of 70 slow connections were still open");
    CHECK(still_open == 0);
    for (auto& c : slow) CHECK(c->closed_by_server(1s));
}

TEST_CASE("attack: only the expected Host is served", "[server][attack]") {
    Target t({"--host", "news.example.org"});
    const auto status_for = [&](const std::string& host) {
        RawConnection raw(t.server.port());
        raw.send_text("GET /api/info HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        return status_of(raw.receive(5s));
    };
    const auto port = std::to_string(t.server.port());
    CHECK(status_for("rebind.attacker.example:" + port) == 403);
    CHECK(status_for("localhost.attacker.example") == 403);
    CHECK(status_for("127.0.0.1.nip.io:" + port) == 403);
    CHECK(status_for("localhost:" + port) == 200);
    CHECK(status_for("127.0.0.1:" + port) == 200);
    CHECK(status_for("[::1]:" + port) == 200);
    CHECK(status_for("news.example.org") == 200);
    CHECK(status_for("NEWS.example.org:" + port) == 200);
    RawConnection raw(t.server.port());
    raw.send_text("GET /api/info HTTP/1.1\r\nConnection: close\r\n\r\n");   // HTTP/1.1 requires one
    CHECK(status_of(raw.receive(5s)) == 400);
    t.unharmed();
}

TEST_CASE("attack: pipelined requests are each answered, in order", "[server][attack]") {
    Target t;
    RawConnection raw(t.server.port());
    std::string burst;
    for (int i = 0; i < 199; ++i) burst += request("GET", i % 2 ? "/api/info" : "/api/search?q=minister&limit=1");
    burst += request("GET", "/api/info", "Connection: close\r\n");
    raw.send_text(burst);
    CHECK(raw.closed_by_server(20s));
    CHECK(raw.answers() == 200);
    t.unharmed();
}

TEST_CASE("attack: extractions run a few at a time, however many are sent", "[server][attack]") {
    Target t({"--extractions", "2"});
    // Real news text, 512 KB a request, sixteen at once.
    const auto article = slurp(seed_article());
    REQUIRE(article.size() > 1000);
    std::string body;
    while (body.size() < 512 * 1024) body += article + "\n\n";
    std::atomic<int> ok{0}, busy{0}, other{0};
    t.during([&] {
        std::vector<std::thread> threads;
        for (int i = 0; i < 16; ++i)
            threads.emplace_back([&] {
                auto c = t.server.client();
                const auto res = c.Post("/api/extract", body, "text/plain");
                (!res ? other : res->status == 200 ? ok : res->status == 503 ? busy : other)++;
            });
        for (auto& th : threads) th.join();
    });
    INFO(ok << " answered, " << busy << " busy, " << other << " otherwise");
    CHECK(other == 0);
    CHECK(ok > 0);
}

TEST_CASE("attack: memory taken by a burst of requests is given back", "[server][attack]") {
    Target t({"--extractions", "4"});
    const auto article = slurp(seed_article());
    std::string text;
    while (text.size() < 1000 * 1000) text += article + "\n\n";
    // A JSON body is analysed whole (a posted text is read as a text file is, its layout cutting it).
    const auto body = nlohmann::json{{"title", "A long article"}, {"body", text}}.dump();
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            auto c = t.server.client();
            c.Post("/api/extract", body, "application/json");
        });
    for (auto& th : threads) th.join();
    const auto peak = t.server.memory_kib("VmHWM:");
    std::this_thread::sleep_for(1500ms);
    t.answers_promptly("after the burst");   // a request after the burst: the trim runs when work ends
    std::this_thread::sleep_for(300ms);
    const auto now = t.server.memory_kib();
    INFO("idle " << t.idle_kib << " KiB, peak " << peak << " KiB, after " << now << " KiB");
#ifndef NEWSDESK_SANITIZED
    CHECK(peak - t.idle_kib > 32 * 1024);           // the burst did take memory
    CHECK(now - t.idle_kib < (peak - t.idle_kib) / 2);   // and most of it went back
#endif
    t.unharmed();
}

TEST_CASE("attack: a request whose client has gone is not worked on", "[server][attack]") {
    Target t({"--searches", "1"});
    // Twenty searches at once on one search slot; all but one client hang up at once.
    auto clients = connections(t.server.port(), 20, [](int i) {
        return request("GET", std::string(NormalSearch) + "&limit=1000&n=" + std::to_string(i));
    });
    clients.resize(1);
    CHECK(status_of(clients[0]->receive(5s)) == 200);
    std::this_thread::sleep_for(500ms);
    const auto log = t.server.log();
    std::size_t dropped = 0;
    for (auto at = log.find(" 499 "); at != std::string::npos; at = log.find(" 499 ", at + 1)) ++dropped;
    INFO(log.substr(log.size() > 3000 ? log.size() - 3000 : 0));
    CHECK(dropped >= 10);
    t.unharmed();
}

TEST_CASE("attack: SIGTERM stops the server within seconds, however busy", "[server][attack]") {
    Target t({"--client-timeout", "60"});
    const auto slow = connections(t.server.port(), 30, [](int) { return std::string(UnfinishedHeader); });
    std::vector<std::thread> extractions;
    const auto body = repeated("Officials said the talks would resume. ", 20000);
    for (int i = 0; i < 4; ++i)
        extractions.emplace_back([&] {
            auto c = t.server.client();
            c.Post("/api/extract", body, "text/plain");
        });
    std::this_thread::sleep_for(300ms);
    const auto start = Clock::now();
    const auto status = t.server.stop();
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    for (auto& th : extractions) th.join();
    INFO("stopped in " << took.count() << " ms");
    CHECK(status == 0);
    CHECK(took < 5000ms);
}
