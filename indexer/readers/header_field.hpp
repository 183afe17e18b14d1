#pragma once
// The pieces of "Name: value" header lines, as WARC records and HTTP responses write them:
// names compare in lower case, values lose the blanks around them.
#include <string>
#include <string_view>

#include "text/ascii.hpp"

namespace newsdesk {

using text::ascii_lower;

// Without the blanks (spaces, tabs, a stray CR) at either end.
inline std::string_view trim_blanks(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

} // namespace newsdesk
