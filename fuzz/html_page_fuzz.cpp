// libFuzzer target: a web page as the HTML reader hands it to article_from_html, and an HTML
// fragment as feeds will hand it to text_of_html. The first byte picks which, and the charset
// an HTTP header would have given (none, UTF-8, windows-1252, Shift_JIS, UTF-16, a bogus one).
// Besides not crashing, all text that comes out is valid UTF-8, and no larger than the input
// can make it (3 UTF-8 bytes for each input byte at most, whatever the charset or entities).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "pages/html_article.hpp"
#include "text/unicode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using newsdesk::text::valid_utf8;
    if (size == 0) return -1;
    static constexpr std::array<const char*, 6> charsets{"", "utf-8", "windows-1252", "shift_jis", "utf-16le", "x-bogus"};
    const auto mode = data[0];
    const std::string_view html{reinterpret_cast<const char*>(data) + 1, size - 1};
    const std::size_t bound = 3 * html.size() + 16;
    if (mode & 0x80) {
        const auto text = newsdesk::pages::text_of_html(html);
        NEWSDESK_FUZZ_CHECK(valid_utf8(text));
        NEWSDESK_FUZZ_CHECK(text.size() <= bound);
        return 0;
    }
    const newsdesk::pages::PageOrigin origin{"https://example.org/a/b", charsets[mode % charsets.size()]};
    const auto a = newsdesk::pages::article_from_html(html, origin);
    for (const auto* s : {&a.title, &a.body, &a.date, &a.source, &a.url, &a.language}) NEWSDESK_FUZZ_CHECK(valid_utf8(*s));
    for (const auto& author : a.authors) NEWSDESK_FUZZ_CHECK(valid_utf8(author));
    NEWSDESK_FUZZ_CHECK(a.body.size() <= bound);
    NEWSDESK_FUZZ_CHECK(a.date.empty() || a.date.size() == 10);
    NEWSDESK_FUZZ_CHECK(a.language.empty() || a.language.size() == 2);
    NEWSDESK_FUZZ_CHECK(a.id.empty());
    return 0;
}
