#pragma once
// A snippet's text with the words that matched marked: in JSON as HTML (<mark>), on a terminal
// in colour or brackets (cli/terminal.hpp).
#include <string>
#include <string_view>

#include <newsdesk/search.hpp>

namespace newsdesk::render {

enum class Escape { None, Html };

// The snippet's text with each match between `open` and `close`; the text between and inside
// them escaped as `escape` says (the markers are written as given).
std::string marked(const Snippet& snippet, std::string_view open, std::string_view close, Escape escape);

} // namespace newsdesk::render
