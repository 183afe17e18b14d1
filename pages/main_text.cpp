#include "pages/main_text.hpp"

#include <algorithm>

#include "pages/block_filter.hpp"
#include "pages/blocks.hpp"
#include "pages/container_scores.hpp"
#include "pages/html_document.hpp"

namespace newsdesk::pages {
namespace {

// Less text than this kept with class names trusted: the names misled (a page wrapper called
// "has-sidebar"); look again without them.
constexpr std::size_t MinArticleBytes = 250;

bool within(const xmlNode* node, const std::vector<const xmlNode*>& roots) {
    for (int level = 0; node && level <= MaxDepth; node = node->parent, ++level)
        if (std::find(roots.begin(), roots.end(), node) != roots.end()) return true;
    return false;
}

// The best container, and its siblings that score nearly as well: articles split by an ad
// slot or a photo into several containers.
std::vector<const xmlNode*> article_roots(const xmlNode* best, const ContainerScores& scores) {
    std::vector<const xmlNode*> roots{best};
    if (!best->parent) return roots;
    const double threshold = std::max(10.0, 0.2 * scores.at(best).final_score());
    for (const xmlNode* sibling = best->parent->children; sibling; sibling = sibling->next) {
        if (sibling == best || sibling->type != XML_ELEMENT_NODE) continue;
        const auto it = scores.find(sibling);
        if (it != scores.end() && it->second.final_score() >= threshold) roots.push_back(sibling);
    }
    return roots;
}

// A paragraph beside the container, not in one of its own: kept when it reads as prose.
bool prose_beside(const Block& b, const xmlNode* best) {
    return b.tag == "p" && b.owner->parent == best->parent && b.text.size() >= 80 && b.link_density() < 0.25;
}

std::vector<std::string> pick(const std::vector<Block>& blocks, std::string_view headline) {
    const auto scores = score_containers(blocks);
    const xmlNode* best = best_container(scores);
    if (!best) return {};
    const auto roots = article_roots(best, scores);
    std::vector<std::string> out;
    for (const auto& b : blocks)
        if ((within(b.owner, roots) || prose_beside(b, best)) && reads_as_text(b, headline)) out.push_back(b.text);
    return out;
}

std::size_t total_bytes(const std::vector<std::string>& paragraphs) {
    std::size_t n = 0;
    for (const auto& p : paragraphs) n += p.size();
    return n;
}

} // namespace

std::vector<std::string> main_text(const xmlNode* root, std::string_view headline) {
    SegmentOptions options;
    auto found = pick(segment(root, options), headline);
    if (total_bytes(found) >= MinArticleBytes) return found;
    options.class_cues = false;
    options.drop_chrome = false;
    // Only a real article found this way replaces what the names allowed: else a cookie notice
    // or a newsletter box would become the text of a page that has none.
    auto again = pick(segment(root, options), headline);
    return total_bytes(again) >= MinArticleBytes ? again : found;
}

} // namespace newsdesk::pages
