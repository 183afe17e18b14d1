#include "indexer/indexing.hpp"

#include <newsdesk/entities.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <thread>
#include <unordered_set>
#include <vector>

#include <sys/resource.h>

#include "indexer/article_document.hpp"
#include "storage/column_file.hpp"
#include "storage/compaction.hpp"
#include "text/language.hpp"
#include "indexer/ordered_workers.hpp"
#include "indexer/sharded_writer.hpp"
#include "indexer/readers/html_reader.hpp"
#include "indexer/readers/input.hpp"
#include "indexer/readers/input_files.hpp"
#include "indexer/speaker_registry.hpp"
#include "indexer/readers/text_article_reader.hpp"
#include "schema/terms.hpp"
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

// What indexing one article may take, per byte of its text: the token stream the extractors
// read, the quotes found, the article's postings in Xapian's batch. Measured with
// /usr/bin/time: 1 MB articles made to cost the most (a run of capitalised names, quotes
// without full stops) peak at 112 MB, 4 MB of news text at 161 MB, of which about 35 MB is
// the process's own; twice the worst, so that small limits hold that too.
constexpr std::uint64_t IndexBytesPerByte = 128;

// Article text `newsdesk extract` holds to settle names against the whole run (extract_archive):
// bbc.jsonl is 5 MB; an article held costs about twice its text (its quotes, its countries).
constexpr std::uint64_t ExtractHeldBytes = std::uint64_t{64} << 20;

// "0.5 MB", "128 MB", "2 GB".
std::string in_megabytes(std::uint64_t bytes) {
    char buf[32];
    if (bytes >= (1u << 30) && bytes % (1u << 30) == 0)
        std::snprintf(buf, sizeof buf, "%llu GB", static_cast<unsigned long long>(bytes >> 30));
    else if (bytes % (1u << 20) == 0)
        std::snprintf(buf, sizeof buf, "%llu MB", static_cast<unsigned long long>(bytes >> 20));
    else
        std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1u << 20));
    return buf;
}

// The articles of the database as committed on disk (a failed commit leaves the writer's own
// count unreliable), or nullopt if it cannot be read.
std::optional<Xapian::doccount> committed_articles(const std::vector<std::filesystem::path>& shards) {
    try {
        Xapian::doccount n = 0;
        for (const auto& shard : shards)
            n += Xapian::Database(shard.string()).get_termfreq(schema::exact_term(schema::DocKind, schema::ArticleKind));
        return n;
    } catch (const Xapian::Error&) {
        return std::nullopt;
    }
}

// "1234 articles are committed in DIR": what a failed write (a full disk, say) leaves.
std::string committed_note(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& database) {
    const auto n = committed_articles(shards);
    return n ? std::to_string(*n) + " articles are committed in " + database.string()
             : database.string() + " holds what was committed before";
}

// What a failed run leaves: the articles committed, and what a bulk load keeps beside them.
std::string failure_note(const ShardedWriter& writer, const std::filesystem::path& database) {
    auto note = committed_note(writer.shard_paths(), database);
    if (const auto kept = writer.kept_note(); !kept.empty()) note += "; " + kept;
    return note;
}

