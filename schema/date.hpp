#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace newsdesk {

// Reads an ISO 8601 date or date-time ("2021-05-16", "2021-05-16T09:30:00Z",
// "2021-05-16 09:30", "2021-05-16T09:30:00.250+05:30") and returns its calendar date
// "YYYY-MM-DD"; nullopt if it is not one or names an impossible day (2021-02-30) or time
// (hours 0-23, minutes 0-59, seconds 0-60 for a leap second; zone offsets up to 23:59).
std::optional<std::string> iso_date(std::string_view text);

// Reads an Internet message date, as RSS pubDate and HTTP headers carry it (RFC 822, 2822
// and 1123: "Sun, 06 Dec 2026 07:03:46 GMT", "6 Dec 26 07:03 +0100"; a full day or month name
// is taken too), and returns the calendar date it names where it was written, "YYYY-MM-DD";
// nullopt if it is not one. The zone is not applied: a story dated late in the evening in New
// York keeps its day, as its writers and readers know it.
std::optional<std::string> internet_date(std::string_view text);

// The date slot's encoding (schema::Slot::Date): "YYYYMMDD", which sorts as text and is what
// date ranges compare. Every conversion between it and the "YYYY-MM-DD" of articles, queries
// and answers is one of these two.
//
// "2021-05-16" -> "20210516"; a period's start "2021-05" -> "202105"; empty stays empty.
std::string date_value(std::string_view iso_date);
// The period of a date value, as answers spell it: Year "2021", Month "2021-05", ISO 8601 Week
// "2021-W19" (weeks run Monday to Sunday, and belong to the year that holds their Thursday, so
// 2021-01-01 is in "2020-W53"), Day "2021-05-16"; empty when the value is too short to hold it.
enum class Period { Year, Month, Week, Day };
std::string period_of(std::string_view date_value, Period period);
// The first and last day of a period as period_of() spells it ("2021-W19": "20210510",
// "20210516"), as date values; nullopt when `period` is not one.
std::optional<std::pair<std::string, std::string>> period_days(std::string_view period);
// The period after `period` ("2021-12" -> "2022-01", "2020-W53" -> "2021-W01"); `period` must be
// one period_days() reads.
std::string next_period(std::string_view period, Period length);

} // namespace newsdesk
