#include "searcher/date_query.hpp"

#include <algorithm>

#include "schema/date.hpp"
#include "schema/schema.hpp"
#include "searcher/field_processors.hpp"

namespace newsdesk {
namespace {

const auto DateSlot = schema::value_no(*schema::Date.slot);

[[noreturn]] void bad_date(const std::string& text) {
    throw Xapian::QueryParserError(period_filter(text) + ": not a date (use YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD, or unknown)");
}

} // namespace

std::string period_filter(std::string_view period) {
    return std::string{schema::Date.name} + ":" + std::string{period};
}

std::pair<std::string, std::string> date_period(const std::string& text) {
    if (const auto days = period_days(text)) return *days;
    bad_date(text);
}

Xapian::Query DateFieldProcessor::operator()(const std::string& text) try {
    if (text == schema::UnknownValue) return without_value(*schema::Date.slot);
    const auto dots = text.find("..");
    if (dots == std::string::npos) {
        const auto [first, last] = date_period(text);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, DateSlot, first, last);
    }
    const auto begin = text.substr(0, dots), end = text.substr(dots + 2);
    if (begin.empty() && end.empty()) throw Xapian::QueryParserError("date:..: give at least one end of the range");
    if (begin.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, DateSlot, date_period(end).second);
    if (end.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, DateSlot, date_period(begin).first);
    const auto lo = date_period(begin).first, hi = date_period(end).second;
    if (lo > hi) throw Xapian::QueryParserError("date:" + begin + ".." + end + ": the range ends before it begins");
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, DateSlot, lo, hi);
} catch (const Xapian::QueryParserError& e) {
    return refuse_value(e.get_msg());
}

} // namespace newsdesk
