#include "searcher/facet_counter.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "schema/schema.hpp"

namespace newsdesk {

void ValueListCountSpy::operator()(const Xapian::Document& doc, double) {
    const std::string joined = doc.get_value(slot_);
    if (joined.empty()) return;
    if (joined.find(schema::MultiValueSeparator) == std::string::npos) {
        ++counts_[joined];
        return;
    }
    std::vector<std::string_view> values;
    std::size_t pos = 0;
    while (pos <= joined.size()) {
        const auto end = std::min(joined.find(schema::MultiValueSeparator, pos), joined.size());
        if (end > pos) values.emplace_back(joined.data() + pos, end - pos);
        pos = end + 1;
    }
    std::sort(values.begin(), values.end());   // count an article once per value
    values.erase(std::unique(values.begin(), values.end()), values.end());
    for (const auto v : values) ++counts_[std::string{v}];
}

} // namespace newsdesk
