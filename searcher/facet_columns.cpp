#include "searcher/facet_columns.hpp"

#include <algorithm>
#include <unordered_map>

#include "schema/change_log.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "text/unicode.hpp"

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

std::uint32_t ValueDictionary::number(std::string_view value) {
    if (const auto found = numbers_.find(value); found != numbers_.end()) return found->second;
    const auto n = static_cast<std::uint32_t>(values_.size());
    const auto& kept = values_.emplace_back(value);
    numbers_.emplace(kept, n);
    group_.push_back(groups_.try_emplace(text::normalise(value), static_cast<std::uint32_t>(groups_.size())).first->second);
    capitals_.push_back(text::written_in_capitals(value));
    return n;
}

SlotColumn::SlotColumn(const Xapian::Database& db, Xapian::valueno slot, std::shared_ptr<ValueDictionary> values)
    : slot_(slot), starts_{0, 0}, values_(values ? std::move(values) : std::make_shared<ValueDictionary>()) {
    update(db, {});
}

void SlotColumn::number(std::string_view joined, std::vector<std::uint32_t>& out) {
    for (const auto value : split_values(joined, split_)) out.push_back(values_->number(value));   // distinct: split_values makes them so
}

void SlotColumn::update(const Xapian::Database& db, const std::vector<Xapian::docid>& changed) {
    const auto last = schema::last_docid_holding(db, schema::exact_term(schema::DocKind, schema::ArticleKind));
    // Documents 1 to `kept` stay; starts_ holds one entry past the last document covered.
    const Xapian::docid covered = static_cast<Xapian::docid>(starts_.size() - 2);
    const Xapian::docid kept = std::min(covered, last);
    const auto first_changed = std::lower_bound(changed.begin(), changed.end(), Xapian::docid{1});
    const auto past_kept = std::upper_bound(first_changed, changed.end(), kept);
    if (first_changed == past_kept) {
        starts_.resize(std::size_t{kept} + 2);
        ordinals_.resize(starts_.back());
    } else {
        // Some kept article was rewritten or deleted: the numbers are copied around it.
        std::vector<std::uint32_t> starts{0}, ordinals;
        starts.reserve(starts_.size());
        ordinals.reserve(ordinals_.size());
        auto next = first_changed;
        for (Xapian::docid d = 1; d <= kept; ++d) {
            starts.push_back(static_cast<std::uint32_t>(ordinals.size()));
            if (next != past_kept && *next == d) {
                ++next;
                try {
                    number(db.get_document(d).get_value(slot_), ordinals);
                } catch (const Xapian::DocNotFoundError&) {   // deleted: no values
                }
            } else {
                ordinals.insert(ordinals.end(), ordinals_.begin() + starts_[d], ordinals_.begin() + starts_[d + 1]);
            }
        }
        starts.push_back(static_cast<std::uint32_t>(ordinals.size()));
        starts_ = std::move(starts);
        ordinals_ = std::move(ordinals);
    }
    // The articles added since, from the value stream.
    auto it = db.valuestream_begin(slot_);
    if (it != db.valuestream_end(slot_)) it.skip_to(kept + 1);
    for (; it != db.valuestream_end(slot_) && it.get_docid() <= last; ++it) {
        const auto docid = it.get_docid();
        while (starts_.size() <= docid) starts_.push_back(static_cast<std::uint32_t>(ordinals_.size()));
        number(*it, ordinals_);
    }
    while (starts_.size() <= std::size_t{last} + 1) starts_.push_back(static_cast<std::uint32_t>(ordinals_.size()));
}

const SlotColumn* FacetColumns::column(const Xapian::Database& db, Xapian::valueno slot) {
    if (!db_) return nullptr;
    const auto now = db_->get_revision();
    if (auto uuid = db_->get_uuid(); now != revision_ || uuid != uuid_) {
        std::optional<std::vector<Xapian::docid>> changed;
        if (!columns_.empty() && uuid == uuid_) changed = schema::documents_changed_since(*db_, revision_);
        if (changed) {
            for (auto& [kept_slot, kept] : columns_) kept->update(db, *changed);
        } else {
            columns_.clear();
            values_ = std::make_shared<ValueDictionary>();   // the old values go with their columns
        }
        uses_.clear();
        revision_ = now;
        uuid_ = std::move(uuid);
    }
    if (const auto it = columns_.find(slot); it != columns_.end()) return it->second.get();
    if (++uses_[slot] < 2) return nullptr;
    // Facets number their values in one dictionary, so that a facet over two slots (people and
    // organisations) sums them by number. Story ids are counted apart and never with a name:
    // in the shared dictionary their hundred thousand numbers made every facet's count array
    // that much longer, and an uncollapsed search a third slower.
    const bool own = slot == schema::value_no(schema::Slot::Story);
    return (columns_[slot] = std::make_unique<SlotColumn>(db, slot, own ? nullptr : values_)).get();
}

} // namespace newsdesk
