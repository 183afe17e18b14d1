#pragma once
// Open an index to search it, or a writer to add and delete articles.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsdesk/article.hpp>
#include <newsdesk/errors.hpp>
#include <newsdesk/search.hpp>

namespace newsdesk {

struct OpenOptions {
    // For remote shards: the longest wait to connect, and for each answer, before the call
    // fails with DatabaseError naming the shard.
    std::chrono::milliseconds remote_timeout{10000};
};

// A database opened for searching. Each call reads the newest committed revision, so a
// long-lived Index sees articles committed after it was opened. Copies share one reader; use
// one Index per thread (open() again for another thread). Methods throw DatabaseError when
// the storage fails (or a remote shard does not answer: the message names it).
//
// A location is a database directory, a sharded database directory (see Writer), a Xapian
// stub file listing databases, or tcp://HOST:PORT: a shard served by xapian-tcpsrv. Several
// locations are searched as one archive: the same hits, scores and facet counts as one
// database holding everything.
class HitStream;

class Index {
public:
    // Throws DatabaseMissing, SchemaMismatch (naming the shard), DatabaseError.
    static Index open(const std::filesystem::path& location);
    static Index open_shards(const std::vector<std::string>& locations, const OpenOptions& options = {});

    // Ranked, faceted search of the articles. Throws QueryError, InvalidRequest, Timeout (past
    // request.deadline), Cancelled (request.cancelled said so).
    SearchResults search(const SearchRequest& request) const;
    // The same over quote records: each quote of every article on its own.
    QuoteResults quotes(const SearchRequest& request) const;
    // The hits of `request` one at a time, for exports of any size: from its offset, at most its
    // limit of them (SIZE_MAX: all), in its order, each with a snippet and its body when
    // `options` asks. Facets, histogram, collapse and count do not apply. The order is decided
    // first, keeping a few bytes per match; articles are read as the stream reaches them.
    // Throws as search() does.
    HitStream hits(const SearchRequest& request, const ExportOptions& options = {}) const;
    // Article count, date span and the top values of every facet.
    IndexInfo info(std::size_t facet_limit = 10) const;
    // The stored article with this id, body and quotes included.
    std::optional<Article> article(std::string_view id) const;
    // Every version of the story of the article with this id; nullopt when there is no such
    // article.
    std::optional<Story> story(std::string_view id) const;
    std::uint64_t article_count() const;

private:
    struct Impl;
    explicit Index(std::shared_ptr<Impl> impl);
    std::shared_ptr<Impl> impl_;
};

// A search's hits read one by one (Index::hits). Holds a reader of the database: use it on one
// thread. Articles committed while it is read are not in it; one deleted meanwhile is passed
// over.
class HitStream {
public:
    ~HitStream();
    HitStream(HitStream&&) noexcept;
    HitStream& operator=(HitStream&&) noexcept;
    // The next hit, ranked as search() ranks it (the first of offset 20 is 21), or nullopt after
    // the last. Throws DatabaseError.
    std::optional<Hit> next();
    std::uint64_t total() const;   // the hits it gives in all

    struct Impl;

private:
    friend class Index;
    explicit HitStream(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

struct WriterOptions {
    std::string default_language;       // for articles that do not give one; empty: detect
    std::filesystem::path aliases;      // speaker alias file added to the shipped defaults
    std::size_t batch_size = 500;       // articles per automatic commit
    // A batch is committed early when the heap in use reaches half of this.
    std::uint64_t memory_limit = std::uint64_t{1} << 30;
};

// Makes `path` a sharded database of `shards` shards (created empty if missing: the
// directory, shard-0 ... shard-N-1 and the stub file XAPIANDB listing them), or checks that
// the sharded database there has that many. Writer, index_archive() and Index then open the
// directory as one database. Throws InvalidRequest when `path` holds a plain database or
// another number of shards (articles are placed by a hash of their id modulo the count, so
// changing it means re-indexing into a new database), DatabaseLocked, DatabaseError.
void create_sharded_database(const std::filesystem::path& path, std::size_t shards);

// A database opened for writing, created if missing. One writer per database at a time.
// Nothing is visible to readers until commit() (or an automatic commit every batch_size
// articles); the destructor does not commit. On a sharded database each article, with its
// quote records, goes to the shard its id hashes to, and commit() commits every shard.
class Writer {
public:
    // Throws DatabaseLocked, SchemaMismatch, InvalidRequest (bad alias file), DatabaseError.
    explicit Writer(const std::filesystem::path& path, const WriterOptions& options = {});
    ~Writer();
    Writer(Writer&&) noexcept;
    Writer& operator=(Writer&&) noexcept;

    // Completes the article (language, speakers, quotes, countries) and adds it, replacing an
    // article with the same id; returns true if it replaced one. `article.id` must not be empty.
    bool add(Article article);
    // Deletes the article with this id and its quote records; returns false if there was none.
    bool remove(std::string_view id);
    // Commits; first settles again, within the same commit, the articles already written whose
    // people's names the changes since the last commit give another canonical form (README,
    // "One name per person across the archive").
    void commit();
    std::uint64_t article_count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace newsdesk
