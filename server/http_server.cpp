// The HTTP side of `newsdesk serve`, on Boost.Beast: one thread waits on every connection, reads
// requests whole under a deadline, answers the page's files and errors itself, and hands API
// work to two bounded pools of workers (database reads, extractions). See README.md ("The HTTP
// server") for why Beast and what each bound is for.
#include "http_server.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include <malloc.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <newsdesk/database.hpp>

#include "http_request.hpp"
#include "log.hpp"
#include "request_checks.hpp"
#include "router.hpp"

namespace newsdesk::server {

void log_line(std::string_view line) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// Status for the log when the client left before its answer (nginx's convention); never sent.
constexpr int ClientClosedRequest = 499;

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

void log_request(std::string_view method, std::string_view target, int status, Clock::time_point start) {
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.2f", std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    log_line(utc_now() + " " + loggable(method) + " " + loggable(target) + " " + std::to_string(status) + " " +
             elapsed + " ms");
}

std::size_t per_core(std::size_t n) { return n ? n : std::max(1u, std::thread::hardware_concurrency()); }

class HttpServer;

// One client connection: reads a request, has it answered, writes the answer, and again while
// the client keeps the connection alive. Every handler runs on the server's one I/O thread.
class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, HttpServer& server);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void start() { read_request(); }
    // SIGTERM: a connection waiting for its next request is closed now; one whose request is
    // under way is closed once its answer is written.
    void stop();
    // Past the grace after SIGTERM: the work under way is told its client is gone.
    void abandon() { gone_->store(true); }

private:
    void read_request();
    void on_header(beast::error_code ec);
    void on_body(beast::error_code ec);
    void dispatch(bool body_unread = false);
    void watch_for_hangup();
    void answer(Reply reply, bool keep_alive);
    void answer_in_pieces(Reply reply, bool keep_alive);
    void write_next_piece(std::function<std::string()> next_piece, bool keep_alive);
    void on_written(beast::error_code ec, bool keep_alive);
    void refuse(int status, const std::string& message) { answer(error_reply(status, message), false); }
    void linger();
    void drain(std::shared_ptr<std::array<char, 64 * 1024>> scratch, std::size_t drained);
    void close();

    HttpServer& server_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<RequestParser> parser_;
    std::shared_ptr<http::response<http::string_body>> response_;
    std::shared_ptr<std::atomic<bool>> gone_ = std::make_shared<std::atomic<bool>>(false);
    Clock::time_point started_{};
    std::string method_, target_;   // of the request under way, for the log
    bool busy_ = false;     // a whole request has been read and is being answered
    bool chunked_ = false;  // the answer under way is written in chunks (answer_in_pieces)
    bool closed_ = false;
};

class HttpServer {
public:
    explicit HttpServer(const ServerOptions& options)
        : options_(options),
          api_(options.db, options.limits),
          router_(api_),
          hosts_(options.host_names),
          database_work_(per_core(options.limits.concurrent_searches)),
          extraction_work_(per_core(options.concurrent_extractions)) {}

