#include "storage/column_file.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <stdexcept>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema/schema.hpp"

namespace newsdesk {

namespace {

constexpr std::string_view Magic = "newsdesk facet columns\n";
constexpr std::uint32_t Format = 1;
constexpr std::uint32_t ByteOrderMark = 0x01020304;
// Far beyond any archive: a header claiming more is damaged, not large.
constexpr std::uint64_t MostValues = std::uint64_t{1} << 31;
constexpr std::uint32_t MostValueBytes = 1 << 20;

template <typename T>
void put(std::string& out, T n) {
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
}

void put_string(std::string& out, std::string_view s) {
    put(out, static_cast<std::uint32_t>(s.size()));
    out.append(s);
}

// A column file mapped into memory, unmapped when the last column viewing it goes.
struct Mapping {
    const char* data = nullptr;
    std::size_t size = 0;
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    Mapping(const char* d, std::size_t n) : data(d), size(n) {}
    ~Mapping() { ::munmap(const_cast<char*>(data), size); }
};

std::shared_ptr<const Mapping> map_file(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st{};
    void* data = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && st.st_size > 0)
        data = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);   // the mapping stays
    if (data == MAP_FAILED) return nullptr;
    return std::make_shared<const Mapping>(static_cast<const char*>(data), static_cast<std::size_t>(st.st_size));
}

// Reads the header and dictionary from the mapped file, each read checked against its end.
class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    template <typename T>
    bool get(T& n) {
        if (in_.size() - at_ < sizeof n) return false;
        std::memcpy(&n, in_.data() + at_, sizeof n);
        at_ += sizeof n;
        return true;
    }
    bool get_string(std::string_view& s, std::uint32_t most) {
        std::uint32_t size = 0;
        if (!get(size) || size > most || in_.size() - at_ < size) return false;
        s = in_.substr(at_, size);
        at_ += size;
        return true;
    }
    bool get_magic(std::string_view magic) {
        if (in_.substr(at_, magic.size()) != magic) return false;
        at_ += magic.size();
        return true;
    }

private:
    std::string_view in_;
    std::size_t at_ = 0;
};

} // namespace

std::vector<Xapian::valueno> counted_slots() {
    std::set<Xapian::valueno> slots;
    for (const auto& facet : schema::Facets) {
        if (facet.quotes_only) continue;
        for (const auto* field : {facet.field, facet.also})
            if (field && field->slot) slots.insert(schema::value_no(*field->slot));
    }
    return {slots.begin(), slots.end()};
}

void write_column_file(const std::filesystem::path& file, const std::string& uuid, Xapian::rev revision,
                       const ValueDictionary& values, const std::map<Xapian::valueno, const SlotColumn*>& columns) {
    std::string head;
    head.append(Magic);
    put(head, Format);
    put(head, ByteOrderMark);
    put_string(head, uuid);
    put(head, std::uint64_t{revision});
    put(head, static_cast<std::uint64_t>(values.size()));
    for (std::uint32_t v = 0; v < values.size(); ++v) {
        put_string(head, values.value(v));
        put(head, values.group(v));
        put(head, static_cast<std::uint8_t>(values.in_capitals(v)));
    }
    put(head, static_cast<std::uint32_t>(columns.size()));
    // The table gives each slot's offset: the arrays follow the header in the table's order.
    // The arrays start aligned for their numbers, to be read in place from the mapped file.
    const std::uint64_t table_end = head.size() + columns.size() * (sizeof(std::uint32_t) + 3 * sizeof(std::uint64_t));
    const std::uint64_t arrays = (table_end + 7) / 8 * 8;
    std::uint64_t offset = arrays;
    for (const auto& [slot, column] : columns) {
        put(head, slot);
        put(head, static_cast<std::uint64_t>(column->starts().size()));
        put(head, static_cast<std::uint64_t>(column->ordinals().size()));
        put(head, offset);
        offset += (column->starts().size() + column->ordinals().size()) * sizeof(std::uint32_t);
    }
    head.append(arrays - table_end, '\0');
    // One name: the indexer writes the file holding the write lock, and a copy a crash left
    // half-written is written over by the next run.
    auto temporary = file;
    temporary += ".new";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(head.data(), static_cast<std::streamsize>(head.size()));
        for (const auto& [slot, column] : columns)
            for (const auto numbers : {column->starts(), column->ordinals()})
                out.write(reinterpret_cast<const char*>(numbers.data()),
                          static_cast<std::streamsize>(numbers.size() * sizeof(std::uint32_t)));
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw std::runtime_error("cannot write " + temporary.string());
        }
    }
    std::error_code failed;
    std::filesystem::rename(temporary, file, failed);
    if (failed) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw std::runtime_error("cannot replace " + file.string() + ": " + failed.message());
    }
}

