#pragma once
// Scoring the elements of a page as the container of its article, from the blocks they hold.
#include <unordered_map>
#include <vector>

#include "pages/blocks.hpp"

namespace newsdesk::pages {

struct ContainerScore {
    double score = 0;            // from the paragraphs below it
    std::size_t text_bytes = 0;  // all text of the blocks below it
    std::size_t link_bytes = 0;
    std::size_t order = 0;       // when it was first met: ties go to the earlier, whatever the map's order
    double link_density() const { return text_bytes ? double(link_bytes) / double(text_bytes) : 0; }
    double final_score() const { return score * (1 - link_density()); }
};

using ContainerScores = std::unordered_map<const xmlNode*, ContainerScore>;

// Each paragraph-like block of enough text gives its parent its score (1, plus one per comma,
// plus one per 100 bytes up to 3), its grandparent half of it and the levels above a third,
// a quarter...; an element's own tag and class weigh in once it is scored.
ContainerScores score_containers(const std::vector<Block>& blocks);

// The best container: the highest final score (the first met of equals).
const xmlNode* best_container(const ContainerScores& scores);

} // namespace newsdesk::pages
