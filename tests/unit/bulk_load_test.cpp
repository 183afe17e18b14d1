// A bulk load (ShardedWriter::bulk_load): several writers into side databases, merged into a
// new database laid out as one writer lays it out, holding the same documents; the database
// untouched until the merge is in; a crashed load taken up again, unless what it left is
// damaged, passing over what it committed whole; an empty load; the merge's own bounds.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>

#include "indexer/article_document.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/sharded_writer.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "support/database_contents.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using namespace newsdesk::testing;

namespace {

Article article(int n) {
    Article a;
    a.id = "a" + std::to_string(n % 400);   // the later ones replace the earlier
    a.title = "Harbour talks " + std::to_string(n);
    a.body = "The harbour master said talks on berth " + std::to_string(n % 37) + " would go on.";
    a.language = "en";
    // Spellings whose canonical form the archive's evidence settles (SpeakerRegistry).
    a.speakers = {n % 3 ? "Ann Master" : "Ann Masters"};
    for (int i = 0; i < n % 4; ++i) a.quotes.push_back({a.speakers[0], "talks would go on " + std::to_string(i), "said", 17, false});
    return a;
}

// Each document by its id term. Document ids are left out: the bulk load numbers its
// writers' articles one writer after another, where one writer numbers them in the order
// they came.
std::map<std::string, std::string> documents_by_id(const std::filesystem::path& path) {
    const Xapian::Database db(path.string());
    const std::string id_prefix{schema::Id.prefix};
    std::map<std::string, std::string> out;
    for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
        auto id = db.termlist_begin(*d);
        id.skip_to(id_prefix);
        out[*id] = document_contents(db, *d);
    }
    return out;
}

// The digest the indexer keeps of an article as read (article_digest), here without settings.
std::uint64_t digest(int n) { return article_digest(article(n), ""); }

void load(ShardedWriter& w, int from, int to) {
    w.set_batch_size(53);
    for (int n = from; n < to; ++n) {
        auto text = text_document(article(n));
        set_digest(text, digest(n));
        w.add(article(n), std::move(text));
    }
}

// What a bulk load into DIR/db by two writers of articles 0 to `to` leaves when it crashes or
// fails after its last commit: the side databases in DIR/db.loading, and DIR/db empty. (A
// crash runs no destructor; an unfinished writer's keeps what was committed all the same.)
void leave_crashed_load(const TempDir& dir, int to) {
    const auto crashed = ShardedWriter::bulk_load(dir / "db", 2);
    load(*crashed, 0, to);
    crashed->commit();
}

// Marks the record of the side databases in `sides` as written before the system last started
// (a power cut in between), as the boot id Linux gives each boot would show.
void record_from_another_boot(const std::filesystem::path& sides) {
    std::ifstream in(sides / "committed");
    std::string revisions, last_docids, boot;
    std::getline(in, revisions);
    std::getline(in, last_docids);
    std::getline(in, boot);
    REQUIRE(boot.size() == 36);   // this boot's id, as Linux gives it
    std::ofstream(sides / "committed", std::ios::trunc) << revisions << '\n' << last_docids << '\n'
                                                        << "00000000-0000-0000-0000-000000000000\n";
}

// PATH without Xapian's checker for as long as it lives: side databases that are to be
// checked then count as damaged, as when the checker cannot run.
class NoChecker {
public:
    NoChecker() : path_(std::getenv("PATH") ? std::getenv("PATH") : "") { ::setenv("PATH", "/nonexistent", 1); }
    ~NoChecker() { ::setenv("PATH", path_.c_str(), 1); }
    NoChecker(const NoChecker&) = delete;
    NoChecker& operator=(const NoChecker&) = delete;

private:
    std::string path_;
};

} // namespace

TEST_CASE("bulk load: the merged database holds what one writer writes, laid out as one writer lays it out",
          "[indexer][bulk]") {
    TempDir dir;
    {
        ShardedWriter one(dir / "one");
        load(one, 0, 1500);
        one.finish();
    }
    for (const std::size_t writers : {2, 3}) {
        CAPTURE(writers);
        const auto path = dir / ("bulk" + std::to_string(writers));
        {
            const auto bulk = ShardedWriter::bulk_load(path, writers);
            load(*bulk, 0, 1500);
            bulk->commit();
            // Nothing is in the database before the merge; the side databases hold it.
            CHECK(Xapian::Database(path.string()).get_doccount() == 0);
            CHECK(std::filesystem::exists(dir / ("bulk" + std::to_string(writers) + ".loading")));
            bulk->finish();
            CHECK(bulk->article_count() == 400);
        }
        CHECK_FALSE(std::filesystem::exists(dir / ("bulk" + std::to_string(writers) + ".loading")));
        const Xapian::Database db(path.string());
        const auto articles = docids_of(db, schema::ArticleKind), quotes = docids_of(db, schema::QuoteKind);
        REQUIRE(articles.size() == 400);
        // Articles side by side from 1; quote records from where one database's start.
        CHECK(articles.front() == 1);
        CHECK(articles.back() == 400);
        REQUIRE_FALSE(quotes.empty());
        CHECK(quotes.front() >= schema::quote_docids_from(1));   // those replaced are gone
        // Given out in input order, as one writer gives them out: no more ids taken than it took.
        CHECK(quotes.back() == docids_of(Xapian::Database((dir / "one").string()), schema::QuoteKind).back());
        CHECK(db.get_doccount() == articles.size() + quotes.size());
        CHECK(db.get_metadata(std::string{schema::ShardCountKey}) == "1");
        CHECK(documents_by_id(path) == documents_by_id(dir / "one"));
        // A later run adds to it as to any database, after what is there.
        {
            ShardedWriter more(path);
            auto later = article(7000);
            later.id = "later";
            more.add(later);
            more.finish();
        }
        CHECK(docids_of(Xapian::Database(path.string()), schema::ArticleKind).back() == 401);
    }
}

