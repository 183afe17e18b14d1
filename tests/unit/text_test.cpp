#include <catch2/catch.hpp>

#include "text/unicode.hpp"

using namespace newsdesk;

TEST_CASE("normalise folds case, accents and script variants", "[text]") {
    CHECK(text::normalise("Erdoğan") == "erdogan");
    CHECK(text::normalise("İstanbul") == "istanbul");
    CHECK(text::normalise("ıstanbul") == "istanbul");
    CHECK(text::normalise("Straße") == "strasse");
    CHECK(text::normalise("ﬁnance") == "finance");
    CHECK(text::normalise("Ёлка") == text::normalise("елка"));
    CHECK(text::normalise("كتاب") == text::normalise("کتاب"));   // Arabic and Persian kaf
    CHECK(text::normalise("علي") == text::normalise("علی"));     // Arabic and Persian yeh
    CHECK(text::normalise("TEHRAN") == "tehran");
}

TEST_CASE("words follow ICU word boundaries in several scripts", "[text]") {
    auto texts = [](std::string_view s) {
        std::vector<std::string> out;
        for (const auto& w : text::words(s)) out.emplace_back(w.text);
        return out;
    };
    CHECK(texts("Iran's President, in a call.") == std::vector<std::string>{"Iran's", "President", "in", "a", "call"});
    CHECK(texts("روحانی گفت") == std::vector<std::string>{"روحانی", "گفت"});
    CHECK(texts("Москва, 2021") == std::vector<std::string>{"Москва", "2021"});
    // Chinese has no spaces: ICU's dictionary splits it into words.
    CHECK(texts("中华人民共和国主席").size() >= 2);
    const auto ws = text::words("a Tehran");
    REQUIRE(ws.size() == 2);
    CHECK(ws[1].offset == 2);
}

TEST_CASE("utf-8 validation and capitalisation", "[text]") {
    CHECK(text::valid_utf8("Erdoğan"));
    CHECK_FALSE(text::valid_utf8("bad \xff byte"));
    CHECK(text::starts_upper("Éric"));
    CHECK_FALSE(text::starts_upper("éric"));
}
