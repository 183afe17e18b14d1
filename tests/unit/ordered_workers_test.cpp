// OrderedWorkers: parallel work, results in input order, bounded, errors at their turn.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "indexer/ordered_workers.hpp"

using newsdesk::OrderedWorkers;

TEST_CASE("ordered workers: results come back in input order although work finishes out of order") {
    std::atomic<int> running{0}, most_running{0};
    OrderedWorkers<int> workers(4, 8, [&](int& n) {
        const int now = ++running;
        for (int seen = most_running; now > seen && !most_running.compare_exchange_weak(seen, now);) {
        }
        // Early items take longest, so later ones finish first.
        std::this_thread::sleep_for(std::chrono::microseconds(200 * ((100 - n % 100) % 7)));
        n = n * 10;
        --running;
    });
    std::vector<int> out;
    const auto done = [&](int&& n) { out.push_back(n); };
    for (int i = 0; i < 300; ++i) workers.push(i, done);
    workers.drain(done);
    REQUIRE(out.size() == 300);
    for (int i = 0; i < 300; ++i) CHECK(out[static_cast<std::size_t>(i)] == i * 10);
    CHECK(most_running > 1);    // the work did run in parallel
    CHECK(most_running <= 4);   // on no more threads than asked
}

TEST_CASE("ordered workers: no more than max_in_flight items are held at once") {
    OrderedWorkers<int> workers(2, 5, [](int&) { std::this_thread::sleep_for(std::chrono::microseconds(300)); });
    int pushed = 0, delivered = 0;
    const auto done = [&](int&&) { ++delivered; };
    for (int i = 0; i < 100; ++i) {
        workers.push(i, done);
        ++pushed;
        CHECK(pushed - delivered <= 5);
    }
    workers.drain(done);
    CHECK(delivered == 100);
}

TEST_CASE("ordered workers: an exception in the work is rethrown when its item's turn comes") {
    OrderedWorkers<int> workers(2, 4, [](int& n) {
        if (n == 3) throw std::runtime_error("item 3 is bad");
    });
    std::vector<int> out;
    const auto done = [&](int&& n) { out.push_back(n); };
    bool thrown = false;
    try {
        for (int i = 0; i < 10; ++i) workers.push(i, done);
        workers.drain(done);
    } catch (const std::runtime_error& e) {
        thrown = true;
        CHECK(std::string(e.what()) == "item 3 is bad");
    }
    CHECK(thrown);
    CHECK(out == std::vector<int>{0, 1, 2});   // everything before it, nothing after
}
