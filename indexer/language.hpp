#pragma once
#include <string>
#include <string_view>

namespace newsdesk {

// The ISO 639-1 code of the text's language as CLD2 detects it ("en", "fa", "zh"), or an
// empty string when the text is too short or mixed to tell.
std::string detect_language(std::string_view utf8);

} // namespace newsdesk
