#include "searcher/date_query.hpp"

#include <algorithm>

#include "schema/date.hpp"
#include "schema/schema.hpp"
#include "searcher/field_processors.hpp"

namespace newsdesk {
namespace {

const auto DateSlot = schema::value_no(*schema::Date.slot);

[[noreturn]] void bad_date(const std::string& text) {
    throw Xapian::QueryParserError("date:" + text + ": not a date (use YYYY, YYYY-MM or YYYY-MM-DD)");
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::pair<std::string, std::string> date_period(const std::string& text) {
    if (text.size() == 4 && all_digits(text)) return {date_value(text + "-01-01"), date_value(text + "-12-31")};
    if (text.size() == 7 && text[4] == '-' && all_digits(text.substr(0, 4)) && all_digits(text.substr(5))) {
        // The month's last day: try 31 down to 28 against the calendar check.
        for (int day = 31; day >= 28; --day) {
            const auto last = text + "-" + std::to_string(day);
            if (iso_date(last)) return {date_value(text + "-01"), date_value(last)};
        }
        bad_date(text);
    }
    if (text.size() == 10) {
        if (const auto day = iso_date(text)) return {date_value(*day), date_value(*day)};
    }
    bad_date(text);
}

Xapian::Query DateFieldProcessor::operator()(const std::string& text) try {
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
