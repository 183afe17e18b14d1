#include "pages/html_document.hpp"

#include <climits>

namespace newsdesk::pages {

Document parse_html(std::string_view utf8) {
    if (utf8.empty() || utf8.size() > INT_MAX) return nullptr;
    // The bytes are UTF-8 already (charset.hpp): IGNORE_ENC keeps a <meta charset> from
    // making the parser decode them a second time.
    constexpr int options = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER |
                            HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOBLANKS;
    return Document{htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options)};
}

std::string_view tag_of(const xmlNode* node) {
    if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
    // The HTML parser lower-cases element names itself.
    return reinterpret_cast<const char*>(node->name);
}

std::string attribute(const xmlNode* node, const char* name) {
    if (!node || node->type != XML_ELEMENT_NODE) return {};
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value) return {};
    std::string out{reinterpret_cast<const char*>(value)};
    xmlFree(value);
    return out;
}

namespace {
// ASCII whitespace, and U+00A0 (no-break space), which pages use to space words too.
std::size_t space_at(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    return 0;
}
} // namespace

void append_collapsed(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (const auto n = space_at(text, i)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            i += n;
        } else {
            out += text[i++];
        }
    }
}

std::string collapse_space(std::string_view text) {
    std::string out;
    append_collapsed(out, text);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && out.front() == ' ') out.erase(0, 1);
    return out;
}

std::string_view utf8_prefix(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text;
    while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
    return text.substr(0, limit);
}

void walk_tree(const xmlNode* root, const std::function<Walk(const xmlNode*)>& visit) {
    if (!root) return;
    const xmlNode* node = root->children;
    int depth = 1;
    while (node) {
        const auto next = visit(node);
        if (next == Walk::Stop) return;
        if (next == Walk::Into && node->children && depth < MaxDepth) {
            node = node->children;
            ++depth;
            continue;
        }
        while (node != root && !node->next) {
            node = node->parent;
            --depth;
        }
        if (node == root) return;
        node = node->next;
    }
}

std::string text_content(const xmlNode* root, std::size_t limit) {
    std::string out;
    walk_tree(root, [&](const xmlNode* node) {
        if (out.size() >= limit) return Walk::Stop;
        // The HTML parser hands the content of <script> and <style> over as CDATA.
        if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content)
            append_collapsed(out, reinterpret_cast<const char*>(node->content));
        const auto tag = tag_of(node);
        return tag == "script" || tag == "style" ? Walk::Over : Walk::Into;
    });
    out.resize(utf8_prefix(out, limit).size());
    return collapse_space(out);
}

} // namespace newsdesk::pages
