#include "searcher/shard_location.hpp"

#include <charconv>
#include <fstream>

#include <newsdesk/errors.hpp>

namespace newsdesk {
namespace {

constexpr std::string_view TcpScheme = "tcp://";

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
    switch (kind) {
    case Kind::Tcp:
        return std::string{TcpScheme} + (where.find(':') != std::string::npos ? "[" + where + "]" : where) + ":" +
               std::to_string(port);
    case Kind::Program: return where + (args.empty() ? "" : " " + args);
    case Kind::Local: break;
    }
    return where;
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
    // A regular file is a stub (text), unless it is binary: a single-file glass database,
    // which newsdesk does not write but Xapian opens by itself.
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    char head[512];
    in.read(head, sizeof head);
    if (std::string_view(head, static_cast<std::size_t>(in.gcount())).find('\0') != std::string_view::npos) return std::nullopt;
    return path;
}

std::vector<ShardLocation> read_stub(const std::filesystem::path& stub) {
    std::ifstream in(stub);
    if (!in) throw DatabaseMissing("cannot read the stub file " + stub.string());
    const auto base = stub.parent_path();
    std::vector<ShardLocation> shards;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const auto space = line.find(' ');
        const auto type = line.substr(0, space);
        const auto rest = space == std::string::npos ? std::string{} : line.substr(space + 1);
        auto bad = [&] { return DatabaseError(stub.string() + ":" + std::to_string(number) + ": not a line of a Xapian stub file"); };
        if ((type == "auto" || type == "glass") && !rest.empty()) {
            const std::filesystem::path p{rest};
            shards.push_back(ShardLocation::local((p.is_absolute() ? p : base / p).lexically_normal().string()));
        } else if (type == "remote" && rest.starts_with(':')) {
            const auto args_at = rest.find(' ');
            const bool has_args = args_at != std::string::npos;
            shards.push_back(ShardLocation::program(rest.substr(1, has_args ? args_at - 1 : std::string::npos),
                                                    has_args ? rest.substr(args_at + 1) : std::string{}));
        } else if (type == "remote") {
            const auto hp = host_and_port(rest);
            if (!hp) throw bad();
            shards.push_back(ShardLocation::tcp(hp->first, hp->second));
        } else {
            throw bad();
        }
    }
    return shards;
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
