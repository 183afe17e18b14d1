// `newsdesk index` lowers its CPU priority (--nice), every thread of it, so that searches served
// from the same machine come first.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "support/run_program.hpp"

using namespace newsdesk::testing;

namespace {

// The nice value of each thread of process `pid`, by thread id (field 19 of its stat line).
std::map<int, int> thread_niceness(pid_t pid) {
    std::map<int, int> out;
    std::error_code ec;
    const std::filesystem::path tasks = "/proc/" + std::to_string(pid) + "/task";
    for (const auto& task : std::filesystem::directory_iterator(tasks, ec)) {
        std::ifstream in(task.path() / "stat");
        std::string line;
        if (!std::getline(in, line)) continue;
        std::istringstream fields(line.substr(line.rfind(')') + 2));   // after the name, from field 3
        std::string field;
        for (int n = 3; n <= 19 && fields >> field; ++n)
            if (n == 19) out[std::stoi(task.path().filename().string())] = std::stoi(field);
    }
    return out;
}

// The nice values of the indexer's threads once its analysis and writing threads run.
std::map<int, int> indexer_niceness(const std::vector<std::string>& extra) {
    const auto reuters = shared_data("data/corpora/reuters21578.jsonl");
    if (!std::filesystem::exists(reuters)) return {};
    TempDir dir;
    const auto corpus = dir.write("reuters-part.jsonl", first_lines(reuters, 5000));
    std::vector<std::string> args = {"index", "--db", (dir / "db").string(), "--threads", "2", corpus.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto pid = spawn_newsdesk(args);
    std::map<int, int> seen;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (seen.size() < 4 && std::chrono::steady_clock::now() < give_up) {
        seen = thread_niceness(pid);
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(seen.size() >= 4);   // the main thread, two analysing, one writing
    return seen;
}

} // namespace

TEST_CASE("the indexer runs below other work's priority, every thread of it", "[cli][index]") {
    errno = 0;
    const int ours = getpriority(PRIO_PROCESS, 0);
    REQUIRE(errno == 0);
    SECTION("by 10 unless told") {
        for (const auto& [thread, niceness] : indexer_niceness({})) CHECK(niceness == std::min(ours + 10, 19));
    }
    SECTION("by what --nice says") {
        for (const auto& [thread, niceness] : indexer_niceness({"--nice", "3"})) CHECK(niceness == std::min(ours + 3, 19));
    }
    SECTION("not at all with --nice 0") {
        for (const auto& [thread, niceness] : indexer_niceness({"--nice", "0"})) CHECK(niceness == ours);
    }
}

TEST_CASE("a --nice out of range is refused before anything is indexed", "[cli][index]") {
    TempDir dir;
    for (const auto* bad : {"-1", "20"}) {
        const auto r = run_newsdesk({"index", "--db", (dir / "db").string(), "--nice", bad, sample_dir().string()});
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, "--nice must be from 0 to 19"));
        CHECK_FALSE(std::filesystem::exists(dir / "db"));
    }
}
