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
};

// All gazetteer matches (accepted or not) in token order, without overlaps.
std::vector<CountryMatch> match_countries(const TokenStream& ts, bool headline);

// Article-level check across all its texts: drops lone towns that are more likely namesakes
// of towns in another country the article talks about.
void confirm_places(const std::vector<const TokenStream*>& texts, std::vector<std::vector<CountryMatch>*>& matches);

} // namespace newsdesk::entities
