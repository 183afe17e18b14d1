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

} // namespace newsdesk
