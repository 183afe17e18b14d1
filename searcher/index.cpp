// newsdesk::Index, the public read side: Xapian stays behind this file.
#include <newsdesk/database.hpp>

#include "schema/stored_article.hpp"
#include "schema/terms.hpp"
#include "schema/xapian_errors.hpp"
#include "storage/column_file.hpp"
#include "storage/database.hpp"
#include "searcher/hit_stream.hpp"
#include "searcher/info.hpp"
#include "searcher/search.hpp"
#include "searcher/story.hpp"

namespace newsdesk {

struct Index::Impl {
    Xapian::Database db;
    std::vector<std::string> remote_shards;
    std::chrono::milliseconds remote_timeout;
    // Kept for one local database only: remote shards count where they are, and Xapian 1.4
    // shows a spy the document ids of a local shard in the shard's own numbering, which a
    // column of the whole cannot be looked up by.
    FacetColumns columns;
};

namespace {

// Xapian's errors as newsdesk's; a remote shard failing mid-call named (see
// describe_remote_failure()).
template <typename Work>
auto guarded(const std::vector<std::string>& remote_shards, std::chrono::milliseconds timeout, Work work) {
    return translate_xapian_errors([&] {
        try {
            return work();
        } catch (const Xapian::NetworkError& e) {   // NetworkTimeoutError too
            throw DatabaseError(describe_remote_failure(remote_shards, timeout, e.get_description()));
        }
    });
}

// Where the column file of the database at `location` would be: in its directory (a stub file
// or a sharded database's directory has none).
std::filesystem::path column_file_of(const std::string& location) {
    std::error_code failed;
    if (!std::filesystem::is_directory(location, failed) || std::filesystem::exists(std::filesystem::path(location) / "XAPIANDB", failed))
        return {};
    return std::filesystem::path(location) / ColumnFileName;
}

} // namespace

Index::Index(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

Index Index::open(const std::filesystem::path& location) { return open_shards({location.string()}); }

Index Index::open_shards(const std::vector<std::string>& locations, const OpenOptions& options) {
    return translate_xapian_errors([&] {
        auto opened = newsdesk::open_shards(locations, options.remote_timeout);
        // The column file the indexer leaves in an unsharded database's directory.
        const bool one_local = opened.local_shards.size() == 1 && opened.remote_shards.empty();
        auto columns = one_local ? FacetColumns(opened.local_shards.front(), column_file_of(locations.front())) : FacetColumns();
        return Index(std::make_shared<Impl>(Impl{std::move(opened.db), std::move(opened.remote_shards),
                                                 options.remote_timeout, std::move(columns)}));
    });
}

SearchResults Index::search(const SearchRequest& request) const {
    return guarded(impl_->remote_shards, impl_->remote_timeout, [&] { return newsdesk::search(impl_->db, request, !impl_->remote_shards.empty(), &impl_->columns); });
}

QuoteResults Index::quotes(const SearchRequest& request) const {
    return guarded(impl_->remote_shards, impl_->remote_timeout, [&] { return search_quotes(impl_->db, request, !impl_->remote_shards.empty()); });
}

HitStream Index::hits(const SearchRequest& request, const ExportOptions& options) const {
    return guarded(impl_->remote_shards, impl_->remote_timeout, [&] {
        return read_latest(impl_->db, [&](const Xapian::Database& db) {
            const bool one_local = impl_->remote_shards.empty() && db.size() == 1;
            return HitStream(std::make_unique<HitStream::Impl>(db, request, options, one_local));
        });
    });
}

IndexInfo Index::info(std::size_t facet_limit) const {
    return guarded(impl_->remote_shards, impl_->remote_timeout, [&] { return index_info(impl_->db, facet_limit, !impl_->remote_shards.empty(), &impl_->columns); });
}

std::optional<Article> Index::article(std::string_view id) const {
    return guarded(impl_->remote_shards, impl_->remote_timeout, [&] {
        return read_latest(impl_->db, [&](const Xapian::Database& db) -> std::optional<Article> {
            const auto term = schema::exact_term(schema::Id, id);
            const auto posting = db.postlist_begin(term);
            if (posting == db.postlist_end(term)) return std::nullopt;
            return from_document_data(db.get_document(*posting).get_data());
        });
    });
}

std::optional<Story> Index::story(std::string_view id) const {
    return guarded(impl_->remote_shards, impl_->remote_timeout, [&] {
        return read_latest(impl_->db, [&](const Xapian::Database& db) { return story_of_article(db, id); });
    });
}

std::uint64_t Index::article_count() const {
    return guarded(impl_->remote_shards, impl_->remote_timeout, [&] {
        return read_latest(impl_->db, [](const Xapian::Database& db) { return newsdesk::article_count(db); });
    });
}

} // namespace newsdesk
