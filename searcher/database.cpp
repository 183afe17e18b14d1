#include "searcher/database.hpp"

#include "schema/terms.hpp"

namespace newsdesk {

Xapian::Database open_database(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw DatabaseMissing("no database at " + path.string() + " (create it with: newsdesk index --db " +
                              path.string() + " PATH...)");
    Xapian::Database db;
    try {
        db = Xapian::Database(path.string());
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw DatabaseMissing(path.string() + " is not a newsdesk database");
    }
    schema::check_version(db);
    return db;
}

} // namespace newsdesk
