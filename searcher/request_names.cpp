// The names a search is asked with: facets and query fields from the schema's tables, sort
// orders from the table here. Parsers look names up here; messages and help list the same.
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

} // namespace newsdesk