    // Binds (throws when it cannot) and returns the port.
    int bind() {
        tcp::resolver resolver(io_);
        beast::error_code ec;
        const auto found = resolver.resolve(options_.host, std::to_string(options_.port), ec);
        if (ec || found.empty())
            throw std::runtime_error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) + ": " +
                                     (ec ? ec.message() : "no such address"));
        const auto endpoint = found.begin()->endpoint();
        acceptor_.open(endpoint.protocol(), ec);
        if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
        if (!ec) acceptor_.bind(endpoint, ec);
        if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
        if (ec)
            throw std::runtime_error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) + ": " +
                                     ec.message());
        return acceptor_.local_endpoint().port();
    }

    bool run() {
        accept();
        net::signal_set signals(io_, SIGINT, SIGTERM);
        signals.async_wait([this](beast::error_code ec, int sig) {
            if (ec) return;
            log_line(std::string("newsdesk: ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") +
                     ": finishing the requests under way");
            begin_stop();
        });
        io_.run();
        // Every connection has closed, or the grace has run out with work still under way.
        const bool finished = live_ == 0;
        if (finished) {
            database_work_.join();
            extraction_work_.join();
        } else {
            log_line("newsdesk: " + std::to_string(live_.load()) + " requests still running after " +
                     std::to_string(options_.stop_grace.count()) + " ms; stopping without them");
        }
        return finished;
    }

    const ServerOptions& options() const { return options_; }
    const Router& router() const { return router_; }
    const HostCheck& hosts() const { return hosts_; }
    net::io_context& io() { return io_; }
    bool stopping() const { return stopping_; }

    // Runs `job` on the pool for `work`, where the number running at once is bounded.
    template <typename Job>
    void submit(Work work, Job&& job) {
        auto& pool = work == Work::Extraction ? extraction_work_ : database_work_;
        ++in_flight_;
        net::post(pool, [this, job = std::forward<Job>(job)]() mutable {
            job();
            if (--in_flight_ == 0) give_memory_back();
        });
    }

    void opened(const std::shared_ptr<Session>& s) {
        std::lock_guard lock(sessions_mutex_);
        sessions_.push_back(s);
        ++live_;
    }
    void closed() {
        --live_;
        if (stopping_ && live_ == 0 && !destroying_) io_.stop();
    }
    ~HttpServer() { destroying_ = true; }
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

private:
    void accept() {
        acceptor_.async_accept(io_, [this](beast::error_code ec, tcp::socket socket) {
            if (ec == net::error::operation_aborted || stopping_) return;
            if (ec) {
                // Out of file descriptors, say: wait a moment rather than spin on the error.
                log_line("newsdesk: accept: " + ec.message());
                pause_.expires_after(std::chrono::milliseconds(100));
                pause_.async_wait([this](beast::error_code) { if (!stopping_) accept(); });
                return;
            }
            if (live_ >= options_.connections) {
                turn_away(std::move(socket));
            } else {
                auto session = std::make_shared<Session>(std::move(socket), *this);
                opened(session);
                session->start();
            }
            accept();
        });
    }

    // Over the connection limit: a short 503 and close, without reading the request.
    static void turn_away(tcp::socket socket) {
        static const std::string busy = [] {
            const std::string body = R"({"error": "too many connections; try again", "status": 503})";
            return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
                   "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
                   std::to_string(body.size()) + "\r\n\r\n" + body;
        }();
        auto held = std::make_shared<tcp::socket>(std::move(socket));
        beast::error_code ignored;
        held->non_blocking(true, ignored);
        net::async_write(*held, net::buffer(busy), [held](beast::error_code, std::size_t) {
            beast::error_code e;
            held->shutdown(tcp::socket::shutdown_both, e);
            held->close(e);
        });
    }

    void begin_stop() {
        stopping_ = true;
        beast::error_code ignored;
        acceptor_.close(ignored);
        pause_.cancel();
        for (const auto& s : sessions()) s->stop();
        if (live_ == 0) return io_.stop();
        grace_.expires_after(options_.stop_grace);
        grace_.async_wait([this](beast::error_code ec) {
            if (ec) return;
            for (const auto& s : sessions()) s->abandon();
            io_.stop();
        });
    }

    std::vector<std::shared_ptr<Session>> sessions() {
        std::lock_guard lock(sessions_mutex_);
        std::vector<std::shared_ptr<Session>> out;
        sessions_.remove_if([&](const std::weak_ptr<Session>& w) {
            auto s = w.lock();
            if (s) out.push_back(std::move(s));
            return !s;
        });
        return out;
    }

    // After a spike (a burst of large requests), the allocator keeps the freed memory for
    // reuse; once no work is under way, hand it back to the system, at most once a second.
    void give_memory_back() {
        const auto now = Clock::now().time_since_epoch().count();
        auto last = last_trim_.load();
        if (now - last < std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(1)).count()) return;
        if (!last_trim_.compare_exchange_strong(last, now)) return;
        malloc_trim(0);
    }

    // Declared before the I/O context, so that they outlive the sessions it destroys last.
    ServerOptions options_;
    Api api_;
    Router router_;
    HostCheck hosts_;
    std::mutex sessions_mutex_;
    std::list<std::weak_ptr<Session>> sessions_;
    std::atomic<std::size_t> live_{0}, in_flight_{0};
    std::atomic<Clock::rep> last_trim_{0};
    std::atomic<bool> stopping_{false}, destroying_{false};
    net::io_context io_{1};
    tcp::acceptor acceptor_{io_};
    net::steady_timer pause_{io_}, grace_{io_};
    net::thread_pool database_work_, extraction_work_;
};

