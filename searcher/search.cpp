#include "searcher/search.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <set>

#include <newsdesk/entities.hpp>
#include "schema/date.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "storage/database.hpp"
#include "searcher/date_query.hpp"
#include "searcher/facet_counter.hpp"
#include "searcher/histogram.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/story.hpp"
#include "searcher/suggestion.hpp"
#include "text/unicode.hpp"

namespace newsdesk {
namespace {

const schema::Facet& facet_named(const std::string& name) {
    if (const auto* facet = schema::named(schema::Facets, name)) return *facet;
    throw InvalidRequest("unknown facet '" + name + "' (facets: " + schema::listed(schema::Facets) + ")");
}

// The clause `field:"value"`, the value quoted as the query scanner reads it ("" for ").
std::string quoted_clause(std::string_view field, std::string_view value) {
    std::string clause{field};
    clause += ":\"";
    for (const char c : value) clause += c == '"' ? std::string("\"\"") : std::string(1, c);
    return clause + '"';
}

// What selects exactly the articles a value of `facet` counts. A name quoted is that exact
// name (field_processors.hpp). The person facet counts the people's slot, and `speaker:` finds
// organisations too, so it leaves out the articles where the name is an organisation's (an
// article lists a name as one or the other: article_document.cpp).
std::string filter_clause(const schema::Facet& facet, std::string_view value) {
    const auto& field = *facet.field;
    if (facet.kind != schema::FacetKind::Field) return period_filter(value);
    if (field.country) return std::string{field.name} + ":" + std::string{value};
    auto clause = quoted_clause(field.name, value);
    if (!field.word_prefix.empty() && facet.also == nullptr && &field == &schema::Speaker)
        clause += " -" + quoted_clause(schema::Organisation.name, value);
    return clause;
}

// The value counting the `matches` a facet's field gives no value, when the field has one
// (schema::Field::unknown_value) and each match holds one value at most: what the counted
// values leave. Counting stories, the leftover is not a number of stories, so there is none.
std::optional<FacetValue> unknown_value(const schema::Facet& facet, std::uint64_t matches, std::uint64_t counted,
                                        bool stories) {
    if (!facet.field->unknown_value || facet.field->multi_valued || stories || matches <= counted) return std::nullopt;
    const std::string value{schema::UnknownValue};
    return FacetValue{value, value, matches - counted, std::nullopt, std::string{facet.field->name} + ":" + value};
}

// Whether a value (or a country's name) has a word that begins with `prefix`, both as
// text::normalise() folds them: the words of a value are parted by ASCII spaces and punctuation.
bool has_word_starting(std::string_view value, const std::string& prefix) {
    const auto folded = text::normalise(value);
    const auto parts_words = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x80 && !std::isalnum(u);
    };
    for (std::size_t at = 0; at < folded.size(); ++at)
        if ((at == 0 || parts_words(folded[at - 1])) && std::string_view{folded}.substr(at).starts_with(prefix)) return true;
    return false;
}

// `stories`: the counter counts stories (SearchRequest::count). `matches`: the articles matched.
// `within`: a facet search's prefix, already normalised; only values with a word starting so.
FacetResult collect(const schema::Facet& facet, FacetCounter& counter, std::size_t limit, bool stories,
                    std::uint64_t matches, const std::string* within = nullptr) {
    FacetResult result{std::string{facet.name}, {}};
    if (facet.kind == schema::FacetKind::Field) {
        // Values a filter does not tell apart ("REAGAN", "Reagan") are one value: their counts
        // are added (an article lists a name once: article_document.cpp).
        auto groups = counter.groups();
        if (within && !within->empty())
            std::erase_if(groups, [&](const FacetCounter::Group& g) {
                return !has_word_starting(g.shown, *within) &&
                       !(facet.field->country && has_word_starting(country_name(std::string{g.shown}), *within));
            });
        // The `limit` most frequent values (ties by value), chosen before any is copied: a broad
        // match counts tens of thousands of speakers to show ten.
        std::vector<const FacetCounter::Group*> top;
        top.reserve(groups.size());
        std::uint64_t counted = 0;
        for (const auto& group : groups) top.push_back(&group), counted += group.documents;
        const auto shown = top.begin() + static_cast<std::ptrdiff_t>(std::min(limit, top.size()));
        std::partial_sort(top.begin(), shown, top.end(), [](const FacetCounter::Group* a, const FacetCounter::Group* b) {
            return a->documents != b->documents ? a->documents > b->documents : a->shown < b->shown;
        });
        top.erase(shown, top.end());
        const bool typed = facet.also != nullptr;   // the speaker facet: people, then organisations
        for (const auto* group : top) {
            const std::string value{group->shown};
            const auto label = facet.field->country ? country_name(value) : value;
            std::optional<SpeakerKind> kind;
            if (typed) kind = group->shown_count.slot_index == 0 ? SpeakerKind::Person : SpeakerKind::Organisation;
            result.values.push_back({value, label, group->documents, kind, filter_clause(facet, value)});
        }
        // Among the values by its count, so that a limit keeps what is most frequent.
        if (auto unknown = within ? std::nullopt : unknown_value(facet, matches, counted, stories)) {
            const auto at = std::find_if(result.values.begin(), result.values.end(),
                                         [&](const FacetValue& v) { return v.count < unknown->count; });
            if (at != result.values.end() || result.values.size() < limit) result.values.insert(at, std::move(*unknown));
            if (result.values.size() > limit) result.values.pop_back();
        }
        return result;
    }
    // Periods from the "YYYYMMDD" date slot: "2021" or "2021-05", in time order. Months are
    // counted from values long enough for both: a value too short for a month counts in neither
    // facet.
    const auto length = facet.kind == schema::FacetKind::Month ? Period::Month : Period::Year;
    const auto period_of_day = [&](std::string_view day) { return day.size() < 6 ? std::string{} : period_of(day, length); };
    std::map<std::string, std::uint64_t> periods;
    std::uint64_t counted = 0;
    if (stories) {
        for (const auto& [value, count] : counter.distinct_counts(period_of_day)) periods[value] = count;
    } else {
        for (const auto& [day, count] : counter.counts())
            if (const auto p = period_of_day(day); !p.empty()) periods[p] += count.documents, counted += count.documents;
    }
    for (const auto& [period, count] : periods)
        result.values.push_back({period, period, count, std::nullopt, filter_clause(facet, period)});
    // The undated, after every period.
    if (auto unknown = unknown_value(facet, matches, counted, stories)) result.values.push_back(std::move(*unknown));
    return result;
}

// The time and the say-so a search runs under (SearchRequest::deadline and ::cancelled),
// from the moment the search was asked for.
class Budget {
public:
    explicit Budget(const SearchRequest& request) : request_(request), started_(std::chrono::steady_clock::now()) {}

