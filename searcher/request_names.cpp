// The names a search is asked with: facets and query fields from the schema's tables, sort
// orders and facet counts from the tables here. Parsers look names up here; messages and help
// list the same.
#include <array>

#include <newsdesk/search.hpp>
#include "schema/schema.hpp"

namespace newsdesk {
namespace {

template <typename Value>
struct Named {
    std::string_view name;
    Value value;
};
constexpr std::array SortOrders{   // the first is SearchRequest's default
    Named<SortOrder>{"relevance", SortOrder::Relevance},
    Named<SortOrder>{"newest", SortOrder::Newest},
    Named<SortOrder>{"oldest", SortOrder::Oldest},
};
constexpr std::array FacetCounts{   // the first is SearchRequest's default
    Named<FacetCount>{"articles", FacetCount::Articles},
    Named<FacetCount>{"stories", FacetCount::Stories},
};
constexpr std::array Intervals{
    Named<Interval>{"day", Interval::Day},
    Named<Interval>{"week", Interval::Week},
    Named<Interval>{"month", Interval::Month},
    Named<Interval>{"year", Interval::Year},
};

// The names of a table, made once.
template <const auto& Table>
const std::vector<std::string>& names_of() {
    static const auto names = schema::names(Table);
    return names;
}

template <typename Value, std::size_t N>
std::optional<Value> value_named(const std::array<Named<Value>, N>& table, std::string_view name) {
    if (const auto* entry = schema::named(table, name)) return entry->value;
    return std::nullopt;
}

} // namespace

const std::vector<std::string>& facet_names() { return names_of<schema::Facets>(); }
const std::vector<std::string>& query_field_names() { return names_of<schema::Fields>(); }
const std::vector<std::string>& sort_order_names() { return names_of<SortOrders>(); }
const std::vector<std::string>& facet_count_names() { return names_of<FacetCounts>(); }
const std::vector<std::string>& interval_names() { return names_of<Intervals>(); }

std::optional<SortOrder> sort_order_named(std::string_view name) { return value_named(SortOrders, name); }
std::optional<FacetCount> facet_count_named(std::string_view name) { return value_named(FacetCounts, name); }
std::optional<Interval> interval_named(std::string_view name) { return value_named(Intervals, name); }
std::string_view interval_name(Interval interval) {
    for (const auto& entry : Intervals)
        if (entry.value == interval) return entry.name;
    return {};
}

} // namespace newsdesk
