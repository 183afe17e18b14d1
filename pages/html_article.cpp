#include "pages/html_article.hpp"

#include <algorithm>

#include <libxml/uri.h>

#include "pages/blocks.hpp"
#include "pages/charset.hpp"
#include "pages/html_document.hpp"
#include "pages/main_text.hpp"
#include "pages/metadata.hpp"
#include "pages/page_tags.hpp"
#include "text/unicode.hpp"

namespace newsdesk::pages {
namespace {

// A title taken from the text when the page gives none: its first paragraph, cut.
constexpr std::size_t MaxTitleBytes = 200;

bool is_address(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

// A canonical address may be relative ("/2019/11/story"): resolved against where the page
// was fetched from. Anything that does not end as an http(s) address is passed over.
std::string resolve(const std::string& link, const std::string& base) {
    if (link.empty() || is_address(link)) return link;
    if (base.empty()) return {};
    xmlChar* full = xmlBuildURI(reinterpret_cast<const xmlChar*>(link.c_str()),
                                reinterpret_cast<const xmlChar*>(base.c_str()));
    if (!full) return {};
    std::string out{reinterpret_cast<const char*>(full)};
    xmlFree(full);
    return is_address(out) ? out : std::string{};
}

std::string join(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out += "\n\n";
        out += p;
    }
    return out;
}

const xmlNode* root_of(const Document& doc) { return doc ? xmlDocGetRootElement(doc.get()) : nullptr; }

} // namespace

Article article_from_html(std::string_view bytes, const PageOrigin& origin) {
    Article a;
    a.url = origin.url;
    const auto doc = parse_html(to_utf8(bytes, origin.charset));
    const xmlNode* root = root_of(doc);
    if (!root) return a;
    const auto tags = page_tags(root);
    auto meta = metadata_of(tags);
    a.title = meta.title;
    a.date = meta.date;
    a.authors = std::move(meta.authors);
    a.source = meta.source;
    a.language = meta.language;
    if (auto canonical = resolve(meta.url, origin.url); !canonical.empty()) a.url = std::move(canonical);
    auto paragraphs = main_text(root, a.title);
    // The headline is the title, not the body's first paragraph.
    std::erase_if(paragraphs, [&](const std::string& p) { return p == tags.h1 || p == a.title; });
    a.body = join(paragraphs);
    if (a.title.empty() && !paragraphs.empty()) a.title = utf8_prefix(paragraphs.front(), MaxTitleBytes);
    return a;
}

std::string text_of_html(std::string_view fragment) {
    const auto doc = parse_html(to_utf8(fragment, "utf-8"));
    SegmentOptions everything;
    everything.class_cues = false;
    everything.drop_chrome = false;
    std::vector<std::string> paragraphs;
    for (auto& b : segment(root_of(doc), everything)) paragraphs.push_back(std::move(b.text));
    return join(paragraphs);
}

} // namespace newsdesk::pages
