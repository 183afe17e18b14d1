// Sharded databases: routing by article id, one archive over shards, stubs and remote shards.
#include <algorithm>
#include <fstream>
#include <set>

#include <catch2/catch.hpp>

#include <newsdesk/database.hpp>
#include <newsdesk/indexing.hpp>
#include "indexer/sharded_writer.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "searcher/facet_counter.hpp"
#include "storage/shard_location.hpp"
#include "support/canary.hpp"
#include "support/tcp_shard_server.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using namespace newsdesk::testing;

namespace {

Article article(std::string id, std::string body) {
    Article a;
    a.id = std::move(id);
    a.title = "Report " + a.id;
    a.body = std::move(body);
    a.language = "en";
    a.date = "2021-05-16";
    return a;
}

// The sample archive (data/sample) indexed into `db`, sharded if `shards`.
void index_sample(const std::filesystem::path& db, std::size_t shards = 0) {
    if (shards) create_sharded_database(db, shards);
    IndexOptions options;
    options.database = db;
    options.inputs = {std::filesystem::path(NEWSDESK_SOURCE_DIR) / "data" / "sample"};
    const auto summary = index_archive(options, {});
    REQUIRE(summary.added == 44);
}

// Hits in order with the same scores; among hits of equal score (and date, when sorted by
// date) Xapian orders by document number, which sharding interleaves, so those compare as sets
// (but for a run cut by the end of the page: which of its hits made the page depends on it).
template <typename Hits, typename Key>
void same_hits(const Hits& a, const Hits& b, Key key, bool by_date, bool more_beyond_page) {
    REQUIRE(a.size() == b.size());
    std::size_t start = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].rank == b[i].rank);
        CHECK(a[i].score == Approx(b[i].score).epsilon(1e-12));
        const bool run_ends = i + 1 == a.size() || a[i + 1].score != a[i].score ||
                              (by_date && key.date(a[i + 1]) != key.date(a[i]));
        if (!run_ends) continue;
        if (i + 1 == a.size() && more_beyond_page) break;
        std::multiset<std::string> left, right;
        for (std::size_t j = start; j <= i; ++j) left.insert(key.id(a[j])), right.insert(key.id(b[j]));
        CHECK(left == right);
        start = i + 1;
    }
}

struct ArticleKey {
    std::string id(const Hit& h) const { return h.article.id; }
    std::string date(const Hit& h) const { return h.article.date; }
};
struct QuoteKey {
    std::string id(const QuoteHit& h) const { return h.record.article.id + "|" + h.record.quote.text; }
    std::string date(const QuoteHit& h) const { return h.record.article.date; }
};

void same_facets(const std::vector<FacetResult>& a, const std::vector<FacetResult>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("facet " << a[i].name);
        REQUIRE(a[i].values.size() == b[i].values.size());
        for (std::size_t j = 0; j < a[i].values.size(); ++j) {
            CHECK(a[i].values[j].value == b[i].values[j].value);
            CHECK(a[i].values[j].count == b[i].values[j].count);
            CHECK(a[i].values[j].speaker_kind == b[i].values[j].speaker_kind);
        }
    }
}

