#include "http_server.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <pthread.h>
#include <sys/socket.h>

#include <httplib.h>

#include "output.hpp"
#include <newsdesk/database.hpp>
#include "log.hpp"
#include "web_assets.hpp"

namespace newsdesk::server {

void log_line(std::string_view line) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

const WebAsset* find_web_asset(std::string_view path) {
    for (const auto& asset : web_assets())
        if (asset.path == path) return &asset;
    return nullptr;
}

namespace {

using Clock = std::chrono::steady_clock;

// When the request this thread is serving began (set before routing; the logger reads it).
thread_local Clock::time_point request_start{};

const char* reason(int status) {
    switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    case 415: return "unsupported media type";
    case 431: return "request headers too large";
    case 500: return "internal error";
    case 503: return "service unavailable";
    default: return status >= 500 ? "server error" : "request error";
    }
}

void send_json(httplib::Response& res, const ApiResponse& r) {
    res.status = r.status;
    res.set_header("Cache-Control", "no-store");
    if (r.status == 503) res.set_header("Retry-After", "1");
    res.set_content(cli::dump(r.body), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
    send_json(res, error_response(status, message));
}

// Request text as logged: printable ASCII, cut short.
std::string loggable(std::string_view s) {
    if (s.empty()) return "-";
    std::string out;
    for (char c : s.substr(0, 300)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
    if (s.size() > 300) out += "...";
    return out;
}

std::string utc_now() {
    const auto now = std::chrono::system_clock::now();
    const auto t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}

void log_request(const httplib::Request& req, const httplib::Response& res) {
    std::string elapsed = "-";
    if (request_start != Clock::time_point{}) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f",
                      std::chrono::duration<double, std::milli>(Clock::now() - request_start).count());
        elapsed = buf;
        request_start = {};
    }
    log_line(utc_now() + " " + loggable(req.method) + " " + loggable(req.target.empty() ? req.path : req.target) +
             " " + std::to_string(res.status) + " " + elapsed + " ms");
}

constexpr const char* PageSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

class Router {
public:
    explicit Router(Api& api) : api_(api) {}

    void operator()(const httplib::Request& req, httplib::Response& res) const {
        const auto& path = req.path;
        const bool get = req.method == "GET" || req.method == "HEAD";
        const auto only = [&](const char* method) {
            res.set_header("Allow", method);
            send_error(res, 405, req.method + " is not allowed on " + loggable(path) + " (only " + method + ")");
        };
        if (path == "/api/search" || path == "/api/quotes" || path == "/api/info") {
            if (!get) return only("GET, HEAD");
            if (path == "/api/search") return send_json(res, api_.search(req.params));
            if (path == "/api/quotes") return send_json(res, api_.quotes(req.params));
            return send_json(res, api_.info(req.params));
        }
        if (path == "/api/extract") {
            if (req.method != "POST") return only("POST");
            return send_json(res, api_.extract(req.body, req.get_header_value("Content-Type")));
        }
        static constexpr std::string_view Articles = "/api/articles/";
        if (path.starts_with(Articles) && path.size() > Articles.size()) {
            if (!get) return only("GET, HEAD");
            return send_json(res, api_.article(path.substr(Articles.size())));
        }
        if (!path.starts_with("/api/")) {
            if (const auto* asset = find_web_asset(path == "/" ? "/index.html" : std::string_view{path})) {
                if (!get) return only("GET, HEAD");
                res.status = 200;
                res.set_header("Cache-Control", "no-cache");
                res.set_header("Content-Security-Policy", PageSecurityPolicy);
                res.set_content(asset->body.data(), asset->body.size(), std::string(asset->content_type));
                return;
            }
        }
        send_error(res, 404, "not found: " + loggable(path));
    }

private:
    Api& api_;
};

// Blocks SIGINT and SIGTERM in every thread the server starts, and waits for them on one
// thread of its own that stops the server: no work in a signal handler.
class StopOnSignal {
public:
    explicit StopOnSignal(httplib::Server& server) {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
        watcher_ = std::thread([this, &server] {
            const timespec tick{0, 100'000'000};
            bool stopping = false;
            while (!done_) {
                if (!stopping) {
                    const int sig = sigtimedwait(&signals_, nullptr, &tick);
                    if (sig <= 0) continue;
                    log_line(std::string("newsdesk: ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") +
                             ": finishing the requests under way");
                    stopping = true;
                }
                // Again until the server has stopped: a signal may come before it started listening.
                server.stop();
                nanosleep(&tick, nullptr);
            }
        });
    }
    ~StopOnSignal() {
        done_ = true;
        watcher_.join();
        pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    }
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

private:
    sigset_t signals_{}, previous_{};
    std::atomic<bool> done_{false};
    std::thread watcher_;
};

} // namespace

