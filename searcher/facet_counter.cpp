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

const Xapian::ValueCountMatchSpy* SlotSpies::spy(Xapian::valueno slot) {
    auto& spy = spies_[slot];
    if (!spy) {
        spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
        enquire_.add_matchspy(spy.get());
    }
    return spy.get();
}

FacetCounter::FacetCounter(SlotSpies& spies, const std::vector<Xapian::valueno>& slots) {
    for (const auto slot : slots) spies_.push_back(spies.spy(slot));
}

FacetCounter::Counts FacetCounter::counts() const {
    Counts counts;
    std::vector<std::string_view> values;
    for (std::size_t i = 0; i < spies_.size(); ++i) {
        // Each distinct slot content once, with the number of matching documents holding it.
        for (auto it = spies_[i]->values_begin(); it != spies_[i]->values_end(); ++it) {
            const std::string joined = *it;
            const auto documents = it.get_termfreq();
            for (const auto value : split_values(joined, values)) {
                auto entry = counts.find(value);
                if (entry == counts.end()) entry = counts.emplace(std::string{value}, Count{0, i}).first;
                entry->second.documents += documents;
            }
        }
    }
    return counts;
}

} // namespace newsdesk
