#pragma once
// The timed query loop every C++ driver runs (bench/lucene/ has the same in Java): one warm-up
// pass over the mix, whose answers are kept for the agreement check, then `rounds` timed passes.
// Writes JSON that bench/report.py reads:
//   {"engine", "rounds", "queries": [{"query", "total", "top_ids", "facets": {"speaker": [[v, n]...],
//    "country": [...]}, "latencies_ms": [...], "error"?}]}
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "query_mix.hpp"

namespace bench {

inline constexpr std::size_t TopHits = 10;     // hits asked of every engine
inline constexpr std::size_t TopValues = 10;   // values shown per facet

struct FacetCount {
    std::string value;
    std::uint64_t count = 0;
};

struct QueryResult {
    std::uint64_t total = 0;   // exact size of the match set
    std::vector<std::string> top_ids;
    std::vector<FacetCount> speakers, countries;   // the top values, counted over the whole match set
};

using QueryRunner = std::function<QueryResult(const MixQuery&)>;

void run_query_mix(const std::string& engine, const std::vector<MixQuery>& mix, int rounds,
                   const QueryRunner& run, const std::string& out_path);

// The `TopValues` largest counts, ties by value, so every engine lists ties alike.
std::vector<FacetCount> top_values(const std::unordered_map<std::string, std::uint64_t>& counts);

// Arguments shared by the drivers: `DRIVER index DB INPUT...` and
// `DRIVER query DB QUERIES ROUNDS OUT.json [EXTRA...]`.
struct Command {
    std::string mode, db;
    std::vector<std::string> args;   // after DB
};
Command parse_command(int argc, char** argv, const char* usage);

// A driver's main(): parses the command (usage and exit code 2 when it is wrong), runs it,
// and reports an exception as `NAME: message` with exit code 1.
int run_driver(const char* name, int argc, char** argv, const char* usage,
               const std::function<void(const Command&)>& run);

} // namespace bench
