#include "render/json.hpp"

#include <initializer_list>

#include <newsdesk/entities.hpp>

#include "render/marked.hpp"

namespace newsdesk::render {
namespace {

using nlohmann::json;

// A date, or null when the index has none.
json date_or_null(const std::string& date) { return date.empty() ? json(nullptr) : json(date); }

json country_names(const std::vector<std::string>& codes) {
    auto names = json::object();
    for (const auto& code : codes) names[code] = country_name(code);
    return names;
}

json quotes(const std::vector<Quote>& quotes) {
    auto out = json::array();
    for (const auto& q : quotes) out.push_back(to_json(q));
    return out;
}

json facet_value(const FacetValue& v) {
    json value = {{"value", v.value}, {"count", v.count}, {"filter", v.filter}};
    if (v.label != v.value) value["name"] = v.label;
    if (v.speaker_kind) value["type"] = speaker_kind_name(*v.speaker_kind);
    return value;
}

// A histogram as members of the results: "histogram" the periods as the issue of timelines
// asked for them ([{"period", "count", "filter"}]), the rest beside it.
void add_histogram(json& j, const Histogram& h) {
    auto periods = json::array();
    for (const auto& p : h.periods) periods.push_back({{"period", p.period}, {"count", p.count}, {"filter", p.filter}});
    j["histogram"] = std::move(periods);
    j["histogram_interval"] = interval_name(h.interval);
    j["histogram_undated"] = {{"count", h.undated}, {"filter", h.undated_filter}};
    if (h.by.empty()) return;
    auto series = json::array();
    for (const auto& s : h.series) {
        auto one = facet_value(s.value);
        one["counts"] = s.counts;
        one["undated"] = s.undated;
        series.push_back(std::move(one));
    }
    j["histogram_by"] = h.by;
    j["histogram_series"] = std::move(series);
}

// What article and quote results share: the request echoed, the total, the facets, the histogram.
template <typename Results>
json results(const Results& r, json hits) {
    json j = {{"query", r.query}, {"total", r.total},         {"offset", r.offset},
              {"limit", r.limit}, {"hits", std::move(hits)}, {"facets", to_json(r.facets)}};
    if (r.histogram) add_histogram(j, *r.histogram);
    // The same shape as "facets": {"speaker": [values]}, the one facet searched.
    if (r.facet_search) j["facet_search"] = to_json(std::vector<FacetResult>{*r.facet_search});
    return j;
}

} // namespace

json to_json(const Quote& q) {
    return {{"speaker", q.speaker}, {"verb", q.verb}, {"text", q.text}, {"direct", q.direct}, {"offset", q.offset}};
}

json to_json(const std::vector<CountryMention>& mentions) {
    auto out = json::array();
    for (const auto& m : mentions)
        out.push_back({{"code", m.code}, {"count", m.count}, {"dateline", m.dateline}, {"focus", m.focus}});
    return out;
}

json to_json(const std::vector<FacetResult>& facets) {
    auto out = json::object();
    for (const auto& facet : facets) {
        auto values = json::array();
        for (const auto& v : facet.values) values.push_back(facet_value(v));
        out[facet.name] = std::move(values);
    }
    return out;
}

json to_json(const Snippet& snippet) { return marked(snippet, "<mark>", "</mark>", Escape::Html); }

json to_json(const Article& a) {
    return {{"id", a.id},
            {"title", a.title},
            {"date", a.date},
            {"source", a.source},
            {"url", a.url},
            {"language", a.language},
            {"authors", a.authors},
            {"dateline", a.dateline},
            {"speakers", a.speakers},
            {"organisations", a.organisations},
            {"countries", a.countries},
            {"country_mentions", to_json(a.country_mentions)},
            {"quotes", quotes(a.quotes)}};
}

json article_with_body(const Article& a) {
    auto j = to_json(a);
    j["body"] = a.body;
    j["country_names"] = country_names(a.countries);
    return j;
}

namespace {

// The part of an article's JSON that an answer shows: the same keys, written by to_json() only.
json article_fields(const Article& a, std::initializer_list<const char*> keys) {
    auto all = to_json(a);
    auto out = json::object();
    for (const auto* key : keys) out[key] = std::move(all[key]);
    return out;
}

} // namespace

json extraction(const Article& a) {
    auto j = article_fields(a, {"title", "language", "speakers", "organisations", "countries",
                                "country_mentions", "quotes", "url", "date", "authors", "source"});
    // The text the entities were found in: what scoring an extraction from HTML compares.
    j["body"] = a.body;
    j["country_names"] = country_names(a.countries);
    if (!a.id.empty()) j["id"] = a.id;
    return j;
}

json to_json(const StoryVersion& v) {
    auto j = article_fields(v.article, {"id", "title", "date", "source", "url"});
    j["same"] = v.same;
    return j;
}

json to_json(const SearchResults& r) {
    auto hits = json::array();
    for (const auto& h : r.hits) {
        auto hit = to_json(h.article);
        hit["rank"] = h.rank;
        hit["score"] = h.score;
        hit["snippet"] = to_json(h.snippet);
        hit["story"] = h.story.empty() ? json(nullptr) : json(h.story);
        if (r.stories) {
            auto versions = json::array();
            for (const auto& v : h.versions) versions.push_back(to_json(v));
            hit["versions"] = std::move(versions);
            hit["other_versions"] = h.other_versions;
        }
        hits.push_back(std::move(hit));
    }
    auto j = results(r, std::move(hits));
    if (r.stories) j["stories"] = *r.stories;
    if (r.suggestion) j["suggestion"] = *r.suggestion;
    return j;
}

json to_json(const Watch& w) {
    return {{"name", w.name}, {"query", w.query}, {"facets", w.facets}, {"created", w.created},
            {"last_run", w.last_run.empty() ? json(nullptr) : json(w.last_run)}};
}

json to_json(const WatchRun& run) {
    auto j = to_json(run.watch);
    const auto results = to_json(run.new_articles);
    j["new"] = run.new_articles.total;
    j["hits"] = results["hits"];
    j["facet_counts"] = results["facets"];
    return j;
}

json to_json(const Story& story) {
    auto versions = json::array();
    for (const auto& v : story.versions) versions.push_back(to_json(v));
    return {{"story", story.story}, {"versions", std::move(versions)}};
}

json to_json(const QuoteResults& r) {
    auto hits = json::array();
    for (const auto& h : r.hits) {
        auto quote = to_json(h.record.quote);
        quote["speaker_type"] = speaker_kind_name(h.record.speaker_kind);
        quote["marked"] = to_json(h.text);
        hits.push_back({{"rank", h.rank}, {"score", h.score}, {"quote", std::move(quote)},
                        {"article", article_fields(h.record.article, {"id", "title", "date", "source", "url",
                                                                       "countries"})}});
    }
    return results(r, std::move(hits));
}

json to_json(const IndexInfo& info) {
    return {{"articles", info.articles},
            {"first_date", date_or_null(info.first_date)},
            {"last_date", date_or_null(info.last_date)},
            {"facets", to_json(info.facets)}};
}

json to_json(const IndexSummary& s) {
    const double rate = s.seconds > 0 ? static_cast<double>(s.indexed()) / s.seconds : 0;
    return {{"indexed", s.indexed()},
            {"added", s.added},
            {"replaced", s.replaced},
            {"unchanged", s.unchanged},
            {"skipped", s.skipped},
            {"files", s.files},
            {"ignored_files", s.ignored_files},
            {"bytes", s.bytes},
            {"seconds", s.seconds},
            {"articles_per_second", rate},
            {"articles_in_database", s.articles_in_database},
            {"stopped_early", s.stopped_early},
            {"interrupted", s.interrupted},
            {"commits", s.commits},
            {"peak_memory_bytes", s.peak_memory_bytes},
            {"compaction_seconds", s.compaction_seconds},
            {"columns_seconds", s.columns_seconds},
            {"columns_not_saved", s.columns_not_saved},
            {"skipped_by_reason", s.skipped_by_reason},
            {"passed_over", s.passed_over}};
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

} // namespace newsdesk::render
