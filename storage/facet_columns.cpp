#include "storage/facet_columns.hpp"

#include <algorithm>
#include <unordered_map>

#include "schema/change_log.hpp"
#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "storage/column_file.hpp"
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

void ValueDictionary::look_up() const {
    for (; numbered_ < values_.size(); ++numbered_) numbers_.emplace(values_[numbered_], static_cast<std::uint32_t>(numbered_));
}

std::optional<std::uint32_t> ValueDictionary::find(std::string_view value) const {
    look_up();
    const auto found = numbers_.find(value);
    return found == numbers_.end() ? std::nullopt : std::optional{found->second};
}

std::uint32_t ValueDictionary::number(std::string_view value) {
    if (const auto found = find(value)) return *found;
    for (; grouped_ < values_.size(); ++grouped_) groups_.try_emplace(text::normalise(values_[grouped_]), group_[grouped_]);
    const auto group = groups_.try_emplace(text::normalise(value), static_cast<std::uint32_t>(group_count_)).first->second;
    append(std::string{value}, group, text::written_in_capitals(value));
    look_up();
    ++grouped_;
    return static_cast<std::uint32_t>(values_.size() - 1);
}

void ValueDictionary::append(std::string value, std::uint32_t group, bool in_capitals) {
    append_viewed(owned_.emplace_back(std::move(value)), group, in_capitals);
}

void ValueDictionary::append_viewed(std::string_view value, std::uint32_t group, bool in_capitals) {
    values_.push_back(value);
    group_.push_back(group);
    capitals_.push_back(in_capitals);
    group_count_ = std::max<std::size_t>(group_count_, std::size_t{group} + 1);
}

SlotColumn::SlotColumn(const Xapian::Database& db, Xapian::valueno slot, std::shared_ptr<ValueDictionary> values)
    : slot_(slot), starts_{0, 0}, values_(values ? std::move(values) : std::make_shared<ValueDictionary>()) {
    update(db, {});
}

void SlotColumn::number(std::string_view joined, std::vector<std::uint32_t>& out) {
    for (const auto value : split_values(joined, split_)) out.push_back(values_->number(value));   // distinct: split_values makes them so
}

void SlotColumn::update(const Xapian::Database& db, const std::vector<Xapian::docid>& changed) {
    if (mapping_) {   // the file's numbers, copied to be changed; if damaged, read again from the slot
        const auto count = values_->size();
        const bool sound = std::is_sorted(starts_view_.begin(), starts_view_.end()) && starts_view_.back() == ordinals_view_.size() &&
                           std::all_of(ordinals_view_.begin(), ordinals_view_.end(), [count](std::uint32_t n) { return n < count; });
        if (sound) {
            starts_.assign(starts_view_.begin(), starts_view_.end());
            ordinals_.assign(ordinals_view_.begin(), ordinals_view_.end());
        } else {
            starts_ = {0, 0};   // covering no article: each is read below
            ordinals_.clear();
        }
        mapping_.reset();
    }
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
    starts_view_ = starts_;
    ordinals_view_ = ordinals_;
}

const SlotColumn* FacetColumns::column(const Xapian::Database& db, Xapian::valueno slot) { return column(db, slot, false); }

void FacetColumns::take_file(const Xapian::Database& db) {
    file_tried_ = true;
    auto file = ColumnFile::open(file_path_);
    if (!file || file->uuid() != db.get_uuid()) return;
    file_ = std::make_shared<ColumnFile>(std::move(*file));
    columns_.clear();
    uses_.clear();
    values_ = file_->values();
    revision_ = file_->revision();
    uuid_ = file_->uuid();
}

const SlotColumn* FacetColumns::column(const Xapian::Database& db, Xapian::valueno slot, bool build) {
    if (!db_) return nullptr;
    if (!file_tried_ && !file_path_.empty()) take_file(*db_);
    const auto now = db_->get_revision();
    if (auto uuid = db_->get_uuid(); now != revision_ || uuid != uuid_) {
        if (file_) {   // the file's columns are brought forward with the rest, all from its revision
            for (const auto kept : file_->slots())
                if (!columns_.contains(kept))
                    if (auto column = file_->column(kept)) columns_[kept] = std::move(column);
            file_.reset();
        }
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
    if (file_)
        if (auto column = file_->column(slot)) return (columns_[slot] = std::move(column)).get();
    if (++uses_[slot] < 2 && !build) return nullptr;
    // Facets number their values in one dictionary, so that a facet over two slots (people and
    // organisations) sums them by number. Story ids are counted apart and never with a name:
    // in the shared dictionary their hundred thousand numbers made every facet's count array
    // that much longer, and an uncollapsed search a third slower.
    const bool own = slot == schema::value_no(schema::Slot::Story);
    return (columns_[slot] = std::make_unique<SlotColumn>(db, slot, own ? nullptr : values_)).get();
}

void FacetColumns::save(const Xapian::Database& db, const std::vector<Xapian::valueno>& slots) {
    if (!db_ || file_path_.empty()) return;
    std::map<Xapian::valueno, const SlotColumn*> kept;
    for (const auto slot : slots) kept[slot] = column(db, slot, true);
    write_column_file(file_path_, uuid_, revision_, *values_, kept);
}

} // namespace newsdesk