Session::Session(tcp::socket socket, HttpServer& server) : server_(server), stream_(std::move(socket)) {
    // The buffer holds what has been read but not yet parsed: a header at most, and what a client
    // sends ahead (pipelined requests); bodies go straight to the request.
    buffer_.max_size(server_.options().max_header_bytes + 64 * 1024);
}

Session::~Session() {
    if (!closed_) close();
}

void Session::stop() {
    if (!busy_) close();
}

void Session::close() {
    if (closed_) return;
    closed_ = true;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
    server_.closed();
}

void Session::read_request() {
    if (closed_) return;
    if (server_.stopping()) return close();
    const auto& o = server_.options();
    parser_.emplace();
    apply_limits(*parser_, o);
    // One deadline for the whole request, headers and body: a client that sends a byte now
    // and then cannot keep the connection (nor anything else) longer than this.
    stream_.expires_after(o.client_timeout);
    method_.clear();
    target_.clear();
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

void Session::on_header(beast::error_code ec) {
    started_ = Clock::now();
    if (closed_) return;
    if (ec) {
        auto refusal = refusal_for(ec, server_.options());
        return refusal ? answer(std::move(*refusal), false) : close();
    }
    const auto& request = parser_->get();
    method_ = std::string(request.method_string());
    target_ = std::string(request.target());
    if (auto refusal = refusal_for(*parser_, server_.options(), server_.hosts())) return answer(std::move(*refusal), false);
    if (parser_->is_done()) return dispatch();
    if (beast::iequals(request[http::field::expect], "100-continue")) {
        // The client waits for a go-ahead before sending its body: give it only where a body is
        // wanted; elsewhere answer now and close, the body unread.
        if (method_ != "POST" || (request.target() != "/api/extract" && request.target() != "/api/watches")) return dispatch(true);
        static const std::string go_ahead = "HTTP/1.1 100 Continue\r\n\r\n";
        return net::async_write(stream_, net::buffer(go_ahead),
                                [self = shared_from_this()](beast::error_code e, std::size_t) {
                                    if (e) return self->close();
                                    http::async_read(self->stream_, self->buffer_, *self->parser_,
                                                     [self](beast::error_code e2, std::size_t) { self->on_body(e2); });
                                });
    }
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code e, std::size_t) { self->on_body(e); });
}

void Session::on_body(beast::error_code ec) {
    if (closed_) return;
    if (ec) {
        auto refusal = refusal_for(ec, server_.options());
        return refusal ? answer(std::move(*refusal), false) : close();
    }
    dispatch();
}

