#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#include "searcher/database.hpp"
#include "searcher/search.hpp"

namespace newsdesk::cli {
namespace {

SortOrder parse_sort(const std::string& s) {
    if (s == "relevance") return SortOrder::Relevance;
    if (s == "newest") return SortOrder::Newest;
    if (s == "oldest") return SortOrder::Oldest;
    throw po::error("--sort must be relevance, newest or oldest, not '" + s + "'");
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

void print_text(const SearchResults& r, bool colour) {
    const auto bold = colour ? "\033[1m" : "", plain = colour ? "\033[0m" : "";
    std::cout << r.total << (r.total == 1 ? " article matches" : " articles match");
    if (!r.hits.empty()) std::cout << "; showing " << r.hits.front().rank << "-" << r.hits.back().rank;
    std::cout << "\n\n";
    for (const auto& h : r.hits) {
        const auto& a = h.article;
        char score[16];
        std::snprintf(score, sizeof score, "%.2f", h.score);
        std::cout << h.rank << ". " << bold << (a.title.empty() ? "(no title)" : a.title) << plain << "  [" << score << "]\n";
        std::cout << "   " << (a.date.empty() ? "undated" : a.date);
        if (!a.source.empty()) std::cout << " · " << a.source;
        std::cout << " · " << a.id << '\n';
        if (!a.url.empty()) std::cout << "   " << a.url << '\n';
        if (!a.speakers.empty()) std::cout << "   speakers: " << joined(a.speakers) << '\n';
        if (!a.countries.empty()) std::cout << "   countries: " << joined(a.countries) << '\n';
        const auto snippet = colour ? marked_text(h.snippet, "\033[1;33m", "\033[0m") : marked_text(h.snippet, "[", "]");
        if (!snippet.empty()) std::cout << "   " << snippet << '\n';
        std::cout << '\n';
    }
    for (const auto& f : r.facets) {
        std::cout << bold << f.name << plain << ":";
        if (f.values.empty()) std::cout << " (none)";
        for (const auto& v : f.values) {
            std::cout << "\n  " << v.count << "  " << v.value;
            if (v.label != v.value) std::cout << " (" << v.label << ")";
        }
        std::cout << "\n";
    }
}

} // namespace

int search_command(const Args& args) {
    SearchRequest request;
    std::string db, sort = "relevance";
    std::vector<std::string> words;
    po::options_description named("search options");
    named.add_options()
        ("db", po::value(&db)->required(), "database directory")
        ("facet", po::value(&request.facets)->composing(), ("count matches by this facet (repeatable): " + facet_names()).c_str())
        ("facet-limit", po::value(&request.facet_limit)->default_value(10), "values shown per facet")
        ("sort", po::value(&sort), "relevance (default), newest or oldest")
        ("limit", po::value(&request.limit)->default_value(10), "hits per page")
        ("offset", po::value(&request.offset)->default_value(0), "hits to skip (paging)")
        ("lang", po::value(&request.stem_language)->default_value("en"), "language of the query's words, for stemming")
        ("json", "print one JSON object")
        ("query", po::value(&words), "the query");
    const auto vm = parse(args, named, "query",
                          "usage: newsdesk search --db DIR [OPTIONS] QUERY\n"
                          "QUERY: words, \"phrases\", AND OR NOT, +word -word, prefix*, (...), and fields:\n"
                          "  title: speaker: country: source: lang: author: dateline: url: id:\n"
                          "  date:2021  date:2021-05  date:2021-05-01..2021-05-31  date:2021..  date:..2020-12\n"
                          "Exit: 0 hits found, 1 no hits, 2 usage or bad query, 3 database problem, 4 other.");
    if (!vm) return Ok;
    for (const auto& w : words) request.query += (request.query.empty() ? "" : " ") + w;
    request.sort = parse_sort(sort);
    const auto database = open_database(db);
    const auto results = search(database, request);
    if (vm->count("json")) std::cout << dump(to_json(results)) << '\n';
    else print_text(results, stdout_is_terminal());
    return results.total ? Ok : Incomplete;
}

} // namespace newsdesk::cli
