#include "schema/date.hpp"

#include <algorithm>
#include <cctype>

namespace newsdesk {
namespace {

bool digits(std::string_view s) {
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return !s.empty();
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// Two digits at the front of `text`, from 0 to `max`, taken off it.
bool two_digits(std::string_view& text, int max) {
    if (text.size() < 2 || !digits(text.substr(0, 2))) return false;
    const int n = (text[0] - '0') * 10 + (text[1] - '0');
    text.remove_prefix(2);
    return n <= max;
}

// "09:30", "09:30:00", "23:59:60.5", each with an optional zone: "Z", "+02:00", "-0530", "+02".
bool time_of_day(std::string_view text) {
    if (!two_digits(text, 23) || !text.starts_with(':')) return false;
    text.remove_prefix(1);
    if (!two_digits(text, 59)) return false;
    if (text.starts_with(':')) {
        text.remove_prefix(1);
        if (!two_digits(text, 60)) return false;   // 60: a leap second
        if (text.starts_with('.') || text.starts_with(',')) {
            text.remove_prefix(1);
            const auto end = std::min(text.find_first_not_of("0123456789"), text.size());
            if (end == 0) return false;
            text.remove_prefix(end);
        }
    }
    if (text.empty() || text == "Z" || text == "z") return true;
    if (text.front() != '+' && text.front() != '-') return false;
    text.remove_prefix(1);
    if (!two_digits(text, 23)) return false;
    if (text.empty()) return true;
    if (text.starts_with(':')) text.remove_prefix(1);
    return two_digits(text, 59) && text.empty();
}

} // namespace

std::optional<std::string> iso_date(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
    if (text.size() > 10 && ((text[10] != 'T' && text[10] != ' ' && text[10] != 't') || !time_of_day(text.substr(11))))
        return std::nullopt;
    const int year = std::stoi(std::string{y}), month = std::stoi(std::string{m}),
              day = std::stoi(std::string{d});
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return std::nullopt;
    return std::string{text.substr(0, 10)};
}

std::string date_value(std::string_view iso_date) {
    std::string out;
    for (char c : iso_date)
        if (c != '-') out += c;
    return out;
}

std::string period_of(std::string_view value, Period period) {
    const std::size_t digits = period == Period::Year ? 4 : period == Period::Month ? 6 : 8;
    if (value.size() < digits) return {};
    std::string out{value.substr(0, 4)};
    if (digits >= 6) (out += '-') += value.substr(4, 2);
    if (digits >= 8) (out += '-') += value.substr(6, 2);
    return out;
}

} // namespace newsdesk
