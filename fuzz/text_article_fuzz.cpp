// libFuzzer target: a plain-text article, as read_text_article hands it to
// parse_text_article. The reader passes on only text that is not blank, has no NUL byte and
// is valid UTF-8 (the word segmentation parse_text_article uses requires UTF-8), so other
// inputs are skipped here too. Besides not crashing, what comes out is valid UTF-8 and the
// title is short.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "indexer/readers/text_article_reader.hpp"
#include "text/unicode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using newsdesk::text::valid_utf8;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return -1;
    if (text.find('\0') != std::string_view::npos || !valid_utf8(text)) return -1;   // not kept in the corpus
    const auto a = newsdesk::parse_text_article(text);
    for (const auto* s : {&a.title, &a.body, &a.dateline, &a.source}) NEWSDESK_FUZZ_CHECK(valid_utf8(*s));
    NEWSDESK_FUZZ_CHECK(a.title.size() <= text.size() + 3);   // at most the text and an ellipsis
    return 0;
}
