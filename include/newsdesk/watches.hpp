#pragma once
// Saved searches that alert: a watch is a query kept in the database, and running it lists the
// articles that entered the archive since it last ran and match, each article once.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <newsdesk/errors.hpp>
#include <newsdesk/search.hpp>

namespace newsdesk {

struct Watch {
    std::string name;                  // letters, digits, '-', '_' and '.', at most 64
    std::string query;                 // the query language, as search takes it
    std::vector<std::string> facets;   // counted over each run's new articles
    std::string created, last_run;     // UTC, "2026-12-07T06:00:00Z"; last_run empty until it runs
};

// One watch's run: the articles new to it, ranked, with their facets.
struct WatchRun {
    Watch watch;                 // as it was before this run (last_run: the run before)
    SearchResults new_articles;  // total: every new match; hits: the first `limit` of them, ranked
};

// The watches of the database at `db` (a database directory or a sharded one: kept in the
// first shard), in their names' order. Throws DatabaseMissing, DatabaseError, InvalidRequest
// (a remote location: watches need the database's files).
std::vector<Watch> list_watches(const std::filesystem::path& db);

// Saves a watch; its first run reports the articles indexed from now on. Writing waits up to
// `wait` for another writer (an index run) to finish, then throws DatabaseLocked. Throws
// InvalidRequest for a name taken or not allowed or an unknown facet, QueryError for a query
// that does not parse.
Watch add_watch(const std::filesystem::path& db, const Watch& watch,
                std::chrono::milliseconds wait = std::chrono::seconds(30));

// Deletes the watch; false when there is none of that name.
bool remove_watch(const std::filesystem::path& db, const std::string& name,
                  std::chrono::milliseconds wait = std::chrono::seconds(30));

// Runs the watches named (all when `names` is empty): for each, the articles that entered the
// archive since its last run (or since it was added) and match its query, the first `limit`
// ranked, then remembers how far it has read, so that each article is reported once. An article
// enters the archive when it is first indexed; indexing it again (replaced or unchanged) does not
// make it new. `remember` false: a look that changes nothing. Throws InvalidRequest for an
// unknown name, DatabaseLocked as add_watch does.
std::vector<WatchRun> run_watches(const std::filesystem::path& db, const std::vector<std::string>& names = {},
                                  std::size_t limit = 100, bool remember = true,
                                  std::chrono::milliseconds wait = std::chrono::seconds(30));

} // namespace newsdesk