TEST_CASE("bulk load: a load that stopped before its merge is taken up again, and the result is the same",
          "[indexer][bulk]") {
    TempDir dir;
    {
        ShardedWriter one(dir / "one");
        load(one, 0, 1200);
        one.finish();
    }
    const auto path = dir / "db";
    leave_crashed_load(dir, 700);
    CHECK(Xapian::Database(path.string()).get_doccount() == 0);   // untouched
    // And its merge was cut short in its first pass: what it began is not a side database, and
    // is made again.
    std::filesystem::create_directories(dir / "db.loading" / "articles.partial");
    std::ofstream(dir / "db.loading" / "articles.partial" / "iamglass") << "cut short";
    {
        const auto again = ShardedWriter::bulk_load(path, 2);
        CHECK(again->article_count() > 0);   // taken up
        load(*again, 0, 1200);
        again->finish();
    }
    CHECK(documents_by_id(path) == documents_by_id(dir / "one"));

    SECTION("side databases of another number of writers are started over") {
        const auto other = dir / "other";
        std::filesystem::create_directories(dir / "other.loading");
        std::filesystem::copy(dir / "one", dir / "other.loading" / "articles-0", std::filesystem::copy_options::recursive);
        std::filesystem::copy(dir / "one", dir / "other.loading" / "quotes-0", std::filesystem::copy_options::recursive);
        {
            const auto bulk = ShardedWriter::bulk_load(other, 2);
            bulk->add(article(1));
            bulk->finish();
        }
        CHECK(Xapian::Database(other.string()).get_doccount() == 2);   // the article and its quote record
    }
}

TEST_CASE("bulk load: side databases a crash left damaged are started over, not taken up", "[indexer][bulk]") {
    TempDir dir;
    {
        ShardedWriter one(dir / "one");
        load(one, 0, 600);
        one.finish();
    }
    const auto path = dir / "db";
    leave_crashed_load(dir, 600);
    // A power cut before the system wrote all that a side database's commit left to it (side
    // databases are not synced): a table cut short, and the system started again.
    const auto table = dir / "db.loading" / "articles-1" / "postlist.glass";
    REQUIRE(std::filesystem::file_size(table) > 8192);
    std::filesystem::resize_file(table, 8192);
    record_from_another_boot(dir / "db.loading");
    {
        const auto again = ShardedWriter::bulk_load(path, 2);
        // Started over: nothing the crashed load wrote is left to be merged in.
        CHECK(again->article_count() == 0);
        load(*again, 0, 600);
        again->finish();
    }
    CHECK(documents_by_id(path) == documents_by_id(dir / "one"));
}

TEST_CASE("bulk load: side databases are checked before they are taken up only when the system has started again since "
          "they were written", "[indexer][bulk]") {
    TempDir dir;
    const auto path = dir / "db", sides = dir / "db.loading";
    leave_crashed_load(dir, 300);
    // Without the checker, side databases that are to be checked count as damaged.
    NoChecker no_checker;
    SECTION("the same boot: a process that died, or a commit that failed, loses nothing the system holds") {
        const auto again = ShardedWriter::bulk_load(path, 2);
        CHECK(again->article_count() == 300);
    }
    SECTION("another boot: what the system had not written out may be lost, so they are checked") {
        record_from_another_boot(sides);
        const auto again = ShardedWriter::bulk_load(path, 2);
        CHECK(again->article_count() == 0);
    }
    SECTION("no record of their last commit: they are checked") {
        std::filesystem::remove(sides / "committed");
        const auto again = ShardedWriter::bulk_load(path, 2);
        CHECK(again->article_count() == 0);
    }
}

