#include "pages/page_tags.hpp"

#include <algorithm>
#include <cctype>

#include "pages/html_document.hpp"
#include "text/ascii.hpp"

namespace newsdesk::pages {
namespace {

// JSON-LD larger than this is not an article's description.
constexpr std::size_t MaxJsonLdBytes = 1u << 20;

void meta_tag(PageTags& tags, const xmlNode* element) {
    auto content = attribute(element, "content");
    if (content.empty()) return;
    for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
        const auto name = text::ascii_lower(attribute(element, key));
        if (!name.empty()) tags.meta.emplace(name, collapse_space(content));
    }
}

void element(PageTags& tags, const xmlNode* node) {
    const auto tag = tag_of(node);
    if (tag == "meta") {
        meta_tag(tags, node);
    } else if (tag == "link") {
        if (tags.canonical.empty() && text::ascii_lower(attribute(node, "rel")) == "canonical")
            tags.canonical = collapse_space(attribute(node, "href"));
    } else if (tag == "script") {
        if (text::ascii_lower(attribute(node, "type")).starts_with("application/ld+json"))
            tags.json_ld.push_back(text_content(node, MaxJsonLdBytes));
    } else if (tag == "time") {
        const auto when = attribute(node, "datetime");
        const bool published = attribute(node, "itemprop") == "datePublished" ||
                                xmlHasProp(node, reinterpret_cast<const xmlChar*>("pubdate"));
        if (!when.empty() && tags.first_time.empty()) tags.first_time = when;
        if (!when.empty() && published && tags.published_time.empty()) tags.published_time = when;
    } else if (tag == "html") {
        if (tags.html_lang.empty()) tags.html_lang = attribute(node, "lang");
        if (tags.html_lang.empty()) tags.html_lang = attribute(node, "xml:lang");
    } else if (tag == "title") {
        if (tags.title.empty()) tags.title = text_content(node);
    } else if (tag == "h1") {
        if (tags.h1.empty()) tags.h1 = text_content(node);
    }
}

} // namespace

PageTags page_tags(const xmlNode* root) {
    PageTags tags;
    if (!root) return tags;
    element(tags, root);
    walk_tree(root, [&](const xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return Walk::Over;
        element(tags, node);
        const auto tag = tag_of(node);
        return tag == "script" || tag == "style" ? Walk::Over : Walk::Into;
    });
    return tags;
}

} // namespace newsdesk::pages
