#pragma once
// Boost.Program_options plumbing shared by the subcommands.
#include <iostream>
#include <optional>

#include <boost/program_options.hpp>

#include "commands.hpp"
#include <newsdesk/indexing.hpp>

namespace newsdesk::cli {

namespace po = boost::program_options;

// Parses `args` with `named` options and the rest as `positional_name`; prints help and
// returns nullopt when --help was asked.
inline std::optional<po::variables_map> parse(const Args& args, po::options_description& named,
                                              const char* positional_name, const char* usage) {
    named.add_options()("help,h", "show this help");
    po::positional_options_description positional;
    if (positional_name) positional.add(positional_name, -1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(named).positional(positional).run(), vm);
    if (vm.count("help")) {
        std::cout << usage << "\n" << named;
        return std::nullopt;
    }
    po::notify(vm);
    return vm;
}

// --format: "jsonl", "text", "html", "warc" or "xml" (with the names of its kinds: "newsml",
// "nitf", "rss", "atom"); empty means "by file name, else content".
inline std::optional<Format> parse_format(const std::string& name) {
    if (name.empty()) return std::nullopt;
    if (name == "jsonl" || name == "ndjson" || name == "json") return Format::JsonLines;
    if (name == "text" || name == "txt") return Format::Text;
    if (name == "html" || name == "htm") return Format::Html;
    if (name == "warc") return Format::Warc;
    if (name == "xml" || name == "newsml" || name == "nitf" || name == "rss" || name == "atom" || name == "feed")
        return Format::Xml;
    throw po::error("--format must be jsonl, text, html, warc, xml, newsml, nitf, rss or atom, not '" + name + "'");
}

} // namespace newsdesk::cli
