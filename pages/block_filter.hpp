#pragma once
// Which blocks of the article's container are its text: not link lists, not the headline
// again, not the labels pages scatter in it ("Advertisement", "Share this article").
#include <string_view>

#include "pages/blocks.hpp"

namespace newsdesk::pages {

bool reads_as_text(const Block& block, std::string_view headline);

} // namespace newsdesk::pages
