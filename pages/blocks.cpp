#include "pages/blocks.hpp"

#include <algorithm>
#include <array>

#include "pages/class_cues.hpp"
#include "pages/html_document.hpp"

namespace newsdesk::pages {
namespace {

template <class Tags>
bool in(const Tags& tags, std::string_view tag) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// Never text a reader sees.
constexpr std::array Invisible{"script", "style", "noscript", "template", "svg", "math", "iframe", "head",
                               "select", "option", "button", "input", "textarea", "canvas", "object",
                               "embed", "video", "audio", "map", "title", "meta", "link", "dialog"};
// Page chrome around the article.
constexpr std::array Chrome{"nav", "aside", "footer", "header", "menu"};

bool hidden(const xmlNode* element, bool trust_aria) {
    if (xmlHasProp(element, reinterpret_cast<const xmlChar*>("hidden"))) return true;
    // A saved page may hide everything behind an open dialog this way: trusted only as chrome is.
    if (trust_aria && attribute(element, "aria-hidden") == "true") return true;
    auto style = attribute(element, "style");
    std::erase(style, ' ');
    return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

struct Frame {
    const xmlNode* node;
    bool block, link, boilerplate;
};

class Segmenter {
public:
    explicit Segmenter(const SegmentOptions& options) : options_(options) {}

    std::vector<Block> run(const xmlNode* root) {
        owners_.push_back(root);
        for (const xmlNode* child = root->children; child; child = child->next) walk(child);
        flush();
        return std::move(blocks_);
    }

private:
    // Iterative: the stack holds the open elements, at most MaxDepth of them.
    void walk(const xmlNode* top) {
        const xmlNode* node = top;
        while (node) {
            bool descended = false;
            if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
                if (node->content) text(reinterpret_cast<const char*>(node->content));
            } else if (node->type == XML_ELEMENT_NODE && enter(node)) {
                if (node->children && stack_.size() < MaxDepth) {
                    node = node->children;
                    descended = true;
                } else {
                    leave();
                }
            }
            if (descended) continue;
            // Up until a node with a next sibling, closing the elements passed.
            while (node != top && !node->next) {
                node = node->parent;
                leave();
            }
            if (node == top) break;
            node = node->next;
        }
    }

    bool enter(const xmlNode* element) {
        const auto tag = tag_of(element);
        if (in(Invisible, tag) || hidden(element, options_.drop_chrome)) return false;
        if (options_.drop_chrome && in(Chrome, tag)) return false;
        if (tag == "br") {
            flush();
            return false;
        }
        Frame f{element, is_block_tag(tag), tag == "a", false};
        const bool parent_boiler = !stack_.empty() && stack_.back().boilerplate;
        f.boilerplate = parent_boiler || (options_.class_cues && class_cue(element) == Cue::Boilerplate);
        if (f.block) {
            flush();
            owners_.push_back(element);
        }
        if (f.link) ++links_;
        stack_.push_back(f);
        return true;
    }

    void leave() {
        if (stack_.empty()) return;
        const auto f = stack_.back();
        stack_.pop_back();
        if (f.link) --links_;
        if (f.block) {
            flush();
            owners_.pop_back();
        }
    }

    void text(std::string_view s) {
        if (current_.text.empty()) current_.boilerplate = !stack_.empty() && stack_.back().boilerplate;
        const auto before = current_.text.size();
        append_collapsed(current_.text, s);
        if (links_ > 0) current_.link_bytes += current_.text.size() - before;
    }

    void flush() {
        auto& t = current_.text;
        while (!t.empty() && t.back() == ' ') t.pop_back();
        const auto lead = t.find_first_not_of(' ');
        if (lead != std::string::npos) {
            t.erase(0, lead);
            current_.link_bytes = std::min(current_.link_bytes, t.size());
            current_.owner = owners_.back();
            current_.tag = tag_of(current_.owner);
            blocks_.push_back(std::move(current_));
        }
        current_ = Block{};
    }

    const SegmentOptions& options_;
    std::vector<Frame> stack_;
    std::vector<const xmlNode*> owners_;
    int links_ = 0;
    Block current_;
    std::vector<Block> blocks_;
};

} // namespace

bool is_block_tag(std::string_view tag) {
    static constexpr std::array tags{"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                                     "dd", "table", "tr", "td", "th", "tbody", "thead", "blockquote", "pre",
                                     "section", "article", "main", "figure", "figcaption", "form", "fieldset",
                                     "address", "hr", "body", "center", "details", "summary", "caption",
                                     "header", "footer", "nav", "aside", "html"};
    return in(tags, tag);
}

std::vector<Block> segment(const xmlNode* root, const SegmentOptions& options) {
    if (!root) return {};
    return Segmenter(options).run(root);
}

} // namespace newsdesk::pages
