#include "searcher/facet_columns.hpp"

#include <algorithm>
#include <unordered_map>

#include "schema/schema.hpp"
#include "schema/terms.hpp"

namespace newsdesk {

const std::vector<std::string_view>& split_values(std::string_view joined, std::vector<std::string_view>& out) {
    out.clear();
    std::size_t pos = 0;
    while (pos < joined.size()) {
        const auto end = std::min(joined.find(schema::MultiValueSeparator, pos), joined.size());
        if (end > pos) out.push_back(joined.substr(pos, end - pos));
        pos = end + 1;
    }
    if (out.size() > 1) {
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    return out;
}

SlotColumn::SlotColumn(const Xapian::Database& db, Xapian::valueno slot) {
    const auto last = schema::last_docid_holding(db, schema::exact_term(schema::DocKind, schema::ArticleKind));
    starts_.reserve(std::size_t{last} + 2);
    starts_.push_back(0);   // docid 0: none
    std::unordered_map<std::string_view, std::uint32_t> numbers;
    std::vector<std::string_view> split;
    std::vector<std::uint32_t> mine;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot) && it.get_docid() <= last; ++it) {
        const auto docid = it.get_docid();
        while (starts_.size() <= docid) starts_.push_back(static_cast<std::uint32_t>(ordinals_.size()));
        const std::string joined = *it;
        mine.clear();
        for (const auto value : split_values(joined, split)) {
            auto found = numbers.find(value);
            if (found == numbers.end()) {
                const auto& kept = values_.emplace_back(value);
                found = numbers.emplace(kept, static_cast<std::uint32_t>(values_.size() - 1)).first;
            }
            mine.push_back(found->second);
        }
        ordinals_.insert(ordinals_.end(), mine.begin(), mine.end());   // distinct: split_values made them so
    }
    while (starts_.size() <= std::size_t{last} + 1) starts_.push_back(static_cast<std::uint32_t>(ordinals_.size()));
}

const SlotColumn* FacetColumns::column(const Xapian::Database& db, Xapian::valueno slot) {
    if (!db_) return nullptr;
    if (const auto now = db_->get_revision(); now != revision_) {
        revision_ = now;
        columns_.clear();
        uses_.clear();
    }
    if (const auto it = columns_.find(slot); it != columns_.end()) return it->second.get();
    if (++uses_[slot] < 2) return nullptr;
    return (columns_[slot] = std::make_unique<const SlotColumn>(db, slot)).get();
}

} // namespace newsdesk
