#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "indexer/index_writer.hpp"
#include "storage/database.hpp"
#include "searcher/search.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::TempDir;

namespace {

Article numbered(int n) {
    Article a;
    a.id = "a" + std::to_string(n);
    a.title = "Article " + std::to_string(n);
    a.body = "Trade talks resumed in round " + std::to_string(n) + " of the negotiations.";
    a.source = n % 2 ? "Harbour Times" : "Meridian Wire";
    a.date = "2021-05-16";
    return a;
}

} // namespace

TEST_CASE("searches during indexing are consistent and see new commits", "[concurrency]") {
    TempDir dir;
    constexpr int Batches = 60, PerBatch = 25;
    {
        IndexWriter w(dir / "db");
        w.add(numbered(0));
        w.commit();
    }
    const auto reader = open_database(dir / "db");   // one long-lived handle, as a server holds
    std::atomic<bool> done{false};
    std::thread writer([&] {
        IndexWriter w(dir / "db");
        w.set_batch_size(PerBatch);
        for (int n = 1; n <= Batches * PerBatch; ++n) w.add(numbered(n));
        w.commit();
        done = true;
    });
    std::uint64_t last_total = 0;
    int searches = 0, grew = 0;
    SearchRequest r;
    r.query = "trade";
    r.facets = {"source"};
    std::string escaped;   // an exception must not leave the writer thread unjoined
    try {
        while (!done || searches == 0) {
            const auto res = search(reader, r);   // must not throw DatabaseModifiedError
            std::uint64_t by_source = 0;
            for (const auto& v : res.facets[0].values) by_source += v.count;
            CHECK(by_source == res.total);        // counts and total come from one revision
            CHECK(res.total >= last_total);       // never goes back to an older revision
            if (res.total > last_total) ++grew;
            last_total = res.total;
            ++searches;
        }
    } catch (const std::exception& e) {
        escaped = e.what();
    } catch (const Xapian::Error& e) {   // not a std::exception
        escaped = e.get_description();
    }
    writer.join();
    INFO(escaped);
    REQUIRE(escaped.empty());
    CHECK(search(reader, r).total == Batches * PerBatch + 1);   // the handle picks up the last commit
    CHECK(grew >= 2);                                           // and saw commits while they happened
    INFO(searches << " searches");
}
