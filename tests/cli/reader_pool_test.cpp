// The server's reader pool: bounded searches at once, first come first served, busy after a wait.
#include <catch2/catch.hpp>

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "server/reader_pool.hpp"
#include "support/run_program.hpp"

using namespace std::chrono_literals;
using newsdesk::server::ReaderPool;
using newsdesk::server::ServerBusy;

TEST_CASE("reader pool: at most max_active leases at once, and a waiter past the deadline is told busy") {
    ReaderPool pool(newsdesk::testing::sample_db(), 1, 200ms);
    {
        const auto lease = pool.acquire();
        CHECK((*lease).article_count() > 0);
        const auto start = std::chrono::steady_clock::now();
        CHECK_THROWS_AS(pool.acquire(), ServerBusy);
        CHECK(std::chrono::steady_clock::now() - start >= 200ms);
    }
    CHECK(pool.idle() == 1);   // the reader went back and is reused
    CHECK_NOTHROW(pool.acquire());
}

TEST_CASE("reader pool: waiting requests are served in the order they came") {
    ReaderPool pool(newsdesk::testing::sample_db(), 1, 10s);
    std::mutex mutex;
    std::vector<int> order;
    std::vector<std::thread> waiters;
    {
        const auto held = pool.acquire();
        for (int i = 0; i < 4; ++i) {
            waiters.emplace_back([&, i] {
                const auto lease = pool.acquire();
                std::lock_guard lock(mutex);
                order.push_back(i);
            });
            std::this_thread::sleep_for(50ms);   // each waiter queues before the next starts
        }
    }
    for (auto& t : waiters) t.join();
    CHECK(order == std::vector<int>{0, 1, 2, 3});
}
