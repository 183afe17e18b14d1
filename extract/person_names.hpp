#pragma once
// What a name run says about a person: the name itself, titles, parties and places stripped,
// and the titles and country written with it ("Iranian President Hassan Rouhani").
#include <optional>
#include <string>
#include <vector>

#include "extract/name_runs.hpp"

namespace newsdesk::entities {

struct PersonView {
    std::optional<TokenRange> name;   // none: the run names no person (a title, a place, a group)
    std::vector<std::string> titles;  // normalised, in text order, those before the run last
    std::string country;              // code of the country the run or the words before it name
    bool any_title = false;           // a title only a person carries ("Mr.", "President")
};

PersonView read_person(const NameRuns& text, TokenRange run);

// Token `first` continues a title across "of" and "and": "Minister of Energy and Mines
// Subroto", "Secretary of Mines Subroto".
bool title_continues(const NameRuns& text, std::size_t first);

// The run as written, white space folded to single spaces and a possessive "'s" dropped.
std::string written_name(const TokenStream& tokens, TokenRange run);

} // namespace newsdesk::entities