void Session::dispatch(bool body_unread) {
    busy_ = true;
    auto& request = parser_->get();
    auto target = parse_target(target_);
    if (!target) return refuse(400, "malformed request target (a path starting with /, percent escapes whole)");
    Incoming in{method_, std::move(*target), std::string(request[http::field::content_type]),
                std::move(request.body())};
    const bool keep_alive = request.keep_alive() && !body_unread;
    const auto work = server_.router().work(in);
    if (work == Work::Immediate) return answer(server_.router().answer(in, {}), keep_alive);

    // Work for a pool: the stream waits without a deadline meanwhile (the work has its own),
    // and a hang-up is noticed so that the work can be dropped.
    stream_.expires_never();
    watch_for_hangup();
    Budget budget;
    budget.deadline = started_ + server_.options().request_timeout;
    budget.cancelled = [gone = gone_] { return gone->load(); };
    server_.submit(work, [self = shared_from_this(), in = std::move(in), budget = std::move(budget), keep_alive]() mutable {
        std::optional<Reply> reply;
        try {
            reply = self->server_.router().answer(in, budget);
        } catch (const ClientGone&) {
        }
        auto& io = self->server_.io();
        net::post(io, [self = std::move(self), reply = std::move(reply), keep_alive]() mutable {
            if (!reply) {
                log_request(self->method_, self->target_, ClientClosedRequest, self->started_);
                return self->close();
            }
            self->answer(std::move(*reply), keep_alive);
        });
    });
}

void Session::watch_for_hangup() {
    stream_.socket().async_wait(tcp::socket::wait_read, [self = shared_from_this()](beast::error_code ec) {
        if (ec || self->closed_) return;
        // Readable while the request is worked on: either the next pipelined request (leave it
        // for later) or the end of the stream (the client has gone).
        char byte;
        const auto n = ::recv(self->stream_.socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) self->gone_->store(true);
    });
}

void Session::answer(Reply reply, bool keep_alive) {
    if (closed_) return;
    beast::error_code ignored;
    stream_.socket().cancel(ignored);   // the hang-up watch, if any
    if (gone_->load()) {
        log_request(method_, target_, ClientClosedRequest, started_);
        return close();
    }
    if (reply.next_piece) return answer_in_pieces(std::move(reply), keep_alive);
    const unsigned version = parser_ && parser_->is_header_done() ? parser_->get().version() : 11;
    keep_alive = keep_alive && !server_.stopping();
    response_ = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(reply.status), version);
    auto& res = *response_;
    for (const auto& [name, value] : common_headers()) res.set(name, value);
    for (const auto& [name, value] : reply.headers) res.set(name, value);
    res.set(http::field::content_type, reply.content_type);
    res.keep_alive(keep_alive);
    res.body() = std::move(reply.body);
    res.prepare_payload();
    if (method_ == "HEAD") res.body().clear();   // the length stays that of the GET
    log_request(method_.empty() ? "-" : method_, target_, reply.status, started_);
    stream_.expires_after(server_.options().client_timeout);
    http::async_write(stream_, res, [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
        self->on_written(ec, keep_alive);
    });
}

// A body made piece by piece (exports): the header with chunked transfer coding, then each piece
// as a chunk once a database worker has made it, one at a time, so that a slow client holds up
// only its own export. A piece that fails, or a client that has gone, ends the connection
// without the last chunk, which tells the client the body is incomplete.
void Session::answer_in_pieces(Reply reply, bool keep_alive) {
    const unsigned version = parser_ && parser_->is_header_done() ? parser_->get().version() : 11;
    keep_alive = keep_alive && !server_.stopping() && version >= 11;
    auto head = std::make_shared<http::response<http::empty_body>>(static_cast<http::status>(reply.status), version);
    for (const auto& [name, value] : common_headers()) head->set(name, value);
    for (const auto& [name, value] : reply.headers) head->set(name, value);
    head->set(http::field::content_type, reply.content_type);
    head->keep_alive(keep_alive);
    chunked_ = version >= 11;   // HTTP/1.0: the body ends where the connection does
    head->chunked(chunked_);
    log_request(method_, target_, reply.status, started_);
    auto serializer = std::make_shared<http::response_serializer<http::empty_body>>(*head);
    stream_.expires_after(server_.options().client_timeout);
    http::async_write_header(stream_, *serializer,
                             [self = shared_from_this(), head, serializer, next = std::move(reply.next_piece),
                              keep_alive](beast::error_code ec, std::size_t) mutable {
                                 if (ec) return self->close();
                                 if (self->method_ == "HEAD") return self->on_written(ec, keep_alive);
                                 self->write_next_piece(std::move(next), keep_alive);
                             });
}

