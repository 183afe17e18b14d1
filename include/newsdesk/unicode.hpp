#pragma once
// Checks on text the library and its programs share: the server refuses what the library
// would refuse, by the same test.
#include <string_view>

namespace newsdesk {

// Well-formed UTF-8: no stray or missing continuation bytes, overlong forms, surrogates or
// values beyond U+10FFFF.
bool valid_utf8(std::string_view bytes);

} // namespace newsdesk