// Searches `one` and `other` alike and requires the same answers.
void same_answers(const Index& one, const Index& other) {
    for (const auto* query : {"iran", "sanctions OR trade OR election", "\"maximum pressure\"", "speaker:rouhani",
                              "country:TR", "minist*", "quote:sanctions", "quote:\"new sanctions\" OR iran", ""}) {
        for (const auto sort : {SortOrder::Relevance, SortOrder::Newest}) {
            INFO("query '" << query << "', sort " << static_cast<int>(sort));
            SearchRequest r;
            r.query = query;
            r.sort = sort;
            r.limit = 100;
            r.facet_limit = 1000;
            for (const auto& f : schema::Facets)
                if (!f.quotes_only) r.facets.emplace_back(f.name);
            const auto a = one.search(r), b = other.search(r);
            CHECK(a.total == b.total);
            same_hits(a.hits, b.hits, ArticleKey{}, sort != SortOrder::Relevance, a.total > a.hits.size());
            same_facets(a.facets, b.facets);
            r.facets.emplace_back(schema::Verb.name);   // quotes have a facet of their own
            const auto qa = one.quotes(r), qb = other.quotes(r);
            CHECK(qa.total == qb.total);
            same_hits(qa.hits, qb.hits, QuoteKey{}, sort != SortOrder::Relevance, qa.total > qa.hits.size());
            same_facets(qa.facets, qb.facets);
        }
    }
    const auto ia = one.info(1000), ib = other.info(1000);
    CHECK(ia.articles == ib.articles);
    CHECK(ia.first_date == ib.first_date);
    CHECK(ia.last_date == ib.last_date);
    same_facets(ia.facets, ib.facets);
}

} // namespace

TEST_CASE("an article's shard is a fixed hash of its id term", "[shards]") {
    // Pinned: a change would send re-indexed articles to another shard than their old copy.
    CHECK(ShardedWriter::shard_of("2021-05-16-ankara", 3) == ShardedWriter::shard_of("2021-05-16-ankara", 3));
    CHECK(ShardedWriter::shard_of("2021-05-16-ankara", 7) == 5);
    CHECK(ShardedWriter::shard_of("000_b94c0258166ae0dd", 3) == 0);
    CHECK(ShardedWriter::shard_of("a", 1) == 0);
    // And the ids spread.
    std::vector<int> per_shard(4);
    for (int i = 0; i < 400; ++i) ++per_shard[ShardedWriter::shard_of("article-" + std::to_string(i), 4)];
    for (const int n : per_shard) CHECK(n > 70);
}

TEST_CASE("each article and its quote records go to the article's shard, where re-adding replaces it", "[shards]") {
    TempDir dir;
    const auto db = dir / "db";
    create_sharded_database(db, 3);
    std::vector<std::string> ids;
    {
        Writer w(db);
        for (int i = 0; i < 30; ++i) {
            ids.push_back("report-" + std::to_string(i));
            w.add(article(ids.back(), "\"Trade will grow,\" said Recep Tayyip Erdogan. Hassan Rouhani said talks went well."));
        }
        CHECK(w.add(article("report-7", "\"Prices will fall,\" said Hassan Rouhani.")));   // replaced
        w.commit();
        CHECK(w.article_count() == 30);
    }
    std::size_t quotes_seen = 0;
    for (const auto& id : ids) {
        const auto home = ShardedWriter::shard_of(id, 3);
        for (std::size_t s = 0; s < 3; ++s) {
            const Xapian::Database shard((db / shard_directory_name(s)).string());
            const auto article_docs = shard.get_termfreq(schema::exact_term(schema::Id, id));
            const auto quote_docs = shard.get_termfreq(schema::exact_term(schema::ArticleId, id));
            INFO(id << " in shard " << s);
            CHECK(article_docs == (s == home ? 1u : 0u));
            if (s != home) CHECK(quote_docs == 0);
            quotes_seen += quote_docs;
        }
    }
    CHECK(quotes_seen == 29 * 2 + 1);   // report-7's two old quotes went with it
    Writer w(db);
    CHECK(w.remove("report-3"));
    CHECK_FALSE(w.remove("report-3"));
    w.commit();
    const auto index = Index::open(db);
    CHECK(index.article_count() == 29);
    CHECK_FALSE(index.article("report-3"));
    REQUIRE(index.article("report-7"));
    CHECK(index.article("report-7")->body.find("Prices") != std::string::npos);
}

