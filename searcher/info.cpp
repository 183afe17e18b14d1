#include "searcher/info.hpp"

#include "schema/date.hpp"
#include "schema/schema.hpp"
#include "storage/database.hpp"

namespace newsdesk {

IndexInfo index_info(const Xapian::Database& database, std::size_t facet_limit, bool remote, FacetColumns* columns) {
    return read_latest(database, [&](const Xapian::Database& db) {
        IndexInfo info;
        info.articles = article_count(db);
        const auto slot = schema::value_no(*schema::Date.slot);
        info.first_date = period_of(db.get_value_lower_bound(slot), Period::Day);
        info.last_date = period_of(db.get_value_upper_bound(slot), Period::Day);
        SearchRequest all;
        all.limit = 0;
        all.facet_limit = facet_limit;
        for (const auto& f : schema::Facets)
            if (!f.quotes_only) all.facets.emplace_back(f.name);   // info counts articles
        info.facets = search(db, all, remote, columns).facets;
        return info;
    });
}

} // namespace newsdesk
