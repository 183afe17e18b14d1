#pragma once
// The facet columns of one database revision, kept in a file beside the database, so that a
// one-off reader (a CLI search) counts facets as a long-lived one does, by number, instead of
// reading, splitting and hashing every matching article's lists of names (at 100,000
// articles a one-off search's p99 went from 87-100 ms to 50-55 ms). The indexer writes the
// file after its last commit (index_archive); a reader uses it when it belongs to the same
// database (its UUID), and brings it forward from its revision through the change log as it
// does columns in memory.
//
// The file is a cache: a missing, foreign, stale beyond the log, truncated or damaged one is
// left aside and the lists are read, as without it. It is written beside and renamed over the
// old one, so that a reader sees one whole file or the other.
//
// Layout, in this machine's byte order (the file is checked for it): a header (magic, format,
// byte-order mark, UUID, revision), the dictionary (each value with its group and whether it is
// written in capitals), a table of the slots (slot, counts, offset), then each slot's starts
// and numbers, read only when that slot is counted.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "storage/facet_columns.hpp"

namespace newsdesk {

// The name of the column file in a database's directory.
inline constexpr const char* ColumnFileName = "newsdesk-facet-columns";

// The slots of articles that facets and histograms count (schema::Facets): the columns a
// file keeps.
std::vector<Xapian::valueno> counted_slots();

// Writes the columns of `db`'s revision `revision` (their shared dictionary) to `file`.
// Throws std::runtime_error when the file cannot be written; the old one is left as it was.
void write_column_file(const std::filesystem::path& file, const std::string& uuid, Xapian::rev revision,
                       const ValueDictionary& values, const std::map<Xapian::valueno, const SlotColumn*>& columns);

class ColumnFile {
public:
    // The file's header, dictionary and table, or nullopt when there is no usable file.
    static std::optional<ColumnFile> open(const std::filesystem::path& file);

    const std::string& uuid() const { return uuid_; }
    Xapian::rev revision() const { return revision_; }
    const std::shared_ptr<ValueDictionary>& values() const { return values_; }
    // The slot's column (numbered in values()), or null when the file has none or it is damaged.
    std::unique_ptr<SlotColumn> column(Xapian::valueno slot) const;
    // The slots the file holds.
    std::vector<Xapian::valueno> slots() const;

private:
    struct Entry {
        std::uint64_t starts = 0, ordinals = 0, offset = 0;
    };
    std::shared_ptr<const void> mapping_;   // the file, mapped; kept by its columns and values too
    const char* data_ = nullptr;           // where it is mapped
    std::string uuid_;
    Xapian::rev revision_ = 0;
    std::shared_ptr<ValueDictionary> values_;
    std::map<Xapian::valueno, Entry> table_;
};

} // namespace newsdesk
