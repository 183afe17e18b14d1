#include "searcher/histogram.hpp"

#include <map>
#include <optional>
#include <unordered_map>

#include <newsdesk/errors.hpp>

#include "schema/date.hpp"
#include "schema/schema.hpp"
#include "searcher/date_query.hpp"

namespace newsdesk {
namespace {

constexpr std::size_t MostPeriods = 20'000;   // 54 years of days, 383 of weeks, 1,666 of months

Period period_for(Interval interval) {
    switch (interval) {
    case Interval::Day: return Period::Day;
    case Interval::Week: return Period::Week;
    case Interval::Month: return Period::Month;
    case Interval::Year: break;
    }
    return Period::Year;
}

// The matches of each period, and the undated: those the date slot counted no day for.
struct Dated {
    std::map<std::string, std::uint64_t> periods;
    std::uint64_t undated = 0;
};

Dated count_periods(FacetCounter& dates, std::uint64_t matches, Period length) {
    Dated dated;
    std::uint64_t with_date = 0;
    for (const auto& [day, count] : dates.counts()) {
        const auto period = period_of(day, length);
        if (period.empty()) continue;   // not a date the indexer writes: counted as undated
        dated.periods[period] += count.documents;
        with_date += count.documents;
    }
    dated.undated = matches > with_date ? matches - with_date : 0;
    return dated;
}

} // namespace

Histogram histogram_of(FacetCounter& dates, std::uint64_t matches, Interval interval) {
    Histogram h;
    h.interval = interval;
    const auto length = period_for(interval);
    const auto dated = count_periods(dates, matches, length);
    h.undated = dated.undated;
    h.undated_filter = period_filter(std::string{schema::UnknownValue});
    if (dated.periods.empty()) return h;
    // Every period from the first to the last: a timeline shows the empty ones as zero. Each
    // comes after the one before (a year past 9999 would not sort so: the walk stops), and a span
    // too long for its periods is refused rather than listed (days from 0001 to 9999: 3.6 million).
    const auto& first = dated.periods.begin()->first;
    const auto& last = dated.periods.rbegin()->first;
    for (auto period = first; !period.empty() && period <= last;) {
        if (h.periods.size() == MostPeriods)
            throw InvalidRequest("the matches run from " + first + " to " + last + ", more than " +
                                 std::to_string(MostPeriods) + " " + std::string{interval_name(interval)} +
                                 "s: ask for a longer interval, or narrow the dates");
        const auto found = dated.periods.find(period);
        h.periods.push_back({period, found == dated.periods.end() ? 0 : found->second, period_filter(period)});
        auto next = next_period(period, length);
        if (next <= period) break;
        period = std::move(next);
    }
    return h;
}

void add_series(Histogram& h, const FacetResult& top, const SeriesMatch& how) {
    h.by = top.name;
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < h.periods.size(); ++i) index.emplace(h.periods[i].period, i);
    const auto length = period_for(h.interval);
    const auto date_slot = schema::value_no(*schema::Date.slot);
    for (const auto& value : top.values) {
        if (how.check) how.check();
        // The value's own filter, as a click on it gives: the series counts exactly what the
        // facet value counted.
        const auto filter = parse_query(value.filter, how.db, how.stem_language, how.target);
        Xapian::Enquire enquire(how.db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, how.matched, filter.query));
        SlotSpies spies(enquire, how.remote, &how.db, how.columns);
        FacetCounter dates(spies, {date_slot});
        const auto mset = enquire.get_mset(0, 0, how.db.get_doccount());
        Histogram::Series series{value, std::vector<std::uint64_t>(h.periods.size(), 0), 0};
        series.value.count = mset.get_matches_estimated();   // every document checked: exact
        const auto dated = count_periods(dates, series.value.count, length);
        series.undated = dated.undated;
        for (const auto& [period, count] : dated.periods)
            if (const auto at = index.find(period); at != index.end()) series.counts[at->second] = count;
        h.series.push_back(std::move(series));
    }
}

bool add_series(Histogram& h, const FacetResult& top, const SlotColumn& dates,
                const std::vector<const SlotColumn*>& columns, const MatchedArticles& matched) {
    if (!matched.complete() || columns.empty()) return false;
    const auto& values = columns.front()->values();
    // Each value's group: the forms its filter finds. A value the archive does not hold is
    // the one for articles without any ("unknown").
    constexpr auto None = static_cast<std::uint32_t>(-1);
    std::vector<std::uint32_t> series_of_group(values.group_count(), None);
    std::optional<std::uint32_t> without_values;
    for (std::uint32_t s = 0; s < top.values.size(); ++s) {
        const auto& value = top.values[s].value;
        if (const auto number = values.find(value)) series_of_group[values.group(*number)] = s;
        else if (value == schema::UnknownValue && !without_values) without_values = s;
        else return false;
    }
    // Each date's period, worked out the first time the date is met.
    const auto length = period_for(h.interval);
    std::unordered_map<std::string_view, std::uint32_t> period_at;
    for (std::uint32_t i = 0; i < h.periods.size(); ++i) period_at.emplace(h.periods[i].period, i);
    constexpr auto Unseen = static_cast<std::uint32_t>(-2);
    std::vector<std::uint32_t> period_of_date(dates.value_count(), Unseen);
    bool damaged = false;   // numbers of a column file that cannot be read: counted by filters
    const auto period_index = [&](Xapian::docid docid) {
        const auto numbers = dates.values_of(docid);
        damaged = damaged || !numbers;
        if (!numbers || numbers->empty()) return None;
        auto& at = period_of_date[numbers->front()];
        if (at == Unseen) {
            const auto found = period_at.find(period_of(dates.value(numbers->front()), length));
            at = found == period_at.end() ? None : found->second;
        }
        return at;
    };
    std::vector<Histogram::Series> series;
    for (const auto& value : top.values) series.push_back({value, std::vector<std::uint64_t>(h.periods.size(), 0), 0});
    for (auto& s : series) s.value.count = 0;
    std::vector<Xapian::docid> counted_in(series.size(), 0);   // the last article each series counted
    matched.each([&](Xapian::docid docid) {
        std::uint32_t period = Unseen;
        const auto count = [&](std::uint32_t s) {
            if (counted_in[s] == docid) return;
            counted_in[s] = docid;
            if (period == Unseen) period = period_index(docid);
            auto& one = series[s];
            ++one.value.count;
            if (period == None) ++one.undated;
            else ++one.counts[period];
        };
        bool any = false;
        for (const auto* column : columns) {
            if (!column->covers(docid)) continue;
            const auto numbers = column->values_of(docid);
            if (!numbers) {
                damaged = true;
                continue;
            }
            any = any || !numbers->empty();
            for (const auto n : *numbers)
                if (const auto s = series_of_group[values.group(n)]; s != None) count(s);
        }
        if (!any && without_values) count(*without_values);
    });
    if (damaged) return false;
    h.by = top.name;
    h.series = std::move(series);
    return true;
}

} // namespace newsdesk
