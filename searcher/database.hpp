#pragma once
#include <filesystem>
#include <stdexcept>

#include <xapian.h>

namespace newsdesk {

// Thrown when there is no newsdesk database at the path given.
struct DatabaseMissing : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Opens a database for reading and checks its schema version. Throws DatabaseMissing,
// schema::VersionMismatch or Xapian::DatabaseError.
Xapian::Database open_database(const std::filesystem::path& path);

} // namespace newsdesk
