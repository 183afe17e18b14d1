#pragma once
// Where watches are kept: one metadata entry each (schema::WatchKeyPrefix + name) in the
// database, or in the first shard of a sharded one, so that a copy or compaction of the
// database keeps them and every door (CLI, server, library) sees the same.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsdesk/watches.hpp>

namespace newsdesk {

struct StoredWatch {
    Watch watch;
    // Per shard, the first article id the watch has not seen: articles are numbered as they
    // enter the archive, so those at or above it are new to the watch.
    std::vector<Xapian::docid> unseen_from;
};

std::string watch_key(const std::string& name);
std::string serialise(const StoredWatch& stored);
// Throws DatabaseError when the entry is not a watch this version wrote.
StoredWatch parse_watch(const std::string& name, const std::string& text);
// Every watch, from a reader of the database where they are kept.
std::vector<StoredWatch> stored_watches(const Xapian::Database& home);

// The database that keeps the watches of `db`: `db`, or its first shard. Throws InvalidRequest
// for a remote location, DatabaseMissing when there is no database.
std::filesystem::path watch_home(const std::filesystem::path& db);
// Opens it for writing, waiting up to `wait` while another process writes it (an index run);
// then throws DatabaseLocked.
Xapian::WritableDatabase open_watch_home(const std::filesystem::path& home, std::chrono::milliseconds wait);

} // namespace newsdesk
