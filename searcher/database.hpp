#pragma once
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>
#include <stdexcept>

#include <xapian.h>

#include <newsdesk/errors.hpp>

namespace newsdesk {

// Opens a database for reading and checks its schema version. Throws DatabaseMissing,
// SchemaMismatch or Xapian::DatabaseError.
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
