// libFuzzer target: entity extraction (speakers, quotes, countries). The input is split into
// an article: its first line is the title, its second the dateline, the rest the body. Bytes
// are passed on as they are: extract_entities skips any part that is not valid UTF-8 itself,
// and JSON Lines input can carry NUL bytes ("\u0000") into the body. Besides not crashing,
// quotes lie inside the body, names and quotes are valid UTF-8 and country codes are two
// upper-case letters, sorted and unique.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"
#include <newsdesk/entities.hpp>
#include "text/unicode.hpp"

namespace {

std::string_view next_line(std::string_view& rest) {
    const auto end = rest.find('\n');
    const auto line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    return line;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    newsdesk::Article warm;   // load the gazetteer and alias tables once, outside the timings
    warm.title = "Warm-up";
    warm.body = "\"Tables load once,\" Hassan Rouhani said in Tehran.";
    (void)newsdesk::extract_entities(warm);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using newsdesk::text::valid_utf8;
    std::string_view rest{reinterpret_cast<const char*>(data), size};
    newsdesk::Article a;
    a.title = next_line(rest);
    a.dateline = next_line(rest);
    a.body = rest;
    const auto found = newsdesk::extract_entities(a);
    for (const auto& s : found.speakers) NEWSDESK_FUZZ_CHECK(!s.name.empty() && valid_utf8(s.name));
    for (const auto& q : found.quotes) {
        NEWSDESK_FUZZ_CHECK(q.offset <= a.body.size());
        NEWSDESK_FUZZ_CHECK(valid_utf8(q.speaker) && valid_utf8(q.text) && valid_utf8(q.verb));
    }
    for (std::size_t i = 0; i < found.countries.size(); ++i) {
        const auto& code = found.countries[i].code;
        NEWSDESK_FUZZ_CHECK(code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z');
        NEWSDESK_FUZZ_CHECK(i == 0 || found.countries[i - 1].code < code);
    }
    return 0;
}
