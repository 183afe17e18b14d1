#include "indexer/index_writer.hpp"

#include <algorithm>

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

IndexWriter::IndexWriter(const std::filesystem::path& path, SpeakerRegistry* names, std::size_t shards)
    : db_(open_writable(path)), names_(names) {
    schema::check_version(db_);
    if (db_.get_metadata(std::string{schema::VersionKey}).empty()) {
        db_.set_metadata(std::string{schema::VersionKey}, std::to_string(schema::Version));
        db_.set_metadata(std::string{schema::ShardCountKey}, std::to_string(shards));
        db_.commit();
    }
    place_documents();
    committed_ = Xapian::Database(path.string());
}

void IndexWriter::place_documents() {
    const auto stored = db_.get_metadata(std::string{schema::ShardCountKey});
    std::size_t shards = 0;
    try {
        shards = std::stoul(stored);
    } catch (const std::exception&) {
    }
    if (shards == 0)
        throw DatabaseError("database metadata " + std::string{schema::ShardCountKey} + " is '" + stored +
                            "', not a shard count: re-index the archive into a new database");
    quotes_from_ = schema::quote_docids_from(shards);
    last_docid_ = schema::last_docid(shards);
    next_article_ = schema::last_docid_holding(db_, schema::exact_term(schema::DocKind, schema::ArticleKind)) + 1;
    next_quote_ = std::max(quotes_from_, schema::last_docid_holding(db_, schema::exact_term(schema::DocKind, schema::QuoteKind)) + 1);
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
        if (next_article_ >= quotes_from_)
            throw DatabaseError("the database is full: it holds " + std::to_string(quotes_from_ - 1) +
                                " articles, as many as its document ids allow (index into more shards)");
        db_.replace_document(next_article_++, to_document(article, std::move(text)));
    }
    for_each_quote_document(article, [&](Xapian::Document quote) {
        if (next_quote_ > last_docid_ || next_quote_ < quotes_from_)   // the latter: wrapped past 2^32 - 1
            throw DatabaseError("the database is full: no document ids are left for quotes (index into more shards)");
        db_.replace_document(next_quote_++, quote);
    });
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