std::optional<ColumnFile> ColumnFile::open(const std::filesystem::path& file) {
    ColumnFile f;
    const auto mapping = map_file(file);
    if (!mapping) return std::nullopt;
    f.mapping_ = mapping;
    f.data_ = mapping->data;
    const std::uint64_t size = mapping->size;
    Reader r({mapping->data, mapping->size});
    std::uint32_t format = 0, mark = 0;
    std::uint64_t revision = 0, count = 0;
    std::string_view uuid;
    if (!r.get_magic(Magic) || !r.get(format) || format != Format || !r.get(mark) || mark != ByteOrderMark ||
        !r.get_string(uuid, 64) || !r.get(revision) || !r.get(count) || count > MostValues || count > size)
        return std::nullopt;
    f.uuid_ = uuid;
    f.revision_ = static_cast<Xapian::rev>(revision);
    f.values_ = std::make_shared<ValueDictionary>();
    f.values_->keep(mapping);
    for (std::uint64_t v = 0; v < count; ++v) {
        std::string_view value;
        std::uint32_t group = 0;
        std::uint8_t capitals = 0;
        if (!r.get_string(value, MostValueBytes) || !r.get(group) || group >= count || !r.get(capitals)) return std::nullopt;
        f.values_->append_viewed(value, group, capitals != 0);
    }
    std::uint32_t slots = 0;
    if (!r.get(slots) || slots > 1024) return std::nullopt;
    for (std::uint32_t i = 0; i < slots; ++i) {
        Xapian::valueno slot = 0;
        Entry e;
        if (!r.get(slot) || !r.get(e.starts) || !r.get(e.ordinals) || !r.get(e.offset)) return std::nullopt;
        // The arrays must lie within the file, aligned (sums checked against overflow first).
        if (e.starts < 2 || e.starts > size || e.ordinals > size || e.offset > size || e.offset % sizeof(std::uint32_t) ||
            (e.starts + e.ordinals) * sizeof(std::uint32_t) > size - e.offset)
            return std::nullopt;
        f.table_[slot] = e;
    }
    return f;
}

std::vector<Xapian::valueno> ColumnFile::slots() const {
    std::vector<Xapian::valueno> out;
    for (const auto& [slot, entry] : table_) out.push_back(slot);
    return out;
}

std::unique_ptr<SlotColumn> ColumnFile::column(Xapian::valueno slot) const {
    const auto found = table_.find(slot);
    if (found == table_.end()) return nullptr;
    const auto& e = found->second;
    const auto* at = reinterpret_cast<const std::uint32_t*>(data_ + e.offset);
    const std::span<const std::uint32_t> starts(at, e.starts), ordinals(at + e.starts, e.ordinals);
    // What costs nothing to check; each document's numbers are checked as they are read
    // (SlotColumn::values_of), so that a search reads those of its matches alone.
    if (starts.front() != 0 || starts.back() != ordinals.size()) return nullptr;
    return std::make_unique<SlotColumn>(slot, starts, ordinals, mapping_, values_);
}

} // namespace newsdesk
