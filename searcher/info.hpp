#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/search.hpp"

namespace newsdesk {

struct IndexInfo {
    std::uint64_t articles = 0;
    std::string first_date, last_date;   // "YYYY-MM-DD", empty when no article has a date
    std::vector<FacetResult> facets;     // the top values of every facet
};

IndexInfo index_info(const Xapian::Database& db, std::size_t facet_limit = 10);

} // namespace newsdesk
