#include "text/unicode.hpp"

#include <newsdesk/unicode.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

namespace newsdesk::text {
namespace {

// One word-break iterator per thread: creating one loads rules and dictionaries, and
// iterators are not thread-safe.
icu::BreakIterator& word_breaker() {
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> it{
            icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)};
        if (U_FAILURE(status)) throw std::runtime_error("ICU word break iterator unavailable");
        return it;
    }();
    return *breaker;
}

const icu::Normalizer2& nfkc_casefold() {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold unavailable");
    return *n;
}

const icu::Normalizer2& nfd() {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFD unavailable");
    return *n;
}

const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFC unavailable");
    return *n;
}

// Marks that only decorate a letter for matching purposes: Latin/Greek/Cyrillic accents,
// Hebrew points and Arabic harakat. Marks that carry vowels in Indic or Thai scripts are kept.
bool foldable_mark(UChar32 c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0x0591 && c <= 0x05C7) || (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

// Letters written differently across languages of one script but meaning the same letter.
UChar32 fold_variant(UChar32 c) {
    switch (c) {
    case 0x0131: return u'i';       // Turkish dotless i
    case 0x064A: return 0x06CC;     // Arabic yeh -> Farsi yeh
    case 0x0649: return 0x06CC;     // alef maksura -> Farsi yeh
    case 0x0643: return 0x06A9;     // Arabic kaf -> keheh
    case 0x2019: case 0x2018: case 0x02BC: return u'\'';
    default: return c;
    }
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

} // namespace

void for_each_word(std::string_view utf8, const std::function<void(const Word&)>& each) {
    if (utf8.empty()) return;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU cannot open text");
    auto& it = word_breaker();
    it.setText(ut, status);
    int32_t start = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
        if (it.getRuleStatus() == UBRK_WORD_NONE) continue;   // spaces, punctuation
        const auto from = static_cast<std::size_t>(start);
        each(Word{utf8.substr(from, static_cast<std::size_t>(end - start)), from});
    }
    utext_close(ut);
}

std::vector<Word> words(std::string_view utf8) {
    std::vector<Word> out;
    for_each_word(utf8, [&](const Word& w) { out.push_back(w); });
    return out;
}

std::string normalise(std::string_view utf8) {
    if (is_ascii(utf8)) {   // the common case, without a trip through UTF-16
        std::string out{utf8};
        for (auto& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const auto input = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    const auto folded = nfkc_casefold().normalize(input, status);
    const auto decomposed = nfd().normalize(folded, status);
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (foldable_mark(c) || c == 0x0640 /* tatweel */) continue;
        stripped.append(fold_variant(c));
    }
    const auto composed = nfc().normalize(stripped, status);
    if (U_FAILURE(status)) return std::string{utf8};
    std::string out;
    composed.toUTF8String(out);
    return out;
}

bool starts_upper(std::string_view utf8) {
    if (utf8.empty()) return false;
    UChar32 c;
    int32_t i = 0;
    U8_NEXT(utf8.data(), i, static_cast<int32_t>(utf8.size()), c);
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool written_in_capitals(std::string_view utf8) {
    return std::none_of(utf8.begin(), utf8.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    });
}

std::size_t invalid_utf8_offset(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        // ASCII runs are the bulk of news text: skip them eight bytes at a time.
        while (i + 8 <= bytes.size()) {
            std::uint64_t chunk;
            std::memcpy(&chunk, bytes.data() + i, 8);
            if (chunk & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= bytes.size()) break;
        const auto start = i;
        UChar32 c;
        auto pos = static_cast<int64_t>(i);
        U8_NEXT(bytes.data(), pos, static_cast<int64_t>(bytes.size()), c);
        if (c < 0) return start;
        i = static_cast<std::size_t>(pos);
    }
    return std::string_view::npos;
}

} // namespace newsdesk::text

namespace newsdesk {

bool valid_utf8(std::string_view bytes) { return text::valid_utf8(bytes); }

} // namespace newsdesk