    bool limited() const { return request_.deadline.count() > 0 || request_.cancelled; }
    // Seconds left for Xapian's matcher time limit; 0 when there is no deadline.
    double seconds_left() const {
        if (request_.deadline.count() <= 0) return 0;
        const auto left = std::chrono::duration<double>(started_ + request_.deadline - std::chrono::steady_clock::now());
        return std::max(left.count(), 0.001);
    }
    // Throws Cancelled when `cancelled` says so, Timeout once the deadline has passed;
    // `stage` says what was running.
    void check(std::string_view stage) const {
        if (request_.cancelled && request_.cancelled())
            throw Cancelled("search for " + quoted_query() + " cancelled while " + std::string{stage});
        if (request_.deadline.count() > 0 && std::chrono::steady_clock::now() - started_ >= request_.deadline)
            throw Timeout("search for " + quoted_query() + " took longer than its deadline of " +
                          std::to_string(request_.deadline.count()) + " ms (stopped while " + std::string{stage} + ")");
    }

private:
    std::string quoted_query() const {
        constexpr std::size_t Shown = 80;
        std::size_t n = std::min(request_.query.size(), Shown);
        while (n < request_.query.size() && n > 0 && (static_cast<unsigned char>(request_.query[n]) & 0xC0) == 0x80) --n;
        return "'" + request_.query.substr(0, n) + (n < request_.query.size() ? "…'" : "'");
    }

