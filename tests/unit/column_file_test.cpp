// The facet column file an indexing run leaves beside an unsharded database: one-off readers
// count from it what the lists give, bring it forward through the change log, and set aside a
// file that is stale beyond the log, foreign or damaged.
#include <algorithm>
#include <fstream>
#include <set>

#include <catch2/catch.hpp>

#include <newsdesk/database.hpp>
#include <newsdesk/indexing.hpp>
#include "indexer/index_writer.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "storage/column_file.hpp"
#include "storage/database.hpp"
#include "support/column_values.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::TempDir;
using newsdesk::testing::values_by_docid;

namespace {

IndexSummary index_into(const std::filesystem::path& db, const std::filesystem::path& input) {
    IndexOptions options;
    options.database = db;
    options.inputs = {input};
    return index_archive(options, {});
}

std::filesystem::path sample() { return std::filesystem::path(NEWSDESK_SOURCE_DIR) / "data" / "sample"; }

// Every facet's values and counts for a query, from a new reader: a one-off search.
std::vector<std::tuple<std::string, std::string, std::uint64_t>> counted(const std::filesystem::path& db, const std::string& query) {
    SearchRequest r;
    r.query = query;
    r.facets = {"speaker", "person", "organisation", "country", "focus", "dateline_country", "source", "lang", "dateline", "year", "month"};
    r.facet_limit = 1000;
    // And a timeline by the last column's facet (the one the damage below falls in), whose
    // series a one-off reader counts from the columns.
    r.histogram = Interval::Year;
    r.histogram_by = "dateline_country";
    r.histogram_series = 1000;
    std::vector<std::tuple<std::string, std::string, std::uint64_t>> out;
    const auto results = Index::open(db).search(r);
    for (const auto& f : results.facets)
        for (const auto& v : f.values) out.emplace_back(f.name, v.value, v.count);
    for (const auto& s : results.histogram->series) {
        out.emplace_back("series", s.value.value, s.value.count);
        for (std::size_t p = 0; p < s.counts.size(); ++p) out.emplace_back(s.value.value, results.histogram->periods[p].period, s.counts[p]);
    }
    return out;
}

// How many articles' numbers in the column file's columns are damaged (SlotColumn::values_of).
std::size_t damaged_articles(const std::filesystem::path& db_path) {
    const auto file = ColumnFile::open(db_path / ColumnFileName);
    REQUIRE(file);
    std::size_t damaged = 0;
    for (const auto slot : file->slots()) {
        const auto column = file->column(slot);
        REQUIRE(column);
        for (Xapian::docid d = 1; column->covers(d); ++d) damaged += !column->values_of(d);
    }
    return damaged;
}

// Whether a one-off reader takes every counted slot from the file (its first count: without a
// file it builds none) holding what columns built afresh hold.
bool file_serves(const std::filesystem::path& db_path) {
    const auto db = open_database(db_path);
    FacetColumns columns(db, db_path / ColumnFileName);
    const auto last = schema::last_docid_holding(db, schema::exact_term(schema::DocKind, schema::ArticleKind));   // quotes lie above
    for (const auto slot : counted_slots()) {
        const auto* column = columns.column(db, slot);
        if (!column) return false;
        INFO("slot " << slot);
        CHECK(values_by_docid(*column, last) == values_by_docid(SlotColumn(db, slot), last));
    }
    return true;
}

const std::vector<std::string> Queries{"", "minister", "country:GB", "NOT country:US", "\"said on\""};

void check_counts_as_lists(const std::filesystem::path& db) {
    std::vector<std::vector<std::tuple<std::string, std::string, std::uint64_t>>> with_file;
    for (const auto& q : Queries) with_file.push_back(counted(db, q));
    const auto file = db / ColumnFileName;
    const auto aside = db.parent_path() / "aside";
    std::filesystem::rename(file, aside);
    for (std::size_t i = 0; i < Queries.size(); ++i) {
        INFO("query " << Queries[i]);
        CHECK(with_file[i] == counted(db, Queries[i]));
        CHECK_FALSE(with_file[i].empty());
    }
    std::filesystem::rename(aside, file);
}

} // namespace

