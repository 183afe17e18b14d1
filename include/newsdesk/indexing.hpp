#pragma once
// Reading archives: JSON Lines, text articles, web pages, WARC crawls, NewsML-G2/NITF and RSS/Atom feeds,
// gzipped or not, whole directories; indexing
// them into a database, or extracting their speakers, quotes and countries without indexing.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsdesk/article.hpp>

namespace newsdesk {

// JSON Lines (.jsonl, .ndjson), text articles (.txt), HTML pages (.html, .htm), web-archive
// crawls (.warc), and XML news documents (.xml, .nitf, .rss, .atom): NewsML-G2, NITF, RSS and
// Atom, told apart by their root element. Any may be gzipped. A file of another name is
// recognised by its content where it can be (see ReadOptions::format).
enum class Format { JsonLines, Text, Html, Warc, Xml };

// A piece of input that was not used, and why: "path:line: what is wrong".
struct InputProblem {
    std::string location;   // "path" or "path:line"
    std::string message;
    std::string to_string() const { return location + ": " + message; }
};

// What to read: files and directories (walked recursively, without following directory
// links), and how to complete the articles read.
struct ReadOptions {
    std::vector<std::filesystem::path> inputs;
    std::optional<Format> format;                // overrides the file name and content
    std::string default_language;                // for articles that do not say
    std::filesystem::path aliases;               // speaker alias file added to the defaults
};

struct IndexOptions : ReadOptions {
    std::filesystem::path database;
    bool strict = false;                         // stop at the first problem
    std::size_t batch_size = 500;                // articles per commit (see IndexWriter)
    std::size_t threads = 0;                     // threads analysing articles (0: one per core)
    // Writers loading a new or empty plain database at once, each into side databases merged
    // at the end (0: one per core; 1: one writer, into the database itself). Adding to a
    // database that holds articles, or to a sharded one (a thread per shard), ignores it.
    std::size_t writers = 0;
    // What the run may hold in memory: a batch is committed early when its share (half) is
    // reached, and articles in flight between readers and writer are few and, together, no
    // larger than the other half allows (an article larger than that is refused).
    std::uint64_t memory_limit = std::uint64_t{1} << 30;
    // At the end, rewrite the database compactly (about half the size; see compaction.hpp).
    // Worth it after a large run: it rewrites the whole database.
    bool compact = false;
    // Set (from a signal handler, say) to stop after the current article; what was indexed
    // is committed. May be null.
    const std::atomic<bool>* stop = nullptr;
};

struct IndexProgress {
    std::uint64_t articles = 0;
    std::uint64_t bytes = 0;         // input bytes read (compressed size for .gz)
    std::uint64_t total_bytes = 0;   // of all input files
    double seconds = 0;
};

struct IndexSummary {
    std::uint64_t added = 0;
    std::uint64_t replaced = 0;
    // Met again as they were indexed (the same id, fields and settings), and passed over.
    std::uint64_t unchanged = 0;
    std::uint64_t skipped = 0;                        // input pieces not indexed
    std::map<std::string, std::uint64_t> skipped_by_reason;
    std::uint64_t files = 0;
    std::uint64_t ignored_files = 0;                  // not article files, in walked directories
    // Sound input that holds no article, by kind: "WARC request records" (not problems).
    std::map<std::string, std::uint64_t> passed_over;
    std::uint64_t bytes = 0;
    double seconds = 0;
    std::uint64_t articles_in_database = 0;
    std::uint64_t commits = 0;
    std::uint64_t peak_memory_bytes = 0;              // the process's peak resident size
    double compaction_seconds = 0;                    // part of `seconds`
    // The facet columns written beside an unsharded database after the run, for one-off
    // searches to count from (part of `seconds`); or why they were not (the searches count
    // from the lists then, as before: the run is not failed for a cache).
    double columns_seconds = 0;
    std::string columns_not_saved;
    bool stopped_early = false;                       // --strict met a problem
    bool interrupted = false;                         // `stop` was set
    std::uint64_t indexed() const { return added + replaced; }
};

struct IndexObserver {
    std::function<void(const InputProblem&)> problem;       // each problem, as it is met
    std::function<void(const IndexProgress&)> progress;     // a few times a second
};

// Indexes every article of the inputs into the database, committing in batches and at the
// end. Input problems are reported and skipped (or stop the run with `strict`, after
// committing the articles before them). Throws DatabaseLocked, SchemaMismatch,
// DatabaseError when the database itself fails (a full disk: the message says how many
// articles are committed), InvalidRequest for a bad alias file or default language.
IndexSummary index_archive(const IndexOptions& options, const IndexObserver& observer);

// Reads every article of the inputs without indexing it: each is completed as index_archive()
// completes it (language, speakers, quotes, countries; names settled across the run: for a run
// of up to 64 MB of article text, against all its articles whatever their order, so `each` is
// called once they are all read) and handed to `each`, in input order; problems go to
// `problem` as they are met. Returns the number of problems. Throws
// InvalidRequest for a bad alias file or default language.
std::uint64_t extract_archive(const ReadOptions& options, const std::function<void(const Article&)>& each,
                              const std::function<void(const InputProblem&)>& problem);

// The article held in `content`, read as extract_archive() reads a file of `format` (Text or
// Html) holding it, and completed as it completes an article alone: for text sent rather than
// stored (the server's /api/extract). Its id is the page's canonical URL, or empty. Without
// one, nullopt, and `problem` says why ("the content: not valid UTF-8"). Throws
// InvalidRequest for another format.
std::optional<Article> extract_content(std::string_view content, Format format,
                                       const std::function<void(const InputProblem&)>& problem);

} // namespace newsdesk