    const SearchRequest& request_;
    std::chrono::steady_clock::time_point started_;
};

// Checks the budget while Xapian matches: it is shown each matching document (of local
// databases; remote shards answer within their own timeout). An exception thrown here
// unwinds Xapian's matcher, which frees what it holds.
class BudgetSpy : public Xapian::MatchSpy {
public:
    explicit BudgetSpy(const Budget& budget) : budget_(budget) {}
    void operator()(const Xapian::Document&, double) override {
        if (++seen_ % 256 == 0) budget_.check("matching");
    }
    std::string name() const override { return "newsdesk.BudgetSpy"; }

private:
    const Budget& budget_;
    std::uint64_t seen_ = 0;
};

// One matching pass over documents of one kind: the page, the exact total and the facets.
struct Matched {
    ParsedQuery parsed;
    Xapian::MSet mset;
    std::vector<Xapian::doccount> page;   // the hits: indices in mset
    std::vector<FacetResult> facets;
    std::optional<Histogram> histogram;
    std::optional<FacetResult> facet_search;
    // Collapsed: how many articles and stories match, and each page story's matching articles.
    struct Stories {
        std::uint64_t articles = 0, stories = 0;
        std::map<std::string, Xapian::doccount, std::less<>> on_page;
    };
    std::optional<Stories> collapsed;
};

std::string story_of_hit(const Xapian::MSetIterator& it) {
    auto story = it.get_document().get_value(schema::value_no(schema::Slot::Story));
    return story.empty() ? "#" + std::to_string(*it) : story;   // an article without one is a story of its own
}

// How many matching articles each story has, from the spy that counted the story slot: the
// totals and the count of each story on the page. Read without a string per story where the
// reader keeps a story column (a broad match has tens of thousands of stories).
Matched::Stories count_stories(const SlotSpies::Spy& spy, const Xapian::MSet& mset, const std::vector<Xapian::doccount>& page) {
    Matched::Stories counted;
    std::vector<std::string> page_stories;
    for (const auto index : page) counted.on_page[page_stories.emplace_back(story_of_hit(mset[index - mset.get_firstitem()]))] = 0;
    const auto add = [&](std::string_view story, Xapian::doccount documents) {
        counted.articles += documents;
        ++counted.stories;
        if (const auto it = counted.on_page.find(story); it != counted.on_page.end()) it->second += documents;
    };
    if (const auto* column = spy.column) {
        const auto& numbered = column->counts();
        for (const auto documents : numbered)
            if (documents) counted.articles += documents, ++counted.stories;
        for (std::size_t n = 0; n < page.size(); ++n) {
            const auto docid = *mset[page[n] - mset.get_firstitem()];
            // Not covered, or damaged in the file: counted from the document (uncovered(), below).
            if (!column->column().covers(docid)) continue;
            if (const auto numbers = column->column().values_of(docid); numbers && !numbers->empty())
                counted.on_page[page_stories[n]] = numbered[numbers->front()];
        }
        for (const auto& [story, documents] : column->uncovered().tally()) add(story, documents);
    } else if (const auto* local = spy.local) {
        for (const auto& [story, documents] : local->tally()) add(story, documents);
    } else {
        for (auto it = spy.remote->values_begin(); it != spy.remote->values_end(); ++it) add(*it, it.get_termfreq());
    }
    return counted;
}

// One hit per story, collapsed on the page rather than by Xapian's collapse key, which took
// more than half of a collapsed search's time (every match's key read and compared, at 100,000
// articles): the matches are ranked as usual, and the page keeps each story's first. More than
// a page are asked for, and more again while the ranked matches run out of new stories before
// the page is full. The counts come from the story slot's spy: exact over every match, where
// Xapian's collapsed counts are estimates.
void collapse_page(Matched& m, Xapian::Enquire& enquire, const SearchRequest& request, const SlotSpies::Spy& stories) {
    // Every match was checked (match()), so the first match's count is exact.
    const auto matches = m.mset.get_matches_estimated();
    const auto wanted = request.offset + request.limit;
    for (auto fetch = static_cast<Xapian::doccount>(m.mset.size());;) {
        std::set<std::string> seen;
        m.page.clear();
        for (auto it = m.mset.begin(); it != m.mset.end() && seen.size() < wanted; ++it)
            if (seen.insert(story_of_hit(it)).second && seen.size() > request.offset) m.page.push_back(it.get_rank());
        if (seen.size() >= wanted || m.mset.size() < fetch || fetch >= matches) break;
        enquire.clear_matchspies();   // counted already
        fetch = fetch > matches / 4 ? matches : fetch * 4;
        m.mset = enquire.get_mset(0, fetch);
    }
    m.collapsed = count_stories(stories, m.mset, m.page);
}

// `within`: the documents the match is narrowed to as well, or null.
Matched match(const Xapian::Database& db, const SearchRequest& request, std::string_view kind, bool remote,
              FacetColumns* columns, const Budget& budget, const Xapian::Query* within = nullptr) {
    std::vector<const schema::Facet*> facets;
    for (const auto& name : request.facets) {
        facets.push_back(&facet_named(name));
        if (facets.back()->quotes_only && kind == schema::ArticleKind)
            throw InvalidRequest("the " + name + " facet counts quotes, which articles do not: ask `newsdesk quotes` "
                                 "(or /api/quotes) for it");
    }

    Matched m;
    m.parsed = parse_query(request.query, db, request.stem_language,
                           kind == schema::QuoteKind ? QueryTarget::Quotes : QueryTarget::Articles);
    budget.check("parsing");
    Xapian::Enquire enquire(db);
    // Past its time limit Xapian's matcher stops counting and returns the page it has: a
    // partial result, which the check after the match turns into Timeout. The spy stops a
    // long match sooner.
    std::optional<BudgetSpy> budget_spy;
    if (budget.limited()) {
        if (const auto left = budget.seconds_left(); left > 0) enquire.set_time_limit(left);
        if (!remote) enquire.add_matchspy(&budget_spy.emplace(budget));
    }
    Xapian::Query matched(Xapian::Query::OP_FILTER, m.parsed.query, Xapian::Query(schema::exact_term(schema::DocKind, kind)));
    if (within) matched = Xapian::Query(Xapian::Query::OP_FILTER, matched, *within);
    enquire.set_query(matched);
    const bool collapse = request.collapse && kind == schema::ArticleKind;
    const auto date_slot = schema::value_no(*schema::Date.slot);
    // Undated articles last in both orders: newest first puts the empty value last already;
    // oldest first sorts on a slot that holds them as schema::UndatedLast.
    switch (request.sort) {
    case SortOrder::Relevance: break;
    case SortOrder::Newest: enquire.set_sort_by_value_then_relevance(date_slot, true); break;
    case SortOrder::Oldest:
        enquire.set_sort_by_value_then_relevance(schema::value_no(schema::Slot::OldestFirst), false);
        break;
    }
    // Spies must outlive get_mset(); counting the whole match set makes counts and total exact.
    std::optional<Xapian::valueno> distinct_by;
    if (request.count == FacetCount::Stories) {
        if (kind != schema::ArticleKind) throw InvalidRequest("quotes are counted one by one, not by story");
        distinct_by = schema::value_no(schema::Slot::Story);
    }
    SlotSpies spies(enquire, remote, &db, kind == schema::ArticleKind ? columns : nullptr, distinct_by);
    // What counts articles whatever the facets count: the matches of each story when
    // collapsed (columns where the reader keeps them), and the histogram.
    SlotSpies story_spies(enquire, remote, &db, kind == schema::ArticleKind ? columns : nullptr);
    auto& article_spies = distinct_by ? story_spies : spies;
    std::optional<SlotSpies::Spy> stories;
    if (collapse) stories = story_spies.spy(schema::value_no(schema::Slot::Story));
    const auto counter_of = [](SlotSpies& counting, const schema::Facet& facet) {
        std::vector<Xapian::valueno> slots{schema::value_no(*facet.field->slot)};
        if (facet.also) slots.push_back(schema::value_no(*facet.also->slot));
        return FacetCounter(counting, slots);
    };
    std::vector<FacetCounter> counters;
    for (const auto* facet : facets) counters.push_back(counter_of(spies, *facet));
    // The histogram: the date slot, and the facet whose top values get series of their own.
    std::optional<FacetCounter> dates, series_by;
    const schema::Facet* by = nullptr;
    if (request.histogram) {
        dates.emplace(article_spies, std::vector{schema::value_no(*schema::Date.slot)});
        if (!request.histogram_by.empty()) {
            by = &facet_named(request.histogram_by);
            if (by->kind != schema::FacetKind::Field)
                throw InvalidRequest("a histogram's series are the values of a facet such as speaker or country, "
                                     "not of the period facet '" + request.histogram_by + "'");
            series_by = counter_of(article_spies, *by);
        }
    } else if (!request.histogram_by.empty()) {
        throw InvalidRequest("histogram_by needs a histogram: give its interval too (" +
                             std::string{interval_name(Interval::Month)} + ", ...)");
    }
    // Series counted in this match, from the reader's columns where it keeps them for the
    // dates and the facet: the matched articles are kept, and their values read after.
    std::optional<MatchedArticles> matched_articles;
    std::vector<const SlotColumn*> series_columns;
    const SlotColumn* date_column = nullptr;
    if (series_by && !remote) {
        const auto date_columns = dates->columns();
        series_columns = series_by->columns();
        if (!date_columns.empty() && !series_columns.empty()) {
            date_column = date_columns.front();
            enquire.add_matchspy(&matched_articles.emplace(date_column->last_covered()));
        }
    }
    // A search within a facet: that facet counted as the others are, its values then narrowed.
    std::optional<FacetCounter> searched_facet;
    const schema::Facet* searched = nullptr;
    std::string prefix;
    if (request.facet_search) {
        searched = &facet_named(request.facet_search->facet);
        if (searched->kind != schema::FacetKind::Field)
            throw InvalidRequest("a facet search looks for words in names: '" + request.facet_search->facet +
                                 "' is a facet of periods");
        prefix = text::normalise(request.facet_search->prefix);
        searched_facet = counter_of(spies, *searched);
    }
    const auto everything = db.get_doccount();
    // Xapian 1.4 with remote shards: a match sorted by value that returns some but not all of
    // its matches shows remote shards' documents to the spies more than once (xapian-tcpsrv
    // 1.4.22: counts above the total, tests/unit/sharding_test.cpp). A match returning no
    // documents counts right, so a sorted page counts its facets in a pass of its own.
    if (remote && request.sort != SortOrder::Relevance && request.limit > 0 &&
        (!counters.empty() || stories || dates || searched_facet)) {
        (void)enquire.get_mset(0, 0, everything);
        budget.check("matching");
        enquire.clear_matchspies();
    }
    if (collapse) {
        // A story's versions mostly rank side by side: twice the page and a few more are asked
        // for at first (collapse_page asks for more when they are not enough).
        const auto fetch = std::min<std::size_t>(2 * (request.offset + request.limit) + 10, everything);
        m.mset = enquire.get_mset(0, static_cast<Xapian::doccount>(fetch), everything);
        budget.check("matching");
        collapse_page(m, enquire, request, *stories);
    } else {
        m.mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                  static_cast<Xapian::doccount>(request.limit), everything);
        budget.check("matching");
        for (Xapian::doccount i = 0; i < m.mset.size(); ++i) m.page.push_back(m.mset[i].get_rank());
    }
    // Every document was checked, so the count is exact (collapsed: counted apart, as the page
    // may have been fetched again).
    const std::uint64_t matches = m.collapsed ? m.collapsed->articles : m.mset.get_matches_estimated();
    for (std::size_t i = 0; i < facets.size(); ++i) {
        m.facets.push_back(collect(*facets[i], counters[i], request.facet_limit, distinct_by.has_value(), matches));
        budget.check("counting facets");
    }
    if (searched_facet) {
        m.facet_search = collect(*searched, *searched_facet, request.facet_limit, distinct_by.has_value(), matches, &prefix);
        budget.check("searching a facet");
    }
    if (dates) {
        m.histogram = histogram_of(*dates, matches, *request.histogram);
        if (series_by) {
            const auto top = collect(*by, *series_by, request.histogram_series, false, matches);
            if (!matched_articles || !add_series(*m.histogram, top, *date_column, series_columns, *matched_articles)) {
                const SeriesMatch how{db, matched,
                                      kind == schema::QuoteKind ? QueryTarget::Quotes : QueryTarget::Articles,
                                      request.stem_language, remote, kind == schema::ArticleKind ? columns : nullptr,
                                      [&] { budget.check("counting a histogram's series"); }};
                add_series(*m.histogram, top, how);
            }
        }
    }
    return m;
}

} // namespace