TEST_CASE("bulk load: a load that failed between its side databases' commits takes out that commit's articles and passes "
          "over the rest", "[indexer][bulk]") {
    TempDir dir;
    const auto path = dir / "db", sides = dir / "db.loading";
    const auto copy = [](const std::filesystem::path& from, const std::filesystem::path& to) {
        std::filesystem::remove_all(to);
        std::filesystem::copy(from, to, std::filesystem::copy_options::recursive);
    };
    // Articles 0 to 349, and a5 again, changed (article 405): rewritten in place.
    const auto load_all = [](ShardedWriter& w) {
        load(w, 0, 350);
        load(w, 405, 406);
    };
    {
        const auto bulk = ShardedWriter::bulk_load(path, 2);
        load(*bulk, 0, 300);
        bulk->commit();
        // The quote records and the record as this commit left them.
        copy(sides / "quotes", dir / "quotes-then");
        copy(sides / "committed", dir / "committed-then");
        load(*bulk, 300, 350);
        load(*bulk, 405, 406);
        bulk->commit();
    }
    const auto passed_over = [](ShardedWriter& w) {
        int n = 0;
        for (int a = 0; a < 350; ++a) n += w.unchanged(article(a).id, digest(a));
        return n + w.unchanged(article(405).id, digest(405));
    };

    SECTION("the quote records' commit failed: the articles that commit wrote are written again") {
        copy(dir / "quotes-then", sides / "quotes");
        copy(dir / "committed-then", sides / "committed");
        {
            const auto again = ShardedWriter::bulk_load(path, 2);
            CHECK(again->article_count() == 299);   // a0 to a299 but a5
            CHECK(passed_over(*again) == 299);
            load_all(*again);
            again->finish();
        }
        TempDir clean;
        {
            const auto bulk = ShardedWriter::bulk_load(clean / "db", 2);
            load_all(*bulk);
            bulk->finish();
        }
        CHECK(documents_by_id(path) == documents_by_id(clean / "db"));
    }
    SECTION("the record was not written: every article is passed over") {
        copy(dir / "committed-then", sides / "committed");
        const auto again = ShardedWriter::bulk_load(path, 2);
        CHECK(again->article_count() == 350);
        CHECK(passed_over(*again) == 350);
    }
    SECTION("no record: every article is written again") {
        std::filesystem::remove(sides / "committed");
        const auto again = ShardedWriter::bulk_load(path, 2);
        CHECK(again->article_count() == 350);
        CHECK(passed_over(*again) == 0);
    }
}

TEST_CASE("bulk load: a load that is not finished leaves the database empty, and beside it what it committed",
          "[indexer][bulk]") {
    TempDir dir;
    {
        const auto bulk = ShardedWriter::bulk_load(dir / "db", 2);
        load(*bulk, 0, 300);
        bulk->commit();
        load(*bulk, 300, 350);   // not committed
        CHECK(bulk->kept_note() == "the 300 articles it wrote are kept in " + (dir / "db.loading").string() +
                                       ": the same command with --writers 2 takes them up, passing over those unchanged "
                                       "(or remove that directory to start over)");
    }   // an error on the way: the writer is destroyed unfinished
    CHECK(Xapian::Database((dir / "db").string()).get_doccount() == 0);
    // What was committed and nothing more: the batch not committed is dropped as the side
    // databases close, where Xapian's destructor would commit it, articles and quote records
    // alike (the quote records' batch in its own database, with the writers' batches or not).
    int committed_quotes = 0;
    for (int n = 0; n < 300; ++n) committed_quotes += n % 4;
    CHECK(Xapian::Database((dir / "db.loading" / "quotes").string()).get_doccount() ==
          static_cast<Xapian::doccount>(committed_quotes));
    {
        const auto again = ShardedWriter::bulk_load(dir / "db", 2);
        CHECK(again->article_count() == 300);
        // So the side databases are as the last commit left them, and every article committed
        // is passed over when met again unchanged.
        int passed_over = 0;
        for (int n = 0; n < 300; ++n) passed_over += again->unchanged(article(n).id, digest(n));
        CHECK(passed_over == 300);
        CHECK_FALSE(again->unchanged(article(0).id, digest(0) + 1));
    }
    SECTION("one that wrote nothing leaves nothing") {
        std::filesystem::remove_all(dir / "db.loading");
        {
            const auto bulk = ShardedWriter::bulk_load(dir / "db", 2);
            CHECK(bulk->kept_note().empty());
        }
        CHECK_FALSE(std::filesystem::exists(dir / "db.loading"));
    }
}

TEST_CASE("bulk load: only a new or empty plain database is loaded in bulk", "[indexer][bulk]") {
    TempDir dir;
    CHECK(ShardedWriter::loads_in_bulk(dir / "new"));
    std::filesystem::create_directories(dir / "empty-directory");
    CHECK(ShardedWriter::loads_in_bulk(dir / "empty-directory"));
    {
        const auto nothing = ShardedWriter::bulk_load(dir / "none", 2);
        nothing->finish();   // no article: an empty database, marked as one writer marks it
    }
    CHECK(ShardedWriter::loads_in_bulk(dir / "none"));
    CHECK(Xapian::Database((dir / "none").string()).get_metadata(std::string{schema::VersionKey}) ==
          std::to_string(schema::Version));
    {
        ShardedWriter w(dir / "full");
        w.add(article(1));
        w.finish();
    }
    CHECK_FALSE(ShardedWriter::loads_in_bulk(dir / "full"));
    CHECK_THROWS_AS(ShardedWriter::bulk_load(dir / "full", 2), InvalidRequest);
    ShardedWriter::create(dir / "sharded", 2);
    CHECK_FALSE(ShardedWriter::loads_in_bulk(dir / "sharded"));
}
