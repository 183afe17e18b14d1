#pragma once
// The timed loop every HTML extraction driver runs (pages_readability.py does the same in
// Python): one warm-up round over all pages, whose texts are kept as the engine's predictions,
// then `rounds` timed rounds, one thread, the pages already in memory. Writes
//   OUT.json:   {"engine", "pages", "bytes", "rounds", "round_seconds": [...], "median_seconds",
//                "min_seconds", "mb_per_s", "cpu_seconds_per_round"}  (MB = 10^6 bytes, at the
//                median round; CPU time is the process's, averaged over the timed rounds)
//   PRED.jsonl: {"id", "body"} per page, as ../shared/tools/score-html reads it
#include <functional>
#include <string>
#include <vector>

#include "page_set.hpp"

namespace bench {

// The main text an engine finds in one page.
using Extractor = std::function<std::string(const Page&)>;

void run_page_rounds(const std::string& engine, const std::vector<Page>& pages, int rounds,
                     const Extractor& extract, const std::string& out_json, const std::string& out_jsonl);

// What every page driver's main() does: `DRIVER PAGES_DIR ROUNDS OUT.json PRED.jsonl`, errors
// to stderr with exit status 1.
int run_page_driver(const std::string& engine, int argc, char** argv, const Extractor& extract);

} // namespace bench
