#include "indexer/index_writer.hpp"

#include <algorithm>
#include <set>

#include "indexer/article_document.hpp"
#include "indexer/writable_database.hpp"
#include "schema/change_log.hpp"
#include "schema/stored_article.hpp"
#include "schema/terms.hpp"

namespace newsdesk {

namespace {

// What the writing thread may hold queued: a few dozen news articles, or one large one (an
// article is indexed in up to 128 times its size, indexing.cpp); together with what the
// analysis threads hold, within the run's memory limit.
constexpr std::size_t QueuedArticles = 32;
constexpr std::size_t QueuedTextBytes = 256 << 10;

} // namespace

void SharedQuotes::commit() {
    schema::log_changed_documents(db, {});
    db.commit_transaction();
    db.begin_transaction();
}

std::size_t text_bytes(const Article& a) {
    std::size_t bytes = a.title.size() + a.body.size();
    for (const auto& q : a.quotes) bytes += q.text.size();
    return bytes;
}

IndexWriter::IndexWriter(const std::filesystem::path& path, const IndexWriterOptions& options)
    : db_(open_writable(path, path, options.durable)), names_(options.names),
      writes_(options.background, QueuedArticles, QueuedTextBytes) {
    schema::check_version(db_);
    if (db_.get_metadata(std::string{schema::VersionKey}).empty()) {
        db_.set_metadata(std::string{schema::VersionKey}, std::to_string(schema::Version));
        db_.set_metadata(std::string{schema::ShardCountKey}, std::to_string(options.shards));
        db_.commit();
    }
    shared_quotes_ = options.quotes;
    place_documents();
    committed_ = Xapian::Database(path.string());
    registry().add_shard(committed_, db_);
    if (in_transactions()) db_.begin_transaction();
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

Xapian::docid IndexWriter::take_quote_ids(const Article& article) {
    auto& next = shared_quotes_ ? shared_quotes_->next : next_quote_;
    const auto last = shared_quotes_ ? shared_quotes_->last : last_docid_;
    const auto first = next;
    if (article.quotes.size() > std::size_t{last} - first + 1 || first < quotes_from_)   // the latter: wrapped past 2^32 - 1
        throw DatabaseError("the database is full: no document ids are left for quotes (index into more shards)");
    next += static_cast<Xapian::docid>(article.quotes.size());
    return first;
}

bool IndexWriter::add(Article article) {
    auto text = text_document(article);
    return add(std::move(article), std::move(text));
}

bool IndexWriter::add(Article article, Xapian::Document text) {
    const auto id_term = schema::exact_term(schema::Id, article.id);
    const auto existing = find(id_term);
    if (!existing && next_article_ >= quotes_from_)
        throw DatabaseError("the database is full: it holds " + std::to_string(quotes_from_ - 1) +
                            " articles, as many as its document ids allow (index into more shards)");
    if (existing && !batch_ids_.contains(id_term)) recount_names_of(*existing);
    const auto forms = registry().settle(article);
    const auto docid = existing ? *existing : next_article_++;
    const bool replacing = existing.has_value();
    const auto bytes = text_bytes(article);
    const auto first_quote = take_quote_ids(article);
    writes_.post([this, article = std::move(article), text = std::move(text), forms, docid, replacing, first_quote]() mutable {
        write(article, std::move(text), forms, docid, replacing, first_quote);
    }, bytes);
    if (replacing) changed_.push_back(docid);
    batch_ids_[id_term] = docid;
    batch_removed_.erase(id_term);
    if (++pending_ >= batch_size_) commit();
    return existing.has_value();
}

void IndexWriter::write(const Article& article, Xapian::Document text, const SpeakerForms& forms, Xapian::docid docid,
                        bool replacing, Xapian::docid first_quote) {
    db_.replace_document(docid, to_document(article, std::move(text), forms));
    auto quote_id = first_quote;
    if (!shared_quotes_) {
        if (replacing) db_.delete_document(schema::exact_term(schema::ArticleId, article.id));   // its old quotes
        for_each_quote_document(article, [&](Xapian::Document quote) { db_.replace_document(quote_id++, quote); });
        return;
    }
    // Built here, written by the shared quotes' thread, in the order this thread posts them.
    auto quotes = to_quote_documents(article);
    auto& store = *shared_quotes_;
    store.writes.post([&store, quotes = std::move(quotes), old = replacing ? schema::exact_term(schema::ArticleId, article.id) : "",
                       quote_id] {
        if (!old.empty()) store.db.delete_document(old);
        auto id = quote_id;
        for (const auto& quote : quotes) store.db.replace_document(id++, quote);
    }, text_bytes(article));
}

bool IndexWriter::unchanged(const std::string& id, std::uint64_t digest) const {
    const auto id_term = schema::exact_term(schema::Id, id);
    if (batch_ids_.contains(id_term) || batch_removed_.contains(id_term)) return false;
    const auto posting = committed_.postlist_begin(id_term);
    return posting != committed_.postlist_end(id_term) && digest_of(committed_.get_document(*posting)) == digest;
}

std::optional<Xapian::docid> IndexWriter::find(const std::string& id_term) const {
    if (const auto it = batch_ids_.find(id_term); it != batch_ids_.end()) return it->second;
    if (batch_removed_.contains(id_term)) return std::nullopt;
    const auto posting = committed_.postlist_begin(id_term);
    if (posting == committed_.postlist_end(id_term)) return std::nullopt;
    return *posting;
}

void IndexWriter::recount_names_of(Xapian::docid committed_article) {
    const std::string prefix{schema::SpeakerFormPrefix};
    auto term = committed_.termlist_begin(committed_article);
    const auto end = committed_.termlist_end(committed_article);
    for (term.skip_to(prefix); term != end && (*term).starts_with(prefix); ++term) registry().recount(*term);
}

bool IndexWriter::remove(const std::string& id) {
    const auto id_term = schema::exact_term(schema::Id, id);
    const auto existing = find(id_term);
    if (!existing) return false;
    if (!batch_ids_.contains(id_term)) recount_names_of(*existing);
    writes_.post([this, docid = *existing, quotes = schema::exact_term(schema::ArticleId, id)] {
        db_.delete_document(docid);
        if (shared_quotes_) shared_quotes_->writes.post([store = shared_quotes_, quotes] { store->db.delete_document(quotes); });
        else db_.delete_document(quotes);
    });
    changed_.push_back(*existing);
    batch_ids_.erase(id_term);
    batch_removed_.insert(id_term);
    // Counts as pending work, so that the next commit() writes it.
    if (++pending_ >= batch_size_) commit();
    return true;
}

void IndexWriter::resettle(const StaleSpeakers& stale) {
    if (stale.empty()) return;
    // Read and rewritten here, on this thread: the writing thread must be idle, its
    // documents in the posting lists walked.
    writes_.wait();
    std::unordered_set<Xapian::docid> written;   // since the last commit
    for (const auto& [id_term, docid] : batch_ids_) written.insert(docid);
    // Every article first, then the rewrites: a rewrite changes the posting lists walked.
    std::set<Xapian::docid> articles;
    const auto holding = [&](const std::set<std::string>& values, bool only_written) {
        std::set<std::string> terms;   // values a search does not tell apart share a term
        for (const auto& value : values) terms.insert(schema::exact_term(schema::Speaker, value));
        for (const auto& term : terms)
            // Articles lie below quote records (schema::quote_docids_from), which are rewritten with their article.
            for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term) && *p < quotes_from_; ++p)
                if (!only_written || written.contains(*p)) articles.insert(*p);
    };
    holding(stale.anywhere, false);
    holding(stale.since_commit, true);
    for (const auto docid : articles) resettle(docid);
}