TEST_CASE("a sharded database answers as one database holding everything", "[shards]") {
    TempDir dir;
    index_sample(dir / "one");
    index_sample(dir / "three", 3);
    for (std::size_t s = 0; s < 3; ++s)   // every shard holds some of the archive
        CHECK(Xapian::Database((dir / "three" / shard_directory_name(s)).string()).get_doccount() > 0);
    const auto one = Index::open(dir / "one");
    SECTION("the directory") { same_answers(one, Index::open(dir / "three")); }
    SECTION("the stub file") { same_answers(one, Index::open(dir / "three" / std::string{StubFileName})); }
    SECTION("the shards listed one by one") {
        std::vector<std::string> shards;
        for (std::size_t s = 0; s < 3; ++s) shards.push_back((dir / "three" / shard_directory_name(s)).string());
        same_answers(one, Index::open_shards(shards));
    }
}

TEST_CASE("three xapian-tcpsrv serving three shards answer as one database", "[shards][remote]") {
    const auto program = tcpsrv_program();
    if (program.empty()) return;
    TempDir dir;
    index_sample(dir / "one");
    index_sample(dir / "three", 3);
    std::vector<std::unique_ptr<TcpShardServer>> servers;
    std::vector<std::string> locations;
    for (std::size_t s = 0; s < 3; ++s) {
        servers.push_back(std::make_unique<TcpShardServer>(program, dir / "three" / shard_directory_name(s)));
        locations.push_back(servers.back()->location());
    }
    const auto remote = Index::open_shards(locations);
    same_answers(Index::open(dir / "one"), remote);
    {
        // A stub file naming them, as `newsdesk serve --db remote.stub` is given.
        std::string lines;
        for (const auto& server : servers) lines += "remote 127.0.0.1:" + std::to_string(server->port()) + "\n";
        const auto stub = Index::open(dir.write("remote.stub", lines));
        CHECK(stub.article_count() == 44);
        SearchRequest r;
        r.query = "iran";
        CHECK(stub.search(r).total == remote.search(r).total);
    }

    SECTION("a shard that stops answering is named, after the timeout") {
        OpenOptions quick;
        quick.remote_timeout = std::chrono::milliseconds(500);
        const auto index = Index::open_shards(locations, quick);
        servers[1]->freeze();
        const auto started = std::chrono::steady_clock::now();
        SearchRequest r;
        r.query = "iran";
        CHECK_THROWS_WITH(index.search(r), Catch::Contains(locations[1]) && !Catch::Contains(locations[0]));
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    }
    SECTION("a shard that dies after opening is named") {
        servers[2]->stop();
        SearchRequest r;
        r.query = "iran";
        CHECK_THROWS_AS(remote.search(r), DatabaseError);
        CHECK_THROWS_WITH(remote.search(r), Catch::Contains(locations[2]));
        CHECK_THROWS_WITH(Index::open_shards(locations), Catch::Contains(locations[2]));
    }
}

TEST_CASE("every shard's schema version is checked, not only the first one's", "[shards]") {
    TempDir dir;
    create_sharded_database(dir / "db", 3);
    {
        // Metadata of a multi-database is the first shard's: a stale third shard would pass
        // a check made through the stub.
        Xapian::WritableDatabase third((dir / "db" / shard_directory_name(2)).string());
        third.set_metadata(std::string{schema::VersionKey}, "1");
        third.commit();
    }
    CHECK(Xapian::Database((dir / "db").string()).get_metadata(std::string{schema::VersionKey}) ==
          std::to_string(schema::Version));
    CHECK_THROWS_AS(Index::open(dir / "db"), SchemaMismatch);
    CHECK_THROWS_WITH(Index::open(dir / "db"), Catch::Contains("shard-2"));
    CHECK_THROWS_AS(Writer(dir / "db"), SchemaMismatch);
}

