#include "page_rounds.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace bench {
namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

void run_page_rounds(const std::string& engine, const std::vector<Page>& pages, int rounds,
                     const Extractor& extract, const std::string& out_json, const std::string& out_jsonl) {
    using Clock = std::chrono::steady_clock;
    if (rounds < 1) throw std::runtime_error("ROUNDS must be at least 1");
    std::size_t bytes = 0;
    for (const auto& p : pages) bytes += p.html.size();

    // Warm-up: the allocator, libxml2's and ICU's tables and the caches settle; its texts are
    // the predictions (every round gives the same).
    std::ofstream pred(out_jsonl);
    for (const auto& p : pages) pred << nlohmann::json{{"id", p.id}, {"body", extract(p)}}.dump() << '\n';
    if (!pred) throw std::runtime_error(out_jsonl + ": cannot write");

    // The texts' sizes are summed so that no round's work can be left out by the optimiser.
    std::size_t text_bytes = 0;
    std::vector<double> seconds;
    const auto cpu_start = std::clock();
    for (int round = 0; round < rounds; ++round) {
        const auto start = Clock::now();
        for (const auto& p : pages) text_bytes += extract(p).size();
        seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    // CPU time beside wall time: on a shared machine, a round that waited for the CPU shows
    // here as wall time the process did not use.
    const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC / rounds;
    const auto mid = median(seconds);
    const nlohmann::json out{{"engine", engine},
                             {"pages", pages.size()},
                             {"bytes", bytes},
                             {"rounds", rounds},
                             {"round_seconds", seconds},
                             {"median_seconds", mid},
                             {"min_seconds", *std::min_element(seconds.begin(), seconds.end())},
                             {"mb_per_s", static_cast<double>(bytes) / 1e6 / mid},
                             {"cpu_seconds_per_round", cpu},
                             {"text_bytes_per_round", text_bytes / static_cast<std::size_t>(rounds)}};
    std::ofstream(out_json) << out.dump(1) << '\n';
    std::cerr << engine << ": " << pages.size() << " pages, " << bytes << " bytes, median round " << mid << " s ("
              << out["mb_per_s"].get<double>() << " MB/s)\n";
}

int run_page_driver(const std::string& engine, int argc, char** argv, const Extractor& extract) {
    if (argc != 5) {
        std::cerr << "usage: " << argv[0] << " PAGES_DIR ROUNDS OUT.json PRED.jsonl\n";
        return 2;
    }
    try {
        const auto pages = read_pages(argv[1]);
        run_page_rounds(engine, pages, std::stoi(argv[2]), extract, argv[3], argv[4]);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << argv[0] << ": " << e.what() << '\n';
        return 1;
    }
}

} // namespace bench
