#include "schema/date.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>

#include "text/ascii.hpp"

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

// "Dec", "december", "DEC." -> 12; 0 when it is no month's name.
int month_of(std::string_view word) {
    static constexpr std::string_view months[] = {"january", "february", "march",     "april",   "may",      "june",
                                                  "july",    "august",   "september", "october", "november", "december"};
    if (word.ends_with('.')) word.remove_suffix(1);
    if (word.size() < 3) return 0;
    const auto lower = text::ascii_lower(word);
    for (int m = 0; m < 12; ++m)
        if (months[m].starts_with(lower)) return m + 1;
    return 0;
}

std::string_view next_word(std::string_view& text) {
    const auto start = text.find_first_not_of(" \t,");
    if (start == std::string_view::npos) return text = {};
    text.remove_prefix(start);
    const auto end = std::min(text.find_first_of(" \t,"), text.size());
    const auto word = text.substr(0, end);
    text.remove_prefix(end);
    return word;
}

} // namespace

std::optional<std::string> internet_date(std::string_view text) {
    auto word = next_word(text);
    if (!word.empty() && !digits(word)) word = next_word(text);   // the day's name
    const auto day_word = word, month_word = next_word(text), year_word = next_word(text);
    const int month = month_of(month_word);
    if (day_word.empty() || day_word.size() > 2 || !digits(day_word) || !month || !digits(year_word)) return std::nullopt;
    int year = std::stoi(std::string{year_word.substr(0, std::min<std::size_t>(year_word.size(), 5))});
    if (year_word.size() == 2) year += year < 50 ? 2000 : 1900;   // RFC 822's two-digit years
    else if (year_word.size() != 4) return std::nullopt;
    const int day = std::stoi(std::string{day_word});
    if (year < 1000 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
    // What follows must at least start as a time of day ("07:03", "7:03:46"), if anything does.
    const auto time = next_word(text);
    if (!time.empty() && (time.find(':') == std::string_view::npos || !std::isdigit(static_cast<unsigned char>(time[0]))))
        return std::nullopt;
    const auto two = [](int n) { return std::string{char('0' + n / 10), char('0' + n % 10)}; };
    return std::to_string(year) + "-" + two(month) + "-" + two(day);
}

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

namespace {

using std::chrono::sys_days;

// "YYYYMMDD" (at least) as a day; nullopt when it is not a real one.
std::optional<sys_days> day_of(std::string_view value) {
    if (value.size() < 8 || !digits(value.substr(0, 8))) return std::nullopt;
    const auto number = [&](std::size_t at, std::size_t n) { return std::stoi(std::string{value.substr(at, n)}); };
    const std::chrono::year_month_day ymd{std::chrono::year{number(0, 4)}, std::chrono::month(number(4, 2)),
                                          std::chrono::day(number(6, 2))};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

std::string value_of(sys_days day) {
    const std::chrono::year_month_day ymd{day};
    char out[16];
    std::snprintf(out, sizeof out, "%04d%02u%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return out;
}

// The Monday of ISO week 1 of `year`: the week holding 4 January.
sys_days first_iso_monday(int year) {
    const sys_days january4{std::chrono::year{year} / std::chrono::January / 4};
    return january4 - (std::chrono::weekday{january4} - std::chrono::Monday);
}

// "YYYY-Www" of the ISO week holding `day`.
std::string iso_week(sys_days day) {
    const auto monday = day - (std::chrono::weekday{day} - std::chrono::Monday);
    const int year = static_cast<int>(std::chrono::year_month_day{monday + std::chrono::days{3}}.year());
    const auto week = (monday - first_iso_monday(year)).count() / 7 + 1;
    char out[16];
    std::snprintf(out, sizeof out, "%04d-W%02d", year, static_cast<int>(week));
    return out;
}

} // namespace

std::string period_of(std::string_view value, Period period) {
    if (period == Period::Week) {
        const auto day = day_of(value);
        return day ? iso_week(*day) : std::string{};
    }
    const std::size_t digits = period == Period::Year ? 4 : period == Period::Month ? 6 : 8;
    if (value.size() < digits) return {};
    std::string out{value.substr(0, 4)};
    if (digits >= 6) (out += '-') += value.substr(4, 2);
    if (digits >= 8) (out += '-') += value.substr(6, 2);
    return out;
}

std::optional<std::pair<std::string, std::string>> period_days(std::string_view period) {
    const auto year = period.substr(0, 4);
    if (period.size() < 4 || !digits(year)) return std::nullopt;
    if (period.size() == 4) return std::pair{std::string{year} + "0101", std::string{year} + "1231"};
    if (period.size() == 7 && period[4] == '-' && digits(period.substr(5))) {
        const int month = std::stoi(std::string{period.substr(5)});
        if (month < 1 || month > 12) return std::nullopt;
        const auto first = date_value(period) + "01";
        return std::pair{first, first.substr(0, 6) + std::to_string(days_in_month(std::stoi(std::string{year}), month))};
    }
    if (period.size() == 8 && period.substr(4, 2) == "-W" && digits(period.substr(6))) {
        const int y = std::stoi(std::string{year}), week = std::stoi(std::string{period.substr(6)});
        const auto monday = first_iso_monday(y) + std::chrono::days{7 * (week - 1)};
        if (week < 1 || iso_week(monday) != period) return std::nullopt;   // no week 53 that year
        return std::pair{value_of(monday), value_of(monday + std::chrono::days{6})};
    }
    if (period.size() == 10 && iso_date(period)) return std::pair{date_value(period), date_value(period)};
    return std::nullopt;
}

std::string next_period(std::string_view period, Period length) {
    const auto days = period_days(period);
    if (!days) return {};
    const auto last = day_of(days->second);
    return period_of(value_of(*last + std::chrono::days{1}), length);
}

} // namespace newsdesk
