#include "terminal.hpp"

#include <unistd.h>

#include "render/marked.hpp"

namespace newsdesk::cli {

bool stdout_is_terminal() { return isatty(STDOUT_FILENO); }
bool stderr_is_terminal() { return isatty(STDERR_FILENO); }

std::string highlighted(const Snippet& snippet, bool colour) {
    using render::Escape;
    return colour ? render::marked(snippet, "\033[1;33m", "\033[0m", Escape::None)
                  : render::marked(snippet, "[", "]", Escape::None);
}

} // namespace newsdesk::cli
