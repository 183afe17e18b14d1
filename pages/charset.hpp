#pragma once
// Character sets of web pages: which one a page is in, and converting it to UTF-8.
#include <string>
#include <string_view>

namespace newsdesk::pages {

// The charset a page declares in its first bytes (<meta charset>, or http-equiv
// Content-Type), lower case; empty when it declares none.
std::string declared_charset(std::string_view bytes);

// The bytes as UTF-8. A byte order mark wins, then `header` (the HTTP header's charset), then
// what the page declares; without any, valid UTF-8 stays as it is and anything else is read
// as windows-1252 (what browsers do with undeclared legacy pages). Unknown charsets and bytes
// that are invalid in theirs become U+FFFD rather than errors.
std::string to_utf8(std::string_view bytes, std::string_view header);

} // namespace newsdesk::pages
