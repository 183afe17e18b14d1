#pragma once
// `newsdesk serve`: the JSON API (server/api.hpp) and the search page over HTTP/1.1.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "api.hpp"

namespace newsdesk::server {

struct ServerOptions {
    std::filesystem::path db;
    std::string host = "127.0.0.1";   // loopback unless told otherwise
    int port = 8080;                  // 0: any free port (the one chosen is passed to `ready`)
    // Connections served at once: httplib gives each open connection a thread for as long as
    // it stays open (keep-alive included), so this is sized for clients, not for cores; how
    // many searches run at once is ApiLimits::concurrent_searches.
    std::size_t connections = 64;
    std::size_t max_body_bytes = 1 << 20;
    std::chrono::seconds read_timeout{5}, write_timeout{5}, keep_alive_timeout{5};
    std::size_t keep_alive_max_requests = 100;
    ApiLimits limits;
};

// Serves until SIGINT or SIGTERM arrives, then finishes the requests under way and returns.
// Throws DatabaseMissing and the like when the database cannot be opened, std::runtime_error
// when the address cannot be bound. `ready` is called once listening, with the port.
void serve(const ServerOptions& options, const std::function<void(int port)>& ready = {});

} // namespace newsdesk::server
