#pragma once
// The real `newsdesk serve`, started by a test on a free loopback port, and raw connections to
// it for clients that misbehave.
#include <chrono>
#include <csignal>
#include <cstring>
#include <regex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>

#include "support/run_program.hpp"

extern char** environ;

namespace newsdesk::testing {

// `newsdesk serve --db DB --listen 127.0.0.1:0`: the server picks a free port and says which.
class Server {
public:
    explicit Server(const std::string& db, std::vector<std::string> extra = {}) : log_(scratch_ / "server.log") {
        std::signal(SIGPIPE, SIG_IGN);
        std::vector<std::string> args = {NEWSDESK_PROGRAM, "serve", "--db", db, "--listen", "127.0.0.1:0"};
        args.insert(args.end(), extra.begin(), extra.end());
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&files, STDERR_FILENO, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int rc = posix_spawn(&pid_, argv[0], &files, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&files);
        REQUIRE(rc == 0);
        // Wait for "... on http://127.0.0.1:PORT/ ...", then for an answer.
        const std::regex announced(R"(on http://127\.0\.0\.1:(\d+)/)");
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            std::smatch m;
            const auto text = log();
            if (std::regex_search(text, m, announced)) {
                port_ = std::stoi(m[1]);
                break;
            }
            if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
                pid_ = -1;
                FAIL("newsdesk serve exited: " << log());
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (!port_) FAIL("newsdesk serve did not start: " << log());
        REQUIRE(client().Get("/api/info"));
    }
    ~Server() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    bool alive() const { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_connection_timeout(5);
        c.set_read_timeout(20);
        return c;
    }
    std::string log() const { return slurp(log_); }
    int port() const { return port_; }
    // Resident memory of the server process, in KiB (VmRSS, or VmHWM for the peak).
    long memory_kib(const char* field = "VmRSS:") const {
        const auto status = slurp("/proc/" + std::to_string(pid_) + "/status");
        const auto at = status.find(field);
        return at == std::string::npos ? -1 : std::stol(status.substr(at + std::strlen(field)));
    }

    // SIGTERM, and the exit status (-1 unless it exited by itself).
    int stop() {
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    TempDir scratch_;
    std::filesystem::path log_;
    pid_t pid_ = -1;
    int port_ = 0;
};

// A raw TCP connection to the server, for clients that misbehave.
class RawConnection {
public:
    explicit RawConnection(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
        REQUIRE(fd_ >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    }
    ~RawConnection() { close(fd_); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    void send_text(std::string_view text) { REQUIRE(try_send(text)); }
    // For threads other than the test's own, where REQUIRE may not be used: false when the
    // server has closed the connection.
    bool try_send(std::string_view text) {
        while (!text.empty()) {
            const auto n = send(fd_, text.data(), text.size(), MSG_NOSIGNAL);
            if (n <= 0) return false;
            text.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }
    // Reads what arrives within `wait` (or until the server closes), appended to answer().
    const std::string& receive(std::chrono::milliseconds wait) {
        closed_by_server(wait);
        return answer_;
    }
    // The number of HTTP answers (status lines) received so far.
    std::size_t answers() const {
        std::size_t n = 0;
        for (auto at = answer_.find("HTTP/1.1 "); at != std::string::npos; at = answer_.find("HTTP/1.1 ", at + 1)) ++n;
        return n;
    }
    // True when the server has closed the connection (after any answer it sent) within `wait`.
    bool closed_by_server(std::chrono::milliseconds wait) {
        const auto deadline = std::chrono::steady_clock::now() + wait;
        char buf[4096];
        while (!closed_ && std::chrono::steady_clock::now() < deadline) {
            pollfd p{fd_, POLLIN, 0};
            if (poll(&p, 1, 50) <= 0) continue;
            const auto n = recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) closed_ = true;   // end of stream, or reset
            else answer_.append(buf, static_cast<std::size_t>(n));
        }
        return closed_;
    }
    const std::string& answer() const { return answer_; }

private:
    int fd_;
    bool closed_ = false;
    std::string answer_;
};

} // namespace newsdesk::testing
