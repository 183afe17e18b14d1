#include <charconv>
#include <iostream>

#include "commands.hpp"
#include "options.hpp"
#include "http_server.hpp"

namespace newsdesk::cli {
namespace {

// "HOST:PORT" or "[IPv6]:PORT" into options.host and options.port.
void parse_listen(const std::string& listen, server::ServerOptions& options) {
    const auto bad = [&] {
        return po::error("--listen must be HOST:PORT (such as 127.0.0.1:8080, or [::1]:8080), not '" + listen + "'");
    };
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0) throw bad();
    auto host = listen.substr(0, colon);
    if (host.front() == '[') {
        if (host.size() < 3 || host.back() != ']') throw bad();
        host = host.substr(1, host.size() - 2);
    } else if (host.find(':') != std::string::npos) {
        throw bad();
    }
    const auto port_text = std::string_view{listen}.substr(colon + 1);
    int port = -1;
    const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (port_text.empty() || ec != std::errc{} || end != port_text.data() + port_text.size() || port < 0 || port > 65535)
        throw bad();
    options.host = host;
    options.port = port;
}

bool loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

} // namespace

int serve_command(const Args& args) {
    server::ServerOptions options;
    std::string db, listen = "127.0.0.1:8080";
    std::size_t threads = options.threads;
    po::options_description named("serve options");
    named.add_options()
        ("db", po::value(&db)->required(), "database directory")
        ("listen", po::value(&listen)->default_value(listen),
         "HOST:PORT to listen on; loopback by default (port 0: any free port, printed)")
        ("threads", po::value(&threads)->default_value(threads), "requests served at once (1 to 256)");
    const auto vm = parse(args, named, nullptr,
                          "usage: newsdesk serve --db DIR [--listen HOST:PORT] [--threads N]\n"
                          "Serves the search page at / and the JSON API: GET /api/search, /api/quotes (the\n"
                          "parameters of `newsdesk search`: q, facet, facet_limit, sort, limit, offset, lang),\n"
                          "GET /api/articles/ID, GET /api/info, POST /api/extract. SIGINT or SIGTERM stops it.");
    if (!vm) return Ok;
    if (threads < 1 || threads > 256) throw po::error("--threads must be from 1 to 256");
    parse_listen(listen, options);
    options.db = db;
    options.threads = threads;
    if (!loopback(options.host))
        std::cerr << "newsdesk: listening on " << options.host
                  << ", beyond this machine: whoever can reach it can read the archive\n";
    server::serve(options, [&](int port) {
        const auto host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
        std::cerr << "newsdesk: serving " << db << " on http://" << host << ":" << port << "/ with " << threads
                  << " threads (SIGINT or SIGTERM stops)" << std::endl;
    });
    std::cerr << "newsdesk: stopped\n";
    return Ok;
}

} // namespace newsdesk::cli
