#pragma once
// Speaker extraction, stage 4: each mention resolved to a speaker's canonical name (the name
// inventory's), pronouns to the last person named as speaking before in the same segment;
// mentions that resolve to nobody are dropped.
#include <vector>

#include "extract/name_inventory.hpp"
#include "extract/speaker_mentions.hpp"

namespace newsdesk::entities {

SpeakerFindings attribute(std::vector<Mention> mentions, NameInventory& names);

} // namespace newsdesk::entities
