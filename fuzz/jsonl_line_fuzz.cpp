// libFuzzer target: one line of a JSON Lines archive, as read_jsonl hands it to
// parse_json_line. Besides not crashing, a line gives exactly one of an article and a problem,
// and an article's text is valid UTF-8 with a date that is empty or YYYY-MM-DD.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include "indexer/readers/jsonl_reader.hpp"
#include "text/unicode.hpp"

namespace {

bool iso_day(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (d[i] < '0' || d[i] > '9') return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using newsdesk::text::valid_utf8;
    const std::string_view line{reinterpret_cast<const char*>(data), size};
    const auto result = newsdesk::parse_json_line(line);
    NEWSDESK_FUZZ_CHECK(result.article.has_value() == result.problem.empty());
    if (!result.article) return 0;
    const auto& a = *result.article;
    NEWSDESK_FUZZ_CHECK(!a.title.empty() || !a.body.empty());
    NEWSDESK_FUZZ_CHECK(a.date.empty() || iso_day(a.date));
    for (const auto* s : {&a.id, &a.title, &a.body, &a.source, &a.url, &a.language})
        NEWSDESK_FUZZ_CHECK(valid_utf8(*s));
    for (const auto* list : {&a.authors, &a.speakers, &a.countries})
        for (const auto& s : *list) NEWSDESK_FUZZ_CHECK(valid_utf8(s));
    return 0;
}
