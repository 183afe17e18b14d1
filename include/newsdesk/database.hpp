#pragma once
// Open an index to search it, or a writer to add and delete articles.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <newsdesk/article.hpp>
#include <newsdesk/errors.hpp>
#include <newsdesk/search.hpp>

namespace newsdesk {

// A database opened for searching. Each call reads the newest committed revision, so a
// long-lived Index sees articles committed after it was opened. Copies share one reader; use
// one Index per thread (open() again for another thread). Methods throw DatabaseError when
// the storage fails.
class Index {
public:
    // Throws DatabaseMissing, SchemaMismatch.
    static Index open(const std::filesystem::path& path);

    // Ranked, faceted search of the articles. Throws QueryError, InvalidRequest.
    SearchResults search(const SearchRequest& request) const;
    // The same over quote records: each quote of every article on its own.
    QuoteResults quotes(const SearchRequest& request) const;
    // Article count, date span and the top values of every facet.
    IndexInfo info(std::size_t facet_limit = 10) const;
    // The stored article with this id, body and quotes included.
    std::optional<Article> article(std::string_view id) const;
    std::uint64_t article_count() const;

private:
    struct Impl;
    explicit Index(std::shared_ptr<Impl> impl);
    std::shared_ptr<Impl> impl_;
};

struct WriterOptions {
    std::string default_language;       // for articles that do not give one; empty: detect
    std::filesystem::path aliases;      // speaker alias file added to the shipped defaults
    std::size_t batch_size = 500;       // articles per automatic commit
};

// A database opened for writing, created if missing. One writer per database at a time.
// Nothing is visible to readers until commit() (or an automatic commit every batch_size
// articles); the destructor does not commit.
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
    void commit();
    std::uint64_t article_count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace newsdesk
