#include "indexer/language.hpp"

#include <cld2/public/compact_lang_det.h>

namespace newsdesk {

std::string detect_language(std::string_view utf8) {
    // The opening few kilobytes decide as well as the whole text, at a fraction of the cost.
    constexpr std::size_t Sample = 4096;
    std::size_t n = std::min(utf8.size(), Sample);
    while (n < utf8.size() && (static_cast<unsigned char>(utf8[n]) & 0xC0) == 0x80) --n;
    bool reliable = false;
    const auto lang = CLD2::DetectLanguage(utf8.data(), static_cast<int>(n), true, &reliable);
    if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return {};
    std::string code = CLD2::LanguageCode(lang);
    if (const auto dash = code.find('-'); dash != std::string::npos) code.resize(dash);   // zh-Hant
    return code;
}

} // namespace newsdesk
