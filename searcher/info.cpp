#include "searcher/info.hpp"

#include "schema/schema.hpp"
#include "storage/database.hpp"

namespace newsdesk {
namespace {
std::string iso(const std::string& yyyymmdd) {
    if (yyyymmdd.size() != 8) return {};
    return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}
} // namespace

IndexInfo index_info(const Xapian::Database& database, std::size_t facet_limit, bool remote, FacetColumns* columns) {
    return read_latest(database, [&](const Xapian::Database& db) {
        IndexInfo info;
        info.articles = article_count(db);
        const auto slot = schema::value_no(*schema::Date.slot);
        info.first_date = iso(db.get_value_lower_bound(slot));
        info.last_date = iso(db.get_value_upper_bound(slot));
        SearchRequest all;
        all.limit = 0;
        all.facet_limit = facet_limit;
        for (const auto& f : schema::Facets)
            if (f.kind != schema::FacetKind::Month) all.facets.emplace_back(f.name);
        info.facets = search(db, all, remote, columns).facets;
        return info;
    });
}

} // namespace newsdesk
