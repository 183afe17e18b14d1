#include "indexer/writable_database.hpp"

#include <cstdlib>
#include <mutex>

#include <newsdesk/errors.hpp>

namespace newsdesk {

Xapian::WritableDatabase open_writable(const std::filesystem::path& path, const std::filesystem::path& database,
                                       bool durable) {
    static std::once_flag threshold_set;
    // The largest value Xapian's atoi() reads; changes are counted per document, so no batch
    // that fits in memory comes near it.
    std::call_once(threshold_set, [] { ::setenv("XAPIAN_FLUSH_THRESHOLD", "2147483647", 1); });
    try {
        return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS | (durable ? 0 : Xapian::DB_NO_SYNC));
    } catch (const Xapian::DatabaseLockError&) {
        throw DatabaseLocked("database " + database.string() + " is being written by another newsdesk process");
    }
}

} // namespace newsdesk