std::uint64_t article_count(const Xapian::Database& db) {
    return db.get_termfreq(schema::exact_term(schema::DocKind, schema::ArticleKind));
}

namespace {

// What article and quote results share: the request echoed and the exact total.
template <typename Results>
Results page_of(const SearchRequest& request, const Matched& m) {
    Results results;
    results.query = request.query;
    // Every document was checked (match()), so the count is exact.
    results.total = m.mset.get_matches_estimated();
    if constexpr (requires { results.stories; }) {
        if (m.collapsed) {
            results.total = m.collapsed->articles;
            results.stories = m.collapsed->stories;
        }
    }
    results.offset = request.offset;
    results.limit = request.limit;
    return results;
}

SearchResults search_once(const Xapian::Database& db, const SearchRequest& request, bool remote,
                          FacetColumns* columns, const Budget& budget, const Xapian::Query* within) {
    auto m = match(db, request, schema::ArticleKind, remote, columns, budget, within);
    auto results = page_of<SearchResults>(request, m);
    // Collapsed: the stories on the page that have other versions, with the hit each is
    // measured against, listed in one match.
    std::map<std::string, Xapian::Document> with_versions;
    for (std::size_t n = 0; n < m.page.size(); ++n) {
        budget.check("making snippets");
        const auto it = m.mset[m.page[n] - m.mset.get_firstitem()];
        Hit hit;
        // Ranks count from the first match, not the page; collapsed, they count stories.
        hit.rank = m.collapsed ? request.offset + n + 1 : it.get_rank() + 1;
        hit.score = it.get_weight();
        const auto doc = it.get_document();
        hit.article = from_document_data(doc.get_data());
        hit.snippet = make_snippet(hit.article.body, m.parsed, hit.article.language, request.stem_language);
        hit.article.body.clear();
        hit.story = doc.get_value(schema::value_no(schema::Slot::Story));
        if (m.collapsed && !hit.story.empty()) {
            const auto matching = m.collapsed->on_page.find(hit.story);
            hit.other_versions = matching == m.collapsed->on_page.end() || matching->second == 0 ? 0 : matching->second - 1;
            if (hit.other_versions > 0) with_versions.emplace(hit.story, doc);
        }
        results.hits.push_back(std::move(hit));
    }
    if (!with_versions.empty()) {
        budget.check("listing versions");
        auto versions = story_versions(db, with_versions, m.parsed.query, MaxVersionsListed + 1);
        for (auto& hit : results.hits) {
            auto& listed = versions[hit.story];
            std::erase_if(listed, [&](const StoryVersion& v) { return v.article.id == hit.article.id; });
            if (listed.size() > MaxVersionsListed) listed.resize(MaxVersionsListed);
            hit.versions = std::move(listed);
        }
    }
    results.facets = std::move(m.facets);
    results.histogram = std::move(m.histogram);
    results.facet_search = std::move(m.facet_search);
    budget.check("looking for a spelling");
    results.suggestion = spelling_suggestion(db, request.query);
    return results;
}

QuoteResults search_quotes_once(const Xapian::Database& db, const SearchRequest& request, bool remote,
                                const Budget& budget) {
    auto m = match(db, request, schema::QuoteKind, remote, nullptr, budget);
    auto results = page_of<QuoteResults>(request, m);
    std::map<std::string, Article> articles;   // a page often holds several quotes of one article
    for (auto it = m.mset.begin(); it != m.mset.end(); ++it) {
        budget.check("reading quote records");
        QuoteHit hit;
        hit.rank = it.get_rank() + 1;
        hit.score = it.get_weight();
        hit.record = quote_from_document_data(it.get_document().get_data());
        auto [article, fresh] = articles.try_emplace(hit.record.article.id);
        if (fresh) {
            const auto term = schema::exact_term(schema::Id, hit.record.article.id);
            if (const auto posting = db.postlist_begin(term); posting != db.postlist_end(term))
                article->second = header_from_document_data(db.get_document(*posting).get_data());
            article->second.id = hit.record.article.id;
        }
        hit.record.article = article->second;
        // A quote is short: show all of it, matches marked.
        hit.text = make_snippet(hit.record.quote.text, m.parsed, hit.record.article.language, request.stem_language,
                                std::numeric_limits<std::size_t>::max() / 2);
        results.hits.push_back(std::move(hit));
    }
    results.facets = std::move(m.facets);
    results.histogram = std::move(m.histogram);
    results.facet_search = std::move(m.facet_search);
    return results;
}

} // namespace

SearchResults search(const Xapian::Database& database, const SearchRequest& request, bool remote,
                     FacetColumns* columns, const Xapian::Query* within) {
    const Budget budget(request);
    return read_latest(database,
                       [&](const Xapian::Database& db) { return search_once(db, request, remote, columns, budget, within); });
}

QuoteResults search_quotes(const Xapian::Database& database, const SearchRequest& request, bool remote) {
    const Budget budget(request);
    return read_latest(database,
                       [&](const Xapian::Database& db) { return search_quotes_once(db, request, remote, budget); });
}

} // namespace newsdesk
