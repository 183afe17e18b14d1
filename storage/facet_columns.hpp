#pragma once
// Facet values laid out for counting, per database revision: what a long-lived reader (the
// server, an embedding program) keeps, and a one-off reader takes from the column file the
// indexer leaves (column_file.hpp), so that a faceted search counts integers instead of
// reading, splitting and hashing each matching article's list of names.
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
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
    std::optional<std::uint32_t> find(std::string_view value) const;
    // A value numbered next, with its group and form as a dictionary read back from a column
    // file had them. The lookups number() and find() need are made when first used: a one-off
    // search needs neither, and normalising every value to find its group is ICU work per value.
    void append(std::string value, std::uint32_t group, bool in_capitals);
    // The same for a value held in memory the dictionary keeps alive (keep(): a mapped file).
    void append_viewed(std::string_view value, std::uint32_t group, bool in_capitals);
    void keep(std::shared_ptr<const void> memory) { kept_.push_back(std::move(memory)); }
    std::size_t size() const { return values_.size(); }
    std::string_view value(std::uint32_t number) const { return values_[number]; }
    std::uint32_t group(std::uint32_t number) const { return group_[number]; }
    std::size_t group_count() const { return group_count_; }
    bool in_capitals(std::uint32_t number) const { return capitals_[number]; }

private:
    std::vector<std::string_view> values_;   // by number: of owned_, or of kept_ memory
    std::deque<std::string> owned_;          // a deque: values_ views its strings
    std::vector<std::shared_ptr<const void>> kept_;
    std::vector<std::uint32_t> group_;
    std::vector<bool> capitals_;
    std::size_t group_count_ = 0;
    // Made from the above when first needed (look_up()): a value -> its number; a value's
    // normal form -> its group.
    mutable std::unordered_map<std::string_view, std::uint32_t> numbers_;
    std::unordered_map<std::string, std::uint32_t> groups_;
    mutable std::size_t numbered_ = 0, grouped_ = 0;   // values entered in numbers_, groups_
    void look_up() const;
};

// One value slot of every article of one revision: for each article the numbers of its
// values (each once) in a dictionary, in docid order. Quote records, which lie above the
// articles (schema::quote_docids_from), are left out.
class SlotColumn {
public:
    // `values`: the dictionary shared with the reader's other columns (a new one if none).
    SlotColumn(const Xapian::Database& db, Xapian::valueno slot, std::shared_ptr<ValueDictionary> values = nullptr);
    // A column as a column file holds it, viewed where `mapping` keeps the file mapped. Its
    // numbers are checked where they are read (values_of), not all at once: a one-off search
    // reads the numbers of its matches only, not the whole column (at a million articles,
    // tens of megabytes a search).
    SlotColumn(Xapian::valueno slot, std::span<const std::uint32_t> starts, std::span<const std::uint32_t> ordinals,
               std::shared_ptr<const void> mapping, std::shared_ptr<ValueDictionary> values)
        : slot_(slot), starts_view_(starts), ordinals_view_(ordinals), mapping_(std::move(mapping)), values_(std::move(values)) {}
    // Brings the column to the revision `db` is at, given the articles changed in place since
    // the revision it was at (sorted): those are read again, new ones added, and the rest
    // kept; values are numbered on as before. Costs a read per document changed or added, and
    // a copy of the numbers when an article changed.
    void update(const Xapian::Database& db, const std::vector<Xapian::docid>& changed);

    bool covers(Xapian::docid docid) const { return docid + 1 < starts_view_.size(); }
    Xapian::docid last_covered() const { return static_cast<Xapian::docid>(starts_view_.size() - 2); }
    // The value numbers of a document the column covers; nullopt where a column file holds
    // damaged numbers for it (outside the numbers, or naming no value): the document's own
    // values are to be read instead.
    std::optional<std::span<const std::uint32_t>> values_of(Xapian::docid docid) const {
        const auto begin = starts_view_[docid], end = starts_view_[docid + 1];
        if (begin > end || end > ordinals_view_.size()) return std::nullopt;
        const auto numbers = ordinals_view_.subspan(begin, end - begin);
        for (const auto n : numbers)
            if (n >= values_->size()) return std::nullopt;
        return numbers;
    }
    // Value numbers run below value_count(): those of every column sharing the dictionary.
    std::size_t value_count() const { return values_->size(); }
    std::string_view value(std::uint32_t number) const { return values_->value(number); }
    const ValueDictionary& values() const { return *values_; }
    std::span<const std::uint32_t> starts() const { return starts_view_; }
    std::span<const std::uint32_t> ordinals() const { return ordinals_view_; }

private:
    Xapian::valueno slot_;
    std::vector<std::uint32_t> starts_;     // document d's numbers: ordinals_[starts_[d], starts_[d + 1])
    std::vector<std::uint32_t> ordinals_;
    // What is read: the vectors above, or a mapped column file's numbers until update() copies
    // them into the vectors to change them.
    std::span<const std::uint32_t> starts_view_, ordinals_view_;
    std::shared_ptr<const void> mapping_;
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
class ColumnFile;

class FacetColumns {
public:
    FacetColumns() = default;   // none: every count reads the lists
    // `db`: the one local database searched, whose revision tells when the columns are stale.
    // `file`: where a column file (column_file.hpp) of that database may be, to take columns
    // from before counting any list.
    explicit FacetColumns(Xapian::Database db, std::filesystem::path file = {})
        : db_(std::move(db)), file_path_(std::move(file)) {}

    // The column of `slot` at the revision `db` is at, or null when there is none (yet).
    // `db` must share its state with the database given to the constructor.
    const SlotColumn* column(const Xapian::Database& db, Xapian::valueno slot);
    // Writes the columns of `slots` at the revision `db` is at to the column file, building
    // (or bringing forward) those it lacks. Throws std::runtime_error if it cannot be written.
    void save(const Xapian::Database& db, const std::vector<Xapian::valueno>& slots);

private:
    std::optional<Xapian::Database> db_;
    std::filesystem::path file_path_;
    std::shared_ptr<ColumnFile> file_;   // open while it has columns not yet taken
    bool file_tried_ = false;
    Xapian::rev revision_ = 0;
    std::string uuid_;   // a database swapped in (a bulk load, a compaction) is another one
    std::shared_ptr<ValueDictionary> values_ = std::make_shared<ValueDictionary>();
    std::map<Xapian::valueno, std::unique_ptr<SlotColumn>> columns_;
    std::map<Xapian::valueno, int> uses_;   // counts at this revision without a column
    const SlotColumn* column(const Xapian::Database& db, Xapian::valueno slot, bool build);
    void take_file(const Xapian::Database& db);
};

} // namespace newsdesk
