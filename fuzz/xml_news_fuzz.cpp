// libFuzzer target: an XML news document (NewsML-G2, NITF, RSS, Atom), as read_xml_news streams
// it. Whatever the bytes, the reader must not crash or leak, and what it hands back is bounded
// and sound: no article holds more text than the limit it is given, every article has a title
// or a body, and all its text is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "check.hpp"
#include "indexer/readers/xml_news_reader.hpp"
#include "text/unicode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view document{reinterpret_cast<const char*>(data), size};
    constexpr std::size_t Limit = 4096;
    newsdesk::ReadHandlers handlers;
    handlers.max_article_bytes = Limit;
    handlers.article = [&](newsdesk::Article&& a) {
        NEWSDESK_FUZZ_CHECK(!a.title.empty() || !a.body.empty());
        NEWSDESK_FUZZ_CHECK(a.title.size() + a.body.size() <= Limit);
        for (const auto* s : {&a.title, &a.body, &a.url, &a.id, &a.source, &a.date, &a.language, &a.dateline})
            NEWSDESK_FUZZ_CHECK(newsdesk::text::valid_utf8(*s));
        for (const auto& author : a.authors) NEWSDESK_FUZZ_CHECK(newsdesk::text::valid_utf8(author));
        NEWSDESK_FUZZ_CHECK(a.date.empty() || a.date.size() == 10);
        return true;
    };
    handlers.problem = [](const newsdesk::InputProblem& p) {
        NEWSDESK_FUZZ_CHECK(p.location.starts_with("fuzz.xml"));
        return true;
    };
    newsdesk::read_xml_news(document, "fuzz.xml", handlers);
    return 0;
}
