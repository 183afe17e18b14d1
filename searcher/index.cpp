// newsdesk::Index, the public read side: Xapian stays behind this file.
#include <newsdesk/database.hpp>

#include "indexer/stored_article.hpp"
#include "schema/terms.hpp"
#include "schema/xapian_errors.hpp"
#include "searcher/database.hpp"
#include "searcher/info.hpp"
#include "searcher/search.hpp"

namespace newsdesk {

struct Index::Impl {
    Xapian::Database db;
};

Index::Index(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

Index Index::open(const std::filesystem::path& path) {
    return translate_xapian_errors([&] { return Index(std::make_shared<Impl>(Impl{open_database(path)})); });
}

SearchResults Index::search(const SearchRequest& request) const {
    return translate_xapian_errors([&] { return newsdesk::search(impl_->db, request); });
}

QuoteResults Index::quotes(const SearchRequest& request) const {
    return translate_xapian_errors([&] { return search_quotes(impl_->db, request); });
}

IndexInfo Index::info(std::size_t facet_limit) const {
    return translate_xapian_errors([&] { return index_info(impl_->db, facet_limit); });
}

std::optional<Article> Index::article(std::string_view id) const {
    return translate_xapian_errors([&] {
        return read_latest(impl_->db, [&](const Xapian::Database& db) -> std::optional<Article> {
            const auto term = schema::exact_term(schema::Id, id);
            const auto posting = db.postlist_begin(term);
            if (posting == db.postlist_end(term)) return std::nullopt;
            return from_document_data(db.get_document(*posting).get_data());
        });
    });
}

std::uint64_t Index::article_count() const {
    return translate_xapian_errors(
        [&] { return read_latest(impl_->db, [](const Xapian::Database& db) { return newsdesk::article_count(db); }); });
}

} // namespace newsdesk