TEST_CASE("an indexing run leaves facet columns that one-off searches count from as from the lists", "[facets][columns]") {
    TempDir dir;
    const auto db = dir / "db";
    const auto summary = index_into(db, sample());
    CHECK(summary.columns_not_saved.empty());
    REQUIRE(std::filesystem::exists(db / ColumnFileName));
    CHECK(file_serves(db));
    check_counts_as_lists(db);

    // Articles added by a writer that leaves no file: the file is brought forward by the log.
    {
        IndexWriter w(db);
        Article a;
        a.id = "added-later";
        a.title = "Minister visits Paris";
        a.body = "The minister said on Monday that talks with France would go on.";
        a.language = "en";
        a.date = "2024-02-01";
        a.speakers = {"Ann Lee"};
        a.countries = {"FR"};
        w.add(a);
        w.commit();
    }
    CHECK(file_serves(db));
    check_counts_as_lists(db);

    // A run adding nothing writes the file of the revision it finds.
    const auto again = index_into(db, sample());
    CHECK(again.columns_not_saved.empty());
    CHECK(file_serves(db));
    const auto rewritten = ColumnFile::open(db / ColumnFileName);
    REQUIRE(rewritten);
    CHECK(rewritten->revision() == open_database(db).get_revision());   // written at that revision, not left behind

    // A commit the log does not know of (another program's): the file is set aside.
    {
        Xapian::WritableDatabase w(db.string());
        w.set_metadata("note", "written by hand");
        w.commit();
    }
    CHECK_FALSE(file_serves(db));
}

TEST_CASE("a damaged or foreign column file is set aside, never trusted", "[facets][columns]") {
    TempDir dir;
    const auto db = dir / "db";
    index_into(db, sample());
    const auto file = db / ColumnFileName;
    std::string good;
    {
        std::ifstream in(file, std::ios::binary);
        good.assign(std::istreambuf_iterator<char>(in), {});
    }
    REQUIRE(good.size() > 100);
    const auto write = [&](const std::string& content) {
        std::ofstream(file, std::ios::binary | std::ios::trunc) << content;
    };
    const auto counts_as_lists = [&](const std::string& what) {
        INFO(what);
        for (const auto& q : Queries) {
            const auto from_file = counted(db, q);
            std::filesystem::rename(file, dir / "aside");
            CHECK(from_file == counted(db, q));
            std::filesystem::rename(dir / "aside", file);
        }
    };
    // Cut short anywhere: in the header, the dictionary, the table or the numbers.
    for (const auto cut : {std::size_t{0}, std::size_t{10}, good.size() / 8, good.size() / 2, good.size() - 4}) {
        write(good.substr(0, cut));
        INFO("cut at " << cut);
        CHECK_FALSE(file_serves(db));
    }
    // A number naming no value (the last four bytes: the last article's last number). A search
    // reads only its matches' numbers, checking them as it goes: the article whose numbers
    // are damaged is counted from its document, the rest from the file.
    auto bad_number = good;
    const std::uint32_t nothing = 0xfffffff0;
    bad_number.replace(bad_number.size() - 4, 4, reinterpret_cast<const char*>(&nothing), 4);
    write(bad_number);
    CHECK(damaged_articles(db) == 1);
    counts_as_lists("a number naming no value");
    // A start beyond the numbers, halfway through the last column (whose numbers end the
    // file): the two articles it bounds.
    {
        write(good);
        const auto file_now = ColumnFile::open(file);
        REQUIRE(file_now);
        const auto last = file_now->column(file_now->slots().back());
        REQUIRE(last);
        const auto starts = last->starts(), numbers = last->ordinals();
        const auto* middle = starts.data() + starts.size() / 2;
        const auto at = good.size() - sizeof(std::uint32_t) * static_cast<std::size_t>(numbers.data() + numbers.size() - middle);
        auto bad_start = good;
        bad_start.replace(at, 4, reinterpret_cast<const char*>(&nothing), 4);
        write(bad_start);
    }
    CHECK(damaged_articles(db) == 2);
    counts_as_lists("a start beyond the numbers");
    // Brought forward past an article rewritten in place: the damaged column is read again
    // from the slot rather than copied around the article.
    {
        SearchRequest first;
        first.limit = 1;
        const auto id = Index::open(db).search(first).hits.at(0).article.id;
        auto rewritten = Index::open(db).article(id);
        REQUIRE(rewritten);
        rewritten->title += " (corrected)";
        IndexWriter w(db);
        CHECK(w.add(*rewritten));   // replaced
        w.commit();
    }
    counts_as_lists("a damaged file brought forward");
    // Noise in place of the file.
    write(std::string(good.size(), '\x5a'));
    CHECK_FALSE(file_serves(db));
    counts_as_lists("noise");

    // Another database's file, however sound, is not this one's.
    const auto other = dir / "other";
    index_into(other, sample());
    std::filesystem::copy_file(other / ColumnFileName, file, std::filesystem::copy_options::overwrite_existing);
    CHECK_FALSE(file_serves(db));
    counts_as_lists("another database's file");
    write(good);
    CHECK(file_serves(db));
}

TEST_CASE("a sharded database gets no column file: its readers count from the lists", "[facets][columns][shards]") {
    TempDir dir;
    const auto db = dir / "db";
    create_sharded_database(db, 2);
    const auto summary = index_into(db, sample());
    CHECK(summary.columns_not_saved.empty());
    for (const auto& entry : std::filesystem::recursive_directory_iterator(db))
        CHECK(entry.path().filename() != ColumnFileName);
}
