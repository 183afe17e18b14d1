#include "query_loop.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace bench {
namespace {

nlohmann::json facet_json(const std::vector<FacetCount>& values) {
    auto out = nlohmann::json::array();
    for (const auto& v : values) out.push_back({v.value, v.count});
    return out;
}

} // namespace

std::vector<FacetCount> top_values(const std::unordered_map<std::string, std::uint64_t>& counts) {
    std::vector<FacetCount> all;
    all.reserve(counts.size());
    for (const auto& [value, count] : counts) all.push_back({value, count});
    const auto n = std::min(all.size(), TopValues);
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                      [](const FacetCount& a, const FacetCount& b) {
                          return a.count != b.count ? a.count > b.count : a.value < b.value;
                      });
    all.resize(n);
    return all;
}

void run_query_mix(const std::string& engine, const std::vector<MixQuery>& mix, int rounds,
                   const QueryRunner& run, const std::string& out_path) {
    using Clock = std::chrono::steady_clock;
    nlohmann::json queries = nlohmann::json::array();
    std::vector<bool> failed(mix.size(), false);
    // Warm-up: caches filled, answers kept. A query the engine refuses is reported, not timed.
    for (std::size_t i = 0; i < mix.size(); ++i) {
        nlohmann::json q{{"query", mix[i].text}, {"latencies_ms", nlohmann::json::array()}};
        try {
            const auto r = run(mix[i]);
            q["total"] = r.total;
            q["top_ids"] = r.top_ids;
            q["facets"] = {{"speaker", facet_json(r.speakers)}, {"country", facet_json(r.countries)}};
        } catch (const std::exception& e) {
            failed[i] = true;
            q["error"] = e.what();
            std::cerr << engine << ": " << mix[i].text << ": " << e.what() << '\n';
        }
        queries.push_back(std::move(q));
    }
    for (int round = 0; round < rounds; ++round) {
        for (std::size_t i = 0; i < mix.size(); ++i) {
            if (failed[i]) continue;
            const auto start = Clock::now();
            const auto r = run(mix[i]);
            const std::chrono::duration<double, std::milli> took = Clock::now() - start;
            if (r.total != queries[i]["total"].get<std::uint64_t>())
                throw std::runtime_error(engine + ": the total changed between runs of " + mix[i].text);
            queries[i]["latencies_ms"].push_back(took.count());
        }
    }
    std::ofstream out(out_path);
    out << nlohmann::json{{"engine", engine}, {"rounds", rounds}, {"queries", queries}}.dump(1) << '\n';
    if (!out) throw std::runtime_error("cannot write " + out_path);
}

Command parse_command(int argc, char** argv, const char* usage) {
    if (argc < 3) {
        std::cerr << usage;
        std::exit(2);
    }
    Command c{argv[1], argv[2], {argv + 3, argv + argc}};
    if ((c.mode != "index" || c.args.empty()) && (c.mode != "query" || c.args.size() < 3)) {
        std::cerr << usage;
        std::exit(2);
    }
    return c;
}

int run_driver(const char* name, int argc, char** argv, const char* usage,
               const std::function<void(const Command&)>& run) {
    const auto cmd = parse_command(argc, argv, usage);
    try {
        run(cmd);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << name << ": " << e.what() << '\n';
        return 1;
    }
}

} // namespace bench
