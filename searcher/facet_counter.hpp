#pragma once
// Exact facet counts over a whole match set, gathered while Xapian matches.
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "storage/facet_columns.hpp"

namespace newsdesk {

// Counts every value of one slot, each document once per value: the spy for local
// databases. A slot may hold several values joined by schema::MultiValueSeparator; they are
// split as each document is seen and looked up without a copy, so a value seen before costs
// one hash probe. (Xapian's ValueCountMatchSpy tallies whole slot contents in an ordered map:
// a list of speakers is nearly unique to its article, so that map grows with the match set,
// and counting the speakers of 64,000 matches took twice as long.)
class SlotValueSpy : public Xapian::MatchSpy {
public:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Tally = std::unordered_map<std::string, Xapian::doccount, Hash, std::equal_to<>>;

    // With `distinct_by`, a value counts the distinct contents of that slot among the
    // documents holding it (stories: the Story slot) rather than the documents.
    explicit SlotValueSpy(Xapian::valueno slot, std::optional<Xapian::valueno> distinct_by = std::nullopt)
        : slot_(slot), distinct_by_(distinct_by) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    std::string name() const override { return "newsdesk.SlotValueSpy"; }
    const Tally& tally() const { return tally_; }
    // distinct_by: the (value, distinct content) pairs seen, each "value\x1fcontent".
    const std::unordered_set<std::string>& pairs() const { return seen_; }

private:
    Xapian::valueno slot_;
    std::optional<Xapian::valueno> distinct_by_;
    Tally tally_;
    std::vector<std::string_view> values_;   // one document's, reused
    std::unordered_set<std::string> seen_;   // distinct_by: "value\x1fstory" pairs counted
    std::string distinct_, pair_;            // one document's content, one pair: reused
};

// Counts a slot from its column (facet_columns.hpp): an array increment per value of each
// matching article. Documents the column does not cover are counted from their lists.
class ColumnSpy : public Xapian::MatchSpy {
public:
    ColumnSpy(Xapian::valueno slot, const SlotColumn& column)
        : column_(column), counts_(column.value_count(), 0), uncovered_(slot) {}
    void operator()(const Xapian::Document& doc, double weight) override {
        const auto docid = doc.get_docid();
        const auto numbers = column_.covers(docid) ? column_.values_of(docid) : std::nullopt;
        if (!numbers) return uncovered_(doc, weight);
        for (const auto n : *numbers) ++counts_[n];
    }
    std::string name() const override { return "newsdesk.ColumnSpy"; }
    const SlotColumn& column() const { return column_; }
    const std::vector<Xapian::doccount>& counts() const { return counts_; }   // by value number
    const SlotValueSpy& uncovered() const { return uncovered_; }

private:
    const SlotColumn& column_;
    std::vector<Xapian::doccount> counts_;
    SlotValueSpy uncovered_;
};

// The spies of one match, one per value slot, shared by the facets that count that slot
// (speaker, person and organisation share two). With remote shards they are Xapian's own
// ValueCountMatchSpy: it is the spy xapian-tcpsrv knows, so each shard counts its matches
// and Xapian sends and merges the tallies; the counts are the same either way.
class SlotSpies {
public:
    // `columns`: a long-lived reader's columns of `db`, used where they are ready (articles
    // only: quote records are not in them).
    // `distinct_by`: values count the distinct contents of that slot (SlotValueSpy), which
    // only newsdesk's own spy can do, so not over remote shards (InvalidRequest).
    explicit SlotSpies(Xapian::Enquire& enquire, bool remote = false, const Xapian::Database* db = nullptr,
                       FacetColumns* columns = nullptr, std::optional<Xapian::valueno> distinct_by = std::nullopt)
        : enquire_(enquire), remote_(remote), db_(db), columns_(columns), distinct_by_(distinct_by) {}
    // The spy counting `slot`, added to the enquire the first time it is asked for: one of
    // the pointers is set.
    struct Spy {
        const SlotValueSpy* local = nullptr;
        const ColumnSpy* column = nullptr;
        const Xapian::ValueCountMatchSpy* remote = nullptr;
    };
    Spy spy(Xapian::valueno slot);

private:
    Xapian::Enquire& enquire_;
    bool remote_;
    const Xapian::Database* db_;
    FacetColumns* columns_;
    std::optional<Xapian::valueno> distinct_by_;
    std::map<Xapian::valueno, Spy> kinds_;
    std::map<Xapian::valueno, std::unique_ptr<Xapian::MatchSpy>> spies_;   // alive until get_mset() returns
};

// The counts of one facet: the values of one or more slots, each document once per distinct
// value of a slot. A slot may hold several values joined by schema::MultiValueSeparator
// (speakers, countries); the spy counts whole slot contents, and counts() splits each distinct
// content and adds its count to every value in it, which gives exact per-value document counts
// (one slot lists a value once, and a repeated value is counted once anyway).
class FacetCounter {
public:
    struct Count {
        Xapian::doccount documents = 0;
        std::size_t slot_index = 0;   // the first of the slots the value is counted in
    };
    // Each value once, as a view of the value held by the spies (or by this counter, for
    // lists a remote spy gave): a broad match has tens of thousands of speakers, and copying
    // each cost more than choosing the few shown.
    using Counts = std::vector<std::pair<std::string_view, Count>>;

    FacetCounter(SlotSpies& spies, const std::vector<Xapian::valueno>& slots);
    // Per value, summed over the slots, once the match is done; valid while this counter and
    // its spies live. A document naming a value in two slots (a speaker the input calls a
    // person that extraction also found as an organisation) counts twice: the slots' spies do
    // not see one document's slots together.
    Counts counts();
    // The column each slot is counted from, in the order of the slots; empty unless every
    // slot is.
    std::vector<const SlotColumn*> columns() const;

    // The values a filter does not tell apart ("REAGAN", "Reagan"), as one: their documents
    // summed, and the form shown (counts() gives each form's documents, summed over the slots,
    // and its first slot).
    struct Group {
        Xapian::doccount documents = 0;
        std::string_view shown;
        Count shown_count;
        bool shown_in_capitals = false;
        // Adds a form's documents. Shown: a form in normal case over one in capitals (a
        // headline's "SUBROTO"), then the most frequent, then the first in byte order.
        void add(std::string_view value, Count count, bool in_capitals);
    };
    // The groups, in no order. When every slot was counted from one reader's columns they are
    // summed by value and group number, with no string looked at but the ones compared for a
    // group's shown form; otherwise from counts(), normalising each value.
    std::vector<Group> groups();

    // Counting distinct contents of a slot (SlotSpies' distinct_by): per value as `merge` maps
    // it (a day to its month), how many distinct contents its documents hold, so that a story
    // run on three days counts once in their month. Empty when not counting so.
    std::map<std::string, Xapian::doccount> distinct_counts(const std::function<std::string(std::string_view)>& merge) const;

private:
    std::vector<SlotSpies::Spy> spies_;
    std::deque<std::string> remote_lists_;   // what remote spies' values point into
};

} // namespace newsdesk
