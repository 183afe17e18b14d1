#pragma once
// What a page's class and id names say about an element: that it holds the article
// ("article-body", "story-content") or something around it ("related-links", "share-bar").
#include <libxml/tree.h>

namespace newsdesk::pages {

enum class Cue { None, Content, Boilerplate };

// From the element's class and id (and itemprop, role): Boilerplate when a word of them names
// navigation, comments, sharing, promotion and the like and none names content.
Cue class_cue(const xmlNode* element);

// The element is marked as the article's text itself (itemprop=articleBody and the like).
bool marks_article_body(const xmlNode* element);

} // namespace newsdesk::pages
