#pragma once
// Dates in queries: `date:2021`, `date:2021-05`, `date:2021-05-16` and ranges
// `date:2021-05-01..2021-05-31` with either end open, all on the schema's date slot.
#include <xapian.h>

namespace newsdesk {

// The first and last "YYYYMMDD" of a period "YYYY", "YYYY-MM" or "YYYY-MM-DD". Throws
// Xapian::QueryParserError naming the text when it is not such a period.
std::pair<std::string, std::string> date_period(const std::string& text);

// `date:PERIOD` as a boolean filter.
struct DatePeriodProcessor : Xapian::FieldProcessor {
    Xapian::Query operator()(const std::string& text) override;
};

// `date:A..B`: A and B are periods; an empty end is open.
struct DateRangeProcessor : Xapian::RangeProcessor {
    DateRangeProcessor();
    Xapian::Query operator()(const std::string& begin, const std::string& end) override;
};

} // namespace newsdesk
