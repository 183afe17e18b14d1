#pragma once
// Text for a person at a terminal: whether there is one, and snippets with their matches
// shown in colour there, in brackets elsewhere.
#include <cstddef>
#include <string>
#include <string_view>

#include <newsdesk/search.hpp>

namespace newsdesk::cli {

bool stdout_is_terminal();
bool stderr_is_terminal();

// The columns `text` takes: its characters (UTF-8 sequences), not its bytes.
std::size_t display_width(std::string_view text);

// The snippet with its matches in bold yellow (`colour`) or between [ and ].
std::string highlighted(const Snippet& snippet, bool colour);

} // namespace newsdesk::cli
