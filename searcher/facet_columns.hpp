#pragma once
// Facet values laid out for counting, per database revision: what a long-lived reader (the
// server, an embedding program) keeps so that a faceted search counts integers instead of
// reading, splitting and hashing each matching article's list of names.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace newsdesk {

// The values joined in one slot's content (schema::MultiValueSeparator), each once, into
// `out` (which is returned).
const std::vector<std::string_view>& split_values(std::string_view joined, std::vector<std::string_view>& out);

// The values of a reader's columns, each numbered once across its slots, with what a facet
// needs of it: its group (the values a filter does not tell apart, "REAGAN" and "Reagan",
// share one) and whether it is written in capitals (the other form is shown). Worked out once
// per value, so that a facet sums and chooses among tens of thousands of values by number,
// without normalising, hashing or copying a string per search.
class ValueDictionary {
public:
    std::uint32_t number(std::string_view value);
    // The number of a value already numbered.
    std::optional<std::uint32_t> find(std::string_view value) const {
        const auto found = numbers_.find(value);
        return found == numbers_.end() ? std::nullopt : std::optional{found->second};
    }
    std::size_t size() const { return values_.size(); }
    std::string_view value(std::uint32_t number) const { return values_[number]; }
    std::uint32_t group(std::uint32_t number) const { return group_[number]; }
    std::size_t group_count() const { return groups_.size(); }
    bool in_capitals(std::uint32_t number) const { return capitals_[number]; }

private:
    std::deque<std::string> values_;   // by number (a deque: numbers_ views its strings)
    std::unordered_map<std::string_view, std::uint32_t> numbers_;
    std::vector<std::uint32_t> group_;
    std::vector<bool> capitals_;
    std::unordered_map<std::string, std::uint32_t> groups_;   // a value's normal form -> its group
};

// One value slot of every article of one revision: for each article the numbers of its
// values (each once) in a dictionary, in docid order. Quote records, which lie above the
// articles (schema::quote_docids_from), are left out.
class SlotColumn {
public:
    // `values`: the dictionary shared with the reader's other columns (a new one if none).
    SlotColumn(const Xapian::Database& db, Xapian::valueno slot, std::shared_ptr<ValueDictionary> values = nullptr);
    // Brings the column to the revision `db` is at, given the articles changed in place since
    // the revision it was at (sorted): those are read again, new ones added, and the rest
    // kept; values are numbered on as before. Costs a read per document changed or added, and
    // a copy of the numbers when an article changed.
    void update(const Xapian::Database& db, const std::vector<Xapian::docid>& changed);

    bool covers(Xapian::docid docid) const { return docid + 1 < starts_.size(); }
    Xapian::docid last_covered() const { return static_cast<Xapian::docid>(starts_.size() - 2); }
    // The value numbers of a document the column covers.
    std::pair<const std::uint32_t*, const std::uint32_t*> values_of(Xapian::docid docid) const {
        return {ordinals_.data() + starts_[docid], ordinals_.data() + starts_[docid + 1]};
    }
    // Value numbers run below value_count(): those of every column sharing the dictionary.
    std::size_t value_count() const { return values_->size(); }
    std::string_view value(std::uint32_t number) const { return values_->value(number); }
    const ValueDictionary& values() const { return *values_; }

private:
    Xapian::valueno slot_;
    std::vector<std::uint32_t> starts_;     // document d's numbers: ordinals_[starts_[d], starts_[d + 1])
    std::vector<std::uint32_t> ordinals_;
    std::shared_ptr<ValueDictionary> values_;
    std::vector<std::string_view> split_;   // one document's values, reused
    // Appends the numbers of the values joined in `joined` to `out`.
    void number(std::string_view joined, std::vector<std::uint32_t>& out);
};

// A reader's columns. A slot's column is built the second time the slot is counted at a
// revision, so a one-off search (the CLI) never pays for one, and a reader that searches again
// gets it back many times over: at 100,000 articles a column takes tens of milliseconds to
// build, and counts in a fraction of the time the lists took. When the database moves on, the
// columns are updated from the commits' change log (schema/change_log.hpp): a server whose
// archive grows while it answers reads the new and changed articles only, rather than every
// article's values after each commit. Without a log that reaches back, they are built again.
// Like the reader that holds it, used by one thread at a time.
class FacetColumns {
public:
    FacetColumns() = default;   // none: every count reads the lists
    // `db`: the one local database searched, whose revision tells when the columns are stale.
    explicit FacetColumns(Xapian::Database db) : db_(std::move(db)) {}

    // The column of `slot` at the revision `db` is at, or null when there is none (yet).
    // `db` must share its state with the database given to the constructor.
    const SlotColumn* column(const Xapian::Database& db, Xapian::valueno slot);

private:
    std::optional<Xapian::Database> db_;
    Xapian::rev revision_ = 0;
    std::string uuid_;   // a database swapped in (a bulk load, a compaction) is another one
    std::shared_ptr<ValueDictionary> values_ = std::make_shared<ValueDictionary>();
    std::map<Xapian::valueno, std::unique_ptr<SlotColumn>> columns_;
    std::map<Xapian::valueno, int> uses_;   // counts at this revision without a column
};

} // namespace newsdesk
