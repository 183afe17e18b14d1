#include "extract/speaker_extractor.hpp"

#include "extract/attribution.hpp"
#include "extract/name_inventory.hpp"
#include "extract/name_runs.hpp"
#include "extract/speech_cues.hpp"

namespace newsdesk::entities {

// The stages, each taking what the one before returns: name runs per segment, the article's
// inventory of names, the cues with the mentions of their subjects, and their attribution.
SpeakerFindings extract_speakers(const std::vector<Segment>& segments) {
    std::vector<NameRuns> texts;
    texts.reserve(segments.size());
    for (const auto& segment : segments) texts.emplace_back(segment);
    NameInventory names(texts);
    std::vector<Mention> mentions;
    for (std::size_t s = 0; s < texts.size(); ++s)
        for (auto& m : find_speech_cues(texts[s], s)) mentions.push_back(std::move(m));
    return attribute(std::move(mentions), names);
}

} // namespace newsdesk::entities
