// Per-query latency of a query mix on one archive, for the README's sharding figures: one
// database, a sharded database (its stub), or tcp://HOST:PORT shards served by xapian-tcpsrv.
// Not part of the test suite; build it against a build of the library:
//
//   g++ -std=c++20 -O2 -Iinclude bench/shards/shard_latency.cpp -Lbuild -lnewsdesk -Wl,-rpath,$PWD/build -o shard_latency
//   ./shard_latency [--facets] bench/shards/shard_queries.txt DB [DB...]
//
// The index is opened once, as `newsdesk serve` holds it; the mix runs 6 times, the first to
// warm caches and connections; printed: the mean over the queries of each one's median time.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <newsdesk/newsdesk.hpp>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    const bool facets = !args.empty() && args.front() == "--facets";
    if (facets) args.erase(args.begin());
    if (args.size() < 2) {
        std::cerr << "usage: shard_latency [--facets] QUERIES DB [DB...]\n";
        return 2;
    }
    std::vector<std::string> queries;
    std::ifstream in(args.front());
    for (std::string q; std::getline(in, q);) queries.push_back(q);
    const auto index = newsdesk::Index::open_shards({args.begin() + 1, args.end()});
    std::vector<std::vector<double>> times(queries.size());
    for (int round = 0; round < 6; ++round)
        for (std::size_t i = 0; i < queries.size(); ++i) {
            newsdesk::SearchRequest request;
            request.query = queries[i];
            if (facets) request.facets = {"speaker", "country", "year"};
            const auto started = std::chrono::steady_clock::now();
            (void)index.search(request);
            const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - started;
            if (round > 0) times[i].push_back(took.count());
        }
    double sum = 0;
    for (auto& t : times) {
        std::sort(t.begin(), t.end());
        sum += t[t.size() / 2];
    }
    std::cout << sum / static_cast<double>(queries.size()) << " ms per query (mean of " << queries.size()
              << " medians)\n";
}
