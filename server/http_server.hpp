#pragma once
// `newsdesk serve`: the JSON API (server/api.hpp) and the search page over HTTP/1.1.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "api.hpp"

namespace newsdesk::server {

// What the server lets one client take. Every bound is on a whole request, however its bytes
// arrive (chunked bodies, one header line at a time), so no client can hold more than these.
struct ServerOptions {
    std::filesystem::path db;
    std::string host = "127.0.0.1";   // loopback unless told otherwise
    int port = 8080;                  // 0: any free port (the one chosen is passed to `ready`)
    // Host names served beyond `localhost` and IP addresses (HostCheck, http_request.hpp).
    std::vector<std::string> host_names;
    // Connections open at once. A connection costs a socket and its buffers, not a thread (the
    // server waits on all of them from one thread), so this is sized for clients; beyond it a
    // new connection gets 503 and is closed.
    std::size_t connections = 256;
    // Extractions (POST /api/extract) run at once, 0: one per core; each holds its text's
    // analysis in memory. How many searches run at once is ApiLimits::concurrent_searches.
    std::size_t concurrent_extractions = 0;
    std::size_t max_body_bytes = 1 << 20;      // 413 beyond, chunked or not
    std::size_t max_header_bytes = 16 << 10;   // request line and header lines together: 431 beyond
    std::size_t max_header_fields = 100;       // 431 beyond
    std::size_t max_target_bytes = 15 << 10;   // the request line's path and query: 414 beyond
    // A client has this long to send a whole request (from its first byte, or from the previous
    // answer on a kept-alive connection) and again to read each answer; then it is disconnected.
    std::chrono::seconds client_timeout{10};
    // The work of one request (a search, an extraction, its wait for a worker): 503 beyond.
    std::chrono::milliseconds request_timeout{10'000};
    // After SIGINT or SIGTERM, how long the requests under way may take to finish.
    std::chrono::milliseconds stop_grace{3'000};
    ApiLimits limits;
};

// Serves until SIGINT or SIGTERM arrives, then finishes the requests under way and returns true;
// false when some were still running after stop_grace: their threads still use the server, so
// the caller must end the process at once (std::_Exit) rather than return from main.
// Throws DatabaseMissing and the like when the database cannot be opened, std::runtime_error
// when the address cannot be bound. `ready` is called once listening, with the port.
bool serve(const ServerOptions& options, const std::function<void(int port)>& ready = {});

} // namespace newsdesk::server
