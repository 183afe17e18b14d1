#include "searcher/search.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <tuple>

#include <newsdesk/entities.hpp>
#include "schema/date.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "storage/database.hpp"
#include "searcher/facet_counter.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/story.hpp"

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
    if (facet.kind != schema::FacetKind::Field) return std::string{schema::Date.name} + ":" + std::string{value};
    if (field.country) return std::string{field.name} + ":" + std::string{value};
    auto clause = quoted_clause(field.name, value);
    if (!field.word_prefix.empty() && facet.also == nullptr && &field == &schema::Speaker)
        clause += " -" + quoted_clause(schema::Organisation.name, value);
    return clause;
}

// `stories`: the counter counts stories (SearchRequest::count).
FacetResult collect(const schema::Facet& facet, FacetCounter& counter, std::size_t limit, bool stories) {
    FacetResult result{std::string{facet.name}, {}};
    if (facet.kind == schema::FacetKind::Field) {
        // Values a filter does not tell apart ("REAGAN", "Reagan") are one value: their counts
        // are added (an article lists a name once: article_document.cpp).
        const auto groups = counter.groups();
        // The `limit` most frequent values (ties by value), chosen before any is copied: a broad
        // match counts tens of thousands of speakers to show ten.
        std::vector<const FacetCounter::Group*> top;
        top.reserve(groups.size());
        for (const auto& group : groups) top.push_back(&group);
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
        return result;
    }
    // Periods from the "YYYYMMDD" date slot: "2021" or "2021-05", in time order. Months are
    // counted from values long enough for both: a value too short for a month counts in neither
    // facet.
    const auto length = facet.kind == schema::FacetKind::Month ? Period::Month : Period::Year;
    const auto period_of_day = [&](std::string_view day) { return day.size() < 6 ? std::string{} : period_of(day, length); };
    std::map<std::string, std::uint64_t> periods;
    if (stories) {
        for (const auto& [value, count] : counter.distinct_counts(period_of_day)) periods[value] = count;
    } else {
        for (const auto& [day, count] : counter.counts())
            if (const auto p = period_of_day(day); !p.empty()) periods[p] += count.documents;
    }
    for (const auto& [period, count] : periods)
        result.values.push_back({period, period, count, std::nullopt, filter_clause(facet, period)});
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

// Collapsed: the exact numbers of matching articles and of their stories, from a count of the
// story slot over every match. (Xapian's collapsed match counts are estimates: with every
// document checked, 4 articles of 2 stories came out as 2 uncollapsed matches.) Xapian's own
// spy for remote shards, which xapian-tcpsrv knows; newsdesk's elsewhere.
class StoryTally {
public:
    StoryTally(Xapian::Enquire& enquire, bool remote) {
        const auto slot = schema::value_no(schema::Slot::Story);
        if (remote) enquire.add_matchspy(&remote_.emplace(slot));
        else enquire.add_matchspy(&local_.emplace(slot));
    }
    // (articles, stories)
    std::pair<std::uint64_t, std::uint64_t> totals() const {
        std::uint64_t articles = 0, stories = 0;
        if (local_) {
            for (const auto& [story, documents] : local_->tally()) articles += documents, ++stories;
        } else {
            for (auto it = remote_->values_begin(); it != remote_->values_end(); ++it) articles += it.get_termfreq(), ++stories;
        }
        return {articles, stories};
    }

private:
    std::optional<SlotValueSpy> local_;
    std::optional<Xapian::ValueCountMatchSpy> remote_;
};

// One matching pass over documents of one kind: the page, the exact total and the facets.
struct Matched {
    ParsedQuery parsed;
    Xapian::MSet mset;
    std::vector<FacetResult> facets;
    std::optional<std::pair<std::uint64_t, std::uint64_t>> collapsed;   // StoryTally::totals()
};

Matched match(const Xapian::Database& db, const SearchRequest& request, std::string_view kind, bool remote,
              FacetColumns* columns, const Budget& budget) {
    std::vector<const schema::Facet*> facets;
    for (const auto& name : request.facets) facets.push_back(&facet_named(name));

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
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, m.parsed.query,
                                    Xapian::Query(schema::exact_term(schema::DocKind, kind))));
    // One hit per story: Xapian keeps the best of each story's versions, and counts the rest.
    if (request.collapse && kind == schema::ArticleKind) enquire.set_collapse_key(schema::value_no(schema::Slot::Story));
    const auto date_slot = schema::value_no(*schema::Date.slot);
    switch (request.sort) {
    case SortOrder::Relevance: break;
    case SortOrder::Newest: enquire.set_sort_by_value_then_relevance(date_slot, true); break;
    case SortOrder::Oldest: enquire.set_sort_by_value_then_relevance(date_slot, false); break;
    }
    // Spies must outlive get_mset(); counting the whole match set makes counts and total exact.
    std::optional<Xapian::valueno> distinct_by;
    if (request.count == FacetCount::Stories) {
        if (kind != schema::ArticleKind) throw InvalidRequest("quotes are counted one by one, not by story");
        distinct_by = schema::value_no(schema::Slot::Story);
    }
    SlotSpies spies(enquire, remote, &db, kind == schema::ArticleKind ? columns : nullptr, distinct_by);
    std::optional<StoryTally> story_tally;
    if (request.collapse && kind == schema::ArticleKind) story_tally.emplace(enquire, remote);
    std::vector<FacetCounter> counters;
    for (const auto* facet : facets) {
        std::vector<Xapian::valueno> slots{schema::value_no(*facet->field->slot)};
        if (facet->also) slots.push_back(schema::value_no(*facet->also->slot));
        counters.emplace_back(spies, slots);
    }
    const auto everything = db.get_doccount();
    // Xapian 1.4 with remote shards: a match sorted by value that returns some but not all of
    // its matches shows remote shards' documents to the spies more than once (xapian-tcpsrv
    // 1.4.22: counts above the total, tests/unit/sharding_test.cpp). A match returning no
    // documents counts right, so a sorted page counts its facets in a pass of its own.
    if (remote && request.sort != SortOrder::Relevance && request.limit > 0 && !counters.empty()) {
        (void)enquire.get_mset(0, 0, everything);
        budget.check("matching");
        enquire.clear_matchspies();
    }
    m.mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                              static_cast<Xapian::doccount>(request.limit), everything);
    budget.check("matching");
    if (story_tally) m.collapsed = story_tally->totals();
    for (std::size_t i = 0; i < facets.size(); ++i) {
        m.facets.push_back(collect(*facets[i], counters[i], request.facet_limit, distinct_by.has_value()));
        budget.check("counting facets");
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
        if (m.collapsed) std::tie(results.total, results.stories) = *m.collapsed;
    }
    results.offset = request.offset;
    results.limit = request.limit;
    return results;
}

