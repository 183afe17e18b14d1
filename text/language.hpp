#pragma once
#include <string>
#include <string_view>

namespace newsdesk {

// The ISO 639-1 code of the text's language as CLD2 detects it ("en", "fa", "zh"), or an
// empty string when the text is too short or mixed to tell.
std::string detect_language(std::string_view utf8);

// True if `tag` is shaped like a language tag (BCP 47, loosely): two or three ASCII letters,
// then optional subtags of one to eight letters or digits after '-' or '_' ("en", "pt-BR",
// "zh_Hant_TW"), 35 bytes at most.
bool language_tag(std::string_view tag);

} // namespace newsdesk
