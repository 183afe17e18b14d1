#include <iostream>

#include "commands.hpp"
#include "options.hpp"
#include "problem_printer.hpp"
#include "render/json.hpp"
#include "render/lists.hpp"
#include <newsdesk/indexing.hpp>

namespace newsdesk::cli {

int extract_command(const Args& args) {
    std::string format, lang, alias_file;
    std::vector<std::string> paths;
    po::options_description named("extract options");
    named.add_options()
        ("json", "one JSON object per article and line: id, title, url, date, authors, source, language, body, "
                  "speakers, organisations, countries, quotes")
        ("format", po::value(&format), "jsonl, text, html, warc, or xml (newsml, nitf, rss, atom) (default: by file name, else content)")
        ("lang", po::value(&lang), "language of articles that do not give one")
        ("aliases", po::value(&alias_file), "speaker alias file: lines \"Canonical Name<TAB>variant...\"")
        ("path", po::value(&paths), "files and directories");
    const auto vm = parse(args, named, "path",
                          "usage: newsdesk extract [--json] PATH...\n"
                          "Prints each article's speakers and countries without indexing.");
    if (!vm) return Ok;
    if (paths.empty()) throw po::error("give at least one PATH");
    const bool json = vm->count("json") > 0;
    ReadOptions options;
    options.inputs.assign(paths.begin(), paths.end());
    options.format = parse_format(format);
    options.default_language = lang;
    options.aliases = alias_file;
    ProblemPrinter printer;
    auto print = [&](const Article& a) {
        if (json) {
            std::cout << render::dump(render::extraction(a)) << '\n';
        } else {
            // Names parted by "; " (a name may hold a comma), "(none)" when there are none.
            const auto names = [](const std::vector<std::string>& list) {
                return list.empty() ? std::string{"(none)"} : render::joined(list, "; ");
            };
            std::cout << a.id << "  " << a.title << "\n  speakers: " << names(a.speakers);
            if (!a.organisations.empty()) std::cout << "\n  organisations: " << names(a.organisations);
            std::cout << "\n  countries:";
            for (const auto& c : a.country_mentions)
                std::cout << " " << c.code << "\u00d7" << c.count << (c.focus ? " (focus)" : "")
                          << (c.dateline ? " (dateline)" : "");
            std::cout << "\n";
            for (const auto& q : a.quotes)
                std::cout << "  " << q.speaker << " " << q.verb << ": " << (q.direct ? "\u201c" : "") << q.text
                          << (q.direct ? "\u201d" : "") << "\n";
        }
    };
    const auto problems = extract_archive(options, print, [&](const InputProblem& p) { printer.print(p); });
    return problems ? Incomplete : Ok;
}

} // namespace newsdesk::cli
