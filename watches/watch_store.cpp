#include "watches/watch_store.hpp"

#include <thread>

#include <nlohmann/json.hpp>

#include "schema/schema.hpp"
#include "storage/shard_location.hpp"

namespace newsdesk {

std::string watch_key(const std::string& name) { return std::string{schema::WatchKeyPrefix} + name; }

std::string serialise(const StoredWatch& stored) {
    const auto& w = stored.watch;
    return nlohmann::json{{"query", w.query},     {"facets", w.facets},         {"created", w.created},
                          {"last_run", w.last_run}, {"unseen_from", stored.unseen_from}}
        .dump();
}

StoredWatch parse_watch(const std::string& name, const std::string& text) {
    try {
        const auto j = nlohmann::json::parse(text);
        StoredWatch stored;
        stored.watch.name = name;
        stored.watch.query = j.at("query").get<std::string>();
        stored.watch.facets = j.at("facets").get<std::vector<std::string>>();
        stored.watch.created = j.at("created").get<std::string>();
        stored.watch.last_run = j.at("last_run").get<std::string>();
        stored.unseen_from = j.at("unseen_from").get<std::vector<Xapian::docid>>();
        return stored;
    } catch (const nlohmann::json::exception& e) {
        throw DatabaseError("the watch '" + name + "' kept in the database cannot be read (" + e.what() + ")");
    }
}

std::vector<StoredWatch> stored_watches(const Xapian::Database& home) {
    std::vector<StoredWatch> out;
    const std::string prefix{schema::WatchKeyPrefix};
    for (auto it = home.metadata_keys_begin(prefix); it != home.metadata_keys_end(prefix); ++it)
        out.push_back(parse_watch((*it).substr(prefix.size()), home.get_metadata(*it)));
    return out;
}

std::filesystem::path watch_home(const std::filesystem::path& db) {
    if (parse_location(db.string()).kind != ShardLocation::Kind::Local)
        throw InvalidRequest("watches are kept in the database's files: give its directory, not a remote shard");
    if (!std::filesystem::exists(db)) throw DatabaseMissing("no database at " + db.string());
    if (const auto stub = stub_file_of(db)) {
        const auto shards = read_stub(*stub);
        if (shards.empty()) throw DatabaseError(stub->string() + " lists no shard");
        if (shards.front().kind != ShardLocation::Kind::Local)
            throw InvalidRequest("watches are kept in the first shard's files, and " + stub->string() + " lists a remote one first");
        return shards.front().where;
    }
    return db;
}

Xapian::WritableDatabase open_watch_home(const std::filesystem::path& home, std::chrono::milliseconds wait) {
    const auto until = std::chrono::steady_clock::now() + wait;
    for (;;) {
        try {
            return Xapian::WritableDatabase(home.string(), Xapian::DB_OPEN);
        } catch (const Xapian::DatabaseLockError&) {
            if (std::chrono::steady_clock::now() >= until)
                throw DatabaseLocked(home.string() + " is being written by another process (an index run?): "
                                     "watches are saved in it, so try again when it is done");
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        } catch (const Xapian::DatabaseOpeningError& e) {
            throw DatabaseMissing("cannot open " + home.string() + ": " + e.get_msg());
        }
    }
}

} // namespace newsdesk