TEST_CASE("a sharded database keeps its shard count, and one writer at a time", "[shards]") {
    TempDir dir;
    create_sharded_database(dir / "db", 3);
    CHECK_NOTHROW(create_sharded_database(dir / "db", 3));
    CHECK_THROWS_AS(create_sharded_database(dir / "db", 4), InvalidRequest);
    CHECK_THROWS_AS(create_sharded_database(dir / "db", 0), InvalidRequest);
    {
        Writer plain(dir / "plain");
        plain.commit();
    }
    CHECK_THROWS_AS(create_sharded_database(dir / "plain", 2), InvalidRequest);
    CHECK_THROWS_AS(Writer("tcp://127.0.0.1:7000"), InvalidRequest);   // not a directory named tcp:
    CHECK_THROWS_AS(create_sharded_database("tcp://127.0.0.1:7000", 2), InvalidRequest);
    Writer first(dir / "db");
    CHECK_THROWS_AS(Writer(dir / "db"), DatabaseLocked);
    CHECK(Index::open(dir / "db").article_count() == 0);   // empty shards open fine
}

TEST_CASE("stub files and locations are read as Xapian reads them", "[shards]") {
    TempDir dir;
    const auto stub = dir.write("sub/XAPIANDB", "# a comment\nauto shard-0\nglass /abs/shard-1\nremote 10.0.0.2:3300\n"
                                               "remote [::1]:3301\n");
    const auto shards = read_stub(stub, RemoteShards::Allowed);
    REQUIRE(shards.size() == 4);
    CHECK(shards[0].to_string() == (dir / "sub" / "shard-0").string());
    CHECK(shards[1].to_string() == "/abs/shard-1");
    CHECK(shards[2].to_string() == "tcp://10.0.0.2:3300");
    CHECK(shards[3].to_string() == "tcp://[::1]:3301");
    CHECK(stub_file_of(dir / "sub") == stub);
    CHECK(stub_file_of(stub) == stub);
    CHECK_FALSE(stub_file_of(dir / "nothing"));
    CHECK_THROWS_AS(read_stub(dir.write("bad", "auto a\nnonsense b\n")), DatabaseError);
    CHECK_THROWS_WITH(read_stub(dir / "bad"), Catch::StartsWith((dir / "bad").string() + ":2: "));
    CHECK(parse_location("tcp://127.0.0.1:8000").port == 8000);
    CHECK(parse_location("news.db").kind == ShardLocation::Kind::Local);
    CHECK_THROWS_AS(parse_location("tcp://host"), InvalidRequest);
    CHECK_THROWS_AS(parse_location("tcp://host:99999"), InvalidRequest);
}

TEST_CASE("a stub may list remote shards only where the user asked for them, and never a program", "[shards]") {
    TempDir dir;
    const auto stub = dir.write("sub/XAPIANDB", "auto shard-0\nremote 10.0.0.2:3300\n");
    CHECK(read_stub(stub, RemoteShards::Allowed).size() == 2);
    CHECK_THROWS_AS(read_stub(stub), DatabaseError);
    CHECK_THROWS_WITH(read_stub(stub), Catch::StartsWith(stub.string() + ":2: remote shard 10.0.0.2:3300 refused"));
    for (const auto remote : {RemoteShards::Refused, RemoteShards::Allowed}) {
        const auto program = dir.write("program.stub", "# a comment\nauto shard-0\nremote :ssh host xapian-progsrv db\n");
        CHECK_THROWS_AS(read_stub(program, remote), DatabaseError);
        CHECK_THROWS_WITH(read_stub(program, remote), Catch::StartsWith(program.string() + ":3: 'remote :PROGRAM'"));
    }
    // A database directory's own stub may not reach out; it is refused before any connection.
    create_sharded_database(dir / "db", 2);
    dir.write("db/XAPIANDB", "auto shard-0\nremote 127.0.0.1:1\n");
    CHECK_THROWS_AS(Index::open(dir / "db"), DatabaseError);
    CHECK_THROWS_WITH(Index::open(dir / "db"), Catch::Contains("XAPIANDB:2: remote shard 127.0.0.1:1 refused"));
    // The same line in a stub file the user names is a remote shard asked for (here, down).
    const auto named = dir.write("remote.stub", "auto db/shard-0\nremote 127.0.0.1:1\n");
    CHECK_THROWS_WITH(Index::open(named), Catch::Contains("remote shard tcp://127.0.0.1:1 cannot be opened"));
    // ... but not in a stub that one lists.
    dir.write("outer.stub", "auto db\n");
    CHECK_THROWS_WITH(Index::open(dir / "outer.stub"), Catch::Contains("XAPIANDB:2: remote shard 127.0.0.1:1 refused"));
}

