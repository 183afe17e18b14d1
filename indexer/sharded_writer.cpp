#include "indexer/sharded_writer.hpp"

#include <algorithm>
#include <fstream>
#include <cerrno>
#include <limits>
#include <optional>
#include <set>

#include <fcntl.h>
#include <malloc.h>
#include <spawn.h>
#include <sys/wait.h>

#include "indexer/article_document.hpp"
#include "indexer/writable_database.hpp"
#include "schema/change_log.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "storage/compaction.hpp"
#include "storage/shard_location.hpp"
#include "text/fixed_hash.hpp"

extern char** environ;   // for posix_spawnp

namespace newsdesk {
namespace {

constexpr std::string_view NamesDirectory = "names";   // see ShardedWriter::names_db_

// A bulk load's side databases, in PATH.loading (ShardedWriter::bulk_load): each writer's
// articles, their quote records, and the articles merged by the first of the merge's two
// passes: made as MergingArticles, renamed MergedArticles once whole and on the disk.
std::filesystem::path side_articles(const std::filesystem::path& dir, std::size_t n) {
    return dir / ("articles-" + std::to_string(n));
}
constexpr std::string_view SideQuotes = "quotes", MergedArticles = "articles", MergingArticles = "articles.partial";
// The revisions of the side databases' last logged commits (the writers' in order, then the
// quote records') and the writers' last document ids after the last commit of them all,
// which commits the quote records last (ShardedWriter::commit), then the boot they were
// written in (this_boot).
constexpr std::string_view CommittedRevisions = "committed", WritingRevisions = "committed.new";

// This boot of the system, as Linux names it (a new random id each boot); empty when unknown.
std::string this_boot() {
    std::string id;
    std::ifstream("/proc/sys/kernel/random/boot_id") >> id;
    return id;
}

bool not_a_side(const std::filesystem::path& entry) {
    const auto name = entry.filename();
    return name == MergedArticles || name == MergingArticles || name == CommittedRevisions || name == WritingRevisions;
}

// Whether `dir` holds a merge stopped after its first pass: the articles merged, and the quote
// records still to be merged with them.
bool merge_pending(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::exists(dir / MergedArticles / "iamglass", ec) && std::filesystem::exists(dir / SideQuotes / "iamglass", ec);
}

// How many articles the side databases in `dir` hold (0 when they cannot be read): what a
// failed load leaves for the next to take up.
Xapian::doccount articles_beside(const std::filesystem::path& dir) {
    const auto kind = schema::exact_term(schema::DocKind, schema::ArticleKind);
    Xapian::doccount n = 0;
    try {
        if (merge_pending(dir)) return Xapian::Database((dir / MergedArticles).string()).get_termfreq(kind);
        std::error_code ec;
        for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
            if (it->path().filename().string().starts_with("articles-")) n += Xapian::Database(it->path().string()).get_termfreq(kind);
    } catch (const Xapian::Error&) {
        return 0;
    }
    return n;
}

// How many writers' side databases `dir` holds: n when it holds those of writers 0 to n-1 and
// their quote records, and nothing else the merge did not make; otherwise 0.
std::size_t sides_in(const std::filesystem::path& dir) {
    std::error_code ec;
    std::size_t entries = 0;
    for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
        if (!not_a_side(it->path())) ++entries;
    if (ec || entries < 2 || !std::filesystem::exists(dir / SideQuotes / "iamglass", ec)) return 0;
    for (std::size_t n = 0; n + 1 < entries; ++n)
        if (!std::filesystem::exists(side_articles(dir, n) / "iamglass", ec)) return 0;
    return entries - 1;
}

// Whether Xapian's checker (xapian-check, of xapian-tools) finds the database at `path` sound;
// false when it cannot be run. Run as a program of its own: Xapian 1.4.22's
// Database::check() frees memory with the wrong size, which AddressSanitizer stops us for.
bool checks_clean(const std::filesystem::path& path) {
    const std::string program = "xapian-check", database = path.string();
    char* const argv[] = {const_cast<char*>(program.c_str()), const_cast<char*>(database.c_str()), nullptr};
    posix_spawn_file_actions_t quiet;
    posix_spawn_file_actions_init(&quiet);
    posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, program.c_str(), &quiet, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&quiet);
    if (spawned != 0) return false;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return false;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Whether every side database in `dir` checks clean (a merge cut short is not one: it is
// made again).
bool sound(const std::filesystem::path& dir) {
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
        if (!not_a_side(it->path()) && !checks_clean(it->path())) return false;
    return !ec;
}

std::filesystem::path side_directory(const std::filesystem::path& database) {
    auto dir = std::filesystem::absolute(database).lexically_normal();
    dir += ".loading";
    return dir;
}

// The local shard directories of a sharded database, in stub order (the order that decides
// which shard an article goes to).
std::vector<std::filesystem::path> local_shards(const std::filesystem::path& stub) {
    std::vector<std::filesystem::path> paths;
    for (const auto& shard : read_stub(stub)) {   // local shards only
        check_database_directory(shard.where);
        paths.emplace_back(shard.where);
    }
    if (paths.empty()) throw InvalidRequest(stub.string() + " lists no shards");
    return paths;
}

Xapian::WritableDatabase open_names(const std::filesystem::path& dir) { return open_writable(dir / NamesDirectory, dir); }

IndexWriterOptions writing(SpeakerRegistry* names, bool background) {
    IndexWriterOptions options;
    options.names = names;
    options.background = background;
    return options;
}

// What the last commit of a bulk load's side databases, all of them, left
// (ShardedWriter::record_revisions).
struct CommittedSides {
    // The revision of each database's last logged commit (schema::last_logged_revision): the
    // writers' side databases', then the quote records'.
    std::vector<Xapian::rev> logged;
    std::vector<Xapian::docid> last_docids;   // the writers' side databases' (articles only)
    std::string boot;                         // this_boot() when they were recorded
};

// What `dir` records for `writers` writers; nothing when the record is missing or cut short.
std::optional<CommittedSides> read_committed(const std::filesystem::path& dir, std::size_t writers) {
    std::ifstream in(dir / CommittedRevisions, std::ios::binary);
    CommittedSides recorded{std::vector<Xapian::rev>(writers + 1), std::vector<Xapian::docid>(writers), {}};
    for (auto& revision : recorded.logged) in >> revision;
    for (auto& last : recorded.last_docids) in >> last;
    if (!in) return std::nullopt;
    in >> recorded.boot;
    return recorded;
}

// Whether side databases, as `recorded`, may hold less than their commits wrote: they are not
// synced (open_writable), so a power cut or a system crash can lose or tear what the system
// had not yet written out, but the death of the process that wrote them cannot, nor a
// commit that failed (Xapian writes a revision's blocks before the root that names them).
// So only side databases last committed before this boot of the system, or whose boot is not
// known, are checked before they are taken up. The check costs: Xapian's checker keeps a
// number for every document id up to the last, and quote records lie from 2^28 (2 GiB of
// memory at any size).
bool may_be_damaged(const std::optional<CommittedSides>& recorded) {
    const auto now = this_boot();
    return !recorded || now.empty() || recorded->boot != now;
}

// The articles that a load taking up side databases takes out before it goes on, as their
// quote records may be missing; nothing when every article is to be written again. Each
// commit of the load commits every side database, then the quote records, then records them
// all; a side database drops what it holds uncommitted as it closes
// (IndexWriterOptions::quotes). So a side database can be one commit past the record, and
// then, unless the quote records are too, that commit's articles lack theirs: those above the
// last document id recorded, and those it rewrote in place (its change log). Commits are
// told by the change log rather than by revision, which Xapian moves on past a commit that
// failed. Anything else (no record, a database behind it after a power cut, a change log
// that cannot tell) trusts nothing.
std::optional<std::vector<std::string>> untrusted_articles(const std::optional<CommittedSides>& recorded,
                                                           const std::vector<std::unique_ptr<IndexWriter>>& sides,
                                                           const Xapian::Database& quotes) {
    if (!recorded) return std::nullopt;
    const auto quotes_were = recorded->logged.back(), quotes_now = schema::last_logged_revision(quotes);
    if (quotes_now < quotes_were) return std::nullopt;
    std::vector<std::string> ids;
    for (std::size_t n = 0; n < sides.size(); ++n) {
        const auto& side = sides[n]->committed();
        const auto was = recorded->logged[n], now = schema::last_logged_revision(side);
        if (now < was) return std::nullopt;
        // The quote records commit after every side database: if they did, that commit is whole.
        if (now == was || quotes_now > quotes_were) continue;
        const auto rewritten = side.get_revision() == now ? schema::documents_changed_since(side, now - 1) : std::nullopt;
        if (!rewritten) return std::nullopt;
        std::set<Xapian::docid> docids(rewritten->begin(), rewritten->end());
        for (auto docid = recorded->last_docids[n] + 1; docid != 0 && docid <= side.get_lastdocid(); ++docid) docids.insert(docid);
        for (const auto docid : docids) {
            try {
                if (auto id = schema::article_id_of(side.get_document(docid))) ids.push_back(std::move(*id));
            } catch (const Xapian::DocNotFoundError&) {
                // deleted by that commit
            }
        }
    }
    return ids;
}

// The merge's first pass: the writers' articles, renumbered one after another so that they lie
// side by side from 1, into one database, put in place once whole; then the writers' side
// databases go, so that the second pass needs room for the merged database beside the
// articles merged and the quote records, and not beside the writers' databases too (at a
// million articles, 35 GB less). Two passes: one, padding the articles out to where quote
// records start with two empty documents and deleting those afterwards, leaves a database
// that Xapian 1.4.22 cannot read: once a document is deleted, a boolean term that every
// document holds ends in "Unexpected end of posting list".
void merge_articles(const std::filesystem::path& dir, std::size_t writers) {
    const auto partial = dir / MergingArticles;
    std::filesystem::remove_all(partial);   // a crashed merge's
    try {
        Xapian::Database sides;
        for (std::size_t n = 0; n < writers; ++n) sides.add_database(Xapian::Database(side_articles(dir, n).string()));
        sides.compact(partial.string(), Xapian::Compactor::FULL);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove_all(partial, ignored);   // a full disk, most often
        throw;
    }
    rename_durably(partial, dir / MergedArticles);
    for (std::size_t n = 0; n < writers; ++n) std::filesystem::remove_all(side_articles(dir, n));
}

// The second pass: the articles merged and the quote records, whose ids were given out in
// input order above where articles end, merged as they are into the database at `target`,
// which the caller holds locked and empty; then the side databases go.
void merge_into(const std::filesystem::path& dir, const std::filesystem::path& target) {
    auto merged = target;
    merged += ".merging";
    std::filesystem::remove_all(merged);
    try {
        Xapian::Database sources((dir / MergedArticles).string());
        const Xapian::Database quotes((dir / SideQuotes).string());
        if (quotes.get_doccount() > 0) sources.add_database(quotes);
        sources.compact(merged.string(), Xapian::Compactor::FULL | Xapian::DBCOMPACT_NO_RENUMBER);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove_all(merged, ignored);
        throw;
    }
    swap_in(merged, target);
    std::filesystem::remove_all(dir);
}

// A bulk load whose merge stopped after its first pass (a full disk) left its articles merged
// and their quote records beside its empty database: they are merged in before the database
// is written to, as that load's last step.
void finish_merge_left(const std::filesystem::path& path) {
    const auto dir = side_directory(path);
    if (!merge_pending(dir)) return;
    auto locked = open_writable(path, path);   // until the merged database is swapped in
    if (locked.get_doccount() == 0) merge_into(dir, path);
}

std::uint64_t heap_in_use() {
    const auto info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

} // namespace

ShardedWriter::ShardedWriter(const std::filesystem::path& path, bool background) {
    if (parse_location(path.string()).kind != ShardLocation::Kind::Local)
        throw InvalidRequest(path.string() + " is a remote shard: write it where it lies, then serve it");
    const auto stub = stub_file_of(path);
    if (!stub) {
        check_database_directory(path);   // Xapian would read a stub it finds, programs included
        finish_merge_left(path);
        shards_.push_back(std::make_unique<IndexWriter>(path, writing(nullptr, background)));
        paths_.push_back(path);
        // A bulk load that crashed or failed before its merge's first pass was in, or just after
        // the merge was swapped in: this database is the one written now, and what the load
        // left beside it is of no use.
        std::error_code ignored;
        std::filesystem::remove_all(side_directory(path), ignored);
    } else {
        // The names database first: its lock turns a second writer away before any shard opens.
        names_db_ = std::make_unique<Xapian::WritableDatabase>(open_names(stub->parent_path()));
        names_ = std::make_unique<SpeakerRegistry>();
        for (const auto& shard : local_shards(*stub)) {
            shards_.push_back(std::make_unique<IndexWriter>(shard, writing(names_.get(), background)));
            paths_.push_back(shard);
        }
    }
    // This class commits every shard together every batch_size articles; the shards never
    // commit on their own.
    for (auto& shard : shards_) shard->set_batch_size(std::numeric_limits<std::size_t>::max());
    keep_stories();
}

void ShardedWriter::keep_stories() {
    stories_ = std::make_unique<StoryKeeper>([this](const std::string& id, const std::string& story) {
        shards_[shard_of(id, shards_.size())]->restory(id, story);
    });
    read_committed_stories();
}

void ShardedWriter::read_committed_stories() {
    std::vector<const Xapian::Database*> committed;
    for (const auto& shard : shards_) committed.push_back(&shard->committed());
    stories_->read(committed);
    stories_->committed();
}

ShardedWriter::~ShardedWriter() {
    if (side_dir_.empty()) return;
    // A load that failed (a full disk) or was not finished: its database is as it was (empty).
    // What it committed beside it is kept for the next load with as many writers to take up
    // (bulk_load), or for the next writer to complete its merge (finish_merge_left): hours of
    // work, at a million articles. What holds no article is of no use.
    shards_.clear();   // before the quote records, to which their threads write
    quotes_.reset();
    if (articles_beside(side_dir_) > 0) return;
    std::error_code ignored;
    std::filesystem::remove_all(side_dir_, ignored);
}

std::string ShardedWriter::kept_note() const {
    if (side_dir_.empty()) return "";
    const auto n = articles_beside(side_dir_);
    if (n == 0) return "";
    if (merge_pending(side_dir_))
        return "the " + std::to_string(n) + " articles it merged are kept in " + side_dir_.string() +
               ": the next run into " + paths_.front().string() + " merges them in first (it needs free space about the size of that directory)";
    return "the " + std::to_string(n) + " articles it wrote are kept in " + side_dir_.string() + ": the same command with --writers " +
           std::to_string(writers_) + " takes them up, passing over those unchanged (or remove that directory to "
           "start over)";
}

bool ShardedWriter::loads_in_bulk(const std::filesystem::path& path) {
    std::error_code ec;
    if (parse_location(path.string()).kind != ShardLocation::Kind::Local || stub_file_of(path)) return false;
    if (merge_pending(side_directory(path))) return false;   // the writer completes it, then adds (finish_merge_left)
    if (!std::filesystem::exists(path, ec) || std::filesystem::is_empty(path, ec)) return true;
    try {
        return Xapian::Database(path.string()).get_doccount() == 0;
    } catch (const Xapian::Error&) {
        return false;   // the usual way reports what is wrong with it
    }
}

std::unique_ptr<ShardedWriter> ShardedWriter::bulk_load(const std::filesystem::path& path, std::size_t writers) {
    std::unique_ptr<ShardedWriter> w(new ShardedWriter);
    const auto target = std::filesystem::absolute(path).lexically_normal();
    check_database_directory(target);
    w->bulk_target_ = std::make_unique<Xapian::WritableDatabase>(open_writable(target, target));
    auto& db = *w->bulk_target_;
    schema::check_version(db);
    if (db.get_doccount() != 0)
        throw InvalidRequest(target.string() + " holds documents: only a new or empty database is loaded in bulk");
    if (db.get_metadata(std::string{schema::VersionKey}).empty()) {   // as IndexWriter marks a new database
        db.set_metadata(std::string{schema::VersionKey}, std::to_string(schema::Version));
        db.set_metadata(std::string{schema::ShardCountKey}, "1");
        db.commit();
    }
    w->paths_.push_back(target);
    if (merge_pending(side_directory(target)))
        throw InvalidRequest(side_directory(target).string() + " holds a load's merge cut short: writing " + target.string() +
                             " with one writer completes it");
    w->side_dir_ = side_directory(target);
    w->writers_ = std::max<std::size_t>(writers, 1);
    // What a load that crashed or failed left is taken up again when it had as many writers:
    // its side databases hold the batches it committed, and this load passes over their
    // articles as it meets them again unchanged, or replaces them (the same ids hash to the
    // same side), as a rerun into one database does with what the last run committed there.
    // Side databases are written without syncing (open_writable), so what a power cut left
    // may be damaged: it is checked first (may_be_damaged).
    const auto recorded = read_committed(w->side_dir_, w->writers_);
    if (sides_in(w->side_dir_) != w->writers_ || (may_be_damaged(recorded) && !sound(w->side_dir_)))
        std::filesystem::remove_all(w->side_dir_);
    std::filesystem::create_directories(w->side_dir_);
    const bool taken_up = std::filesystem::exists(w->side_dir_ / SideQuotes);
    w->names_ = std::make_unique<SpeakerRegistry>();
    // Room for a few dozen articles' quote records, or one large article's, as a writer holds.
    w->quotes_ = std::make_unique<SharedQuotes>(open_writable(w->side_dir_ / SideQuotes, target, false), 64, 512 << 10);
    w->quotes_->next = std::max(schema::quote_docids_from(1),
                                schema::last_docid_holding(w->quotes_->db, schema::exact_term(schema::DocKind, schema::QuoteKind)) + 1);
    w->quotes_->last = schema::last_docid(1);
    for (std::size_t n = 0; n < w->writers_; ++n) {
        auto options = writing(w->names_.get(), true);
        options.quotes = w->quotes_.get();
        options.durable = false;
        w->shards_.push_back(std::make_unique<IndexWriter>(side_articles(w->side_dir_, n), options));
    }
    for (auto& shard : w->shards_) shard->set_batch_size(std::numeric_limits<std::size_t>::max());
    w->keep_stories();
    if (taken_up) {
        // An article committed in a side database is passed over when met again unchanged
        // only if its quote records were committed too: those that may lack theirs are taken
        // out first, to be written again as they are met (untrusted_articles).
        const auto untrusted = untrusted_articles(recorded, w->shards_, w->quotes_->db);
        if (!untrusted) {
            w->passes_over_ = false;
        } else if (!untrusted->empty()) {
            for (const auto& id : *untrusted) w->remove(id);
            w->commit();
        }
    }
    return w;
}

void ShardedWriter::finish() {
    commit();
    if (!bulk()) return;
    stories_.reset();
    shards_.clear();    // the side databases are closed, every write committed,
    quotes_.reset();
    names_.reset();     // and nothing reads them
    merge_articles(side_dir_, writers_);
    merge_into(side_dir_, paths_.front());
    side_dir_.clear();
    // The database it held open is the one swapped out; the lock goes with it.
    bulk_target_->close();
}

void ShardedWriter::create(const std::filesystem::path& path, std::size_t shards) {
    if (parse_location(path.string()).kind != ShardLocation::Kind::Local)
        throw InvalidRequest(path.string() + " is a remote shard: write it where it lies, then serve it");
    if (shards == 0) throw InvalidRequest("a sharded database needs at least one shard");
    std::error_code ec;
    if (const auto stub = stub_file_of(path)) {
        const auto existing = read_stub(*stub).size();
        if (existing != shards)
            throw InvalidRequest(path.string() + " has " + std::to_string(existing) + " shards, not " +
                                 std::to_string(shards) +
                                 " (articles are placed by a hash of their id and the shard count: to change "
                                 "the count, index into a new database)");
        return;
    }
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_empty(path, ec))
        throw InvalidRequest(path.string() + " holds a database that is not sharded (index into a new directory "
                             "to shard, or leave out --shards)");
    std::filesystem::create_directories(path);
    {
        auto names = open_names(path);   // locked while the shards are made
        IndexWriterOptions options;
        options.shards = shards;
        for (std::size_t i = 0; i < shards; ++i) IndexWriter(path / shard_directory_name(i), options).commit();
        names.commit();
    }
    write_stub(path, shards);   // last: until it exists, nothing opens the directory as a database
}

std::size_t ShardedWriter::shard_of(std::string_view id, std::size_t shards) {
    return static_cast<std::size_t>(text::fnv1a(schema::exact_term(schema::Id, id)) % shards);
}

bool ShardedWriter::add(Article article) {
    auto text = text_document(article);
    return add(std::move(article), std::move(text));
}

bool ShardedWriter::add(Article article, Xapian::Document text) {
    set_story(text, stories_->arrive(article, text));
    const auto shard = shard_of(article.id, shards_.size());
    const auto bytes = text_bytes(article);
    return added(shards_[shard]->add(std::move(article), std::move(text)), bytes);
}

bool ShardedWriter::unchanged(const std::string& id, std::uint64_t digest) const {
    return passes_over_ && shards_[shard_of(id, shards_.size())]->unchanged(id, digest);
}

bool ShardedWriter::remove(const std::string& id) {
    stories_->leave(id);
    if (!shards_[shard_of(id, shards_.size())]->remove(id)) return false;
    added(true, 0);
    return true;
}

bool ShardedWriter::added(bool replaced, std::size_t bytes) {
    // Asking malloc for the heap in use (mallinfo2) walks its free lists and consolidates
    // them: every 8 articles that cost 5% of indexing time. Xapian's batch grows with the
    // text added, so the heap is asked again once text worth 1/2048 of the limit (at least
    // 64 KiB) has come in: the heap can grow by only a small part of the limit in between.
    unchecked_bytes_ += bytes;
    const bool check = unchecked_bytes_ >= std::max<std::uint64_t>(memory_limit_ / 2048, 64 * 1024);
    if (check) unchecked_bytes_ = 0;
    if (++pending_ >= batch_size_ || (check && heap_in_use() > memory_limit_)) commit();
    return replaced;
}

void ShardedWriter::commit() {
    // The evidence of every shard, this batch included, decides; each shard then settles its
    // own documents again before any commits (IndexWriter::resettle).
    if (names_) {
        for (auto& shard : shards_) shard->wait();   // reconcile() reads every shard's batch
        const auto stale = names_->reconcile();
        for (auto& shard : shards_) shard->resettle(stale);
    }
    // Every shard flushes its batch at once, each on its own thread when writing in the background.
    for (auto& shard : shards_) shard->start_commit();
    for (auto& shard : shards_) shard->finish_commit();
    read_committed_stories();
    if (quotes_) {
        // After the articles: a crash in between leaves articles whose quote records are
        // missing, which the load taken up again replaces whole (deleting none, adding them),
        // never quote records without their article, which it would leave beside new ones.
        quotes_->writes.post([store = quotes_.get()] { store->commit(); });
        quotes_->writes.wait();
        record_revisions();
    }
    if (names_) names_->committed();
    pending_ = 0;
    ++commits_;
}

void ShardedWriter::record_revisions() {
    std::string revisions, last_docids;
    for (const auto& shard : shards_) {
        revisions += std::to_string(schema::last_logged_revision(shard->committed())) + ' ';
        last_docids += std::to_string(shard->committed().get_lastdocid()) + ' ';
    }
    revisions += std::to_string(schema::last_logged_revision(quotes_->db)) + '\n';
    // Replaced whole by a rename: a crash leaves the old record or the new one.
    std::ofstream(side_dir_ / WritingRevisions, std::ios::binary | std::ios::trunc)
        << revisions << last_docids << '\n' << this_boot() << '\n';
    std::filesystem::rename(side_dir_ / WritingRevisions, side_dir_ / CommittedRevisions);
}

void ShardedWriter::set_batch_size(std::size_t n) { batch_size_ = n == 0 ? 1 : n; }

Xapian::doccount ShardedWriter::article_count() const {
    if (shards_.empty())   // a bulk load, finished
        return Xapian::Database(paths_.front().string()).get_termfreq(schema::exact_term(schema::DocKind, schema::ArticleKind));
    Xapian::doccount n = 0;
    for (const auto& shard : shards_) n += shard->article_count();
    return n;
}

} // namespace newsdesk
