#include "pages/charset.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "text/ascii.hpp"
#include "text/unicode.hpp"

namespace newsdesk::pages {
namespace {

// Browsers look for the declaration in the first 1024 bytes; pages with a long head put it
// a little later, so look a little further.
constexpr std::size_t PrescanBytes = 4096;

bool is_label_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
}

// The WHATWG Encoding standard decodes these labels as windows-1252: pages that say Latin-1
// or ASCII use its printable C1 range (curly quotes, dashes) all the time.
std::string browser_charset(std::string label) {
    static constexpr std::array latin1{"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii",
                                       "iso_8859-1", "cp819", "ibm819", "x-cp1252", "cp1252"};
    for (std::string_view l : latin1)
        if (label == l) return "windows-1252";
    if (label == "utf8") return "utf-8";
    return label;
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

bool known_charset(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> conv{ucnv_open(name.c_str(), &status)};
    return U_SUCCESS(status) && conv;
}

std::string convert(std::string_view bytes, const std::string& charset) {
    const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace

std::string declared_charset(std::string_view bytes) {
    const auto head = text::ascii_lower(bytes.substr(0, PrescanBytes));
    for (std::size_t at = head.find("charset"); at != std::string::npos; at = head.find("charset", at + 7)) {
        std::size_t i = at + 7;
        while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
        if (i >= head.size() || head[i] != '=') continue;
        ++i;
        while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
        const auto start = i;
        while (i < head.size() && is_label_char(head[i])) ++i;
        if (i > start) return head.substr(start, i - start);
    }
    return {};
}

std::string to_utf8(std::string_view bytes, std::string_view header) {
    if (bytes.starts_with("\xEF\xBB\xBF")) return to_utf8(bytes.substr(3), "utf-8");
    if (bytes.starts_with("\xFF\xFE")) return convert(bytes.substr(2), "UTF-16LE");
    if (bytes.starts_with("\xFE\xFF")) return convert(bytes.substr(2), "UTF-16BE");
    auto charset = browser_charset(text::ascii_lower(header));
    if (charset.empty() || !known_charset(charset)) charset = browser_charset(declared_charset(bytes));
    // A page that calls itself UTF-16 is read as ASCII-compatible by browsers too.
    if (charset.starts_with("utf-16")) charset = "utf-8";
    if (charset.empty() || !known_charset(charset)) charset = text::valid_utf8(bytes) ? "utf-8" : "windows-1252";
    if (charset == "utf-8" && text::valid_utf8(bytes)) return std::string{bytes};
    return convert(bytes, charset);
}

} // namespace newsdesk::pages
