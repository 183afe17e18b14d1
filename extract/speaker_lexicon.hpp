#pragma once
// Closed word classes that speaker extraction relies on (all normalised: lower case, no accents,
// no full stops). General English, not fitted to any corpus.
#include <string_view>

namespace newsdesk::entities::lexicon {

// Verbs reporting speech, writing or stated belief, in any form ("said", "says", "tells").
bool speech_verb(std::string_view w);
// The subset that also reports with the subject after it: '"...," said Hassan Rouhani'.
bool inverting_verb(std::string_view w);
// Words that may stand between a subject and its verb ("also", "has", "later").
bool verb_companion(std::string_view w);
// Titles, honorifics, ranks and office words that precede a name ("President", "Sen", "Foreign").
bool title_word(std::string_view w);
// Heads of a title that a person can be referred to by ("president", "minister", "spokesman").
bool title_head(std::string_view w);
// Titles and honorifics that only a person carries ("Mr", "Sen", "President"): a lone surname
// after one of them is a person ("Mr. Ryan"), unlike after "Grand" or "National".
bool person_title(std::string_view w);
// Party and political-side words used as modifiers ("Republican", "Labour").
bool party_word(std::string_view w);
// Words that mark an organisation, publication or institution ("Ministry", "Times").
bool organisation_word(std::string_view w);
// Organisation words that are also common surnames ("Fox", "Hall").
bool surname_like_organisation_word(std::string_view w);
// Capitalised words that are not names: function words at a sentence start, pronouns,
// months and days, generic plural groups ("Officials", "Republicans").
bool not_name_word(std::string_view w);
// Lower-case particles inside names ("de", "van", "bin").
bool name_particle(std::string_view w);
// Name suffixes ("Jr", "III").
bool name_suffix(std::string_view w);

} // namespace newsdesk::entities::lexicon
