// The names a search is asked with: facets and query fields from the schema's tables, sort
// orders and facet counts from the tables here. Parsers look names up here; messages and help list the same.
#include <array>

#include <newsdesk/search.hpp>
#include "schema/schema.hpp"

namespace newsdesk {
namespace {

struct NamedSort {
    std::string_view name;
    SortOrder order;
};
constexpr std::array SortOrders{   // the first is SearchRequest's default
    NamedSort{"relevance", SortOrder::Relevance},
    NamedSort{"newest", SortOrder::Newest},
    NamedSort{"oldest", SortOrder::Oldest},
};

struct NamedCount {
    std::string_view name;
    FacetCount count;
};
constexpr std::array FacetCounts{   // the first is SearchRequest's default
    NamedCount{"articles", FacetCount::Articles},
    NamedCount{"stories", FacetCount::Stories},
};

} // namespace

const std::vector<std::string>& facet_names() {
    static const auto names = schema::names(schema::Facets);
    return names;
}

const std::vector<std::string>& query_field_names() {
    static const auto names = schema::names(schema::Fields);
    return names;
}

const std::vector<std::string>& sort_order_names() {
    static const auto names = schema::names(SortOrders);
    return names;
}

std::optional<SortOrder> sort_order_named(std::string_view name) {
    if (const auto* sort = schema::named(SortOrders, name)) return sort->order;
    return std::nullopt;
}

const std::vector<std::string>& facet_count_names() {
    static const auto names = schema::names(FacetCounts);
    return names;
}

std::optional<FacetCount> facet_count_named(std::string_view name) {
    if (const auto* count = schema::named(FacetCounts, name)) return count->count;
    return std::nullopt;
}

} // namespace newsdesk
