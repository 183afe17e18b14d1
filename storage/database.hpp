#pragma once
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <stdexcept>
#include <vector>

#include <xapian.h>

#include <newsdesk/errors.hpp>

namespace newsdesk {

// How long a remote shard may take to accept a connection, and to answer each request,
// before the search fails naming it (instead of hanging on a dead machine).
inline constexpr std::chrono::milliseconds DefaultRemoteTimeout{10000};

// A database opened for reading, and the remote shards in it (to name the one that fails).
struct OpenedDatabase {
    Xapian::Database db;
    std::vector<std::string> remote_shards;   // tcp://host:port...
    std::vector<Xapian::Database> local_shards;   // each local database in `db`, sharing its state
};

// Opens one or more locations as one database: a database directory, a sharded database
// directory or a Xapian stub file (each shard listed is opened), or tcp://HOST:PORT (a shard
// served by xapian-tcpsrv). Only a stub file given here may list remote shards (read_stub());
// no stub may name a program. Every shard's schema version is checked. Throws
// DatabaseMissing, SchemaMismatch or DatabaseError naming the shard (or the stub's line),
// InvalidRequest for a bad location.
OpenedDatabase open_shards(const std::vector<std::string>& locations,
                           std::chrono::milliseconds remote_timeout = DefaultRemoteTimeout);

// What to report when a call on a database with remote shards failed with a network error
// (`error`, which does not say which shard): each remote shard is asked again, briefly, and
// those that do not answer are named; if all answer, all are listed as suspects.
std::string describe_remote_failure(const std::vector<std::string>& remote_shards,
                                    std::chrono::milliseconds timeout, const std::string& error);

// open_shards() of one location.
Xapian::Database open_database(const std::filesystem::path& path);

// Runs `read(db)` on the newest committed revision and returns what it returns, so that a
// long-lived handle sees articles committed since it was opened. A reader sees one revision;
// a writer that commits twice meanwhile makes that revision disappear (Xapian's
// DatabaseModifiedError): then the database is reopened and `read` runs again. A writer
// committing every few milliseconds can overtake a slow search several times in a row, so the
// bound is generous; only a pathological writer exhausts it. `db` shares its state with the caller's handle, which moves on with it.
// A block recycled under a reader can also show as DatabaseCorruptError; it is retried the
// same way, and reported if it persists. After a few quick retries the reader waits a little
// between attempts, so that a writer committing in a tight loop leaves it a window.
template <typename Read>
auto read_latest(const Xapian::Database& db, Read read) {
    Xapian::Database reader = db;
    for (int attempt = 1;; ++attempt) {
        try {
            reader.reopen();   // cheap when nothing changed
            return read(reader);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 100) throw;
        } catch (const Xapian::DatabaseCorruptError&) {
            if (attempt == 100) throw;
        }
        if (attempt > 3) std::this_thread::sleep_for(std::chrono::milliseconds(std::min(attempt, 20)));
    }
}

} // namespace newsdesk
