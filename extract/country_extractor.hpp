#pragma once
// Finds the countries a text names: longest gazetteer match over 1..N words, then rules that
// reject readings as a common word, a person's name or a same-named town elsewhere.
#include <cstddef>
#include <string>
#include <vector>

#include "extract/country_gazetteer.hpp"
#include "extract/token_stream.hpp"

namespace newsdesk::entities {

struct CountryMatch {
    std::size_t first = 0, last = 0;   // token range, inclusive
    std::string code;                  // empty: blocker, or forms naming several countries
    FormKind kind = FormKind::name;
    bool accepted = false;             // counts as a mention of `code`
    bool confirm = false;              // a GeoNames place: needs its country confirmed by the article
    bool town = false;                 // a country's name used as a town's ("MALTA — "): the
                                       // article's other uses of the name are the town too
    bool person = false;               // part of a person's name ("Irvin E. Rhodes"): the
                                       // article's other uses of the word are the person too
    bool dateline = false;             // a GeoNames town as the text's capitalised dateline
                                       // ("PORTLAND -- "): a place, so its own confirmation
                                       // when no other country has a town of that name
    bool local = false;                // such a town used as local news uses its own town's
                                       // name ("Gainesville residents"): the same
    bool listed_abroad = false;        // in a list naming three or more countries ("Helsinki,
                                       // Oslo, Munich, Paris"): the famous place, no namesake
    bool street = false;               // names a street ("Washington Avenue"): no mention, but
                                       // vouches for the article's other places of that country
};

// All gazetteer matches (accepted or not) in token order, without overlaps.
std::vector<CountryMatch> match_countries(const TokenStream& ts, bool headline);

// Article-level check across all its texts: drops the uses of a word the article also writes as
// a person's name, and lone towns that are more likely namesakes of towns in another country
// the article talks about.
void confirm_places(const std::vector<const TokenStream*>& texts, std::vector<std::vector<CountryMatch>*>& matches);

} // namespace newsdesk::entities
