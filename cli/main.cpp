// newsdesk: index news archives and search them. This file only dispatches to subcommands
// and turns exceptions into messages and exit codes; the work is in the library.
#include <iostream>

#include <boost/program_options/errors.hpp>

#include <newsdesk/errors.hpp>

#include "commands.hpp"

namespace {

using namespace newsdesk::cli;

constexpr const char* UsageText =
    "usage: newsdesk COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  index    --db DIR [--format jsonl|text] [--lang L] [--strict] PATH...   add articles to an index\n"
    "  search   --db DIR [--facet NAME]... [--sort S] [--collapse] [--json] QUERY  ranked, faceted search\n"
    "  quotes   --db DIR [--facet NAME]... [--json] QUERY                        search quotes: who said it\n"
    "  extract  [--json] PATH...                                                 speakers and countries\n"
    "  story    --db DIR [--json] ID                                             every version of a story\n"
    "  info     --db DIR [--json]                                                what an index holds\n"
    "  serve    --db DIR [--listen HOST:PORT] [--searches N]                     search page and JSON API\n"
    "  watch    add|list|remove|run --db DIR [--json] ...                        saved searches that alert\n"
    "\n"
    "`newsdesk COMMAND --help` describes a command's options; `newsdesk --version` prints the version.\n";

int fail(int code, const std::string& message, const std::string& hint = {}) {
    std::cerr << "newsdesk: " << message << '\n';
    if (!hint.empty()) std::cerr << "  (" << hint << ")\n";
    return code;
}

int run(int argc, char* argv[]) {
    if (argc < 2) {
        std::cerr << UsageText;
        return Exit::Usage;
    }
    const std::string command = argv[1];
    const Args args(argv + 2, argv + argc);
    if (command == "index") return index_command(args);
    if (command == "search") return search_command(args);
    if (command == "quotes") return quotes_command(args);
    if (command == "extract") return extract_command(args);
    if (command == "info") return info_command(args);
    if (command == "story") return story_command(args);
    if (command == "serve") return serve_command(args);
    if (command == "watch") return watch_command(args);
    if (command == "--version" || command == "-V") {
        std::cout << "newsdesk " << NEWSDESK_VERSION << '\n';
        return Ok;
    }
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << UsageText;
        return Ok;
    }
    std::cerr << "newsdesk: unknown command '" << command << "'\n\n" << UsageText;
    return Exit::Usage;
}

} // namespace

int main(int argc, char* argv[])
try {
    return run(argc, argv);
} catch (const boost::program_options::error& e) {
    return fail(Exit::Usage, e.what(), "see --help");
} catch (const newsdesk::QueryError& e) {
    if (e.position == std::string::npos) return fail(Exit::Usage, std::string("bad query: ") + e.what());
    return fail(Exit::Usage, "bad query at position " + std::to_string(e.position + 1) + ": " + e.what());
} catch (const newsdesk::DatabaseMissing& e) {
    return fail(Exit::DatabaseProblem, e.what());
} catch (const newsdesk::DatabaseLocked& e) {
    return fail(Exit::Locked, e.what(), "wait for it to finish, or stop it");
} catch (const newsdesk::SchemaMismatch& e) {
    return fail(Exit::DatabaseProblem, e.what());
} catch (const newsdesk::DatabaseError& e) {
    return fail(Exit::DatabaseProblem, e.what());
} catch (const newsdesk::InvalidRequest& e) {
    return fail(Exit::Usage, e.what());
} catch (const std::exception& e) {
    return fail(Exit::Failure, e.what());
}
