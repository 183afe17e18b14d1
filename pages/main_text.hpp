#pragma once
// The main text of a page: which of its blocks are the article.
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

namespace newsdesk::pages {

// The article's paragraphs, in order: the element holding most of the page's prose is found
// by scoring containers (text and commas of their paragraphs, less their share of link text,
// with markup cues: <article>, itemprop=articleBody, class names), and its blocks that read as
// text (not link lists, not boilerplate, not the headline) are kept. Empty when the page has
// no article text.
std::vector<std::string> main_text(const xmlNode* root, std::string_view headline);

} // namespace newsdesk::pages
