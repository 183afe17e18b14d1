#include "searcher/facet_counter.hpp"

#include <algorithm>

#include "schema/schema.hpp"

namespace newsdesk {

void ValueListCountSpy::operator()(const Xapian::Document& doc, double) {
    scratch_.clear();
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        const std::string joined = doc.get_value(slots_[i]);
        std::size_t pos = 0;
        while (pos < joined.size()) {
            const auto end = std::min(joined.find(schema::MultiValueSeparator, pos), joined.size());
            if (end > pos) scratch_.emplace_back(joined.substr(pos, end - pos), i);
            pos = end + 1;
        }
    }
    if (scratch_.size() > 1) {   // count a document once per value
        std::sort(scratch_.begin(), scratch_.end());
        scratch_.erase(std::unique(scratch_.begin(), scratch_.end(),
                                   [](const auto& a, const auto& b) { return a.first == b.first; }),
                       scratch_.end());
    }
    for (auto& [value, slot_index] : scratch_) {
        auto [it, added] = counts_.try_emplace(std::move(value), Count{0, slot_index});
        ++it->second.documents;
    }
}

} // namespace newsdesk
