#include "pages/container_scores.hpp"

#include <algorithm>

#include "pages/class_cues.hpp"
#include "pages/html_document.hpp"

namespace newsdesk::pages {
namespace {

constexpr std::size_t MinParagraphBytes = 25;
constexpr int ScoredLevels = 5;

// What an element's tag says of it as a container before its text is counted.
double tag_weight(const xmlNode* element) {
    const auto tag = tag_of(element);
    if (tag == "article" || tag == "main") return 10;
    if (tag == "div" || tag == "section") return 5;
    if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
    if (tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" || tag == "li" || tag == "form")
        return -3;
    if (tag == "h1" || tag == "h2" || tag == "h3" || tag == "h4" || tag == "h5" || tag == "h6" || tag == "th")
        return -5;
    return 0;
}

// What its markup says of it: a factor, not points, so that a small box called "text" or
// "content" (a newsletter form) cannot outscore the paragraphs of the article.
double cue_factor(const xmlNode* element) {
    double f = 1;
    if (marks_article_body(element)) f *= 2;
    switch (class_cue(element)) {
    case Cue::Content: f *= 1.5; break;
    case Cue::Boilerplate: f *= 0.5; break;
    case Cue::None: break;
    }
    return f;
}

std::size_t commas(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ',') ++n;
        // Chinese and Japanese commas, U+FF0C and U+3001.
        else if (text.compare(i, 3, "\xEF\xBC\x8C") == 0 || text.compare(i, 3, "\xE3\x80\x81") == 0) ++n;
    }
    return n;
}

} // namespace

ContainerScores score_containers(const std::vector<Block>& blocks) {
    ContainerScores scores;
    for (const auto& b : blocks) {
        if (b.boilerplate) continue;
        // Text and links count towards every container above, up to the page.
        int level = 0;
        for (const xmlNode* n = b.owner; n && n->type == XML_ELEMENT_NODE && level < MaxDepth; n = n->parent, ++level) {
            auto [it, added] = scores.try_emplace(n);
            auto& s = it->second;
            if (added) s.order = scores.size();
            s.text_bytes += b.text.size();
            s.link_bytes += b.link_bytes;
        }
        const bool paragraph = b.tag == "p" || b.tag == "pre" || b.tag == "td" || b.tag == "blockquote" ||
                               b.tag == "div" || b.tag == "section" || b.tag == "article" || b.tag == "dd";
        if (!paragraph || b.text.size() < MinParagraphBytes || b.link_density() > 0.5) continue;
        const double points = 1 + double(commas(b.text)) + std::min(double(b.text.size()) / 100.0, 3.0);
        // A text directly in a <div> is a paragraph of that div.
        const xmlNode* parent = b.tag == "p" || b.tag == "pre" || b.tag == "blockquote" ? b.owner->parent : b.owner;
        level = 0;
        for (const xmlNode* n = parent; n && n->type == XML_ELEMENT_NODE && level < ScoredLevels; n = n->parent, ++level) {
            const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            scores[n].score += points / divider;
        }
    }
    for (auto& [element, s] : scores)
        if (s.score > 0) s.score = std::max(0.0, s.score + tag_weight(element)) * cue_factor(element);
    return scores;
}

const xmlNode* best_container(const ContainerScores& scores) {
    const xmlNode* best = nullptr;
    double top = 0;
    std::size_t best_order = 0;
    for (const auto& [element, s] : scores) {
        const auto tag = tag_of(element);
        if (tag == "html" || tag == "body") continue;
        const double f = s.final_score();
        if (f > top || (f == top && best && s.order < best_order)) top = f, best = element, best_order = s.order;
    }
    return best;
}

} // namespace newsdesk::pages
