#include "indexer/indexing.hpp"

#include <newsdesk/entities.hpp>
#include <thread>

#include <sys/resource.h>

#include "indexer/article_document.hpp"
#include "indexer/compaction.hpp"
#include "indexer/ordered_workers.hpp"
#include "indexer/sharded_writer.hpp"
#include "indexer/readers/input_files.hpp"
#include "indexer/speaker_registry.hpp"
#include "schema/xapian_errors.hpp"

namespace newsdesk {

std::string problem_reason(const std::string& message) {
    // "malformed JSON: ...", "field \"date\" is not ...": the words before details begin.
    const auto end = message.find_first_of(":(");
    auto reason = message.substr(0, end);
    while (!reason.empty() && reason.back() == ' ') reason.pop_back();
    return reason;
}

namespace {

IndexSummary run_index(const IndexOptions& options, const IndexObserver& observer) {
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    IndexSummary summary;
    IndexProgress progress;
    auto last_report = started;

    auto note_problem = [&](const InputProblem& p) {
        ++summary.skipped;
        ++summary.skipped_by_reason[problem_reason(p.message)];
        if (observer.problem) observer.problem(p);
        if (options.strict) summary.stopped_early = true;
        return !options.strict;
    };

    auto scan = scan_inputs(options.inputs, options.format);
    summary.ignored_files = scan.ignored;
    for (const auto& f : scan.files) progress.total_bytes += f.size;
    for (const auto& p : scan.problems)
        if (!note_problem(p)) return summary;   // nothing written yet

    SpeakerAliases aliases;
    if (!options.aliases.empty()) aliases.load(options.aliases);
    ShardedWriter writer(options.database);   // a plain database is one shard
    writer.set_batch_size(options.batch_size);
    writer.set_memory_limit(options.memory_limit / 2);

    // Analysis (language, entities, words) on worker threads, writing on this one.
    struct Prepared {
        Article article;
        Xapian::Document text;
    };
    const std::size_t workers = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    OrderedWorkers<Prepared> analysis(workers, 4 * workers, [&](Prepared& p) {
        enrich(p.article, options.default_language, aliases);
        p.text = text_document(p.article);
    });
    const auto write = [&](Prepared&& p) {
        if (writer.add(std::move(p.article), std::move(p.text))) ++summary.replaced;
        else ++summary.added;
        ++progress.articles;
    };

    ReadHandlers handlers;
    handlers.problem = note_problem;
    auto stop_requested = [&] {
        if (options.stop && options.stop->load(std::memory_order_relaxed)) summary.interrupted = true;
        return summary.interrupted;
    };
    handlers.article = [&](Article&& a) {
        if (stop_requested()) return false;
        analysis.push(Prepared{std::move(a), {}}, write);
        return true;
    };
    handlers.bytes_read = [&](std::uint64_t n) {
        progress.bytes += n;
        const auto now = Clock::now();
        if (observer.progress && now - last_report > std::chrono::milliseconds(250)) {
            last_report = now;
            progress.seconds = std::chrono::duration<double>(now - started).count();
            observer.progress(progress);
        }
    };

    for (const auto& file : scan.files) {
        ++summary.files;
        read_file(file, handlers);
        if (summary.stopped_early || stop_requested()) break;
    }
    analysis.drain(write);
    writer.commit();
    summary.bytes = progress.bytes;
    summary.articles_in_database = writer.article_count();
    summary.commits = writer.commits();
    if (options.compact && !summary.interrupted) {   // still holding the write lock
        const auto start = Clock::now();
        for (const auto& shard : writer.shard_paths()) compact_in_place(shard);
        summary.compaction_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) summary.peak_memory_bytes = std::uint64_t(usage.ru_maxrss) * 1024;
    summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return summary;
}


} // namespace

IndexSummary index_archive(const IndexOptions& options, const IndexObserver& observer) {
    return translate_xapian_errors([&] { return run_index(options, observer); });
}

std::uint64_t extract_archive(const ReadOptions& options, const std::function<void(const Article&)>& each,
                              const std::function<void(const InputProblem&)>& problem) {
    SpeakerAliases aliases;
    if (!options.aliases.empty()) aliases.load(options.aliases);
    // Names settle across the articles of this run as they would in an index built from them.
    Xapian::WritableDatabase names("", Xapian::DB_BACKEND_INMEMORY);
    SpeakerRegistry registry(names);
    std::uint64_t problems = 0;
    ReadHandlers handlers;
    handlers.problem = [&](const InputProblem& p) {
        ++problems;
        problem(p);
        return true;
    };
    handlers.article = [&](Article&& a) {
        enrich(a, options.default_language, aliases);
        registry.settle(a);
        each(a);
        return true;
    };
    const auto scan = scan_inputs(options.inputs, options.format);
    for (const auto& p : scan.problems) handlers.problem(p);
    for (const auto& file : scan.files) read_file(file, handlers);
    return problems;
}

} // namespace newsdesk
