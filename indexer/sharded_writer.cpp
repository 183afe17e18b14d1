#include "indexer/sharded_writer.hpp"

#include <algorithm>
#include <limits>

#include <malloc.h>

#include "indexer/writable_database.hpp"
#include "schema/terms.hpp"
#include "storage/shard_location.hpp"

namespace newsdesk {
namespace {

constexpr std::string_view NamesDirectory = "names";   // see ShardedWriter::names_db_

// FNV-1a, 64 bits: tiny, fixed by its definition (std::hash may differ between builds).
std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
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

std::size_t text_bytes(const Article& a) {
    std::size_t bytes = a.title.size() + a.body.size();
    for (const auto& q : a.quotes) bytes += q.text.size();
    return bytes;
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
        shards_.push_back(std::make_unique<IndexWriter>(path, nullptr, 1, background));
        paths_.push_back(path);
    } else {
        // The names database first: its lock turns a second writer away before any shard opens.
        names_db_ = std::make_unique<Xapian::WritableDatabase>(open_names(stub->parent_path()));
        names_ = std::make_unique<SpeakerRegistry>();
        for (const auto& shard : local_shards(*stub)) {
            shards_.push_back(std::make_unique<IndexWriter>(shard, names_.get(), 1, background));
            paths_.push_back(shard);
        }
    }
    // This class commits every shard together every batch_size articles; the shards never
    // commit on their own.
    for (auto& shard : shards_) shard->set_batch_size(std::numeric_limits<std::size_t>::max());
}

ShardedWriter::~ShardedWriter() = default;

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
        for (std::size_t i = 0; i < shards; ++i) IndexWriter(path / shard_directory_name(i), nullptr, shards).commit();
        names.commit();
    }
    write_stub(path, shards);   // last: until it exists, nothing opens the directory as a database
}

std::size_t ShardedWriter::shard_of(std::string_view id, std::size_t shards) {
    return static_cast<std::size_t>(fnv1a(schema::exact_term(schema::Id, id)) % shards);
}

bool ShardedWriter::add(Article article) {
    const auto shard = shard_of(article.id, shards_.size());
    const auto bytes = text_bytes(article);
    return added(shards_[shard]->add(std::move(article)), bytes);
}

bool ShardedWriter::add(Article article, Xapian::Document text) {
    const auto shard = shard_of(article.id, shards_.size());
    const auto bytes = text_bytes(article);
    return added(shards_[shard]->add(std::move(article), std::move(text)), bytes);
}

bool ShardedWriter::remove(const std::string& id) {
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
    if (names_) names_->committed();
    pending_ = 0;
    ++commits_;
}

void ShardedWriter::set_batch_size(std::size_t n) { batch_size_ = n == 0 ? 1 : n; }

Xapian::doccount ShardedWriter::article_count() const {
    Xapian::doccount n = 0;
    for (const auto& shard : shards_) n += shard->article_count();
    return n;
}

} // namespace newsdesk
