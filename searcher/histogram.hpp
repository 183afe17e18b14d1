#pragma once
// Timelines: how many matches fall in each period, overall and for each of a facet's top values.
#include <cstdint>
#include <functional>
#include <string>

#include <xapian.h>

#include <newsdesk/search.hpp>
#include "searcher/facet_counter.hpp"
#include "searcher/query_parser.hpp"

namespace newsdesk {

// The histogram of a match of `matches` documents, from the counts of its date slot.
Histogram histogram_of(FacetCounter& dates, std::uint64_t matches, Interval interval);

// How one series is counted: the match it narrows, and what it is counted with.
struct SeriesMatch {
    const Xapian::Database& db;
    Xapian::Query matched;   // the search's whole query, document kind included
    QueryTarget target;
    std::string stem_language;
    bool remote = false;
    FacetColumns* columns = nullptr;
    std::function<void()> check;   // the search's budget, asked before each series
};

// A series for each of `top`'s values (their filters narrowing the match), in `h`'s periods:
// one match more per value, of the matches that value counts only.
void add_series(Histogram& h, const FacetResult& top, const SeriesMatch& how);

} // namespace newsdesk
