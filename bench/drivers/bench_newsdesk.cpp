// newsdesk through its public library API only (include/newsdesk/), as an embedding program
// would use it: Writer::add() per article (extraction included, as in `newsdesk index`), and
// Index::search() with the speaker and country facets.
#include <fstream>
#include <iostream>
#include <newsdesk/newsdesk.hpp>
#include <nlohmann/json.hpp>

#include "query_loop.hpp"

namespace {

constexpr const char* Usage =
    "usage: bench_newsdesk index DB CORPUS.jsonl\n"
    "       bench_newsdesk query DB QUERIES ROUNDS OUT.json\n";

std::string text_field(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// The JSON Lines fields the CLI reads (README, "Input"); the bench corpus uses the first few.
newsdesk::Article to_article(const nlohmann::json& j) {
    newsdesk::Article a;
    a.id = text_field(j, "id");
    a.title = text_field(j, "title");
    a.body = text_field(j, "body");
    a.date = text_field(j, "date").substr(0, 10);
    a.source = text_field(j, "source");
    a.url = text_field(j, "url");
    a.language = text_field(j, "language");
    return a;
}

void index(const std::string& db, const std::vector<std::string>& inputs) {
    newsdesk::Writer writer(db);   // commits every 500 articles, as `newsdesk index` does
    std::uint64_t n = 0;
    for (const auto& path : inputs) {
        std::ifstream in(path);
        if (!in) throw std::runtime_error("cannot read " + path);
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) continue;
            writer.add(to_article(nlohmann::json::parse(line)));
            ++n;
        }
    }
    writer.commit();
    std::cerr << "bench_newsdesk: indexed " << n << " articles\n";
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
    bench::run_query_mix("newsdesk", mix, std::stoi(args[1]), [&](const bench::MixQuery& q) {
        newsdesk::SearchRequest request;
        request.query = q.text;   // the mix is written in newsdesk's own syntax
        request.facets = {"speaker", "country"};
        request.facet_limit = bench::TopValues;
        request.limit = bench::TopHits;
        const auto r = index.search(request);
        bench::QueryResult out{r.total, {}, facet(r, "speaker"), facet(r, "country")};
        for (const auto& hit : r.hits) out.top_ids.push_back(hit.article.id);
        return out;
    }, args[2]);
}

} // namespace

int main(int argc, char** argv) {
    const auto cmd = bench::parse_command(argc, argv, Usage);
    try {
        if (cmd.mode == "index") index(cmd.db, cmd.args);
        else query(cmd.db, cmd.args);
    } catch (const std::exception& e) {
        std::cerr << "bench_newsdesk: " << e.what() << '\n';
        return 1;
    }
}
