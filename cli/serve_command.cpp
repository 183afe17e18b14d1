#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "commands.hpp"
#include "options.hpp"
#include "server/http_server.hpp"

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
    std::vector<std::string> hosts;
    std::size_t connections = options.connections, searches = 0, extractions = 0;
    long client_timeout = options.client_timeout.count();
    double request_timeout = std::chrono::duration<double>(options.request_timeout).count();
    po::options_description named("serve options");
    named.add_options()
        ("db", po::value(&db)->required(), "database directory")
        ("listen", po::value(&listen)->default_value(listen),
         "HOST:PORT to listen on; loopback by default (port 0: any free port, printed)")
        ("host", po::value(&hosts)->composing(),
         "a host name clients may use in their Host header, beyond localhost and IP addresses (repeatable)")
        ("connections", po::value(&connections)->default_value(connections),
         "connections open at once; more are answered 503 (1 to 10000)")
        ("searches", po::value(&searches)->default_value(searches),
         "searches run at once, others wait their turn (0: one per core)")
        ("extractions", po::value(&extractions)->default_value(extractions),
         "POST /api/extract requests run at once, others wait their turn (0: one per core)")
        ("client-timeout", po::value(&client_timeout)->default_value(client_timeout),
         "seconds a client has to send a whole request, and to read an answer (1 to 300)")
        ("request-timeout", po::value(&request_timeout)->default_value(request_timeout),
         "seconds the work for one request may take, its wait for a turn included; 503 beyond (0.1 to 300)");
    const auto vm = parse(args, named, nullptr,
                          "usage: newsdesk serve --db DIR [--listen HOST:PORT] [--host NAME]... [--connections N]\n"
                          "                      [--searches N] [--extractions N] [--client-timeout SECONDS]\n"
                          "                      [--request-timeout SECONDS]\n"
                          "Serves the search page at / and the JSON API: GET /api/search, /api/quotes (the\n"
                          "parameters of `newsdesk search`: q, facet, facet_limit, sort, limit, offset, lang),\n"
                          "GET /api/articles/ID, GET /api/info, POST /api/extract. SIGINT or SIGTERM stops it.");
    if (!vm) return Ok;
    if (connections < 1 || connections > 10000) throw po::error("--connections must be from 1 to 10000");
    if (searches > 256) throw po::error("--searches must be from 0 to 256");
    if (extractions > 256) throw po::error("--extractions must be from 0 to 256");
    if (client_timeout < 1 || client_timeout > 300) throw po::error("--client-timeout must be from 1 to 300");
    if (!(request_timeout >= 0.1 && request_timeout <= 300)) throw po::error("--request-timeout must be from 0.1 to 300");
    for (const auto& h : hosts)
        if (h.empty() || h.find_first_of(" /:@[]\t") != std::string::npos)
            throw po::error("--host takes a host name such as news.example.org, not '" + h + "'");
    parse_listen(listen, options);
    options.db = db;
    options.host_names = hosts;
    if (!loopback(options.host)) options.host_names.push_back(options.host);
    options.connections = connections;
    options.limits.concurrent_searches = searches;
    options.concurrent_extractions = extractions;
    options.client_timeout = std::chrono::seconds(client_timeout);
    options.request_timeout = std::chrono::milliseconds(static_cast<long>(request_timeout * 1000));
    options.limits.max_queue_wait = options.request_timeout;
    if (!loopback(options.host))
        std::cerr << "newsdesk: listening on " << options.host
                  << ", beyond this machine: whoever can reach it can read the archive\n";
    const bool finished = server::serve(options, [&](int port) {
        const auto host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
        std::cerr << "newsdesk: serving " << db << " on http://" << host << ":" << port << "/ ("
                  << connections << " connections, " << (searches ? std::to_string(searches) : "one per core")
                  << " searches at once; SIGINT or SIGTERM stops)" << std::endl;
    });
    std::cerr << "newsdesk: stopped" << std::endl;
    // Work still under way uses the server's objects: end the process without destroying them.
    if (!finished) std::_Exit(Ok);
    return Ok;
}

} // namespace newsdesk::cli
