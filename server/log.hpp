#pragma once
// One line at a time to stderr, from any thread.
#include <string_view>

namespace newsdesk::server {

void log_line(std::string_view line);

} // namespace newsdesk::server