void serve(const ServerOptions& options, const std::function<void(int port)>& ready) {
    (void)Index::open(options.db);   // fail now, with the CLI's exit codes, not on the first request
    Api api(options.db, options.limits);

    httplib::Server server;
    const auto threads = options.connections ? options.connections : 1;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_read_timeout(options.read_timeout.count(), 0);
    server.set_write_timeout(options.write_timeout.count(), 0);
    server.set_keep_alive_timeout(options.keep_alive_timeout.count());
    server.set_keep_alive_max_count(options.keep_alive_max_requests);
    server.set_payload_max_length(options.max_body_bytes);
    server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                {"Referrer-Policy", "no-referrer"},
                                {"X-Frame-Options", "DENY"}});

    // Every method and path goes to the router, after httplib has read (and size-checked) the body.
    const httplib::Server::Handler router = Router(api);
    server.Get(".*", router);
    server.Post(".*", router);
    server.Put(".*", router);
    server.Patch(".*", router);
    server.Delete(".*", router);
    server.Options(".*", router);
    server.set_pre_routing_handler([router](const httplib::Request& req, httplib::Response& res) {
        request_start = Clock::now();
        // A POST (PUT...) with neither Content-Length nor Transfer-Encoding has no body, but httplib
        // would wait for one until the read timeout: answer it at once.
        if (req.method != "GET" && req.method != "HEAD" && !req.has_header("Content-Length") &&
            !req.has_header("Transfer-Encoding")) {
            router(req, res);
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // Errors httplib answers itself (malformed requests, 413, 414...): the same JSON shape.
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send_error(res, res.status, reason(res.status));
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr e) {
        std::string what = "unknown exception";
        try {
            if (e) std::rethrow_exception(e);
        } catch (const std::exception& x) {
            what = x.what();
        } catch (...) {
        }
        log_line("newsdesk: " + loggable(req.path) + ": " + what);
        send_error(res, 500, reason(500));
    });
    server.set_logger(log_request);

    // Ignore SIGPIPE: a client that goes away must cost a failed write, not the process.
    std::signal(SIGPIPE, SIG_IGN);
    const StopOnSignal stop(server);   // before any server thread starts, so that they inherit the mask
    // Debian's httplib listens with a backlog of 5: a burst of more new connections than that
    // (50 clients starting at once) overflows it, and the kernel drops their SYNs, which clients
    // resend a second later. The listening socket is noted here and given a full backlog below.
    int listening = -1;
    server.set_socket_options([&listening](int sock) {
        httplib::default_socket_options(sock);
        listening = sock;
    });
    int port = options.port;
    if (port == 0) port = server.bind_to_any_port(options.host);
    else if (!server.bind_to_port(options.host, port)) port = -1;
    if (port <= 0)
        throw std::runtime_error("cannot listen on " + options.host + ":" + std::to_string(options.port) + ": " +
                                 std::strerror(errno));
    if (listening >= 0) ::listen(listening, SOMAXCONN);   // listen() again only changes the backlog
    if (ready) ready(port);
    server.listen_after_bind();
}

} // namespace newsdesk::server
