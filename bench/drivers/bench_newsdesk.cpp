// newsdesk through its public library API only (include/newsdesk/), as an embedding program
// would use it: index_archive() for a bulk load (extraction on worker threads, compaction at
// the end, as `newsdesk index --compact`), and Index::search() with the speaker and country
// facets, the hits one per story or not, with a timeline or not.
#include <fstream>
#include <iostream>
#include <newsdesk/newsdesk.hpp>
#include <nlohmann/json.hpp>

#include "query_loop.hpp"

namespace {

constexpr const char* Usage =
    "usage: bench_newsdesk index DB CORPUS.jsonl\n"
    "       bench_newsdesk query DB QUERIES ROUNDS OUT.json [--collapse | --timeline]\n"
    "  --collapse: one hit per story, each with its other versions (SearchRequest::collapse)\n"
    "  --timeline: a month histogram with a series for each of the five top speakers as well\n";

void index(const std::string& db, const std::vector<std::string>& inputs) {
    newsdesk::IndexOptions options;
    options.database = db;
    for (const auto& path : inputs) options.inputs.emplace_back(path);
    options.compact = true;   // a bulk load ends compacted, as the peers' indexes are final
    const auto summary = newsdesk::index_archive(options, newsdesk::IndexObserver{});
    if (summary.skipped) throw std::runtime_error(std::to_string(summary.skipped) + " articles were skipped");
    std::cerr << "bench_newsdesk: indexed " << summary.indexed() << " articles (compaction "
              << summary.compaction_seconds << " s)\n";
}

std::vector<bench::FacetCount> facet(const newsdesk::SearchResults& r, const std::string& name) {
    std::vector<bench::FacetCount> out;
    for (const auto& f : r.facets)
        if (f.name == name)
            for (const auto& v : f.values) out.push_back({v.value, v.count});
    return out;
}

void query(const std::string& db, const std::vector<std::string>& args) {
    const auto mix = bench::read_query_mix(args[0]);
    const auto index = newsdesk::Index::open(db);
    const bool collapse = args.size() > 3 && args[3] == "--collapse";
    const bool timeline = args.size() > 3 && args[3] == "--timeline";
    const auto name = collapse ? "newsdesk-stories" : timeline ? "newsdesk-timeline" : "newsdesk";
    bench::run_query_mix(name, mix, std::stoi(args[1]), [&](const bench::MixQuery& q) {
        newsdesk::SearchRequest request;
        request.query = q.text;   // the mix is written in newsdesk's own syntax
        request.facets = {"speaker", "country"};
        request.facet_limit = bench::TopValues;
        request.limit = bench::TopHits;
        request.collapse = collapse;
        if (timeline) {
            request.histogram = newsdesk::Interval::Month;
            request.histogram_by = "speaker";
            request.histogram_series = 5;
        }
        const auto r = index.search(request);
        bench::QueryResult out{r.total, {}, facet(r, "speaker"), facet(r, "country")};
        for (const auto& hit : r.hits) out.top_ids.push_back(hit.article.id);
        return out;
    }, args[2]);
}

} // namespace

int main(int argc, char** argv) {
    return bench::run_driver("bench_newsdesk", argc, argv, Usage, [](const bench::Command& cmd) {
        if (cmd.mode == "index") index(cmd.db, cmd.args);
        else query(cmd.db, cmd.args);
    });
}
