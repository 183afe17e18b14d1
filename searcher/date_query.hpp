#pragma once
// Dates in queries: `date:2021`, `date:2021-05`, `date:2021-W19` (ISO week), `date:2021-05-16`,
// ranges `date:2021-05-01..2021-05-31` with either end open, and `date:unknown` (the undated),
// all on the schema's date slot.
#include <string>
#include <string_view>
#include <utility>

#include <xapian.h>

namespace newsdesk {

// The first and last "YYYYMMDD" of a period "YYYY", "YYYY-MM", "YYYY-Www" or "YYYY-MM-DD". Throws
// Xapian::QueryParserError naming the text when it is not such a period.
std::pair<std::string, std::string> date_period(const std::string& text);

// The query clause `date:PERIOD` finding a period's articles (or, for schema::UnknownValue,
// the undated): what a facet value and a histogram's period filter by.
std::string period_filter(std::string_view period);

// `date:PERIOD` and `date:A..B` (A and B periods, an empty end open) as a boolean filter.
// Ranges are read here rather than by a Xapian::RangeProcessor: with one set, Xapian's parser
// scans ahead for ".." from every word and punctuation mark of a query holding "..", time
// growing with the square of the query's length (40,000 commas and a range: 25 s).
struct DateFieldProcessor : Xapian::FieldProcessor {
    Xapian::Query operator()(const std::string& text) override;
};

} // namespace newsdesk
