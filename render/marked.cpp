#include "render/marked.hpp"

namespace newsdesk::render {
namespace {

void append(std::string& out, std::string_view s, Escape escape) {
    if (escape == Escape::None) {
        out += s;
        return;
    }
    for (char c : s) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        default: out += c;
        }
    }
}

} // namespace

std::string marked(const Snippet& s, std::string_view open, std::string_view close, Escape escape) {
    const std::string_view text{s.text};
    std::string out;
    std::size_t pos = 0;
    for (const auto& m : s.matches) {
        append(out, text.substr(pos, m.offset - pos), escape);
        out += open;
        append(out, text.substr(m.offset, m.length), escape);
        out += close;
        pos = m.offset + m.length;
    }
    append(out, text.substr(pos), escape);
    return out;
}

} // namespace newsdesk::render
