#pragma once
// The writable side of a database, plain or sharded: one IndexWriter per shard, each article
// routed to the shard its id hashes to.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <newsdesk/article.hpp>
#include "indexer/index_writer.hpp"
#include "indexer/speaker_registry.hpp"
#include "indexer/story_keeper.hpp"

namespace newsdesk {

class ShardedWriter {
public:
    // Opens the database at `path`: a sharded database directory (see create()) or a plain
    // one, created if missing. Throws what IndexWriter throws, and InvalidRequest when a
    // shard is remote (shards are written where they lie). `background`: each shard's
    // documents are built and written on a thread of its own (IndexWriter), so that a bulk
    // load uses a core for Xapian's work per shard beside the one deciding what to write.
    explicit ShardedWriter(const std::filesystem::path& path, bool background = false);
    ~ShardedWriter();
    ShardedWriter(const ShardedWriter&) = delete;
    ShardedWriter& operator=(const ShardedWriter&) = delete;

    // A load into a new or empty plain database at `path` by `writers` writers at once. Each
    // writer takes the articles whose ids hash to it (so that an id met twice in the run is
    // replaced where it was written) and writes them on a thread of its own into a side
    // database of its own beside `path`, in PATH.loading; their quote records go to one more,
    // written on a thread of its own too, numbered in input order from where one database's
    // quote records start (SharedQuotes). finish() merges them into `path` with Xapian's
    // compactor: the writers' articles renumbered one after another, so that they lie side by
    // side from 1 as one writer lays them out, then those and the quote records as they are.
    // `path` stays as it was, empty and locked, until the merged database is swapped in whole:
    // a crash or a failure (a full disk) leaves it empty, and the next load with as many
    // writers takes up what the last one committed in PATH.loading, once Xapian's checker
    // finds it sound (the side databases' commits are not synced, which made loads about a
    // tenth faster: a power cut may leave them damaged, and damaged ones are started over). A
    // merge that failed in its second pass leaves what its first made, which the next writer
    // of `path` merges in (the constructor). Throws what IndexWriter throws, and
    // InvalidRequest when `path` holds documents (see loads_in_bulk()) or such a merge is left.
    static std::unique_ptr<ShardedWriter> bulk_load(const std::filesystem::path& path, std::size_t writers);
    // Whether a load into `path` may be a bulk load: nothing is there, or a plain database
    // without a document, and no merge a failed load left beside it. Adding to a database that holds articles is left to one writer: the
    // compactor would renumber them, or have to leave gaps among them.
    static bool loads_in_bulk(const std::filesystem::path& path);

    // Makes `path` a sharded database of `shards` empty shards, or checks that it is one of
    // that many. Throws InvalidRequest (a plain database there, another shard count).
    static void create(const std::filesystem::path& path, std::size_t shards);

    // The shard an article id belongs to: a hash of its id term (the form replace-by-id
    // compares, so ids that are one article for a plain database are one shard's) that does
    // not change between runs, machines or compilers. Changing the shard count moves
    // articles: a new count means a new database.
    static std::size_t shard_of(std::string_view id, std::size_t shards);

    // As IndexWriter: replaces an article with the same id (in its shard, with its quote
    // records, which go to the article's shard too); returns true if it did.
    bool add(Article article);
    // The same for an article whose text_document() was made already (on another thread).
    bool add(Article article, Xapian::Document text);
    bool remove(const std::string& id);
    // IndexWriter::unchanged, in the article's shard (or side database).
    bool unchanged(const std::string& id, std::uint64_t digest) const;
    // Settles again the documents whose names' canonical forms the batch changed, in every
    // shard, then commits every shard (each shard is atomic; a crash between two shard commits
    // loses only the later shards' batch, which re-indexing restores).
    void commit();
    // The end of a run: commits; a bulk load then merges its side databases into its
    // database and removes them. Nothing may be added afterwards.
    void finish();
    bool bulk() const { return bulk_target_ != nullptr; }
    // After a bulk load failed: where what it committed is kept, and how it is taken up (the
    // destructor keeps it); empty when nothing is kept.
    std::string kept_note() const;
    // Articles per automatic commit, over all shards together.
    void set_batch_size(std::size_t n);
    // Commits every shard before the batch is full once the heap in use passes this many
    // bytes: Xapian keeps a batch's postings on the heap until commit, and their size depends
    // on the articles (one 50 MB article outweighs a thousand short ones), so the bound is
    // checked on the heap itself rather than guessed from an article count.
    void set_memory_limit(std::uint64_t bytes) { memory_limit_ = bytes; }
    std::uint64_t commits() const { return commits_; }
    // The shard directories (a plain database is its own one shard), for compaction.
    const std::vector<std::filesystem::path>& shard_paths() const { return paths_; }
    Xapian::doccount article_count() const;
    std::size_t uncommitted() const { return pending_; }
    std::size_t shard_count() const { return shards_.size(); }

private:
    ShardedWriter() = default;
    void keep_stories();         // once the shards are open
    void read_committed_stories();
    void record_revisions();   // a bulk load's, once every side database has committed
    bool added(bool replaced, std::size_t bytes);   // counts the work; commits when a batch or the memory is full
    std::vector<std::unique_ptr<IndexWriter>> shards_;
    std::vector<std::filesystem::path> paths_;
    // Sharded only: DIR/names, a small database beside the shards whose write lock is the
    // whole database's (opened first, it turns a second writer away before any shard opens).
    // It held the names known across the archive before they were weighed from the shards.
    std::unique_ptr<Xapian::WritableDatabase> names_db_;
    // Sharded only: the registry that weighs every shard's evidence, used by every shard's
    // writer in place of its own: the same names as one database holding all the articles.
    std::unique_ptr<SpeakerRegistry> names_;
    // A bulk load only: PATH.loading, where its side databases are, and its database (PATH),
    // held open so that its write lock turns other writers away until the merge is in.
    std::filesystem::path side_dir_;
    std::size_t writers_ = 0;
    // Whether an article met again unchanged may be passed over (see bulk_load).
    bool passes_over_ = true;
    std::unique_ptr<Xapian::WritableDatabase> bulk_target_;
    std::unique_ptr<SharedQuotes> quotes_;   // a bulk load's quote records
    // Decides each article's story across every shard (or side database).
    std::unique_ptr<StoryKeeper> stories_;
    std::size_t batch_size_ = 500;
    std::size_t pending_ = 0;
    std::uint64_t memory_limit_ = std::uint64_t{1} << 62;
    std::uint64_t commits_ = 0;
    std::uint64_t unchecked_bytes_ = 0;   // text added since the heap was last measured
};

} // namespace newsdesk
