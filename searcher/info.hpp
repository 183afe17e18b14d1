#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/search.hpp"

namespace newsdesk {

IndexInfo index_info(const Xapian::Database& db, std::size_t facet_limit = 10, bool remote = false,
                     FacetColumns* columns = nullptr);

} // namespace newsdesk
