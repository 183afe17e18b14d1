#pragma once
// Serves a database with Xapian's own xapian-tcpsrv on 127.0.0.1 and a free port, for tests
// of remote shards; stopped when the object goes.
#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

extern char** environ;

namespace newsdesk::testing {

// xapian-tcpsrv's path, or empty (with a warning, or a failure under CI) when not installed.
inline std::string tcpsrv_program() {
    for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
        const auto p = std::filesystem::path(dir) / "xapian-tcpsrv";
        if (std::filesystem::exists(p)) return p.string();
    }
    if (std::getenv("CI")) FAIL("xapian-tcpsrv (package xapian-tools) is missing under CI");
    WARN("SKIPPED: xapian-tcpsrv (package xapian-tools) is not installed");
    return {};
}

class TcpShardServer {
public:
    // Starts serving `db`; FAILs if it does not accept connections within 10 s.
    TcpShardServer(const std::string& program, const std::filesystem::path& db) {
        // A port the kernel just handed out is free; another process could take it before
        // xapian-tcpsrv binds it, so a server that exits at once is retried on a new port.
        for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) {
            port_ = free_port();
            start(program, db);
            if (!wait_until_listening()) stop();
        }
        if (pid_ <= 0) FAIL("xapian-tcpsrv did not start for " << db);
    }
    ~TcpShardServer() { stop(); }
    TcpShardServer(const TcpShardServer&) = delete;
    TcpShardServer& operator=(const TcpShardServer&) = delete;

    unsigned port() const { return port_; }
    std::string location() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
    // SIGSTOP to the server and the children it forked for open connections: connections
    // are still accepted (by the kernel) but nothing answers.
    void freeze() const { ::kill(-pid_, SIGSTOP); }
    void stop() {
        if (pid_ <= 0) return;
        ::kill(-pid_, SIGCONT);
        ::kill(pid_, SIGTERM);   // xapian-tcpsrv passes it on to its process group: its own
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
    }

private:
    static unsigned free_port() {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        ::close(fd);
        return ntohs(addr.sin_port);
    }

    void start(const std::string& program, const std::filesystem::path& db) {
        const std::vector<std::string> args{program, "--interface", "127.0.0.1", "--port", std::to_string(port_),
                                            "--quiet", db.string()};
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&files, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
        // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group, which
        // must not be the test runner's.
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attr, 0);
        pid_t pid = -1;
        if (posix_spawn(&pid, program.c_str(), &files, &attr, argv.data(), environ) == 0) pid_ = pid;
        posix_spawnattr_destroy(&attr);
        posix_spawn_file_actions_destroy(&files);
    }

    bool wait_until_listening() {
        if (pid_ <= 0) return false;
        for (int i = 0; i < 200; ++i) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {   // exited: the port was taken?
                pid_ = -1;
                return false;
            }
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            addr.sin_port = htons(static_cast<std::uint16_t>(port_));
            const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
            ::close(fd);
            if (up) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }

    pid_t pid_ = -1;
    unsigned port_ = 0;
};

} // namespace newsdesk::testing
