#include "indexer/index_writer.hpp"

#include "indexer/article_document.hpp"
#include "schema/terms.hpp"

namespace newsdesk {
namespace {

Xapian::WritableDatabase open_writable(const std::filesystem::path& path) {
    try {
        return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw DatabaseLocked("database " + path.string() + " is being written by another newsdesk process");
    }
}

} // namespace

IndexWriter::IndexWriter(const std::filesystem::path& path, SpeakerRegistry* names)
    : db_(open_writable(path)), names_(names) {
    schema::check_version(db_);
    if (db_.get_metadata(std::string{schema::VersionKey}).empty()) {
        db_.set_metadata(std::string{schema::VersionKey}, std::to_string(schema::Version));
        db_.commit();
    }
    committed_ = Xapian::Database(path.string());
}

bool IndexWriter::add(Article article) {
    auto text = text_document(article);
    return add(std::move(article), std::move(text));
}

bool IndexWriter::add(Article article, Xapian::Document text) {
    (names_ ? *names_ : speakers_).settle(article);
    const auto id_term = schema::exact_term(schema::Id, article.id);
    const bool existed = exists(id_term);
    if (existed) {
        db_.replace_document(id_term, to_document(article, std::move(text)));
        db_.delete_document(schema::exact_term(schema::ArticleId, article.id));   // its old quotes
    } else {
        db_.add_document(to_document(article, std::move(text)));
    }
    for (auto& quote : to_quote_documents(article)) db_.add_document(quote);
    batch_ids_.insert(id_term);
    batch_removed_.erase(id_term);
    if (++pending_ >= batch_size_) commit();
    return existed;
}

bool IndexWriter::exists(const std::string& id_term) const {
    if (batch_ids_.contains(id_term)) return true;
    return !batch_removed_.contains(id_term) && committed_.term_exists(id_term);
}

bool IndexWriter::remove(const std::string& id) {
    const auto id_term = schema::exact_term(schema::Id, id);
    if (!exists(id_term)) return false;
    db_.delete_document(id_term);
    db_.delete_document(schema::exact_term(schema::ArticleId, id));
    batch_ids_.erase(id_term);
    batch_removed_.insert(id_term);
    // Counts as pending work, so that the next commit() writes it.
    if (++pending_ >= batch_size_) commit();
    return true;
}

Xapian::doccount IndexWriter::article_count() const {
    return db_.get_termfreq(schema::exact_term(schema::DocKind, schema::ArticleKind));
}

void IndexWriter::commit() {
    db_.commit();
    committed_.reopen();
    batch_ids_.clear();
    batch_removed_.clear();
    pending_ = 0;
}

} // namespace newsdesk
