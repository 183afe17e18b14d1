#pragma once
// Where the pieces of a sharded database are: the directory layout, the Xapian stub file that
// lists them, and `tcp://HOST:PORT` for a shard served by xapian-tcpsrv.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdesk {

// A sharded database is a directory holding shard-0 ... shard-(N-1), each a Xapian database,
// and a stub file named XAPIANDB listing them ("auto shard-0"...). Xapian opens such a
// directory as one database by itself, so Xapian's tools (xapian-delve, xapian-tcpsrv,
// xapian-compact) see the whole archive too. newsdesk never lets Xapian read a stub: Xapian
// would also run the program of a `remote :PROGRAM` line.
inline constexpr std::string_view StubFileName = "XAPIANDB";
std::string shard_directory_name(std::size_t shard);   // "shard-3"

struct ShardLocation {
    enum class Kind { Local, Tcp };
    Kind kind = Kind::Local;
    std::string where;      // Local: the path; Tcp: the host
    unsigned port = 0;      // Tcp
    std::string to_string() const;   // as a user would write it: a path, tcp://host:port

    static ShardLocation local(std::string path) { return {Kind::Local, std::move(path), 0}; }
    static ShardLocation tcp(std::string host, unsigned port) { return {Kind::Tcp, std::move(host), port}; }
};

// "tcp://HOST:PORT" (IPv6 as tcp://[::1]:PORT) is a remote shard; anything else is a path.
// Throws InvalidRequest for a tcp:// location without a valid port.
ShardLocation parse_location(std::string_view text);

// The stub file of `path`: path/XAPIANDB for a sharded database directory, `path` itself when
// it is any other regular file; nullopt for a database directory, a single-file Xapian
// database, or nothing at `path`.
std::optional<std::filesystem::path> stub_file_of(const std::filesystem::path& path);

// Whether a stub may list remote shards. Only one the user names (`--db FILE`) may: a
// database directory's own XAPIANDB is the indexer's, which lists local shards only, so a
// remote line there would connect wherever the directory's author chose.
enum class RemoteShards { Refused, Allowed };

// The databases a stub file lists, relative paths resolved against the stub's directory, in
// Xapian 1.4's format: "auto PATH", "glass PATH", "remote HOST:PORT" (where `remote` allows
// it), comments starting with '#'. Xapian's program backend ("remote :PROGRAM ARGS") is
// refused. Throws DatabaseMissing when the file cannot be read, DatabaseError naming the file
// and line for any line refused.
std::vector<ShardLocation> read_stub(const std::filesystem::path& stub, RemoteShards remote = RemoteShards::Refused);

// Throws DatabaseError unless Xapian's writer would take `path` for a database directory, or
// create one there: given a file, or a directory holding a stub, it would follow the stub.
void check_database_directory(const std::filesystem::path& path);

// Writes dir/XAPIANDB listing dir/shard-0 ... shard-(shards-1), replacing any earlier one
// atomically (a reader sees the old list or the new one).
void write_stub(const std::filesystem::path& dir, std::size_t shards);

} // namespace newsdesk
