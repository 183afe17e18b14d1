#include "pages/block_filter.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "text/ascii.hpp"

namespace newsdesk::pages {
namespace {

// Labels of widgets and ad slots that sit between paragraphs.
bool is_label(std::string_view text) {
    static constexpr std::array labels{"advertisement", "advertisements", "ad", "story continues below advertisement",
                                       "continue reading below", "continue reading the main story",
                                       "share", "share this article", "share this", "related", "related articles",
                                       "related stories", "read more", "more", "see also", "sponsored",
                                       "recommended", "image", "photo", "video", "close", "skip advertisement",
                                       "supported by", "loading..."};
    if (text.size() > 40) return false;
    const auto l = text::ascii_lower(text);
    return std::find(labels.begin(), labels.end(), l) != labels.end();
}

} // namespace

bool reads_as_text(const Block& block, std::string_view headline) {
    if (block.boilerplate) return false;
    if (block.text == headline) return false;
    if (is_label(block.text)) return false;
    // A list of links, a "Read more: ..." line: more link than text.
    const double links = block.link_density();
    if (links > 0.5) return false;
    if (block.text.size() < 50 && links > 0.3) return false;
    return true;
}

} // namespace newsdesk::pages
