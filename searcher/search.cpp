#include "searcher/search.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>

#include "indexer/entities/entities.hpp"
#include "indexer/stored_article.hpp"
#include "schema/schema.hpp"
#include "searcher/facet_counter.hpp"
#include "searcher/query_parser.hpp"

namespace newsdesk {
namespace {

const schema::Facet& facet_named(const std::string& name) {
    for (const auto& f : schema::Facets)
        if (f.name == name) return f;
    throw std::invalid_argument("unknown facet '" + name + "' (facets: " + facet_names() + ")");
}

FacetResult collect(const schema::Facet& facet, const ValueListCountSpy& spy, std::size_t limit) {
    FacetResult result{std::string{facet.name}, {}};
    if (facet.kind == schema::FacetKind::Field) {
        for (const auto& [value, count] : spy.counts()) {
            const auto label = facet.field == &schema::Country ? country_name(value) : value;
            result.values.push_back({value, label, count});
        }
        std::sort(result.values.begin(), result.values.end(), [](const FacetValue& a, const FacetValue& b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        if (result.values.size() > limit) result.values.resize(limit);
        return result;
    }
    // Periods from the "YYYYMMDD" date slot: "2021" or "2021-05", in time order.
    std::map<std::string, std::uint64_t> periods;
    for (const auto& [day, count] : spy.counts()) {
        if (day.size() < 6) continue;
        periods[facet.kind == schema::FacetKind::Year ? day.substr(0, 4) : day.substr(0, 4) + "-" + day.substr(4, 2)] +=
            count;
    }
    for (const auto& [period, count] : periods) result.values.push_back({period, period, count});
    return result;
}

} // namespace

std::string facet_names() {
    std::string names;
    for (const auto& f : schema::Facets) names += (names.empty() ? "" : ", ") + std::string{f.name};
    return names;
}

SearchResults search(const Xapian::Database& db, const SearchRequest& request) {
    std::vector<const schema::Facet*> facets;
    for (const auto& name : request.facets) facets.push_back(&facet_named(name));

    const auto parsed = parse_query(request.query, db, request.stem_language);
    Xapian::Enquire enquire(db);
    enquire.set_query(parsed.query);
    const auto date_slot = schema::value_no(*schema::Date.slot);
    switch (request.sort) {
    case SortOrder::Relevance: break;
    case SortOrder::Newest: enquire.set_sort_by_value_then_relevance(date_slot, true); break;
    case SortOrder::Oldest: enquire.set_sort_by_value_then_relevance(date_slot, false); break;
    }
    // Spies must outlive get_mset(); counting the whole match set makes counts and total exact.
    std::vector<std::unique_ptr<ValueListCountSpy>> spies;
    for (const auto* facet : facets) {
        spies.push_back(std::make_unique<ValueListCountSpy>(schema::value_no(*facet->field->slot)));
        enquire.add_matchspy(spies.back().get());
    }
    const auto mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                       static_cast<Xapian::doccount>(request.limit), db.get_doccount());

    SearchResults results;
    results.query = request.query;
    results.total = mset.get_matches_estimated();
    results.offset = request.offset;
    results.limit = request.limit;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = it.get_rank() + 1;   // get_rank() counts from the first match, not the page
        hit.score = it.get_weight();
        hit.article = from_document_data(it.get_document().get_data());
        hit.snippet = make_snippet(hit.article.body, parsed, hit.article.language, request.stem_language);
        hit.article.body.clear();
        results.hits.push_back(std::move(hit));
    }
    for (std::size_t i = 0; i < facets.size(); ++i)
        results.facets.push_back(collect(*facets[i], *spies[i], request.facet_limit));
    return results;
}

} // namespace newsdesk
