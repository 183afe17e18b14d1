// libFuzzer target: a NewsML-G2 or NITF document, as read_newsml streams it. Whatever the bytes,
// the reader must not crash or leak, and what it hands back is bounded: no article holds more
// text than the limit it is given, and every article has a title or a body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "check.hpp"
#include "indexer/readers/newsml_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view document{reinterpret_cast<const char*>(data), size};
    constexpr std::size_t Limit = 4096;
    newsdesk::ReadHandlers handlers;
    handlers.max_article_bytes = Limit;
    handlers.article = [&](newsdesk::Article&& a) {
        NEWSDESK_FUZZ_CHECK(!a.title.empty() || !a.body.empty());
        NEWSDESK_FUZZ_CHECK(a.title.size() + a.body.size() <= Limit);
        return true;
    };
    handlers.problem = [](const newsdesk::InputProblem& p) {
        NEWSDESK_FUZZ_CHECK(p.location.starts_with("fuzz.xml"));
        return true;
    };
    newsdesk::read_newsml(document, "fuzz.xml", handlers);
    return 0;
}
