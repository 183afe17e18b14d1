#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "indexer/enrich.hpp"
#include "indexer/speaker_registry.hpp"
#include "indexer/readers/input_files.hpp"

namespace newsdesk::cli {

int extract_command(const Args& args) {
    std::string format, lang, alias_file;
    std::vector<std::string> paths;
    po::options_description named("extract options");
    named.add_options()
        ("json", "one JSON object per article and line: id, title, speakers, countries")
        ("format", po::value(&format), "jsonl or text (default: by extension)")
        ("lang", po::value(&lang), "language of articles that do not give one")
        ("aliases", po::value(&alias_file), "speaker alias file: lines \"Canonical Name<TAB>variant...\"")
        ("path", po::value(&paths), "files and directories");
    const auto vm = parse(args, named, "path",
                          "usage: newsdesk extract [--json] PATH...\n"
                          "Prints each article's speakers and countries without indexing.");
    if (!vm) return Ok;
    if (paths.empty()) throw po::error("give at least one PATH");
    const bool json = vm->count("json") > 0;
    SpeakerAliases aliases;
    if (!alias_file.empty()) aliases.load(alias_file);
    // Names settle across the articles of this run as they would in an index built from them.
    Xapian::WritableDatabase names("", Xapian::DB_BACKEND_INMEMORY);
    SpeakerRegistry registry(names);

    std::vector<std::filesystem::path> inputs(paths.begin(), paths.end());
    const auto scan = scan_inputs(inputs, parse_format(format));
    std::size_t problems = 0;
    ReadHandlers handlers;
    ProblemPrinter printer;
    handlers.problem = [&](const InputProblem& p) {
        ++problems;
        printer.print(p);
        return true;
    };
    handlers.article = [&](Article&& a) {
        enrich(a, lang, aliases);
        registry.settle(a);
        if (json) {
            auto quotes = nlohmann::json::array();
            for (const auto& q : a.quotes) quotes.push_back(quote_json(q));
            std::cout << dump({{"id", a.id},
                               {"title", a.title},
                               {"speakers", a.speakers},
                               {"organisations", a.organisations},
                               {"countries", a.countries},
                               {"country_mentions", mentions_json(a.country_mentions)},
                               {"quotes", std::move(quotes)}})
                      << '\n';
        } else {
            std::cout << a.id << "  " << a.title << "\n  speakers:";
            for (const auto& s : a.speakers) std::cout << " " << s << ";";
            if (!a.organisations.empty()) std::cout << "\n  organisations:";
            for (const auto& s : a.organisations) std::cout << " " << s << ";";
            std::cout << "\n  countries:";
            for (const auto& c : a.country_mentions)
                std::cout << " " << c.code << "\u00d7" << c.count << (c.focus ? " (focus)" : "")
                          << (c.dateline ? " (dateline)" : "");
            std::cout << "\n";
            for (const auto& q : a.quotes)
                std::cout << "  " << q.speaker << " " << q.verb << ": " << (q.direct ? "\u201c" : "") << q.text
                          << (q.direct ? "\u201d" : "") << "\n";
        }
        return true;
    };
    for (const auto& p : scan.problems) handlers.problem(p);
    for (const auto& file : scan.files) read_file(file, handlers);
    return problems ? Incomplete : Ok;
}

} // namespace newsdesk::cli
