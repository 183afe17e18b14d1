#pragma once
// Speaker extraction, stage 3 (who a sentence is about): the people a text names as the
// subjects of its sentences, whom a later "he said" or a quote may mean, and the subject a
// participle's cue speaks for ("North Wales Police reopened the case, saying ...").
#include <optional>
#include <vector>

#include "extract/speaker_mentions.hpp"

namespace newsdesk::entities {

// The people a segment names as the subject of a sentence ("But Williams blamed ...",
// "Garcia-Lopez, 21, was delighted"): the first name run of the sentence, within its first
// words, followed by a lower-case word or an appositive. A later "he said" may mean them.
// `quoted` tells the tokens inside direct quotes; mentions are added to `out` as Kind::subject.
void sentence_subjects(const NameRuns& text, std::size_t segment, const std::vector<bool>& quoted,
                       std::vector<Mention>& out);

// The subject of the sentence holding the cue: its first name run followed by a word in lower
// case that is no preposition (a verb: "North Wales Police reopened"), after any opening phrase
// ("In late June, the Supreme Court ruled"); none for a sentence that has none before the cue.
std::optional<Mention> participle_subject(const NameRuns& text, const Cue& cue);

} // namespace newsdesk::entities
