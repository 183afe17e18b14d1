#include "text/language.hpp"

#include <cstdio>   // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

namespace newsdesk {

std::string detect_language(std::string_view utf8) {
    // The opening few kilobytes decide as well as the whole text, at a fraction of the cost.
    constexpr std::size_t Sample = 4096;
    std::size_t n = std::min(utf8.size(), Sample);
    while (n < utf8.size() && (static_cast<unsigned char>(utf8[n]) & 0xC0) == 0x80) --n;
    bool reliable = false;
    CLD2::Language top3[3];
    int percent3[3];
    int text_bytes = 0;
    CLD2::ExtDetectLanguageSummary(utf8.data(), static_cast<int>(n), true, top3, percent3, &text_bytes, &reliable);
    // The language with most of the text. CLD2's own summary prefers any other language over
    // English when a sixth of the text is foreign, which calls an English report on Paris French.
    const auto lang = top3[0];
    if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return {};
    std::string code = CLD2::LanguageCode(lang);
    if (const auto dash = code.find('-'); dash != std::string::npos) code.resize(dash);   // zh-Hant
    return code;
}

bool language_tag(std::string_view tag) {
    constexpr std::size_t MaxTagBytes = 35;
    if (tag.size() > MaxTagBytes) return false;
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    const auto alphanumeric = [&](char c) { return letter(c) || (c >= '0' && c <= '9'); };
    std::size_t i = 0;
    while (i < tag.size() && letter(tag[i])) ++i;
    if (i < 2 || i > 3) return false;
    while (i < tag.size()) {
        if (tag[i] != '-' && tag[i] != '_') return false;
        const std::size_t start = ++i;
        while (i < tag.size() && alphanumeric(tag[i])) ++i;
        if (i == start || i - start > 8) return false;
    }
    return true;
}

} // namespace newsdesk
