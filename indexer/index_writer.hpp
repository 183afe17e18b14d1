#pragma once
// Owns the writable database: schema version, replace-by-id, batched commits.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include <newsdesk/errors.hpp>

#include <newsdesk/article.hpp>
#include "indexer/speaker_registry.hpp"
#include "indexer/write_thread.hpp"

namespace newsdesk {

// The text an article brings (title, body, quotes): what the writers' memory bounds count.
std::size_t text_bytes(const Article& article);

// A bulk load's quote records (ShardedWriter::bulk_load): one database beside the writers'
// side databases, written on a thread of its own. Its document ids are given out by the
// deciding thread in input order, from where one database's quote records start, as one
// writer gives them out; so the merge takes them as they are, above the articles.
// Each batch is held in a Xapian transaction, as the side databases' are
// (IndexWriterOptions::quotes).
struct SharedQuotes {
    SharedQuotes(Xapian::WritableDatabase database, std::size_t max_jobs, std::size_t max_bytes)
        : db(std::move(database)), writes(true, max_jobs, max_bytes) {
        db.begin_transaction();
    }
    // Commits the batch, logged (schema/change_log.hpp) so that a load taking these quote
    // records up can tell whether this commit was made, and begins the next; on the quote
    // records' thread.
    void commit();
    Xapian::WritableDatabase db;
    Xapian::docid next = 0, last = 0;   // the deciding thread's
    WriteThread writes;                 // last: destroyed first, it writes what is queued
};

// How an IndexWriter writes; the defaults suit a database written by one writer.
struct IndexWriterOptions {
    // When given, settles people's names in place of this database's own registry: a sharded
    // database's, which weighs the names of every shard (this one is added to it), and which
    // its owner reconciles before it commits the shards.
    SpeakerRegistry* names = nullptr;
    // How many shards the database being created is one of, which bounds its document ids
    // (schema::quote_docids_from); an existing database keeps its own bound.
    std::size_t shards = 1;
    // The documents are built and written on a thread of this writer's own (WriteThread)
    // while the caller goes on; an error surfaces at a later call.
    bool background = false;
    // A bulk load's side database: its articles' quote records go to this store, which its
    // owner commits after the side databases, rather than into the database itself. Each
    // batch is held in a Xapian transaction, so that a writer destroyed before it commits
    // (an error elsewhere) drops its batch where Xapian's destructor would commit it: the
    // side databases stay as the last commit of them all left them, which a load taking
    // them up trusts (ShardedWriter::bulk_load).
    SharedQuotes* quotes = nullptr;
    // Whether each commit waits until the disk holds it (open_writable).
    bool durable = true;
};

class IndexWriter {
public:
    // Opens or creates the database at `path`. Throws DatabaseLocked, SchemaMismatch
    // or Xapian::DatabaseError.
    explicit IndexWriter(const std::filesystem::path& path, const IndexWriterOptions& options = {});
    IndexWriter(const IndexWriter&) = delete;   // the registry refers to this writer's database
    IndexWriter& operator=(const IndexWriter&) = delete;
    // Call commit() at the end: Xapian's destructor commits too, but swallows errors (and a
    // bulk load's side database drops what is not committed: IndexWriterOptions::quotes).

    // Adds an article whose language and entities are final, its people's names settled to
    // the forms the archive knows (SpeakerRegistry); returns true if it replaced an article
    // with the same id. Work is committed every `batch_size` articles.
    bool add(Article article);
    // The same for an article whose text_document() was made already (on another thread).
    bool add(Article article, Xapian::Document text);
    // Whether the article with this id is committed with this digest (article_digest) and
    // has no change pending: one a run passes over, as indexing it again would change nothing.
    bool unchanged(const std::string& id, std::uint64_t digest) const;
    // Deletes the article with this id and its quote records; false if there was none.
    bool remove(const std::string& id);
    // Commits; with the database's own registry, first settles again the documents whose
    // names' canonical forms the batch changed (resettle), so that the commit holds them
    // settled under the evidence it holds. The same in two steps, so that the shards of a
    // database flush their batches at once: start_commit() hands the commit to the writing
    // thread, finish_commit() waits for it.
    void commit();
    void start_commit();
    void finish_commit();
    // Waits until every document added has been written: before the registry reads this
    // database's batch (SpeakerRegistry::reconcile), which the writing thread changes.
    void wait() { writes_.wait(); }
    // Settles again, under the registry's evidence as it stands, the articles holding one of
    // the `stale` speaker values (those of `since_commit` only when written since the last
    // commit), rewriting those whose names or quotes' speakers change: their documents and
    // quote records. Costs a posting list walk per value and a rebuild per article changed.
    void resettle(const StaleSpeakers& stale);
    // Makes `story` the story of the article with this id (StoryKeeper), rewriting its
    // document's story and nothing else; nothing when there is no such article.
    void restory(const std::string& id, const std::string& story);
    // What is committed, read without the writer's pending changes (reopened at each commit).
    const Xapian::Database& committed() const { return committed_; }
    void set_batch_size(std::size_t n) { batch_size_ = n; }
    Xapian::doccount article_count() const;
    std::size_t uncommitted() const { return pending_; }

private:
    Xapian::WritableDatabase db_;
    SharedQuotes* shared_quotes_ = nullptr;   // see IndexWriterOptions::quotes
    // A side database holds each batch in a transaction (IndexWriterOptions::quotes).
    bool in_transactions() const { return shared_quotes_ != nullptr; }
    // What is committed, read without the writer's pending changes: asking the writer whether
    // an id exists makes Xapian merge its uncommitted postings, which dominated indexing time.
    Xapian::Database committed_;
    // Id terms of the articles added since the last commit, with their document ids.
    std::unordered_map<std::string, Xapian::docid> batch_ids_;
    std::unordered_set<std::string> batch_removed_;   // ids removed since the last commit
    // Articles rewritten in place or deleted since the last commit (schema/change_log.hpp).
    std::vector<Xapian::docid> changed_;
    // The document id of the article with this id term, if there is one.
    std::optional<Xapian::docid> find(const std::string& id_term) const;
    // Before a committed article is replaced or removed: its names are counted again.
    void recount_names_of(Xapian::docid committed_article);
    // Writes a settled article at `docid` and its quote records from `first_quote` on, in
    // place of what was there.
    void write(const Article& article, Xapian::Document text, const SpeakerForms& forms, Xapian::docid docid,
               bool replacing, Xapian::docid first_quote);
    // The document ids of the article's quote records (given out in input order, here).
    Xapian::docid take_quote_ids(const Article& article);
    void resettle(Xapian::docid article);
    SpeakerRegistry& registry() { return names_ ? *names_ : speakers_; }
    SpeakerRegistry speakers_;
    // Document ids (schema::quote_docids_from): the next new article's and quote record's,
    // and where quote records start and end.
    Xapian::docid next_article_ = 1, next_quote_ = 1, quotes_from_ = 1, last_docid_ = 1;
    void place_documents();
    SpeakerRegistry* names_ = nullptr;   // see the constructor
    // Xapian 1.4 keeps a batch's postings in ordered maps whose cost grows with the batch:
    // on bbc.jsonl 500 articles per commit indexed 14% faster than 2000.
    std::size_t batch_size_ = 500;
    std::size_t pending_ = 0;
    // Last: destroyed first, it writes what is queued while the database is still open.
    // What it runs touches db_ only (and posts to the shared quotes' thread); this thread
    // reads db_ after wait().
    mutable WriteThread writes_;   // article_count() waits for it
};

} // namespace newsdesk
