#pragma once
// ASCII case, for the names that markup, protocols and file systems spell in either case (tag
// and attribute names, charsets, header fields, extensions, month names). Words of prose are
// case-folded by ICU instead (unicode.hpp).
#include <string>
#include <string_view>

namespace newsdesk::text {

inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lower(std::string_view s) {
    std::string out(s.size(), '\0');
    for (std::size_t i = 0; i < s.size(); ++i) out[i] = ascii_lower(s[i]);
    return out;
}

// Whether `s` begins with `lower_prefix` (given in lower case), ignoring ASCII case.
inline bool starts_with_ascii_nocase(std::string_view s, std::string_view lower_prefix) {
    if (s.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i)
        if (ascii_lower(s[i]) != lower_prefix[i]) return false;
    return true;
}

} // namespace newsdesk::text
