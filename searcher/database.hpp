#pragma once
#include <filesystem>
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
template <typename Read>
auto read_latest(const Xapian::Database& db, Read read) {
    Xapian::Database reader = db;
    reader.reopen();   // cheap when nothing changed
    for (int attempt = 1;; ++attempt) {
        try {
            return read(reader);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 100) throw;
            reader.reopen();
        }
    }
}

} // namespace newsdesk
