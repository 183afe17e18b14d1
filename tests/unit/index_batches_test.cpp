// A batch is the writer's, whatever its size: Xapian must not commit part of it on its own
// (it does, by default, every 10,000 changed documents, and an article with its quote records
// is several), which would break both the writer's reads of what is committed and the promise
// that a crash leaves the database as it was before the batch or after it.
#include <catch2/catch.hpp>

#include "indexer/index_writer.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::TempDir;

namespace {

Article quoting(int n) {
    Article a;
    a.id = "a" + std::to_string(n);
    a.title = "Harbour talks " + std::to_string(n);
    a.body = "The harbour master said talks would go on.";
    a.language = "en";
    a.speakers = {"Ann Master"};
    for (int i = 0; i < 3; ++i) a.quotes.push_back({"Ann Master", "talks would go on", "said", 17, false});
    return a;
}

} // namespace

TEST_CASE("a batch of 30,000 documents is written by the writer alone, in one commit", "[indexer][batches]") {
    TempDir dir;
    const auto path = dir / "db";
    constexpr int Articles = 7500;   // 30,000 documents with their quote records
    {
        IndexWriter writer(path);
        writer.set_batch_size(10000);
        for (int n = 0; n < 1000; ++n) writer.add(quoting(n));   // a batch already committed below
        writer.commit();
        for (int n = 0; n < Articles; ++n) writer.add(quoting(n));   // the first 1,000 replace
        // Nothing of this batch is visible to a reader before the writer commits it.
        CHECK(Xapian::Database(path.string()).get_doccount() == 4000);
        writer.commit();
    }
    const Xapian::Database db(path.string());
    CHECK(db.get_termfreq(schema::exact_term(schema::DocKind, schema::ArticleKind)) == Articles);
    CHECK(db.get_termfreq(schema::exact_term(schema::DocKind, schema::QuoteKind)) == 3 * Articles);
}
