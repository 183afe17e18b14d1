#pragma once
// Articles the unit tests build: one constructor for the fields extraction reads, so that each
// test file does not write its own.
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

} // namespace newsdesk::testing
