// newsdesk watch add|list|remove|run: saved searches that report what entered the archive
// since they last ran (newsdesk/watches.hpp).
#include <chrono>
#include <iostream>

#include <newsdesk/watches.hpp>

#include "commands.hpp"
#include "options.hpp"
#include "render/json.hpp"
#include "render/lists.hpp"
#include "terminal.hpp"

namespace newsdesk::cli {
namespace {

constexpr const char* WatchUsage =
    "usage: newsdesk watch add    --db DIR [--facet NAME]... NAME QUERY   save a search\n"
    "       newsdesk watch list   --db DIR [--json]                       the saved searches\n"
    "       newsdesk watch remove --db DIR NAME                           forget one\n"
    "       newsdesk watch run    --db DIR [--json] [--limit N] [--peek] [NAME]...\n"
    "Running lists, for each watch (or those named), the articles that entered the archive since it\n"
    "last ran and match it, each article once; nothing is printed when nothing is new.\n"
    "Exit: 0 done (run: something new), 1 run: nothing new, remove: no such watch, 2 usage or bad\n"
    "query, 3 database problem, 5 the database is being written (the wait ran out).";

void print_run(const WatchRun& run, bool colour) {
    const auto bold = colour ? "\033[1m" : "", plain = colour ? "\033[0m" : "";
    const auto& r = run.new_articles;
    std::cout << bold << run.watch.name << plain << ": " << r.total << (r.total == 1 ? " new article" : " new articles")
              << " since " << (run.watch.last_run.empty() ? run.watch.created : run.watch.last_run)
              << "  (query: " << (run.watch.query.empty() ? "everything" : run.watch.query) << ")\n";
    for (const auto& h : r.hits) {
        const auto& a = h.article;
        std::cout << "  " << (a.date.empty() ? "undated" : a.date) << "  " << (a.source.empty() ? "-" : a.source) << "  "
                  << (a.title.empty() ? "(no title)" : a.title) << "  [" << a.id << "]\n";
        if (!a.url.empty()) std::cout << "      " << a.url << '\n';
    }
    if (r.total > r.hits.size()) std::cout << "  ... and " << r.total - r.hits.size() << " more\n";
    for (const auto& f : r.facets) {
        std::cout << "  " << f.name << ":";
        for (const auto& v : f.values) std::cout << "  " << v.label << " (" << v.count << ")";
        std::cout << '\n';
    }
    std::cout << '\n';
}

} // namespace

int watch_command(const Args& all) {
    if (all.empty() || all.front() == "--help" || all.front() == "-h") {
        (all.empty() ? std::cerr : std::cout) << WatchUsage << '\n';
        return all.empty() ? Exit::Usage : Ok;
    }
    const auto action = all.front();
    const Args args(all.begin() + 1, all.end());
    std::string db;
    std::vector<std::string> words, facets;
    long long limit = 100;
    double wait = 30;
    po::options_description named("watch options");
    named.add_options()("db", po::value(&db)->required(), "database directory or sharded database directory")
        ("json", "print JSON")
        ("wait", po::value(&wait)->default_value(30), "seconds to wait while another process writes the database")
        ("words", po::value(&words), "NAME and QUERY, or names");
    if (action == "add") named.add_options()("facet", po::value(&facets)->composing(), "a facet counted over each run's new articles (repeatable)");
    if (action == "run")
        named.add_options()("limit", po::value(&limit)->default_value(100), "new articles listed per watch (all are counted)")
            ("peek", "show what is new without marking it seen");
    if (action != "add" && action != "list" && action != "remove" && action != "run")
        throw po::error("watch: unknown action '" + action + "' (add, list, remove or run)");
    const auto vm = parse(args, named, "words", WatchUsage);
    if (!vm) return Ok;
    const bool json = vm->count("json") > 0;
    if (!(wait >= 0 && wait <= 3600)) throw po::error("--wait must be between 0 and 3600 seconds");
    const std::chrono::milliseconds waited(static_cast<long long>(wait * 1000 + 0.5));

    if (action == "add") {
        if (words.empty()) throw po::error("watch add: give a NAME and a QUERY");
        Watch w;
        w.name = words.front();
        for (std::size_t i = 1; i < words.size(); ++i) w.query += (i > 1 ? " " : "") + words[i];
        w.facets = facets;
        const auto saved = add_watch(db, w, waited);
        if (json) std::cout << render::dump(render::to_json(saved)) << '\n';
        else std::cerr << "watching '" << saved.name << "' for articles indexed from now on\n";
        return Ok;
    }
    if (action == "list") {
        if (!words.empty()) throw po::error("watch list takes no names");
        const auto watches = list_watches(db);
        if (json) {
            auto out = nlohmann::json::array();
            for (const auto& w : watches) out.push_back(render::to_json(w));
            std::cout << render::dump({{"watches", out}}) << '\n';
        } else {
            for (const auto& w : watches)
                std::cout << w.name << "  " << (w.query.empty() ? "(everything)" : w.query)
                          << (w.facets.empty() ? "" : "  facets: " + render::joined(w.facets))
                          << "  last run: " << (w.last_run.empty() ? "never" : w.last_run) << '\n';
        }
        return Ok;
    }
    if (action == "remove") {
        if (words.size() != 1) throw po::error("watch remove: give one NAME");
        if (remove_watch(db, words.front(), waited)) return Ok;
        std::cerr << "newsdesk: no watch is named '" << words.front() << "'\n";
        return Incomplete;
    }
    if (limit < 0 || limit > 100000) throw po::error("--limit must be between 0 and 100000");
    const auto runs = run_watches(db, words, static_cast<std::size_t>(limit), vm->count("peek") == 0, waited);
    bool news = false;
    for (const auto& run : runs) news = news || run.new_articles.total > 0;
    if (json) {
        auto out = nlohmann::json::array();
        for (const auto& run : runs) out.push_back(render::to_json(run));
        std::cout << render::dump({{"watches", out}}) << '\n';
    } else {
        // Only the watches with something new, so that a cron job mails nothing otherwise.
        for (const auto& run : runs)
            if (run.new_articles.total > 0) print_run(run, stdout_is_terminal());
    }
    return news ? Ok : Incomplete;
}

} // namespace newsdesk::cli
