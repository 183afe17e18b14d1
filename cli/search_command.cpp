#include <algorithm>
#include <cstdio>
#include <iostream>
#include <limits>
#include <stdexcept>
#include <optional>

#include "commands.hpp"
#include "options.hpp"
#include "render/export.hpp"
#include "render/json.hpp"
#include "render/lists.hpp"
#include "terminal.hpp"
#include <newsdesk/database.hpp>

namespace newsdesk::cli {
namespace {

using render::joined;

SortOrder parse_sort(const std::string& s) {
    if (const auto order = sort_order_named(s)) return *order;
    throw po::error("--sort must be " + render::alternatives(sort_order_names()) + ", not '" + s + "'");
}

// --facet-search FACET=PREFIX
SearchRequest::FacetSearch facet_search_named(const std::string& text) {
    const auto equals = text.find('=');
    if (equals == std::string::npos) throw po::error("--facet-search takes FACET=PREFIX (speaker=rou), not '" + text + "'");
    return {text.substr(0, equals), text.substr(equals + 1)};
}

// The fields a query may name, "title: speaker: ...", a few to a line of the help.
std::string query_fields_help() {
    std::string out, line;
    for (const auto& name : query_field_names()) {
        if (line.size() + name.size() > 80) {
            out += line + '\n';
            line.clear();
        }
        line += (line.empty() ? "  " : " ") + name + ':';
    }
    return out + line + '\n';
}

void print_facets(const std::vector<FacetResult>& facets, bool colour) {
    const auto bold = colour ? "\033[1m" : "", dim = colour ? "\033[2m" : "", plain = colour ? "\033[0m" : "";
    for (const auto& f : facets) {
        std::cout << bold << f.name << plain << ":";
        if (f.values.empty()) std::cout << " (none)";
        for (const auto& v : f.values) {
            std::cout << "\n  " << v.count << "  " << v.value;
            if (v.label != v.value) std::cout << " (" << v.label << ")";
            if (v.speaker_kind == SpeakerKind::Organisation)
                std::cout << " [" << speaker_kind_name(*v.speaker_kind) << "]";
            std::cout << dim << "  -> " << v.filter << plain;   // what to add to the query for these
        }
        std::cout << "\n";
    }
}

// The histogram as a table: a row per period, a column for all matches and one per series,
// and a bar for all matches scaled to the busiest period.
void print_histogram(const Histogram& h, bool colour) {
    const auto bold = colour ? "\033[1m" : "", plain = colour ? "\033[0m" : "";
    std::vector<std::string> headers{std::string{interval_name(h.interval)}, "matches"};
    for (const auto& s : h.series) headers.push_back(s.value.label);
    std::vector<std::vector<std::string>> rows;
    std::uint64_t busiest = 1;
    for (std::size_t i = 0; i < h.periods.size(); ++i) {
        auto& row = rows.emplace_back(std::vector{h.periods[i].period, std::to_string(h.periods[i].count)});
        for (const auto& s : h.series) row.push_back(std::to_string(s.counts[i]));
        busiest = std::max(busiest, h.periods[i].count);
    }
    if (h.undated > 0 || h.periods.empty()) {
        auto& row = rows.emplace_back(std::vector{std::string{"undated"}, std::to_string(h.undated)});
        for (const auto& s : h.series) row.push_back(std::to_string(s.undated));
    }
    std::vector<std::size_t> widths;
    for (const auto& header : headers) widths.push_back(display_width(header));
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
    const auto cell = [&](std::size_t c, const std::string& text) {
        const auto pad = std::string(widths[c] - std::min(widths[c], display_width(text)), ' ');
        return c == 0 ? text + pad : pad + text;   // periods to the left, counts to the right
    };
    std::cout << bold;
    for (std::size_t c = 0; c < headers.size(); ++c) std::cout << (c ? "  " : "") << cell(c, headers[c]);
    std::cout << plain << '\n';
    constexpr std::size_t BarWidth = 30;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) std::cout << (c ? "  " : "") << cell(c, rows[r][c]);
        if (r < h.periods.size() && h.series.empty()) {
            const auto length = (h.periods[r].count * BarWidth + busiest - 1) / busiest;
            std::cout << "  ";
            for (std::size_t b = 0; b < length; ++b) std::cout << "\u2587";
        }
        std::cout << '\n';
    }
    std::cout << '\n';
}

