// Where documents lie: articles from 1 up, quote records from schema::quote_docids_from up,
// kept so by every writer, after reopening and after compaction; and databases whose ids
// cannot be combined in Xapian's 32 bits are refused rather than searched wrongly.
#include <catch2/catch.hpp>

#include "storage/compaction.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/sharded_writer.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "storage/database.hpp"
#include "searcher/search.hpp"
#include "storage/shard_location.hpp"
#include "support/database_contents.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::docids_of;
using newsdesk::testing::TempDir;

namespace {

Article quoting(const std::string& id, int quotes) {
    Article a;
    a.id = id;
    a.title = "Talks on " + id;
    a.body = "The minister said talks on " + id + " would go on.";
    a.language = "en";
    a.speakers = {"Ann Minister"};
    for (int i = 0; i < quotes; ++i)
        a.quotes.push_back({"Ann Minister", "talks would go on " + std::to_string(i), "said", 13, false});
    return a;
}

// Every article below every quote record, quote records from the database's starting point.
void check_layout(const std::filesystem::path& path, std::size_t shards, std::size_t articles, std::size_t quotes) {
    const Xapian::Database db(path.string());
    const auto article_ids = docids_of(db, schema::ArticleKind), quote_ids = docids_of(db, schema::QuoteKind);
    REQUIRE(article_ids.size() == articles);
    REQUIRE(quote_ids.size() == quotes);
    if (!article_ids.empty()) CHECK(article_ids.back() < schema::quote_docids_from(shards));
    if (!quote_ids.empty()) {
        CHECK(quote_ids.front() >= schema::quote_docids_from(shards));
        CHECK(quote_ids.back() <= schema::last_docid(shards));
    }
}

} // namespace

TEST_CASE("the id bounds of n shards fit Xapian's 32-bit ids when combined", "[docids]") {
    for (const std::size_t n : {1, 2, 3, 8, 16, 64, 1000}) {
        CAPTURE(n);
        const auto last = schema::last_docid(n);
        CHECK(std::uint64_t{last} * n <= 0xFFFFFFFFull);   // (last - 1) * n + n: the highest combined id
        CHECK(schema::quote_docids_from(n) > 1);
        CHECK(schema::quote_docids_from(n) <= last / 2 + 1);   // as many ids for quotes as for articles
    }
    CHECK(schema::quote_docids_from(1) == Xapian::docid{1} << 28);
}

TEST_CASE("articles come first and quote records after, across writers, replacement and compaction", "[docids]") {
    TempDir dir;
    const auto path = dir / "db";
    {
        IndexWriter w(path);
        w.add(quoting("a", 2));
        w.add(quoting("b", 0));
        w.add(quoting("c", 3));
        w.commit();
    }
    check_layout(path, 1, 3, 5);
    {
        // A new writer carries on after the documents there: nothing is overwritten.
        IndexWriter w(path);
        w.add(quoting("d", 1));
        w.add(quoting("c", 1));   // replaced: same article id, its quote records renewed
        REQUIRE(w.remove("a"));   // the first document: compaction must not move the others down
        w.commit();
    }
    check_layout(path, 1, 3, 2);
    compact_in_place(path);
    check_layout(path, 1, 3, 2);
    {
        IndexWriter w(path);
        w.add(quoting("e", 2));
        w.commit();
    }
    check_layout(path, 1, 4, 4);
    // And the searches see each document once, as they were indexed.
    const auto db = open_database(path);
    CHECK(article_count(db) == 4);
    SearchRequest r;
    r.query = "speaker:minister";
    CHECK(search(db, r).total == 4);
    CHECK(search_quotes(db, r).total == 4);
    r.query = "talks";
    CHECK(search(db, r).hits.size() == 4);
}

TEST_CASE("each shard of a sharded database keeps its ids within its share", "[docids]") {
    TempDir dir;
    const auto path = dir / "db";
    ShardedWriter::create(path, 3);
    {
        ShardedWriter w(path);
        for (int i = 0; i < 12; ++i) w.add(quoting("s" + std::to_string(i), 2));
        w.commit();
    }
    std::size_t articles = 0, quotes = 0;
    for (std::size_t k = 0; k < 3; ++k) {
        const Xapian::Database shard((path / shard_directory_name(k)).string());
        const auto a = docids_of(shard, schema::ArticleKind), q = docids_of(shard, schema::QuoteKind);
        check_layout(path / shard_directory_name(k), 3, a.size(), q.size());
        articles += a.size();
        quotes += q.size();
    }
    CHECK(articles == 12);
    CHECK(quotes == 24);
}

TEST_CASE("databases whose ids do not fit together are refused, not searched wrongly", "[docids]") {
    // Each plain database's quote records start at 2^28: fifteen fit in 32 bits, sixteen do not.
    TempDir dir;
    std::vector<std::string> locations;
    for (int i = 0; i < 16; ++i) {
        const auto path = dir / ("db" + std::to_string(i));
        IndexWriter w(path);
        w.add(quoting("x" + std::to_string(i), 1));
        w.commit();
        locations.push_back(path.string());
    }
    const auto fifteen = std::vector<std::string>(locations.begin(), locations.end() - 1);
    SearchRequest r;
    r.query = "talks";
    CHECK(search(open_shards(fifteen).db, r).total == 15);
    CHECK(search_quotes(open_shards(fifteen).db, r).total == 15);
    CHECK_THROWS_WITH(open_shards(locations), Catch::Contains("too many document ids to be searched together"));
}
