#pragma once
// Speaker extraction, stage 3 (its grammar): who a cue's subject is, read from the words before
// the verb ("Ann Lee, a spokeswoman, said") or after it ('"...," said Ann Lee').
#include <cstddef>
#include <vector>

#include "extract/speaker_mentions.hpp"

namespace newsdesk::entities {

// The subject before the verb of `cue` (cue.token): a name, several ("Obama and Biden said"),
// a title phrase or a pronoun. Empty if none: "said" then may take its subject after it.
std::vector<Mention> subject_before(const NameRuns& text, const Cue& cue);

// The subject after an inverted verb, from token `start` on: '"...," said Virginia delegate
// Beau Correll', 'said another Twitter user, Johanna Bayer', 'said the Turkish president'.
// Mentions are ordered at `position`.
std::vector<Mention> subject_after(const NameRuns& text, const Cue& cue, std::size_t start, std::size_t position);

// The source "according to" names, starting at token `start`: a person as subject_after reads
// one, or an organisation's whole name ("the Ministry of Foreign Affairs", "Standard & Poor's",
// "recent research by the Pew Internet and American Life Project", "the Nielsen ratings").
std::vector<Mention> according_to_subject(const NameRuns& text, const Cue& cue, std::size_t start);

} // namespace newsdesk::entities