// A collapsed hit names this many of its other versions; `newsdesk story` lists them all.
constexpr std::size_t ShownVersions = 3;

std::string version_line(const Article& a) {
    return (a.source.empty() ? a.id : a.source) + " " + (a.date.empty() ? "undated" : a.date);
}

void print_text(const SearchResults& r, bool colour) {
    const auto bold = colour ? "\033[1m" : "", plain = colour ? "\033[0m" : "";
    std::cout << r.total << (r.total == 1 ? " article matches" : " articles match");
    if (r.stories) std::cout << ", " << *r.stories << (*r.stories == 1 ? " story" : " stories");
    if (!r.hits.empty()) std::cout << "; showing " << r.hits.front().rank << "-" << r.hits.back().rank;
    std::cout << "\n";
    if (r.suggestion) std::cout << "Did you mean: " << bold << *r.suggestion << plain << " ?\n";
    std::cout << "\n";
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
        if (!a.organisations.empty()) std::cout << "   organisations: " << joined(a.organisations) << '\n';
        if (!a.countries.empty()) std::cout << "   countries: " << joined(a.countries) << '\n';
        const auto snippet = highlighted(h.snippet, colour);
        if (!snippet.empty()) std::cout << "   " << snippet << '\n';
        if (h.other_versions > 0) {
            std::cout << "   + " << h.other_versions << (h.other_versions == 1 ? " other version:" : " other versions:");
            for (std::size_t i = 0; i < h.versions.size() && i < ShownVersions; ++i)
                std::cout << (i ? ";" : "") << ' ' << version_line(h.versions[i].article);
            if (h.other_versions > ShownVersions) std::cout << "; ...";
            std::cout << "  (newsdesk story " << a.id << ")\n";
        }
        std::cout << '\n';
    }
    if (r.histogram) print_histogram(*r.histogram, colour);
    print_facets(r.facets, colour);
    if (r.facet_search) print_facets({*r.facet_search}, colour);
}

void print_text(const QuoteResults& r, bool colour) {
    const auto bold = colour ? "\033[1m" : "", plain = colour ? "\033[0m" : "";
    std::cout << r.total << (r.total == 1 ? " quote matches" : " quotes match");
    if (!r.hits.empty()) std::cout << "; showing " << r.hits.front().rank << "-" << r.hits.back().rank;
    std::cout << "\n\n";
    for (const auto& h : r.hits) {
        const auto& q = h.record.quote;
        const auto& a = h.record.article;
        const auto text = highlighted(h.text, colour);
        std::cout << h.rank << ". " << bold << q.speaker << plain << " " << q.verb << ": "
                  << (q.direct ? "\u201c" : "") << text << (q.direct ? "\u201d" : "") << '\n';
        std::cout << "   " << (a.date.empty() ? "undated" : a.date);
        if (!a.source.empty()) std::cout << " \u00b7 " << a.source;
        std::cout << " \u00b7 " << a.title << " (" << a.id << ")\n\n";
    }
    if (r.histogram) print_histogram(*r.histogram, colour);
    print_facets(r.facets, colour);
}


// The options search and quotes share; nullopt when --help was asked.
struct ParsedSearch {
    SearchRequest request;
    std::vector<std::string> dbs;
    OpenOptions open;
    bool json = false;
    std::optional<render::ExportFormat> rows;   // --format csv|jsonl: hit by hit
    ExportOptions with;
};

