#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

#include <unistd.h>   // nice

#include "commands.hpp"
#include "options.hpp"
#include "problem_printer.hpp"
#include "render/json.hpp"
#include "render/lists.hpp"
#include "terminal.hpp"
#include <newsdesk/database.hpp>
#include <newsdesk/indexing.hpp>

namespace newsdesk::cli {
namespace {

// Bounds of the options: past them a value is a typing error, not a setting.
constexpr long long MaxBatchSize = 1'000'000;
constexpr long long MaxThreads = 256;
constexpr std::uint64_t MinMemoryLimit = std::uint64_t{64} << 20;
constexpr std::uint64_t MaxMemoryLimit = std::uint64_t{1} << 40;

// "512M", "2G", "1048576" (bytes), "64K".
std::uint64_t parse_size(const std::string& text, const char* option) {
    std::size_t end = 0;
    unsigned long long n = 0;
    try {
        // stoull takes "-1" (as the largest number), "+1" and leading blanks: digits only
        if (!text.empty() && text.front() >= '0' && text.front() <= '9') n = std::stoull(text, &end);
    } catch (const std::exception&) {
        end = 0;
    }
    const auto unit = text.substr(end);
    int shift = -1;
    if (unit.empty()) shift = 0;
    else if (unit == "K" || unit == "k") shift = 10;
    else if (unit == "M" || unit == "m") shift = 20;
    else if (unit == "G" || unit == "g") shift = 30;
    if (end == 0 || shift < 0 || n > (~0ULL >> shift))
        throw po::error(std::string(option) + " must be a size such as 512M or 2G, not '" + text + "'");
    return std::uint64_t{n} << shift;
}

std::string megabytes(std::uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

std::string duration(double seconds) {
    char buf[32];
    const auto s = static_cast<long>(seconds + 0.5);
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

// Ctrl-C or a polite kill: finish the current article, commit, and say how far we got.
std::atomic<bool> stop_requested{false};
extern "C" void request_stop(int) { stop_requested.store(true); }

void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

void show_progress(const IndexProgress& p) {
    const double rate = p.seconds > 0 ? static_cast<double>(p.articles) / p.seconds : 0;
    std::string line = "\r" + std::to_string(p.articles) + " articles, " + megabytes(p.bytes);
    if (p.total_bytes) line += " of " + megabytes(p.total_bytes);
    line += ", " + std::to_string(static_cast<long>(rate)) + " articles/s";
    if (p.total_bytes && p.bytes > 0 && p.bytes < p.total_bytes)
        line += ", ETA " + duration(p.seconds * static_cast<double>(p.total_bytes - p.bytes) / static_cast<double>(p.bytes));
    std::cerr << line << "\033[K" << std::flush;   // erase what a longer earlier line left
}

// An indexer sharing a machine with a server of the same archive competed with it for the
// cores as an equal, and searches waited behind it (bench/server_load.sh, README "Server").
// Searches are someone waiting; indexing is a batch that may take a little longer. Linux gives
// each thread its own nice value and new threads take their creator's, so this is done before
// any starts.
constexpr long long DefaultNiceness = 10;

void lower_priority(int increment) {
    if (increment == 0) return;
    errno = 0;
    if (::nice(increment) == -1 && errno != 0)
        std::cerr << "warning: cannot lower the indexer's priority: " << std::strerror(errno) << '\n';
}

} // namespace

int index_command(const Args& args) {
    IndexOptions options;
    std::string db, format, lang, aliases, memory_limit;
    std::vector<std::string> paths;
    // Signed, so that "-1" is refused rather than wrapped around to a huge unsigned number.
    long long shards = 0, batch_size = 500, threads = 0, writers = 0, niceness = DefaultNiceness;
    po::options_description named("index options");
    named.add_options()
        ("db", po::value(&db)->required(), "database directory (created if missing)")
        ("shards", po::value(&shards),
         "create DIR as N shards (DIR/shard-0..N-1 and the stub DIR/XAPIANDB), each article in the "
         "shard its id hashes to; a sharded DIR is found again without it")
        ("format", po::value(&format), "jsonl, text, html, warc, or xml (newsml, nitf, rss, atom): read every file as this (default: by file name, else content)")
        ("lang", po::value(&lang), "language of articles that do not give one (default: detected)")
        ("aliases", po::value(&aliases), "speaker alias file: lines \"Canonical Name<TAB>variant...\"")
        ("strict", po::bool_switch(&options.strict), "stop at the first bad input (what came before is kept)")
        ("batch-size", po::value(&batch_size)->default_value(500), "articles per commit (1 to 1000000)")
        ("threads", po::value(&threads)->default_value(0),
         "threads analysing articles (0: one per core)")
        ("writers", po::value(&writers)->default_value(0),
         "writers loading a new or empty database at once, merged at the end (0: one per core)")
        ("memory-limit", po::value(&memory_limit)->default_value("1G"),
         "memory the run may use, such as 512M or 2G: batches are committed early to stay under it")
        ("nice", po::value(&niceness)->default_value(DefaultNiceness),
         "lower the indexer's CPU priority by this much (0 to 19, as nice(1)), so that searches "
         "served from the same machine come first; on an idle machine it changes nothing")
        ("compact", po::bool_switch(&options.compact),
         "at the end, rewrite the database compactly (half the size; takes a while on a large one)")
        ("json", "print the summary as JSON")
        ("path", po::value(&paths), "files and directories to index");
    const auto vm = parse(args, named, "path",
                          "usage: newsdesk index --db DIR [--shards N] [OPTIONS] PATH...\n"
                          "Indexes JSON Lines (.jsonl, .ndjson) and text articles (.txt), gzipped or not;\n"
                          "directories are walked. Re-indexing an article with the same id replaces it.\n"
                          "Exit: 0 all indexed, 1 some input skipped, 2 usage, 3 database problem, 4 other,\n"
                          "5 database locked by another writer, 130 interrupted (work so far committed).");
    if (!vm) return Ok;
    if (paths.empty() && !options.compact) throw po::error("give at least one PATH to index");
    if (batch_size < 1 || batch_size > MaxBatchSize)
        throw po::error("--batch-size must be from 1 to " + std::to_string(MaxBatchSize) + ", not " + std::to_string(batch_size));
    if (threads < 0 || threads > MaxThreads)
        throw po::error("--threads must be from 0 to " + std::to_string(MaxThreads) + ", not " + std::to_string(threads));
    options.batch_size = static_cast<std::size_t>(batch_size);
    if (writers < 0 || writers > MaxThreads)
        throw po::error("--writers must be from 0 to " + std::to_string(MaxThreads) + ", not " + std::to_string(writers));
    options.threads = static_cast<std::size_t>(threads);
    options.writers = static_cast<std::size_t>(writers);
    options.memory_limit = parse_size(memory_limit, "--memory-limit");
    if (options.memory_limit < MinMemoryLimit || options.memory_limit > MaxMemoryLimit)
        throw po::error("--memory-limit must be from 64M to 1024G, not '" + memory_limit + "'");
    if (vm->count("shards") && (shards < 1 || shards > 1024)) throw po::error("--shards must be between 1 and 1024");
    if (niceness < 0 || niceness > 19) throw po::error("--nice must be from 0 to 19, not " + std::to_string(niceness));
    options.database = db;
    options.format = parse_format(format);
    options.default_language = lang;
    options.aliases = aliases;
    for (const auto& p : paths) options.inputs.emplace_back(p);

    const bool live = stderr_is_terminal();
    bool progress_shown = false;
    IndexObserver observer;
    ProblemPrinter problems;
    observer.problem = [&](const InputProblem& p) {
        if (progress_shown) std::cerr << "\r\033[K";
        problems.print(p);
    };
    if (live)
        observer.progress = [&](const IndexProgress& p) {
            progress_shown = true;
            show_progress(p);
        };
    options.stop = &stop_requested;
    install_stop_handlers();
    lower_priority(static_cast<int>(niceness));   // before the indexing threads start: they inherit it
    if (shards) create_sharded_database(db, static_cast<std::size_t>(shards));   // or check the one there
    const auto s = index_archive(options, observer);
    if (progress_shown) std::cerr << "\r\033[K";

    if (vm->count("json")) {
        std::cout << render::dump(render::to_json(s)) << '\n';
    } else {
        const double rate = s.seconds > 0 ? static_cast<double>(s.indexed()) / s.seconds : 0;
        std::cerr << "indexed " << render::counted(s.indexed(), "article", "articles") << " (" << s.added << " new, "
                  << s.replaced << " replaced";
        if (s.unchanged) std::cerr << "; " << s.unchanged << " unchanged, passed over";
        std::cerr << ") from " << render::counted(s.files, "file", "files") << ", "
                  << megabytes(s.bytes) << " in " << duration(s.seconds) << " (" << static_cast<long>(rate)
                  << " articles/s); " << render::counted(s.articles_in_database, "article", "articles") << " in "
                  << db << '\n';
        // "reason (n); other reason (m)": reasons are phrases, which spaces alone ran together.
        const auto tallied = [](const auto& counts) {
            std::vector<std::string> parts;
            for (const auto& [what, n] : counts) parts.push_back(what + " (" + std::to_string(n) + ")");
            return render::joined(parts, "; ");
        };
        if (s.skipped) std::cerr << "skipped " << s.skipped << ": " << tallied(s.skipped_by_reason) << '\n';
        if (s.ignored_files)
            std::cerr << "ignored " << render::counted(s.ignored_files, "file that is", "files that are") << " not articles\n";
        if (!s.passed_over.empty()) std::cerr << "passed over, holding no article: " << tallied(s.passed_over) << '\n';
        if (options.compact && !s.interrupted) std::cerr << "compacted in " << duration(s.compaction_seconds) << '\n';
        if (!s.columns_not_saved.empty())
            std::cerr << "facet columns not saved (searches count from the lists): " << s.columns_not_saved << '\n';
        if (s.stopped_early) std::cerr << "stopped at the first problem (--strict); the articles before it are indexed\n";
    }
    if (s.interrupted) {
        std::cerr << "interrupted: the " << s.indexed() << " articles indexed so far are committed ("
                  << s.articles_in_database << " in the database); run the same command again to finish"
                  << " (articles already indexed are passed over, or replaced where they changed)\n";
        return Interrupted;
    }
    return s.skipped ? Incomplete : Ok;
}

} // namespace newsdesk::cli
