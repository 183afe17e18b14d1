#include "storage/shard_location.hpp"

#include <charconv>
#include <fstream>

#include <newsdesk/errors.hpp>

namespace newsdesk {
namespace {

constexpr std::string_view TcpScheme = "tcp://";
// How a single-file glass database starts (Xapian's GLASS_VERSION_MAGIC).
constexpr std::string_view SingleFileMagic{"\x0f\x0dXapian Glass", 14};
// newsdesk's stubs hold a line per shard: a larger file is not one.
constexpr std::uintmax_t MaxStubBytes = 1 << 20;

// "HOST:PORT" or "[V6]:PORT" -> host and port; nullopt without a port in 1..65535.
std::optional<std::pair<std::string, unsigned>> host_and_port(std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    const auto digits = text.substr(colon + 1);
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (ec != std::errc{} || end != digits.data() + digits.size() || port == 0 || port > 65535) return std::nullopt;
    auto host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    return std::pair{std::string{host}, port};
}

} // namespace

std::string shard_directory_name(std::size_t shard) { return "shard-" + std::to_string(shard); }

std::string ShardLocation::to_string() const {
    if (kind == Kind::Local) return where;
    return std::string{TcpScheme} + (where.find(':') != std::string::npos ? "[" + where + "]" : where) + ":" +
           std::to_string(port);
}

ShardLocation parse_location(std::string_view text) {
    if (!text.starts_with(TcpScheme)) return ShardLocation::local(std::string{text});
    const auto hp = host_and_port(text.substr(TcpScheme.size()));
    if (!hp) throw InvalidRequest("a remote shard is tcp://HOST:PORT, not '" + std::string{text} + "'");
    return ShardLocation::tcp(hp->first, hp->second);
}

std::optional<std::filesystem::path> stub_file_of(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        auto stub = path / StubFileName;
        if (std::filesystem::is_regular_file(stub, ec)) return stub;
        return std::nullopt;
    }
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    // A regular file is a stub, unless it starts as a single-file glass database does (which
    // newsdesk does not write, but opens).
    std::ifstream in(path, std::ios::binary);
    std::string head(SingleFileMagic.size(), '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    if (head == SingleFileMagic) return std::nullopt;
    return path;
}

std::vector<ShardLocation> read_stub(const std::filesystem::path& stub, RemoteShards remote) {
    std::ifstream in(stub);
    if (!in) throw DatabaseMissing("cannot read the stub file " + stub.string());
    std::error_code ec;
    if (std::filesystem::file_size(stub, ec) > MaxStubBytes)
        throw DatabaseError(stub.string() + " is too large for a stub file (over 1 MiB)");
    const auto base = stub.parent_path();
    std::vector<ShardLocation> shards;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const auto space = line.find(' ');
        const auto type = line.substr(0, space);
        const auto rest = space == std::string::npos ? std::string{} : line.substr(space + 1);
        auto refused = [&](const std::string& why) { return DatabaseError(stub.string() + ":" + std::to_string(number) + ": " + why); };
        if ((type == "auto" || type == "glass") && !rest.empty()) {
            const std::filesystem::path p{rest};
            shards.push_back(ShardLocation::local((p.is_absolute() ? p : base / p).lexically_normal().string()));
        } else if (type == "remote" && rest.starts_with(':')) {
            throw refused("'remote :PROGRAM' runs a program (Xapian's program backend), which newsdesk never "
                          "does: list local databases, or shards served by xapian-tcpsrv as remote HOST:PORT");
        } else if (type == "remote") {
            const auto hp = host_and_port(rest);
            if (!hp) throw refused("a remote shard is remote HOST:PORT, not '" + line + "'");
            if (remote == RemoteShards::Refused)
                throw refused("remote shard " + rest + " refused: newsdesk connects only to the remote shards it is "
                              "given (--db tcp://HOST:PORT, or a stub file given as --db), not to those a database "
                              "directory lists");
            shards.push_back(ShardLocation::tcp(hp->first, hp->second));
        } else {
            throw refused("not a line of a stub file (auto PATH, glass PATH, remote HOST:PORT)");
        }
    }
    return shards;
}

void check_database_directory(const std::filesystem::path& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found) return;
    if (std::filesystem::is_directory(status) && !std::filesystem::exists(path / StubFileName, ec) && !ec) return;
    throw DatabaseError(path.string() + " is not a database directory");
}

void write_stub(const std::filesystem::path& dir, std::size_t shards) {
    const auto stub = dir / StubFileName;
    auto temporary = stub;
    temporary += ".new";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << "# newsdesk sharded database: one line per shard (Xapian stub format)\n";
        for (std::size_t i = 0; i < shards; ++i) out << "auto " << shard_directory_name(i) << '\n';
        out.flush();
        if (!out) throw DatabaseError("cannot write " + temporary.string());
    }
    std::filesystem::rename(temporary, stub);
}

} // namespace newsdesk