std::optional<ParsedSearch> parse_search(const Args& args, const std::string& usage, bool articles) {
    ParsedSearch p;
    std::string sort = sort_order_names().front();
    std::vector<std::string> words;
    // Signed, so that "-1" is refused instead of wrapping round to a huge page.
    long long limit = 10, offset = 0, facet_limit = 10, series = 5;
    std::string histogram, facet_search;
    double timeout = 10, deadline = 0;
    po::options_description named("options");
    named.add_options()
        ("db", po::value(&p.dbs)->required()->composing(),
         "database directory, sharded database or stub file, or tcp://HOST:PORT (a shard served by "
         "xapian-tcpsrv); repeat to search several as one")
        ("timeout", po::value(&timeout)->default_value(10), "seconds a remote shard may take to answer")
        ("deadline", po::value(&deadline), "seconds the whole search may take; past them it stops with an error "
                                           "(default: no limit)")
        ("facet", po::value(&p.request.facets)->composing(), ("count matches by this facet (repeatable): " + joined(facet_names())).c_str())
        ("facet-limit", po::value(&facet_limit)->default_value(10), "values shown per facet")
        ("sort", po::value(&sort), (render::alternatives(sort_order_names()) + " (default: " + sort + ")").c_str())
        ("limit", po::value(&limit)->default_value(10), "hits per page")
        ("offset", po::value(&offset)->default_value(0), "hits to skip (paging)")
        ("lang", po::value(&p.request.stem_language)->default_value("en"), "language of the query's words, for stemming")
        ("histogram", po::value(&histogram), (render::alternatives(interval_names()) +
                                              ": count the matches in every such period, the undated apart").c_str())
        ("histogram-by", po::value(&p.request.histogram_by),
         "with --histogram: a series more for each top value of this facet (speaker, country, source...)")
        ("histogram-series", po::value(&series)->default_value(5), "with --histogram-by: how many values get a series")
        ("facet-search", po::value(&facet_search), "FACET=PREFIX: that facet's values with a word starting so (speaker=rou), "
                                                     "counted over the matches, the --facet-limit most frequent")
        ("json", "print one JSON object");
    std::string count = facet_count_names().front();
    std::string format = "text";
    std::vector<std::string> with;
    if (articles)
        named.add_options()
            ("format", po::value(&format), ("text, json (as --json), " + render::alternatives(render::export_format_names()) +
                                            ": a row per hit, for spreadsheets and programs").c_str())
            ("all", "with --format csv or jsonl: every hit from --offset on, however many, read one at a time")
            ("with", po::value(&with)->composing(), "with --format csv or jsonl: add the snippet or body column (repeatable)")
            ("collapse", "one hit per story: the best version of each, with its other versions")
            ("count", po::value(&count), (render::alternatives(facet_count_names()) +
                                          ": what facet values count (default: " + count + ")").c_str());
    named.add_options()("query", po::value(&words), "the query");
    const auto vm = parse(args, named, "query",
                          (usage + "\n"
                          "QUERY: words, \"phrases\", AND OR NOT, +word -word, prefix*, (...), and fields:\n" +
                          query_fields_help() +
                          "  date:2021  date:2021-05  date:2021-W19  date:2021-05-01..2021-05-31  date:2021..  date:..2020-12\n"
                          "  date:unknown  lang:unknown (articles without one)\n"
                          "Exit: 0 hits found, 1 no hits, 2 usage or bad query, 3 database problem, 4 other.").c_str());
    if (!vm) return std::nullopt;
    auto bounded = [](long long value, long long most, const char* name) {
        if (value < 0 || value > most)
            throw po::error(std::string("--") + name + " must be between 0 and " + std::to_string(most));
        return static_cast<std::size_t>(value);
    };
    p.request.limit = bounded(limit, 1'000'000'000, "limit");
    p.request.offset = bounded(offset, 1'000'000'000, "offset");   // matches are counted in 32 bits
    p.request.facet_limit = bounded(facet_limit, 10000, "facet-limit");
    p.request.histogram_series = bounded(series, 100, "histogram-series");
    if (vm->count("facet-search")) p.request.facet_search = facet_search_named(facet_search);
    if (vm->count("histogram")) {
        const auto interval = interval_named(histogram);
        if (!interval)
            throw po::error("--histogram must be " + render::alternatives(interval_names()) + ", not '" + histogram + "'");
        p.request.histogram = *interval;
    }
    for (const auto& w : words) p.request.query += (p.request.query.empty() ? "" : " ") + w;
    p.request.sort = parse_sort(sort);
    if (!(timeout > 0 && timeout <= 3600)) throw po::error("--timeout must be between 0 and 3600 seconds");
    p.open.remote_timeout = std::chrono::milliseconds(static_cast<long long>(timeout * 1000 + 0.5));
    if (vm->count("deadline")) {
        if (!(deadline >= 0.001 && deadline <= 3600)) throw po::error("--deadline must be between 0.001 and 3600 seconds");
        p.request.deadline = std::chrono::milliseconds(static_cast<long long>(deadline * 1000 + 0.5));
    }
    p.json = vm->count("json") > 0;
    p.request.collapse = vm->count("collapse") > 0;
    const auto counted = facet_count_named(count);
    if (!counted) throw po::error("--count must be " + render::alternatives(facet_count_names()) + ", not '" + count + "'");
    p.request.count = *counted;
    if (format == "json") p.json = true;
    else if (format != "text") {
        p.rows = render::export_format_named(format);
        if (!p.rows)
            throw po::error("--format must be text, json, " + render::alternatives(render::export_format_names()) +
                            ", not '" + format + "'");
        if (p.json) throw po::error("--json and --format " + format + " are two formats: give one");
        if (p.request.collapse || !p.request.facets.empty() || p.request.histogram || p.request.facet_search)
            throw po::error("--format " + format + " lists every matching article, a row each: --collapse, --facet "
                            "and --histogram do not apply");
    }
    for (const auto& column : with) {
        if (column == "snippet") p.with.snippets = true;
        else if (column == "body") p.with.bodies = true;
        else throw po::error("--with must be snippet or body, not '" + column + "'");
    }
    if ((vm->count("all") || !with.empty()) && !p.rows) throw po::error("--all and --with need --format csv or jsonl");
    if (vm->count("all")) p.request.limit = std::numeric_limits<std::size_t>::max();
    return p;
}

} // namespace

// Rows as the hits are read: the header first, so that a spreadsheet opens even an empty export.
int export_rows(const ParsedSearch& p) {
    auto hits = Index::open_shards(p.dbs, p.open).hits(p.request, p.with);
    std::cout << render::export_header(*p.rows, p.with);
    std::uint64_t written = 0;
    while (const auto hit = hits.next()) {
        std::cout << render::export_row(*p.rows, *hit, p.with);
        ++written;
    }
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("could not write the rows (is the disk full, or the reader gone?)");
    return written ? Ok : Incomplete;
}

int search_command(const Args& args) {
    const auto p = parse_search(args, "usage: newsdesk search --db DIR [--db DIR]... [OPTIONS] QUERY\nRanked, faceted search of articles.", true);
    if (!p) return Ok;
    if (p->rows) return export_rows(*p);
    const auto results = Index::open_shards(p->dbs, p->open).search(p->request);
    if (p->json) std::cout << render::dump(render::to_json(results)) << '\n';
    else print_text(results, stdout_is_terminal());
    return results.total ? Ok : Incomplete;
}

int quotes_command(const Args& args) {
    const auto p = parse_search(args, "usage: newsdesk quotes --db DIR [OPTIONS] QUERY\n"
                                      "Searches quotes, direct and indirect, each on its own: who said it, how often.", false);
    if (!p) return Ok;
    const auto results = Index::open_shards(p->dbs, p->open).quotes(p->request);
    if (p->json) std::cout << render::dump(render::to_json(results)) << '\n';
    else print_text(results, stdout_is_terminal());
    return results.total ? Ok : Incomplete;
}

int story_command(const Args& args) {
    std::vector<std::string> dbs;
    std::string id;
    po::options_description named("story options");
    named.add_options()
        ("db", po::value(&dbs)->required()->composing(),
         "database directory, sharded database or stub file, or tcp://HOST:PORT; repeat to read several as one")
        ("json", "print one JSON object")
        ("id", po::value(&id)->required(), "the article");
    const auto vm = parse(args, named, "id",
                          "usage: newsdesk story --db DIR [--json] ID\n"
                          "Every version of the article's story: where and when it ran, and how much of it is the same.\n"
                          "Exit: 0 found, 1 no such article, 2 usage, 3 database problem, 4 other.");
    if (!vm) return Ok;
    const auto story = Index::open_shards(dbs).story(id);
    if (!story) {
        std::cerr << "newsdesk: no article has the id '" << id << "'\n";
        return Incomplete;
    }
    if (vm->count("json")) {
        std::cout << render::dump(render::to_json(*story)) << '\n';
        return Ok;
    }
    const auto n = story->versions.size();
    std::cout << "story " << story->story << ": " << n << (n == 1 ? " version\n" : " versions\n");
    for (const auto& v : story->versions) {
        const auto& a = v.article;
        char same[16];
        std::snprintf(same, sizeof same, "%3.0f%%", v.same * 100);
        std::cout << "  " << same << "  " << (a.date.empty() ? "undated   " : a.date) << "  "
                  << (a.source.empty() ? "-" : a.source) << "  " << a.id << "  " << a.title << '\n';
        if (!a.url.empty()) std::cout << "        " << a.url << '\n';
    }
    return Ok;
}

} // namespace newsdesk::cli