void Session::write_next_piece(std::function<std::string()> next_piece, bool keep_alive) {
    server_.submit(Work::Database, [self = shared_from_this(), next_piece = std::move(next_piece), keep_alive]() mutable {
        auto piece = std::make_shared<std::string>();
        bool failed = false;
        if (!self->gone_->load()) {
            try {
                *piece = next_piece();
            } catch (const std::exception& e) {
                log_line(std::string("newsdesk: export: ") + e.what());
                failed = true;
            }
        }
        net::post(self->server_.io(), [self, piece, failed, next_piece = std::move(next_piece), keep_alive]() mutable {
            if (self->closed_) return;
            if (failed || self->gone_->load()) return self->close();
            const bool chunked = self->chunked_;
            self->stream_.expires_after(self->server_.options().client_timeout);
            if (piece->empty()) {
                if (!chunked) return self->close();
                return net::async_write(self->stream_, http::make_chunk_last(),
                                        [self, keep_alive](beast::error_code ec, std::size_t) { self->on_written(ec, keep_alive); });
            }
            auto written = [self, piece, next_piece = std::move(next_piece), keep_alive](beast::error_code ec, std::size_t) mutable {
                if (ec) return self->close();
                self->write_next_piece(std::move(next_piece), keep_alive);
            };
            if (chunked) net::async_write(self->stream_, http::make_chunk(net::buffer(*piece)), std::move(written));
            else net::async_write(self->stream_, net::buffer(*piece), std::move(written));
        });
    });
}

void Session::on_written(beast::error_code ec, bool keep_alive) {
    response_.reset();
    busy_ = false;
    if (ec) return close();
    if (!keep_alive) return linger();
    read_request();
}

// Closing with a request's bytes still unread makes the kernel reset the connection, and the
// client may lose the answer just sent (a 413 while it is still sending its body). So stop
// sending, then read and drop what still comes, for a short while and up to a bound, then close.
void Session::linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    drain(std::make_shared<std::array<char, 64 * 1024>>(), 0);
}

void Session::drain(std::shared_ptr<std::array<char, 64 * 1024>> scratch, std::size_t drained) {
    constexpr std::size_t MaxDrained = 16 << 20;
    stream_.async_read_some(net::buffer(*scratch), [self = shared_from_this(), scratch, drained](beast::error_code ec,
                                                                                                std::size_t n) {
        if (ec || drained + n > MaxDrained || self->server_.stopping()) return self->close();
        self->drain(scratch, drained + n);
    });
}

// Enough descriptors for every connection the server may hold, within the hard limit.
void allow_descriptors(std::size_t connections) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    const rlim_t wanted = connections + 256;
    if (limit.rlim_cur >= wanted) return;
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
    setrlimit(RLIMIT_NOFILE, &limit);
}

} // namespace

// glibc raises its thresholds for mmap and for trimming as a program frees large blocks, up to
// 32 and 64 MB; a worker thread's heap then keeps tens of MB after a burst of 1 MB requests,
// which malloc_trim() cannot hand back (it trims the free blocks within a heap, not its top).
// Fixed thresholds keep large blocks in their own mappings and trim heaps as they shrink.
void bound_allocator_caches() {
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024);
}

bool serve(const ServerOptions& options, const std::function<void(int port)>& ready) {
    (void)Index::open(options.db);   // fail now, with the CLI's exit codes, not on the first request
    allow_descriptors(options.connections);
    bound_allocator_caches();
    // The server outlives this call when work is abandoned at the end (see the header).
    auto server = std::make_unique<HttpServer>(options);
    const int port = server->bind();
    if (ready) ready(port);
    const bool finished = server->run();
    if (!finished) server.release();
    return finished;
}

} // namespace newsdesk::server
