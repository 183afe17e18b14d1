#pragma once
// Runs the real newsdesk program and captures what it prints and its exit code.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/shared_data.hpp"
#include "support/temp_dir.hpp"

extern char** environ;

namespace newsdesk::testing {

struct Run {
    int exit_code = -1;
    std::string out, err;
};

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Starts the real newsdesk program with `args`, its output thrown away, and returns at once:
// for tests that watch or kill it while it runs. The caller reaps it (waitpid).
inline pid_t spawn_newsdesk(std::vector<std::string> args) {
    args.insert(args.begin(), NEWSDESK_PROGRAM);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

// newsdesk ARGS..., with stdin from /dev/null.
inline Run run_newsdesk(const std::vector<std::string>& args) {
    static const TempDir scratch;
    std::string cmd = shell_quote(NEWSDESK_PROGRAM);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    const auto out = scratch / "stdout", err = scratch / "stderr";
    cmd += " </dev/null >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string());
    const int status = std::system(cmd.c_str());
    Run r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

// What `newsdesk ARGS...` printed as JSON (ARGS ask for --json); the command must have
// succeeded (0) or found nothing (1).
inline nlohmann::json newsdesk_json(const std::vector<std::string>& args) {
    const auto r = run_newsdesk(args);
    INFO("newsdesk " << (args.empty() ? std::string{} : args.front()) << ": " << r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    return nlohmann::json::parse(r.out);
}

// Total hits of `query` in `db`, or -1 when the search failed.
inline int search_total(const std::string& db, const std::string& query) {
    const auto r = run_newsdesk({"search", "--db", db, "--json", query});
    if (r.exit_code != 0 && r.exit_code != 1) return -1;
    return nlohmann::json::parse(r.out)["total"].get<int>();
}

// Whether what a program printed holds `part`.
inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// `newsdesk ARGS...` is refused: it exits with `code` (2: a request it cannot answer) and says
// `reason`.
inline void check_refused(const std::vector<std::string>& args, const std::string& reason, int code = 2) {
    const auto r = run_newsdesk(args);
    INFO("newsdesk " << (args.empty() ? std::string{} : args.front()) << ": " << r.err);
    CHECK(r.exit_code == code);
    CHECK(has(r.err, reason));
}

// The first `n` lines of a file, each ending in a newline: a slice of a corpus for a test.
inline std::string first_lines(const std::filesystem::path& path, int n) {
    std::ifstream in(path);
    std::string lines;
    std::string line;
    for (int i = 0; i < n && std::getline(in, line); ++i) lines += line + "\n";
    return lines;
}

inline std::filesystem::path sample_dir() { return std::filesystem::path(NEWSDESK_SOURCE_DIR) / "data" / "sample"; }
inline std::filesystem::path seed_article() { return shared_dir() / "seed" / "000_b94c0258166ae0dd.txt"; }

// The sample archive and the seed article indexed by the real program, once per test process.
inline const std::string& sample_db() {
    static TempDir dir;
    static const std::string db = [] {
        const auto path = (dir / "db").string();
        const auto r = run_newsdesk({"index", "--db", path, sample_dir().string(), seed_article().string()});
        if (r.exit_code != 0) FAIL("indexing the sample failed: " << r.err);
        return path;
    }();
    return db;
}

} // namespace newsdesk::testing