TEST_CASE("no stub runs a program: `remote :` is refused wherever it hides, reading and writing", "[shards]") {
    TempDir dir;
    const Canary canary(dir);
    const auto& ran = canary.ran;
    const auto program_line = canary.stub_line();
    {
        // The attack is real: Xapian left to itself runs the canary.
        const auto control = dir / "control";
        CHECK_THROWS(Xapian::Database(dir.write("control.stub", canary.stub_line(control)).string()));
        REQUIRE(std::filesystem::exists(control));
    }
    index_sample(dir / "db", 2);
    const auto original = dir.write("db/XAPIANDB", "auto shard-0\nauto shard-1\n" + program_line);
    const auto refused = Catch::Contains(original.string() + ":3: 'remote :PROGRAM' runs a program");
    CHECK_THROWS_AS(Index::open(dir / "db"), DatabaseError);
    CHECK_THROWS_WITH(Index::open(dir / "db"), refused);
    CHECK_THROWS_WITH(Index::open(original), refused);   // named: remote shards allowed, programs not
    CHECK_THROWS_WITH(Writer(dir / "db"), refused);

    // A stub file given by name, binary or not (Xapian takes a file without its magic for a stub).
    const auto named = dir.write("named.stub", "auto db/shard-0\n" + program_line);
    CHECK_THROWS_WITH(Index::open(named), Catch::Contains(named.string() + ":2: 'remote :PROGRAM'"));
    CHECK_THROWS_WITH(Writer(named), Catch::Contains(named.string() + ":2: 'remote :PROGRAM'"));
    const auto binary = dir.write("binary", std::string("#\0\n", 3) + program_line);
    CHECK_THROWS_WITH(Index::open(binary), Catch::Contains(binary.string() + ":2: 'remote :PROGRAM'"));
    CHECK_THROWS_AS(Writer(binary), DatabaseError);
    // A file that starts like a single-file glass database is opened as one, never as a stub.
    const auto magic = dir.write("magic", std::string("\x0f\x0dXapian Glass\n") + program_line);
    CHECK_THROWS_AS(Index::open(magic), DatabaseError);
    CHECK_THROWS_AS(Writer(magic), DatabaseError);
    const auto single = dir / "single";   // a real one opens
    Xapian::Database((dir / "db" / "shard-0").string(), Xapian::DB_BACKEND_GLASS)
        .compact(single.string(), Xapian::DBCOMPACT_SINGLE_FILE | Xapian::DBCOMPACT_NO_RENUMBER);
    CHECK(Index::open(single).article_count() == Index::open(dir / "db" / "shard-0").article_count());

    // Stubs nested below the database: a shard that is a stub directory, a glass shard with a
    // stub dropped into it, a stub file listed as a shard, and the names database.
    dir.write("db/XAPIANDB", "auto shard-0\nauto shard-1\n");
    dir.write("db/shard-1/XAPIANDB", program_line);
    CHECK_THROWS_WITH(Index::open(dir / "db"), Catch::Contains("shard-1/XAPIANDB:1: 'remote :PROGRAM'"));
    CHECK_THROWS_AS(Writer(dir / "db"), DatabaseError);
    dir.write("db/XAPIANDB", "auto shard-0\nauto shard-1\nauto elsewhere\n");
    std::filesystem::remove(dir / "db" / "shard-1" / "XAPIANDB");
    dir.write("db/elsewhere/XAPIANDB", program_line);
    CHECK_THROWS_WITH(Index::open(dir / "db"), Catch::Contains("elsewhere/XAPIANDB:1: 'remote :PROGRAM'"));
    CHECK_THROWS_AS(Writer(dir / "db"), DatabaseError);
    dir.write("db/XAPIANDB", "auto shard-0\nauto shard-1\nauto named.stub\n");
    std::filesystem::copy_file(named, dir / "db" / "named.stub");
    CHECK_THROWS_WITH(Index::open(dir / "db"), Catch::Contains("named.stub:2: 'remote :PROGRAM'"));
    CHECK_THROWS_AS(Writer(dir / "db"), DatabaseError);
    dir.write("db/XAPIANDB", "auto shard-0\nauto shard-1\n");
    std::filesystem::remove_all(dir / "db" / "names");
    dir.write("db/names", program_line);
    CHECK(Index::open(dir / "db").article_count() == 44);   // the readers never open names
    CHECK_THROWS_AS(Writer(dir / "db"), DatabaseError);
    dir.write("plain/XAPIANDB", program_line);   // a database directory given a stub
    CHECK_THROWS_AS(Index::open(dir / "plain"), DatabaseError);
    CHECK_THROWS_AS(Writer(dir / "plain"), DatabaseError);

    CHECK_FALSE(std::filesystem::exists(ran));
}