// The facet columns of an unsharded database, written beside it for one-off searches
// (column_file.hpp), brought forward from the last run's file where the change log allows. The
// reader opened here sees one revision throughout, whatever a writer does meanwhile.
void save_facet_columns(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& database,
                        IndexSummary& summary) {
    std::error_code failed;   // (the paths may be spelled differently: relative, absolute)
    if (shards.size() != 1 || !std::filesystem::equivalent(shards.front(), database, failed)) return;   // sharded: readers keep no columns
    const auto start = std::chrono::steady_clock::now();
    try {
        const Xapian::Database db(database.string());
        FacetColumns columns(db, database / ColumnFileName);
        columns.save(db, counted_slots());
    } catch (const std::exception& e) {
        summary.columns_not_saved = e.what();
    } catch (const Xapian::Error& e) {
        summary.columns_not_saved = e.get_description();
    }
    summary.columns_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Throws InvalidRequest for a default language that is not a language code.
void check_options(const ReadOptions& options) {
    if (!options.default_language.empty() && !language_tag(options.default_language))
        throw InvalidRequest("the default language (--lang) must be a language code such as en or pt-BR, not '" +
                             options.default_language.substr(0, 40) + "'");
}

// What shapes an article's document besides the article itself (article_digest): a change to
// any of them indexes every article again.
std::string digest_settings(const IndexOptions& options) {
    std::string settings = "newsdesk " NEWSDESK_VERSION ", schema " + std::to_string(schema::Version) +
                           ", language " + options.default_language;
    if (!options.aliases.empty()) {
        std::ifstream in(options.aliases, std::ios::binary);   // read already by SpeakerAliases::load
        settings += ", aliases " + std::string(std::istreambuf_iterator<char>(in), {});
    }
    return settings;
}

IndexSummary run_index(const IndexOptions& options, const IndexObserver& observer) {
    check_options(options);
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
    const auto cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t writers = options.writers ? options.writers : cores;
    const auto owned = writers > 1 && ShardedWriter::loads_in_bulk(options.database)
                           ? ShardedWriter::bulk_load(options.database, writers)
                           : std::make_unique<ShardedWriter>(options.database, true);   // a plain database is one shard
    auto& writer = *owned;
    writer.set_batch_size(options.batch_size);
    writer.set_memory_limit(options.memory_limit / 2);

    // Analysis (language, entities, words) on worker threads, writing on this one.
    struct Prepared {
        Article article;
        std::uint64_t digest = 0;   // of the article as read
        Xapian::Document text;
    };
    const std::size_t workers = options.threads ? options.threads : cores;
    OrderedWorkers<Prepared> analysis(workers, 4 * workers, [&](Prepared& p) {
        enrich(p.article, options.default_language, aliases);
        p.text = text_document(p.article);
        set_digest(p.text, p.digest);
    });
    // An article met again as it was indexed is passed over before it is analysed, unless the
    // same id is on its way to the writer already (read earlier in this run), whose version
    // this one must replace.
    const auto settings = digest_settings(options);
    std::unordered_multiset<std::string> on_the_way;
    // Memory: Xapian's batch has half the limit (above); articles being analysed or waiting
    // for the writer have the other half, IndexBytesPerByte a byte. One article larger than
    // that is refused; several that together are wait until the ones before are written.
    const std::uint64_t in_flight_limit = options.memory_limit / 2 / IndexBytesPerByte;
    std::uint64_t in_flight = 0;   // text bytes of the articles pushed and not yet written
    const auto text_bytes = [](const Article& a) { return std::uint64_t{a.title.size() + a.body.size()}; };
    const auto write = [&](Prepared&& p) {
        in_flight -= text_bytes(p.article);
        if (const auto it = on_the_way.find(p.article.id); it != on_the_way.end()) on_the_way.erase(it);
        if (writer.add(std::move(p.article), std::move(p.text))) ++summary.replaced;
        else ++summary.added;
        ++progress.articles;
    };

    ReadHandlers handlers;
    handlers.problem = note_problem;
    handlers.passed_over = [&](const std::string& kind) { ++summary.passed_over[kind]; };
    if (in_flight_limit < MaxArticleBytes) {
        handlers.max_article_bytes = in_flight_limit;
        handlers.too_large = "article too large: more than " + in_megabytes(in_flight_limit) +
                             ", the most a memory limit of " + in_megabytes(options.memory_limit) +
                             " allows (indexing takes up to " + std::to_string(IndexBytesPerByte) +
                             " times an article's size: give a larger memory limit)";
    }
    auto stop_requested = [&] {
        if (options.stop && options.stop->load(std::memory_order_relaxed)) summary.interrupted = true;
        return summary.interrupted;
    };
    handlers.article = [&](Article&& a) {
        if (stop_requested()) return false;
        const auto digest = article_digest(a, settings);
        if (!on_the_way.contains(a.id) && writer.unchanged(a.id, digest)) {
            ++summary.unchanged;
            ++progress.articles;
            return true;
        }
        if (in_flight + text_bytes(a) > in_flight_limit) analysis.drain(write);
        in_flight += text_bytes(a);
        on_the_way.insert(a.id);
        analysis.push(Prepared{std::move(a), digest, {}}, write);
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

    try {
        for (const auto& file : scan.files) {
            ++summary.files;
            read_file(file, handlers);
            if (summary.stopped_early || stop_requested()) break;
        }
        analysis.drain(write);
        const auto finishing = Clock::now();
        writer.finish();
        // A bulk load's merge is a compaction (ShardedWriter::bulk_load).
        if (writer.bulk()) summary.compaction_seconds = std::chrono::duration<double>(Clock::now() - finishing).count();
    } catch (const Xapian::Error& e) {   // a full disk, most often
        throw DatabaseError(e.get_description() + "; " + failure_note(writer, options.database));
    } catch (const DatabaseError& e) {
        throw DatabaseError(e.what() + ("; " + failure_note(writer, options.database)));
    }
    summary.bytes = progress.bytes;
    summary.articles_in_database = writer.article_count();
    summary.commits = writer.commits();
    if (options.compact && !summary.interrupted && !writer.bulk()) {   // still holding the write lock
        const auto start = Clock::now();
        const auto failed = [&](const std::string& what) {
            return DatabaseError("compacting failed: " + what + "; the partial copy is removed and the database is as it was: " +
                                 committed_note(writer.shard_paths(), options.database));
        };
        try {
            for (const auto& shard : writer.shard_paths()) compact_in_place(shard);
        } catch (const Xapian::Error& e) {
            throw failed(e.get_description());
        } catch (const std::exception& e) {
            throw failed(e.what());
        }
        summary.compaction_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    save_facet_columns(writer.shard_paths(), options.database, summary);
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
    check_options(options);
    SpeakerAliases aliases;
    if (!options.aliases.empty()) aliases.load(options.aliases);
    // Names settle across the articles of this run as in an index built from them: all are
    // counted first, then each is settled and handed on, in input order, so that the order
    // of the input changes no name. That holds the articles until the end; past
    // ExtractHeldBytes of text those held are handed on, and the rest settle as they come,
    // against the names counted so far.
    SpeakerRegistry registry;
    std::vector<Article> held;
    std::uint64_t held_bytes = 0;
    bool holding = true;
    const auto hand_on = [&](Article& a) {
        registry.apply(a);
        each(a);
    };
    const auto release = [&] {
        for (auto& a : held) hand_on(a);
        held.clear();
    };
    std::uint64_t problems = 0;
    ReadHandlers handlers;
    handlers.problem = [&](const InputProblem& p) {
        ++problems;
        problem(p);
        return true;
    };
    handlers.article = [&](Article&& a) {
        enrich(a, options.default_language, aliases);
        registry.count(a);
        if (!holding) {
            hand_on(a);
            return true;
        }
        held_bytes += a.title.size() + a.body.size();
        held.push_back(std::move(a));
        if (held_bytes > ExtractHeldBytes) {
            release();
            holding = false;
        }
        return true;
    };
    const auto scan = scan_inputs(options.inputs, options.format);
    for (const auto& p : scan.problems) handlers.problem(p);
    for (const auto& file : scan.files) read_file(file, handlers);
    release();
    return problems;
}

std::optional<Article> extract_content(std::string_view content, Format format,
                                       const std::function<void(const InputProblem&)>& problem) {
    std::optional<Article> found;
    ReadHandlers handlers;
    handlers.problem = [&](const InputProblem& p) {
        problem(p);
        return true;
    };
    handlers.article = [&](Article&& a) {
        found = std::move(a);
        return true;
    };
    const std::string where = "the content";
    const auto keep_id = [](Article&) {};
    switch (format) {
    case Format::Text: read_text_content(std::string{content}, where, handlers, keep_id); break;
    case Format::Html: read_html_content(content, where, handlers, keep_id); break;
    default: throw InvalidRequest("only a text or a web page is read from content, not a file of another format");
    }
    if (!found) return std::nullopt;
    // As extract_archive() completes an article of a run of one.
    enrich(*found, "", SpeakerAliases{});
    SpeakerRegistry registry;
    registry.count(*found);
    registry.apply(*found);
    return found;
}

} // namespace newsdesk
