#include "searcher/facet_counter.hpp"

#include <algorithm>

#include "schema/schema.hpp"

namespace newsdesk {
namespace {

// The values joined in one slot's content, each once.
std::vector<std::string_view> split_values(std::string_view joined, std::vector<std::string_view>& out) {
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

} // namespace

void SlotValueSpy::operator()(const Xapian::Document& doc, double) {
    const std::string joined = doc.get_value(slot_);
    for (const auto value : split_values(joined, values_)) {
        const auto it = tally_.find(value);
        if (it != tally_.end()) ++it->second;
        else tally_.emplace(std::string{value}, 1);
    }
}

SlotSpies::Spy SlotSpies::spy(Xapian::valueno slot) {
    auto& spy = spies_[slot];
    if (!spy) {
        if (remote_) spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
        else spy = std::make_unique<SlotValueSpy>(slot);
        enquire_.add_matchspy(spy.get());
    }
    if (remote_) return {nullptr, static_cast<const Xapian::ValueCountMatchSpy*>(spy.get())};
    return {static_cast<const SlotValueSpy*>(spy.get()), nullptr};
}

FacetCounter::FacetCounter(SlotSpies& spies, const std::vector<Xapian::valueno>& slots) {
    for (const auto slot : slots) spies_.push_back(spies.spy(slot));
}

FacetCounter::Counts FacetCounter::counts() {
    Counts counts;
    std::vector<std::string_view> values;
    const auto add = [&](std::string_view value, Xapian::doccount documents, std::size_t slot_index) {
        const auto [entry, added] = counts.try_emplace(value, Count{0, slot_index});
        entry->second.documents += documents;
    };
    for (std::size_t i = 0; i < spies_.size(); ++i) {
        if (const auto* local = spies_[i].local) {
            counts.reserve(counts.size() + local->tally().size());
            for (const auto& [value, documents] : local->tally()) add(value, documents, i);
            continue;
        }
        // Each distinct slot content once, with the number of matching documents holding it.
        const auto* spy = spies_[i].remote;
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
            const auto& joined = remote_lists_.emplace_back(*it);
            const auto documents = it.get_termfreq();
            for (const auto value : split_values(joined, values)) add(value, documents, i);
        }
    }
    return counts;
}

} // namespace newsdesk
