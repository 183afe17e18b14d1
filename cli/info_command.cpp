#include <iostream>

#include "commands.hpp"
#include "options.hpp"
#include "render/json.hpp"
#include <newsdesk/database.hpp>

namespace newsdesk::cli {

int info_command(const Args& args) {
    std::vector<std::string> dbs;
    std::size_t limit = 10;
    po::options_description named("info options");
    named.add_options()
        ("db", po::value(&dbs)->required()->composing(),
         "database directory, sharded database or stub file, or tcp://HOST:PORT; repeat to count several as one")
        ("facet-limit", po::value(&limit)->default_value(10), "top values shown per facet")
        ("json", "print one JSON object");
    const auto vm = parse(args, named, nullptr, "usage: newsdesk info --db DIR [--json]");
    if (!vm) return Ok;
    const auto info = Index::open_shards(dbs).info(limit);
    if (vm->count("json")) {
        std::cout << render::dump(render::to_json(info)) << '\n';
        return Ok;
    }
    std::cout << info.articles << " articles";
    if (!info.first_date.empty()) std::cout << ", dated " << info.first_date << " to " << info.last_date;
    std::cout << '\n';
    for (const auto& f : info.facets) {
        std::cout << f.name << ":";
        for (const auto& v : f.values) {
            std::cout << "  " << v.value;
            if (v.label != v.value) std::cout << " (" << v.label << ")";
            std::cout << " " << v.count;
        }
        std::cout << '\n';
    }
    return Ok;
}

} // namespace newsdesk::cli
