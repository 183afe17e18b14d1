#pragma once
// Articles and texts the tests build, written once for every test file.
#include <cstddef>
#include <string>

#include <newsdesk/article.hpp>

namespace newsdesk::testing {

// An article as extraction sees it: a body, and a title and a dateline when the test needs them.
inline Article text_article(std::string body, std::string title = {}, std::string dateline = {}) {
    Article a;
    a.title = std::move(title);
    a.body = std::move(body);
    a.dateline = std::move(dateline);
    return a;
}

// `unit` repeated as often as fits in `bytes`: the long, repetitive texts of the bound tests.
inline std::string repeated(const std::string& unit, std::size_t bytes) {
    std::string out;
    while (out.size() + unit.size() <= bytes) out += unit;
    return out;
}

} // namespace newsdesk::testing
