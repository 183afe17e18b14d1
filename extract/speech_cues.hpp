#pragma once
// Speaker extraction, stage 3: the cues of a segment, where its text says who said something
// ("X said", "said X", "according to X", "X: “...”", "“...” ― X"), each with the mentions of
// its subject, in the order found.
#include <vector>

#include "extract/speaker_mentions.hpp"

namespace newsdesk::entities {

// `segment` is the index of `text` among the article's segments, stamped on each cue.
std::vector<Mention> find_speech_cues(const NameRuns& text, std::size_t segment);

} // namespace newsdesk::entities