TEST_CASE("facet counts: each document once per value, from Xapian's own spy", "[facets]") {
    Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
    const auto sep = std::string(1, schema::MultiValueSeparator);
    const auto people = schema::value_no(schema::Slot::Speakers), orgs = schema::value_no(schema::Slot::Organisations);
    for (const auto& [p, o] : std::vector<std::pair<std::string, std::string>>{
             {"Ann" + sep + "Bob", "Reuters"}, {"Bob", ""}, {"Ann" + sep + "Ann", "Reuters" + sep + "Unicef"}, {"", ""}}) {
        Xapian::Document d;
        if (!p.empty()) d.add_value(people, p);
        if (!o.empty()) d.add_value(orgs, o);
        db.add_document(d);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    SlotSpies spies(enquire);
    FacetCounter counter(spies, {people, orgs}), only_people(spies, {people});   // one spy per slot
    enquire.get_mset(0, 0, db.get_doccount());
    const auto find = [](const FacetCounter::Counts& counts, std::string_view value) {
        const auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == value; });
        REQUIRE(it != counts.end());
        REQUIRE(std::count_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == value; }) == 1);
        return it->second;
    };
    CHECK(find(only_people.counts(), "Bob").documents == 2);
    const auto counts = counter.counts();
    REQUIRE(counts.size() == 4);
    CHECK(find(counts, "Ann").documents == 2);   // a value twice in one slot counts once
    CHECK(find(counts, "Bob").documents == 2);
    CHECK(find(counts, "Reuters").documents == 2);
    CHECK(find(counts, "Unicef").documents == 1);
    CHECK(find(counts, "Ann").slot_index == 0);
    CHECK(find(counts, "Reuters").slot_index == 1);
}

TEST_CASE("a surname known in several longer forms is kept as it is, whatever the shard", "[shards]") {
    // One database keeps "Reagan" when it knows two Reagans; a shard that knows only one of
    // them must not settle it to that one.
    TempDir dir;
    create_sharded_database(dir / "db", 2);
    auto id_in = [](std::size_t shard, int from) {
        for (int i = from;; ++i)
            if (ShardedWriter::shard_of("r" + std::to_string(i), 2) == shard) return "r" + std::to_string(i);
    };
    const auto ronald = id_in(0, 0), nancy = id_in(1, 0), bare = id_in(0, 1000);
    {
        Writer w(dir / "db");
        for (const auto& [id, name] : {std::pair{ronald, "Ronald Reagan"}, {nancy, "Nancy Reagan"}, {bare, "Reagan"}}) {
            auto a = article(id, "Nothing was said.");
            a.speakers = {name};
            w.add(a);
        }
        w.commit();
    }
    SearchRequest r;
    r.facets = {"person"};
    const auto people = Index::open(dir / "db").search(r).facets.at(0).values;
    REQUIRE(people.size() == 3);
    for (const auto& v : people) CHECK(v.count == 1);
}
