#include "searcher/facet_counter.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include <newsdesk/errors.hpp>

#include "schema/schema.hpp"
#include "text/unicode.hpp"

namespace newsdesk {

void SlotValueSpy::operator()(const Xapian::Document& doc, double) {
    const std::string joined = doc.get_value(slot_);
    if (distinct_by_) {
        distinct_ = doc.get_value(*distinct_by_);
        if (distinct_.empty()) distinct_ = "#" + std::to_string(doc.get_docid());   // a story of its own
    }
    for (const auto value : split_values(joined, values_)) {
        if (distinct_by_) {
            pair_.assign(value);
            pair_ += schema::MultiValueSeparator;
            pair_ += distinct_;
            if (!seen_.insert(pair_).second) continue;   // this value's story is counted already
        }
        const auto it = tally_.find(value);
        if (it != tally_.end()) ++it->second;
        else tally_.emplace(std::string{value}, 1);
    }
}

SlotSpies::Spy SlotSpies::spy(Xapian::valueno slot) {
    if (const auto known = kinds_.find(slot); known != kinds_.end()) return known->second;
    Spy kind;
    std::unique_ptr<Xapian::MatchSpy> spy;
    if (distinct_by_) {
        if (remote_)
            throw InvalidRequest("facets cannot count stories over remote shards (xapian-tcpsrv counts "
                                 "documents only): count articles, or search the shards where they lie");
        auto local = std::make_unique<SlotValueSpy>(slot, distinct_by_);
        kind.local = local.get();
        spy = std::move(local);
    } else if (remote_) {
        auto remote = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
        kind.remote = remote.get();
        spy = std::move(remote);
    } else if (const auto* column = columns_ && db_ ? columns_->column(*db_, slot) : nullptr) {
        auto counting = std::make_unique<ColumnSpy>(slot, *column);
        kind.column = counting.get();
        spy = std::move(counting);
    } else {
        auto local = std::make_unique<SlotValueSpy>(slot);
        kind.local = local.get();
        spy = std::move(local);
    }
    enquire_.add_matchspy(spy.get());
    spies_[slot] = std::move(spy);
    return kinds_[slot] = kind;
}

std::map<std::string, Xapian::doccount> FacetCounter::distinct_counts(
    const std::function<std::string(std::string_view)>& merge) const {
    std::set<std::pair<std::string, std::string_view>> merged;   // (merged value, content)
    for (const auto& spy : spies_) {
        if (!spy.local) continue;
        for (const std::string_view pair : spy.local->pairs()) {
            const auto cut = pair.find(schema::MultiValueSeparator);
            if (cut == std::string_view::npos) continue;
            merged.emplace(merge(pair.substr(0, cut)), pair.substr(cut + 1));
        }
    }
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& [value, content] : merged)
        if (!value.empty()) ++counts[value];
    return counts;
}

FacetCounter::FacetCounter(SlotSpies& spies, const std::vector<Xapian::valueno>& slots) {
    for (const auto slot : slots) spies_.push_back(spies.spy(slot));
}

std::vector<const SlotColumn*> FacetCounter::columns() const {
    std::vector<const SlotColumn*> columns;
    for (const auto& spy : spies_) {
        if (!spy.column) return {};
        columns.push_back(&spy.column->column());
    }
    return columns;
}

FacetCounter::Counts FacetCounter::counts() {
    // One spy (most facets) lists each value once already: its values are taken as they are.
    // Several slots, or a remote spy's lists, which share values, are summed in a map first.
    const bool distinct = spies_.size() == 1 && !spies_[0].remote &&
                          !(spies_[0].column && !spies_[0].column->uncovered().tally().empty());
    Counts listed;
    std::unordered_map<std::string_view, Count> summed;
    std::vector<std::string_view> values;
    const auto add = [&](std::string_view value, Xapian::doccount documents, std::size_t slot_index) {
        if (distinct) {
            listed.emplace_back(value, Count{documents, slot_index});
            return;
        }
        const auto [entry, added] = summed.try_emplace(value, Count{0, slot_index});
        entry->second.documents += documents;
    };
    for (std::size_t i = 0; i < spies_.size(); ++i) {
        if (const auto* local = spies_[i].local) {
            for (const auto& [value, documents] : local->tally()) add(value, documents, i);
        } else if (const auto* column = spies_[i].column) {
            const auto& numbered = column->counts();
            for (std::uint32_t v = 0; v < numbered.size(); ++v)
                if (numbered[v]) add(column->column().value(v), numbered[v], i);
            for (const auto& [value, documents] : column->uncovered().tally()) add(value, documents, i);
        } else {
            // Each distinct slot content once, with the number of matching documents holding it.
            const auto* spy = spies_[i].remote;
            for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
                const auto& joined = remote_lists_.emplace_back(*it);
                const auto documents = it.get_termfreq();
                for (const auto value : split_values(joined, values)) add(value, documents, i);
            }
        }
    }
    if (!distinct) listed.assign(summed.begin(), summed.end());
    return listed;
}

void FacetCounter::Group::add(std::string_view value, Count count, bool in_capitals) {
    documents += count.documents;
    const auto rank = std::tuple{!in_capitals, count.documents};
    const auto shown_rank = std::tuple{!shown_in_capitals, shown_count.documents};
    if (shown.data() == nullptr || rank > shown_rank || (rank == shown_rank && value < shown)) {
        shown = value;
        shown_count = count;
        shown_in_capitals = in_capitals;
    }
}

std::vector<FacetCounter::Group> FacetCounter::groups() {
    std::vector<Group> groups;
    const auto from_columns = !spies_.empty() && std::all_of(spies_.begin(), spies_.end(), [&](const SlotSpies::Spy& spy) {
        return spy.column && spy.column->uncovered().tally().empty() &&
               &spy.column->column().values() == &spies_.front().column->column().values();
    });
    if (!from_columns) {
        std::unordered_map<std::string, std::size_t> group_at;
        for (const auto& [value, count] : counts()) {
            const auto [at, added] = group_at.try_emplace(text::normalise(value), groups.size());
            if (added) groups.emplace_back();
            groups[at->second].add(value, count, text::written_in_capitals(value));
        }
        return groups;
    }
    const auto& values = spies_.front().column->column().values();
    // Each value's documents over the slots, and the first slot counting it, as counts() sums them.
    constexpr auto None = static_cast<std::uint32_t>(-1);
    std::vector<Xapian::doccount> documents(values.size(), 0);
    std::vector<std::uint32_t> first_slot(values.size(), None);
    std::vector<std::uint32_t> counted;
    for (std::size_t i = 0; i < spies_.size(); ++i) {
        const auto& numbered = spies_[i].column->counts();
        for (std::uint32_t v = 0; v < numbered.size(); ++v) {
            if (!numbered[v]) continue;
            if (first_slot[v] == None) {
                first_slot[v] = static_cast<std::uint32_t>(i);
                counted.push_back(v);
            }
            documents[v] += numbered[v];
        }
    }
    std::vector<std::uint32_t> group_at(values.group_count(), None);
    for (const auto v : counted) {
        auto& at = group_at[values.group(v)];
        if (at == None) {
            at = static_cast<std::uint32_t>(groups.size());
            groups.emplace_back();
        }
        groups[at].add(values.value(v), Count{documents[v], first_slot[v]}, values.in_capitals(v));
    }
    return groups;
}

} // namespace newsdesk
