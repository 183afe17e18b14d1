// WriteThread: a database's writes in posted order on a thread of their own, bounded, and
// stopped at the first failure; and an IndexWriter that writes in the background builds the
// same database as one that writes as it goes.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "indexer/index_writer.hpp"
#include "indexer/write_thread.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "support/database_contents.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::document_contents;
using newsdesk::testing::TempDir;

TEST_CASE("write thread: jobs run in the order posted, on another thread, all of them by wait()", "[indexer][write_thread]") {
    WriteThread writes(true, 4, 1 << 20);
    std::vector<int> ran;   // written by the writing thread only, read after wait()
    std::atomic<bool> elsewhere{true};
    const auto caller = std::this_thread::get_id();
    for (int i = 0; i < 500; ++i)
        writes.post([&, i] {
            if (std::this_thread::get_id() == caller) elsewhere = false;
            ran.push_back(i);
        });
    writes.wait();
    REQUIRE(ran.size() == 500);
    for (int i = 0; i < 500; ++i) CHECK(ran[static_cast<std::size_t>(i)] == i);
    CHECK(elsewhere);
}

TEST_CASE("write thread: without a thread, each job runs at once on the caller's", "[indexer][write_thread]") {
    WriteThread writes(false, 4, 1 << 20);
    int ran = 0;
    writes.post([&] { ran = 1; });
    CHECK(ran == 1);
    CHECK_THROWS_WITH(writes.post([] { throw std::runtime_error("disk full"); }), "disk full");
}

TEST_CASE("write thread: after a job fails, the jobs after it are dropped and every call throws its error",
          "[indexer][write_thread]") {
    WriteThread writes(true, 64, 1 << 20);
    std::atomic<int> ran{0};
    std::promise<void> release;
    auto released = release.get_future().share();
    writes.post([released] { released.wait(); });
    writes.post([] { throw std::runtime_error("the database is full"); });
    for (int i = 0; i < 10; ++i) writes.post([&] { ++ran; });   // queued behind the failure
    release.set_value();
    CHECK_THROWS_WITH(writes.wait(), "the database is full");
    CHECK(ran == 0);
    CHECK_THROWS_WITH(writes.post([&] { ++ran; }), "the database is full");
    CHECK_THROWS_WITH(writes.wait(), "the database is full");
    CHECK(ran == 0);
}

TEST_CASE("write thread: the queue holds no more jobs, nor bytes, than it was given", "[indexer][write_thread]") {
    const auto blocked_post = [](std::size_t max_jobs, std::size_t max_bytes, std::size_t second_bytes) {
        WriteThread writes(true, max_jobs, max_bytes);
        std::promise<void> release;
        auto released = release.get_future().share();
        writes.post([released] { released.wait(); }, 100);   // running, and still counted
        std::atomic<bool> posted{false};
        std::thread poster([&] {
            writes.post([] {}, second_bytes);
            posted = true;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const bool waited = !posted;
        release.set_value();
        poster.join();
        writes.wait();
        return waited;
    };
    CHECK(blocked_post(1, 1 << 20, 0));      // one job at most
    CHECK(blocked_post(8, 150, 100));        // 200 bytes would be queued
    CHECK_FALSE(blocked_post(8, 250, 100));  // room for both
}

TEST_CASE("write thread: jobs still queued when it is destroyed are run", "[indexer][write_thread]") {
    std::atomic<int> ran{0};
    {
        WriteThread writes(true, 1000, 1 << 20);
        for (int i = 0; i < 200; ++i) writes.post([&] { ++ran; });
    }
    CHECK(ran == 200);
}

namespace {

Article article(int n) {
    Article a;
    a.id = "a" + std::to_string(n % 300);   // the later ones replace the earlier
    a.title = "Harbour talks " + std::to_string(n);
    a.body = "The harbour master said talks would go on in round " + std::to_string(n) + ".";
    a.language = "en";
    a.speakers = {n % 2 ? "Ann Master" : "Ann Masters"};
    for (int i = 0; i < n % 4; ++i) a.quotes.push_back({a.speakers[0], "talks would go on", "said", 17, false});
    return a;
}

// Every document of the database, with its id.
std::vector<std::string> contents(const std::filesystem::path& path) {
    const Xapian::Database db(path.string());
    std::vector<std::string> out;
    for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d)
        out.push_back(std::to_string(*d) + "|" + document_contents(db, *d));
    return out;
}

} // namespace

TEST_CASE("index writer: writing in the background builds the database writing as it goes does",
          "[indexer][write_thread]") {
    TempDir dir;
    for (const bool background : {false, true}) {
        IndexWriterOptions options;
        options.background = background;
        IndexWriter writer(dir / (background ? "background" : "inline"), options);
        writer.set_batch_size(97);
        for (int n = 0; n < 1000; ++n) {
            writer.add(article(n));
            if (n % 131 == 0) writer.remove("a" + std::to_string((n + 7) % 300));
        }
        writer.commit();
        CHECK(writer.article_count() == 300);
    }
    const auto expected = contents(dir / "inline");
    CHECK(expected.size() > 300);
    CHECK(contents(dir / "background") == expected);
}