SearchResults search_once(const Xapian::Database& db, const SearchRequest& request, bool remote,
                          FacetColumns* columns, const Budget& budget) {
    auto m = match(db, request, schema::ArticleKind, remote, columns, budget);
    auto results = page_of<SearchResults>(request, m);
    for (auto it = m.mset.begin(); it != m.mset.end(); ++it) {
        budget.check("making snippets");
        Hit hit;
        hit.rank = it.get_rank() + 1;   // get_rank() counts from the first match, not the page
        hit.score = it.get_weight();
        hit.article = from_document_data(it.get_document().get_data());
        hit.snippet = make_snippet(hit.article.body, m.parsed, hit.article.language, request.stem_language);
        hit.article.body.clear();
        const auto doc = it.get_document();
        hit.story = doc.get_value(schema::value_no(schema::Slot::Story));
        if (request.collapse && !hit.story.empty() && it.get_collapse_count() > 0) {
            budget.check("listing versions");
            std::uint64_t versions = 0;
            hit.versions = story_versions(db, hit.story, m.parsed.query, doc, MaxVersionsListed + 1, versions);
            std::erase_if(hit.versions, [&](const StoryVersion& v) { return v.article.id == hit.article.id; });
            if (hit.versions.size() > MaxVersionsListed) hit.versions.resize(MaxVersionsListed);
            hit.other_versions = versions - 1;
        }
        results.hits.push_back(std::move(hit));
    }
    results.facets = std::move(m.facets);
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
    return results;
}

} // namespace

SearchResults search(const Xapian::Database& database, const SearchRequest& request, bool remote,
                     FacetColumns* columns) {
    const Budget budget(request);
    return read_latest(database,
                       [&](const Xapian::Database& db) { return search_once(db, request, remote, columns, budget); });
}

QuoteResults search_quotes(const Xapian::Database& database, const SearchRequest& request, bool remote) {
    const Budget budget(request);
    return read_latest(database,
                       [&](const Xapian::Database& db) { return search_quotes_once(db, request, remote, budget); });
}

} // namespace newsdesk
