#pragma once
// Words written before a name that describe the person and are no part of the name: titles
// ("Secretary"), occupations ("Developer", "Broadcaster"), and titles as typed in a hurry
// ("Secertary", "Represenative", "Minster"), which wire copy has plenty of.
#include <string_view>

namespace newsdesk::entities {

// `norm` (normalised) is a title word misspelt: one typing slip (a letter left out, added,
// changed or two swapped) from a title word of MinMisspeltTitleLength letters or more, two for
// long words. Shorter titles are too close to names ("Mayer", "Gove") to be guessed at.
bool misspelt_title(std::string_view norm);

// A word that, first in a run and followed by a full name, describes the person: a title, an
// occupation or a misspelt title.
bool leading_description(std::string_view norm);

} // namespace newsdesk::entities
