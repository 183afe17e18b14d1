#include "terminal.hpp"

#include <algorithm>

#include <unistd.h>

#include "render/marked.hpp"

namespace newsdesk::cli {

std::size_t display_width(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;   // not a continuation byte
    }));
}

bool stdout_is_terminal() { return isatty(STDOUT_FILENO); }
bool stderr_is_terminal() { return isatty(STDERR_FILENO); }

std::string highlighted(const Snippet& snippet, bool colour) {
    using render::Escape;
    return colour ? render::marked(snippet, "\033[1;33m", "\033[0m", Escape::None)
                  : render::marked(snippet, "[", "]", Escape::None);
}

} // namespace newsdesk::cli
