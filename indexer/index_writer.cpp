#include "indexer/index_writer.hpp"

#include <malloc.h>

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

// Bytes of heap in use. Xapian keeps a batch's postings on the heap until commit, and their
// size depends on the articles (one 50 MB article outweighs a thousand short ones), so the
// bound is checked on the heap itself rather than guessed from an article count.
std::uint64_t heap_in_use() {
    const auto info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

} // namespace

IndexWriter::IndexWriter(const std::filesystem::path& path) : db_(open_writable(path)) {
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
    speakers_.settle(article);
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
    if (++pending_ >= batch_size_ || (pending_ % 8 == 0 && heap_in_use() > memory_limit_)) commit();
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
    ++commits_;
    committed_.reopen();
    batch_ids_.clear();
    batch_removed_.clear();
    pending_ = 0;
}

} // namespace newsdesk