void IndexWriter::resettle(Xapian::docid docid) {
    const auto old = db_.get_document(docid);
    const auto data = old.get_data();
    const auto stored = from_document_data(data);
    const auto forms = speaker_forms_from_document_data(data);
    auto article = stored;
    article.speakers = forms.speakers;
    if (forms.quote_speakers.size() == article.quotes.size())
        for (std::size_t i = 0; i < article.quotes.size(); ++i) article.quotes[i].speaker = forms.quote_speakers[i];
    registry().apply(article);
    // Most articles holding a stale value hold it by another name, still settled as it was.
    if (forms_of(article) == forms_of(stored)) return;
    changed_.push_back(docid);
    auto text = text_document(article);
    if (const auto story = story_of(old); !story.empty()) set_story(text, story);
    if (const auto digest = digest_of(old)) set_digest(text, *digest);   // what it was read from is as it was
    write(article, std::move(text), forms, docid, true, take_quote_ids(article));
}

void IndexWriter::restory(const std::string& id, const std::string& story) {
    const auto docid = find(schema::exact_term(schema::Id, id));
    if (!docid) return;
    writes_.post([this, docid = *docid, story] {
        // Only the story changes: Xapian rewrites what a document from this database changed.
        auto doc = db_.get_document(docid);
        set_story(doc, story);
        db_.replace_document(docid, doc);
    });
    changed_.push_back(*docid);
    ++pending_;
}

Xapian::doccount IndexWriter::article_count() const {
    writes_.wait();
    return db_.get_termfreq(schema::exact_term(schema::DocKind, schema::ArticleKind));
}

void IndexWriter::commit() {
    start_commit();
    finish_commit();
}

void IndexWriter::start_commit() {
    writes_.wait();   // reconcile() reads this batch's term frequencies
    if (!names_) resettle(speakers_.reconcile());   // a shared registry is reconciled by its owner
    // A commit with nothing to write stays one: Xapian makes no new revision of it.
    const bool writing = pending_ > 0 || !changed_.empty();
    writes_.post([this, writing, changed = std::move(changed_)] {
        if (writing) schema::log_changed_documents(db_, changed);   // in the commit it describes
        if (!in_transactions()) return db_.commit();
        db_.commit_transaction();
        db_.begin_transaction();
    });
    changed_.clear();
}

void IndexWriter::finish_commit() {
    writes_.wait();
    committed_.reopen();
    if (!names_) speakers_.committed();
    batch_ids_.clear();
    batch_removed_.clear();
    pending_ = 0;
}

} // namespace newsdesk
