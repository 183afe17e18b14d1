#include "storage/database.hpp"

#include <fcntl.h>

#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "storage/shard_location.hpp"

namespace newsdesk {
namespace {

// Opens the shards one by one (rather than letting Xapian read a stub) so that each one's
// schema version is checked and an error says which shard failed: with several databases
// Xapian reads metadata from the first only, so one check on the whole would miss the others.
class ShardOpener {
public:
    explicit ShardOpener(std::chrono::milliseconds timeout) : timeout_(timeout) {}

    // `named`: messages say which shard (several databases, a stub, a remote one).
    void add(const ShardLocation& shard, bool named, int depth = 0) {
        if (shard.kind == ShardLocation::Kind::Tcp) return add_remote(shard);
        add_local(shard.where, named, depth);
    }

    OpenedDatabase take() { return std::move(opened_); }
    // The highest document id of any shard, in its own numbering.
    Xapian::docid largest_docid() const { return largest_docid_; }

private:
    void add_local(const std::filesystem::path& path, bool named, int depth) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            if (named) throw DatabaseMissing("shard " + path.string() + " is missing");
            throw DatabaseMissing("no database at " + path.string() + " (create it with: newsdesk index --db " +
                                  path.string() + " PATH...)");
        }
        if (const auto stub = stub_file_of(path)) {
            if (depth > 4) throw DatabaseError(stub->string() + ": stub files nested too deeply");
            // The user asked for the remote shards of a stub file they name, not for those of
            // a database directory (its XAPIANDB is the indexer's) or of a stub listed in one.
            const auto remote = depth == 0 && *stub == path ? RemoteShards::Allowed : RemoteShards::Refused;
            for (const auto& shard : read_stub(*stub, remote)) add(shard, true, depth + 1);
            return;
        }
        Xapian::Database db;
        try {
            db = open_glass(path);
        } catch (const Xapian::DatabaseNotFoundError&) {
            throw DatabaseMissing(path.string() + " is not a newsdesk database");
        }
        checked(db, path.string(), named);
        opened_.local_shards.push_back(db);
    }

    // Never Xapian's own detection, which reads a stub it finds (a file, or XAPIANDB in a
    // directory) and runs the program of a `remote :PROGRAM` line: a directory is opened as
    // a glass database, a file (stub_file_of() has seen the magic) as a single-file one.
    static Xapian::Database open_glass(const std::filesystem::path& path) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) return Xapian::Database(path.string(), Xapian::DB_BACKEND_GLASS);
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw DatabaseMissing("cannot read " + path.string());
        return Xapian::Database(fd, Xapian::DB_BACKEND_GLASS);   // owns fd
    }

    void add_remote(const ShardLocation& shard) {
        const auto ms = static_cast<useconds_t>(timeout_.count());   // Xapian takes milliseconds here
        Xapian::Database db;
        try {
            db = Xapian::Remote::open(shard.where, shard.port, ms, ms);
        } catch (const Xapian::Error& e) {
            throw DatabaseError("remote shard " + shard.to_string() + " cannot be opened: " + e.get_description());
        }
        checked(db, "remote shard " + shard.to_string(), true);
        opened_.remote_shards.push_back(shard.to_string());
    }

    void checked(const Xapian::Database& db, const std::string& name, bool named) {
        try {
            schema::check_version(db);
        } catch (const SchemaMismatch& e) {
            if (named) throw SchemaMismatch(name + ": " + e.what());
            throw;
        }
        opened_.db.add_database(db);
        largest_docid_ = std::max(largest_docid_, db.get_lastdocid());
    }

    std::chrono::milliseconds timeout_;
    OpenedDatabase opened_;
    Xapian::docid largest_docid_ = 0;
};

} // namespace

OpenedDatabase open_shards(const std::vector<std::string>& locations, std::chrono::milliseconds remote_timeout) {
    if (locations.empty()) throw InvalidRequest("no database given");
    ShardOpener opener(remote_timeout);
    for (const auto& location : locations) opener.add(parse_location(location), locations.size() > 1);
    auto opened = opener.take();
    // Xapian numbers the documents of n shards (id - 1) * n + shard + 1 in 32 bits, and does
    // not check: databases too large to be searched together would find the wrong documents.
    const auto shards = opened.db.size();
    if (shards > 1 && opener.largest_docid() > schema::last_docid(shards))
        throw InvalidRequest("these " + std::to_string(shards) + " databases hold too many document ids to be "
                             "searched together (Xapian's ids are 32 bits): search them apart, or index "
                             "into one sharded database (newsdesk index --shards)");
    return opened;
}

std::string describe_remote_failure(const std::vector<std::string>& remote_shards,
                                    std::chrono::milliseconds timeout, const std::string& error) {
    std::string dead, all;
    const auto ms = static_cast<useconds_t>(std::min(timeout, std::chrono::milliseconds{2000}).count());
    for (const auto& name : remote_shards) {
        all += (all.empty() ? "" : ", ") + name;
        const auto shard = parse_location(name);
        try {
            (void)Xapian::Remote::open(shard.where, shard.port, ms, ms).get_doccount();
        } catch (const Xapian::Error&) {
            dead += (dead.empty() ? "" : ", ") + name;
        }
    }
    if (!dead.empty()) return "remote shard " + dead + " does not answer: " + error;
    if (remote_shards.empty()) return error;
    return "a remote shard failed (one of " + all + "): " + error;
}

Xapian::Database open_database(const std::filesystem::path& path) { return open_shards({path.string()}).db; }

} // namespace newsdesk
