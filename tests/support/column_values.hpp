#pragma once
// What a facet column holds, as strings: what columns built, updated or read from a file must
// agree on with one built afresh.
#include <set>
#include <string>
#include <vector>

#include "storage/facet_columns.hpp"

namespace newsdesk::testing {

// Each article's values in `column`, documents 1 to `last` (none where it covers none,
// "(damaged)" where its numbers are).
inline std::vector<std::multiset<std::string>> values_by_docid(const SlotColumn& column, Xapian::docid last) {
    std::vector<std::multiset<std::string>> out;
    for (Xapian::docid d = 1; d <= last; ++d) {
        std::multiset<std::string> values;
        if (column.covers(d)) {
            const auto numbers = column.values_of(d);
            if (!numbers) values.emplace("(damaged)");
            else
                for (const auto n : *numbers) values.emplace(column.value(n));
        }
        out.push_back(std::move(values));
    }
    return out;
}

} // namespace newsdesk::testing
